// One ticket: header with deadline and status, the return policy, the chat, the composer.
import {api, get, poll, post, idempotencyKey} from './api.js';
import {h, fill, announce} from './dom.js';
import {t, label, dateTime, RETURN_OPTIONS} from './i18n.js';
import {dueText} from './inbox.js';
import {actionMenu} from './actions.js';
import {watch} from './live.js';

function policyBox(rp, ticket) {
  if (!rp || !rp.applies) {
    return h('section', {class: 'policy', 'aria-label': t('policy.title')}, h('strong', {}, t('policy.title'), ': '), t('policy.notApplies'));
  }
  const valid = rp.validOptions.map((o) => t('option.' + o));
  return h('section', {class: rp.breach ? 'policy breach' : 'policy', 'aria-label': t('policy.title'), id: 'policy'},
    h('p', {}, h('strong', {}, t('policy.title'), ': '), t('policy.applies'), ', ', t('policy.phase.' + rp.phase)),
    h('p', {}, t('policy.valid'), ': ', valid.join(' · ') || '—'),
    rp.validOptions.includes('seller_address') ? null : h('p', {class: 'hint'}, t('policy.sellerAddressNo')),
    h('p', {}, rp.satisfied ? t('policy.satisfied') : t('policy.owed')),
    rp.breach
      ? h('p', {class: 'problem'}, t('policy.breach', {at: dateTime(rp.breachedAt), until: dateTime(rp.recoveryDeadline)}))
      : (!ticket.firstResponseAt && rp.phase !== 'none' ? h('p', {class: 'hint'}, t('policy.consequence')) : null));
}

function message(m) {
  const kind = m.internal ? 'note' : m.authorRole;
  const who = m.internal ? t('chat.note') : t('chat.' + m.authorRole);
  const options = (m.returnOptions || []).map((o) => t('option.' + o.type));
  return h('li', {class: 'msg msg-' + kind.replaceAll('_', '-'), 'data-role': kind},
    h('div', {class: 'msg-head'}, h('span', {class: 'msg-who'}, who), ' ', h('time', {datetime: m.createdAt}, dateTime(m.createdAt))),
    h('p', {class: 'msg-text'}, m.text),
    options.length ? h('p', {class: 'msg-options'}, t('chat.options', {list: options.join(', ')})) : null);
}

/** The return options the first response must offer, if any: shown and required by the composer. */
function optionPicker(ticket, carriers) {
  const rp = ticket.returnPolicy;
  if (!rp || !rp.applies || rp.satisfied || ticket.firstResponseAt || rp.validOptions.length === 0) return null;
  const carrier = h('select', {id: 'carrier', 'aria-label': t('composer.carrier')}, carriers.map((c) => h('option', {value: c.carrier}, c.carrier)));
  const url = h('input', {id: 'label-url', type: 'url', placeholder: 'https://', 'aria-label': t('composer.url')});
  const fieldset = h('fieldset', {class: 'options', id: 'return-options'},
    h('legend', {}, t('composer.option')),
    RETURN_OPTIONS.filter((o) => rp.validOptions.includes(o)).map((o) => h('label', {class: 'option'},
      h('input', {type: 'radio', name: 'return-option', value: o}), ' ', t('option.' + o),
      o === 'prepaid_label' ? [' ', carrier] : null,
      o === 'label_url' ? [' ', url] : null)));
  fieldset.selected = () => {
    const checked = fieldset.querySelector('input[name="return-option"]:checked');
    return checked ? checked.value : null;
  };
  fieldset.choose = (type) => {
    const input = fieldset.querySelector(`input[value="${type}"]`);
    if (input) input.checked = true;
  };
  fieldset.build = async () => {
    const type = fieldset.selected();
    if (!type) return null;
    if (type === 'prepaid_label') {
      const label = await post(`/tickets/${ticket.ticketNumber}/return-labels`, {carrier: carrier.value, orderUnitIds: ticket.orderUnitIds});
      return {type, labelId: label.labelId};
    }
    if (type === 'label_url') return {type, url: url.value.trim()};
    return {type};
  };
  return fieldset;
}

