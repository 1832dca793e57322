// The "Select action" menu: order details, partial refund, cancel a unit, notify customer service,
// hand back (customer service), mark as a return request, close with a confirmation. Refusals show the problem's detail next
// to the control that was used.
import {api, get, post, idempotencyKey} from './api.js';
import {h, fill, select, announce} from './dom.js';
import {t, label, money, dateTime, REFUND_REASONS, CANCELLATION_REASONS, ESCALATION_REASONS, RETURN_INTENTS} from './i18n.js';

function unitsTable(order) {
  return h('table', {class: 'units', id: 'order-details'},
    h('caption', {}, t('ticket.order'), ' ', order.orderNumber, ' · ', t('order.buyer'), ': ', order.buyer.name, ' · ', t('order.ordered'), ' ', dateTime(order.orderedAt)),
    h('thead', {}, h('tr', {}, ['order.unit', 'order.title', 'order.price', 'order.state', 'order.refunded', 'order.remaining'].map((k) => h('th', {scope: 'col'}, t(k))))),
    h('tbody', {}, order.units.map((u) => h('tr', {},
      h('td', {}, String(u.orderUnitId)), h('td', {}, u.title), h('td', {}, money(u.price)), h('td', {}, u.state),
      h('td', {}, money(u.refunded)), h('td', {}, money(u.remaining))))));
}

/** A small form in the action panel: fields, a submit button, and the problem next to it. */
function actionForm(id, title, fields, submitText, run) {
  const problem = h('p', {class: 'problem', role: 'alert', id: id + '-problem'});
  const submit = h('button', {type: 'submit', class: 'primary', id: id + '-submit'}, submitText);
  const form = h('form', {class: 'action-form', id, 'aria-label': title, onsubmit: async (e) => {
    e.preventDefault();
    problem.textContent = '';
    submit.disabled = true;
    try {
      await run(form);
    } catch (err) {
      problem.textContent = err.message;
      if (err.extra) problem.append(' ', err.extra);
    } finally {
      submit.disabled = false;
    }
  }}, h('h2', {}, title), fields, h('div', {class: 'form-actions'}, submit, problem));
  return form;
}

function field(id, text, control) {
  control.id = id;
  return h('div', {class: 'field'}, h('label', {for: id}, text), control);
}