/** The deadline fact: the working time left, and the deadline's date while open. */
function dueFact(ticket) {
  const due = dueText(ticket);
  const at = ticket.status === 'open' ? ` (${dateTime(ticket.responseDueAt)})` : '';
  return h('dd', {id: 'ticket-due', class: due.overdue ? 'overdue-text' : ''}, due.text, at);
}

// The latest render of each view: a render that started earlier (a live refresh, a reload, the
// one after sending) and answers later must not replace a newer view with an older ticket.
const renders = new WeakMap();

/**
 * Renders the ticket into `main`; `keep` carries the composer's state over a refresh (what was
 * typed, the internal flag, an inserted module, whether it had the focus). A render overtaken by a
 * later one for the same `main` ends without touching the page.
 */
export async function renderTicket(main, number, session, keep) {
  const render = (renders.get(main) || 0) + 1;
  renders.set(main, render);
  const [ticket, messages, modules, carriers] = await Promise.all([
    get('/tickets/' + number),
    get(`/tickets/${number}/messages?limit=100`),
    session.role === 'seller' ? get('/text-modules?limit=100').catch(() => ({items: []})) : Promise.resolve({items: []}),
    get('/carriers').catch(() => ({items: []})),
  ]);
  if (renders.get(main) !== render) return;
  const chat = h('ol', {class: 'chat', id: 'chat', 'aria-label': t('chat.title')},
    messages.items.length ? messages.items.map(message) : h('li', {class: 'hint'}, t('chat.empty')));

  const box = h('textarea', {id: 'composer', rows: 5, 'aria-label': t('composer.label')});
  const internal = h('input', {type: 'checkbox', id: 'internal'});
  const error = h('p', {class: 'problem', role: 'alert', id: 'composer-error'});
  const picker = optionPicker(ticket, carriers.items || []);
  // The module last inserted: sent unedited, the API renders it itself (and makes the label a
  // prepaid_label module carries); once edited, the text is sent as typed.
  let inserted = null;
  const storefrontModules = (modules.items || []).filter((m) => m.storefront === ticket.storefront);
  const moduleBar = h('div', {class: 'modules', role: 'group', 'aria-label': t('composer.modules')},
    h('span', {class: 'modules-title'}, t('composer.modules'), ': '),
    storefrontModules.length === 0 ? h('span', {class: 'hint'}, t('composer.noModules')) :
      storefrontModules.map((m) => h('button', {type: 'button', class: 'chip', 'data-module': m.id, onclick: async () => {
        error.textContent = '';
        try {
          const r = await get(`/text-modules/${m.id}/rendered?ticket=${ticket.ticketNumber}`);
          const wasEmpty = box.value.trim() === '';
          box.value = wasEmpty ? r.text : box.value.replace(/\s*$/, '\n\n') + r.text;
          inserted = wasEmpty ? {id: m.id, text: box.value, option: r.returnOption} : null;
          if (r.returnOption && picker) picker.choose(r.returnOption.type);
          box.focus();
        } catch (e) {
          error.textContent = e.message;
        }
      }}, m.name)));

  const send = h('button', {type: 'submit', class: 'primary', id: 'send'}, t('composer.send'));
  const composer = h('form', {class: 'composer', id: 'composer-form', onsubmit: async (e) => {
    e.preventDefault();
    error.textContent = '';
    const text = box.value;
    const asModule = inserted && text === inserted.text && !internal.checked;
    const body = asModule ? {textModuleId: inserted.id} : {text, internal: internal.checked || undefined};
    const moduleOffers = asModule && inserted.option;
    if (picker && !internal.checked && !moduleOffers) {
      if (!picker.selected()) {
        error.textContent = t('composer.optionMissing');
        return;
      }
    }
    send.disabled = true;
    try {
      if (picker && !internal.checked && !moduleOffers) body.returnOptions = [await picker.build()];
      await post(`/tickets/${ticket.ticketNumber}/messages`, body, {'Idempotency-Key': idempotencyKey()});
      box.value = '';
      inserted = null;
      announce(t('composer.sent'));
      await renderTicket(main, number, session);
      document.getElementById('composer')?.focus();
    } catch (err) {
      // The text stays in the box: nothing typed is lost on a refusal.
      error.textContent = err.message;
    } finally {
      send.disabled = false;
    }
  }},
  h('label', {for: 'composer', class: 'composer-label'}, t('composer.label')), box, moduleBar, picker,
  h('label', {class: 'inline'}, internal, ' ', t('composer.internal')),
  h('div', {class: 'composer-actions'}, send, error));

  const panel = h('div', {id: 'action-panel', class: 'action-panel'});
  const head = h('header', {class: 'ticket-head'},
    h('a', {href: '#/', class: 'back'}, '← ', t('ticket.back')),
    h('h1', {}, ticket.ticketNumber, ' · ', h('span', {class: 'status status-' + ticket.status}, t('status.' + ticket.status)),
      ticket.waitingOn ? h('span', {class: 'waiting'}, ' (', t('ticket.waitingOn', {who: t('waiting.' + ticket.waitingOn)}), ')') : null),
    h('dl', {class: 'facts'},
      h('dt', {}, t('ticket.deadline')), dueFact(ticket),
      h('dt', {}, t('ticket.order')), h('dd', {}, ticket.orderNumber, ' · ', ticket.storefront.toUpperCase()),
      h('dt', {}, t('col.buyer')), h('dd', {id: 'ticket-buyer'}, ticket.buyerName || t('buyer.id', {id: ticket.buyerId})),
      h('dt', {}, t('filter.reason')), h('dd', {}, label('reason', ticket.reason), ticket.topic ? ' · ' + label('topic', ticket.topic) : '', ticket.returnIntent ? ' · ' + ticket.returnIntent : ''),
      h('dt', {}, t('ticket.opened')), h('dd', {}, dateTime(ticket.createdAt))),
    actionMenu(ticket, session, panel, () => refresh()));

  // Offered below the action panel, not above it: appearing while the user works in a form, it
  // moves no control of that form (a click landing as it appears would miss its button).
  const changedProblem = h('p', {class: 'problem', role: 'alert', id: 'ticket-changed-problem'});
  const changed = h('button', {type: 'button', id: 'ticket-changed', hidden: true, onclick: async () => {
    changedProblem.textContent = '';
    try {
      await refresh();
    } catch (e) {
      changedProblem.textContent = t('error.generic', {detail: e.message});
    }
  }}, t('ticket.changed'));
  const view = h('article', {class: 'ticket-view', 'aria-label': ticket.ticketNumber},
    head, policyBox(ticket.returnPolicy, ticket), panel, changed, changedProblem,
    h('h2', {class: 'visually-hidden'}, t('chat.title')), chat, composer);
  fill(main, view);
  if (keep) {
    box.value = keep.text;
    internal.checked = keep.internal;
    inserted = keep.inserted;
    if (keep.focus) box.focus();
  }
  const refresh = () => renderTicket(main, number, session,
    {text: box.value, internal: internal.checked, inserted, focus: document.activeElement === box});
  // Live: a poll with the version shown answers 304 until the ticket changes (a message, a status,
  // an action); every fourth poll reads it whole, for the working time left.
  let polls = 0;
  watch(view, async () => {
    polls++;
    const r = await poll('/tickets/' + number, polls % 4 === 0 ? null : `"${ticket.version}"`);
    if (!r) return;
    if (r.data.version === ticket.version) {
      document.getElementById('ticket-due')?.replaceWith(dueFact(r.data));
      return;
    }
    // A form or the order details open in the action panel, or a message being sent: offer it.
    if (panel.querySelector('form, table') || send.disabled) {
      changed.hidden = false;
      return;
    }
    await refresh();
    announce(t('ticket.updated'));
  }, (event) => event.data && event.data.ticketNumber === number);
  if ((location.hash.split('?')[1] || '').includes('panel=order')) {
    document.getElementById('action-order')?.click();
  }
}

// Keyboard in the ticket view: r reply, a action menu.
document.addEventListener('keydown', (e) => {
  const target = e.target;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return;
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.key === 'r' && document.getElementById('composer')) {
    e.preventDefault();
    document.getElementById('composer').focus();
  } else if (e.key === 'a' && document.getElementById('action-menu-button')) {
    e.preventDefault();
    document.getElementById('action-menu-button').click();
  }
});

export {api};