export function actionMenu(ticket, session, panel, reload) {
  const n = ticket.ticketNumber;
  const cs = session.role === 'customer_service';
  let order = null;
  const loadOrder = async () => (order = order || await get(`/tickets/${n}/order`));
  const unitSelect = (o) => select({}, o.units.filter((u) => u.inTicket).map((u) => ({value: String(u.orderUnitId), label: `${u.orderUnitId} · ${u.title} · ${money(u.remaining)}`})));
  const reasonSelect = (values, kind) => select({}, values.map((v) => ({value: v, label: label(kind, v)})));
  const done = async (text) => {
    announce(text);
    await reload();
    const status = document.getElementById('action-panel');
    if (status) fill(status, h('p', {class: 'done', role: 'status'}, text));
  };

  const actions = [
    {id: 'order', text: t('actions.order'), run: async () => fill(panel, unitsTable(await loadOrder()))},
    {id: 'refund', text: t('actions.refund'), run: async () => {
      const o = await loadOrder();
      const currency = o.units[0]?.price.currency || 'EUR';
      const amount = h('input', {type: 'text', inputmode: 'decimal', required: true, autocomplete: 'off'});
      const unit = unitSelect(o);
      const reason = reasonSelect(REFUND_REASONS, 'refund');
      fill(panel, actionForm('refund-form', t('actions.refund'), [
        field('refund-unit', t('form.unit'), unit),
        field('refund-amount', t('form.amount', {currency}), amount),
        field('refund-reason', t('form.reason'), reason)], t('form.submit'), async () => {
        const minor = Math.round(Number(amount.value.replace(',', '.')) * 100);
        const body = {orderUnitId: Number(unit.value), amount: {amount: Number.isFinite(minor) ? minor : 0, currency}, reason: reason.value};
        await post(`/tickets/${n}/refunds`, body, {'Idempotency-Key': idempotencyKey()});
        await done(t('refund.done', {amount: money(body.amount)}));
      }));
      amount.focus();
    }},
    {id: 'cancel', text: t('actions.cancel'), run: async () => {
      const o = await loadOrder();
      const unit = unitSelect(o);
      const reason = reasonSelect(CANCELLATION_REASONS, 'cancellation');
      fill(panel, actionForm('cancel-form', t('actions.cancel'), [
        field('cancel-unit', t('form.unit'), unit),
        field('cancel-reason', t('form.reason'), reason)], t('form.submit'), async () => {
        await post(`/tickets/${n}/cancellations`, {orderUnitId: Number(unit.value), reason: reason.value}, {'Idempotency-Key': idempotencyKey()});
        await done(t('cancel.done'));
      }));
      unit.focus();
    }},
    cs ? null : {id: 'escalate', text: t('actions.escalate'), run: async () => {
      const reason = reasonSelect(ESCALATION_REASONS, 'escalation');
      const note = h('textarea', {rows: 3});
      fill(panel, actionForm('escalate-form', t('actions.escalate'), [
        field('escalate-reason', t('form.reason'), reason),
        field('escalate-note', t('form.note'), note)], t('form.submit'), async () => {
        await post(`/tickets/${n}/escalations`, {reason: reason.value, note: note.value || undefined});
        await done(t('escalate.done'));
      }));
      reason.focus();
    }},
    cs ? {id: 'handback', text: t('actions.handback'), run: async () => {
      fill(panel, actionForm('handback-form', t('actions.handback'), [], t('actions.handback'), async () => {
        await post(`/tickets/${n}/handback`);
        await done(t('handback.done'));
      }));
      document.getElementById('handback-form-submit').focus();
    }} : null,
    {id: 'mark', text: t('actions.mark'), run: async () => {
      const intent = select({}, RETURN_INTENTS.map((v) => ({value: v, label: label('intent', v)})), ticket.returnIntent || 'refund');
      fill(panel, actionForm('mark-form', t('actions.mark'), [h('p', {}, t('mark.explain', {n})),
        field('mark-intent', t('mark.intent'), intent)], t('actions.mark'), async () => {
        try {
          // Based on the version shown: if the ticket changed meanwhile, the API answers 412.
          await api('PATCH', `/tickets/${n}`, {reason: 'product_return', returnIntent: intent.value || null}, {'If-Match': `"${ticket.version}"`});
        } catch (e) {
          if (e.status !== 412) throw e; // 409: marked so already; the detail says so
          // A reload that fails says so next to the button, which stays for another try.
          const again = h('button', {type: 'button', id: 'mark-reload', onclick: async () => {
            again.disabled = true;
            try {
              await reload();
            } catch (err) {
              const problem = document.getElementById('mark-form-problem');
              if (problem) fill(problem, t('error.generic', {detail: err.message}), ' ', again);
            } finally {
              again.disabled = false;
            }
          }}, t('mark.reload'));
          throw Object.assign(new Error(`${e.message} ${t('mark.stale')}`), {extra: again});
        }
        await done(t('mark.done'));
      }));
      intent.focus();
    }},
    {id: 'close', text: t('actions.close'), run: async () => {
      const cancel = h('button', {type: 'button', onclick: () => fill(panel)}, t('form.cancel'));
      const reason = h('input', {type: 'text', maxlength: 500, autocomplete: 'off'});
      fill(panel, actionForm('close-form', t('actions.close'), [h('p', {}, t('close.confirm', {n})),
        cs ? field('close-reason', t('close.reason'), reason) : null], t('close.yes'), async () => {
        const text = reason.value.trim();
        await api('POST', `/tickets/${n}/close`, text ? {reason: text} : undefined);
        await done(t('close.done'));
      }));
      panel.querySelector('.form-actions').appendChild(cancel);
      document.getElementById('close-form-submit').focus();
    }},
  ].filter(Boolean);

  const button = h('button', {type: 'button', id: 'action-menu-button', 'aria-haspopup': 'true', 'aria-expanded': 'false', 'aria-controls': 'action-menu'}, t('actions.menu'), ' ▾');
  const menu = h('ul', {class: 'menu', id: 'action-menu', role: 'menu', hidden: true, 'data-open': 'false'});
  const close = () => {
    menu.hidden = true;
    menu.dataset.open = 'false';
    button.setAttribute('aria-expanded', 'false');
  };
  const items = actions.map((a) => h('li', {role: 'none'}, h('button', {type: 'button', role: 'menuitem', id: 'action-' + a.id, tabindex: '-1', onclick: async () => {
    close();
    try {
      await a.run();
    } catch (err) {
      fill(panel, h('p', {class: 'problem', role: 'alert'}, err.message));
    }
  }}, a.text)));
  items.forEach((li) => menu.appendChild(li));
  const buttons = () => [...menu.querySelectorAll('[role="menuitem"]')];
  button.addEventListener('click', () => {
    const open = menu.hidden;
    menu.hidden = !open;
    menu.dataset.open = String(open);
    button.setAttribute('aria-expanded', String(open));
    if (open) buttons()[0].focus();
  });
  menu.addEventListener('keydown', (e) => {
    const list = buttons();
    const i = list.indexOf(document.activeElement);
    if (e.key === 'ArrowDown') { e.preventDefault(); list[(i + 1) % list.length].focus(); }
    if (e.key === 'ArrowUp') { e.preventDefault(); list[(i - 1 + list.length) % list.length].focus(); }
    if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); close(); button.focus(); }
  });
  const quick = cs ? null : h('button', {type: 'button', id: 'notify-cs', onclick: () => document.getElementById('action-escalate').click()}, t('actions.escalate'));
  return h('div', {class: 'action-bar'}, h('div', {class: 'menu-wrap'}, button, menu), quick);
}
