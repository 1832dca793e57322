// The inbox: tabs with counts, search, filters, rows with the deadline, keyset "load more".
import {get, query} from './api.js';
import {h, fill, select, announce} from './dom.js';
import {t, label, hoursMinutes, TOPICS, REASONS, STOREFRONTS} from './i18n.js';

const PAGE = 25;
const PERIODS = ['', '7', '30', '90', '365'];

/** The inbox's state lives in the hash: #/?tab=open&q=…&topic=… */
function params() {
  const p = new URLSearchParams((location.hash.split('?')[1]) || '');
  return Object.fromEntries(p.entries());
}

function setParams(next) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(next)) if (v) p.set(k, v);
  const s = p.toString();
  location.hash = '#/' + (s ? '?' + s : '');
}

function tabs(session) {
  const list = [
    {id: 'open', status: 'open', sort: 'due'},
    {id: 'waiting', status: 'waiting'},
    {id: 'closed', status: 'closed'},
  ];
  if (session.role === 'customer_service') list.unshift({id: 'queue', status: 'waiting', waitingOn: 'customer_service', sort: '-updated'});
  return list;
}

function filters(p) {
  let createdFrom;
  if (p.period) createdFrom = new Date(Date.now() - Number(p.period) * 86400000).toISOString();
  return {q: p.q, topic: p.topic, reason: p.reason, storefront: p.storefront, createdFrom};
}

/** "due in 11 h 05" / "overdue 3 h" (overdue stands out, and says so). */
export function dueText(ticket, now) {
  if (ticket.status === 'closed') return {text: t('due.closed'), overdue: false};
  if (ticket.status !== 'open' || !ticket.responseDueAt) return {text: t('due.none'), overdue: false};
  const ms = new Date(ticket.responseDueAt).getTime() - now;
  if (ticket.overdue || ms < 0) return {text: t('due.overdue', {t: hoursMinutes(ms)}), overdue: true};
  return {text: t('due.in', {t: hoursMinutes(ms)}), overdue: false};
}

function row(ticket, now) {
  const due = dueText(ticket, now);
  const href = '#/tickets/' + ticket.ticketNumber;
  return h('tr', {class: due.overdue ? 'row overdue' : 'row', 'data-ticket': ticket.ticketNumber},
    h('td', {class: 'mark'}, due.overdue ? h('span', {'aria-hidden': 'true'}, '!') : ''),
    h('td', {}, h('a', {href, class: 'ticket-link'}, ticket.ticketNumber)),
    h('td', {}, ticket.orderNumber),
    h('td', {}, t('buyer.id', {id: ticket.buyerId})),
    h('td', {}, h('span', {class: 'flag'}, ticket.storefront.toUpperCase())),
    h('td', {}, label('reason', ticket.reason), ticket.topic ? ' · ' + label('topic', ticket.topic) : ''),
    h('td', {class: due.overdue ? 'due overdue-text' : 'due'}, due.text),
    h('td', {}, ticket.waitingOn ? t('waiting.' + ticket.waitingOn) : ''),
    h('td', {class: 'row-actions'},
      h('a', {href: href + '?panel=order'}, t('row.showOrder')), ' ',
      h('a', {href}, t('row.process'))));
}

export async function renderInbox(main, session) {
  const p = params();
  const all = tabs(session);
  const tab = all.find((x) => x.id === p.tab) || all[0];
  const f = filters(p);

  const search = h('input', {id: 'search', type: 'search', name: 'q', value: p.q || '', placeholder: t('search.label'), 'aria-label': t('search.label'), autocomplete: 'off'});
  const searchForm = h('form', {class: 'search', role: 'search', onsubmit: (e) => {
    e.preventDefault();
    setParams({...p, q: search.value.trim()});
  }}, search, h('button', {type: 'submit'}, t('search.submit')),
  p.q ? h('button', {type: 'button', id: 'search-clear', onclick: () => setParams({...p, q: ''})}, t('search.clear')) : null);

  const tabBar = h('div', {class: 'tabs', role: 'tablist', 'aria-label': t('nav.tickets')},
    all.map((x) => h('a', {href: '#/?' + new URLSearchParams({...p, tab: x.id}).toString(), role: 'tab', id: 'tab-' + x.id,
      'aria-selected': String(x.id === tab.id), class: x.id === tab.id ? 'tab active' : 'tab'},
    t('tab.' + x.id), ' ', h('span', {class: 'count', 'data-count': x.id}, '…'))));

  const opt = (values, kind) => [{value: '', label: t('filter.all')}].concat(values.map((v) => ({value: v, label: kind ? label(kind, v) : v.toUpperCase()})));
  const change = (name) => (e) => setParams({...p, [name]: e.target.value});
  const filterBar = h('div', {class: 'filters'},
    h('label', {}, t('filter.topic'), ' ', select({id: 'filter-topic', onchange: change('topic')}, opt(TOPICS, 'topic'), p.topic || '')),
    h('label', {}, t('filter.reason'), ' ', select({id: 'filter-reason', onchange: change('reason')}, opt(REASONS, 'reason'), p.reason || '')),
    h('label', {}, t('filter.storefront'), ' ', select({id: 'filter-storefront', onchange: change('storefront')}, opt(STOREFRONTS), p.storefront || '')),
    h('label', {}, t('filter.period'), ' ', select({id: 'filter-period', onchange: change('period')},
      PERIODS.map((d) => ({value: d, label: d ? t('period.' + d) : t('filter.all')})), p.period || '')));

  const body = h('tbody', {id: 'rows'});
  const table = h('table', {class: 'inbox', 'aria-label': t('tab.' + tab.id)},
    h('thead', {}, h('tr', {},
      h('th', {scope: 'col', class: 'mark'}, h('span', {class: 'visually-hidden'}, '!')),
      ['col.ticket', 'col.order', 'col.buyer', 'col.storefront', 'col.reason', 'col.due', 'col.waiting', 'col.actions'].map((k) => h('th', {scope: 'col'}, t(k))))),
    body);
  const status = h('p', {class: 'list-status', 'aria-live': 'polite'});
  const more = h('button', {type: 'button', id: 'load-more', hidden: true}, t('list.more'));
  const problem = h('p', {class: 'problem', role: 'alert'});

  fill(main, h('section', {class: 'inbox-view'},
    h('div', {class: 'toolbar'}, searchForm), tabBar, filterBar, problem,
    h('div', {class: 'table-wrap'}, table), h('div', {class: 'more'}, more, status),
    h('p', {class: 'hint keys'}, t('keys.help'))));

  let cursor = null;
  let shown = 0;
  async function load() {
    more.disabled = true;
    try {
      const page = await get('/tickets' + query({...f, status: tab.status, waitingOn: tab.waitingOn, sort: tab.sort, limit: PAGE, cursor}));
      const now = Date.now();
      page.items.forEach((ticket) => body.appendChild(row(ticket, now)));
      shown += page.items.length;
      cursor = page.nextCursor;
      more.hidden = !cursor;
      status.textContent = shown === 0 ? t('list.empty') : t('list.count', {n: shown});
      problem.textContent = '';
    } catch (e) {
      problem.textContent = e.message;
    } finally {
      more.disabled = false;
    }
  }
  more.addEventListener('click', async () => {
    await load();
    announce(t('list.count', {n: shown}));
  });

  const counts = async () => {
    try {
      const c = await get('/ticket-counts' + query(f));
      for (const x of all) {
        const el = main.querySelector(`[data-count="${x.id}"]`);
        if (!el) continue;
        if (x.id === 'queue') {
          const q = await get('/ticket-counts' + query({...f, waitingOn: 'customer_service'}));
          el.textContent = q.waiting.toLocaleString();
        } else {
          el.textContent = c[x.status].toLocaleString();
        }
      }
    } catch (e) {
      problem.textContent = e.message;
    }
  };
  await Promise.all([load(), counts()]);
  if (p.focus === 'search') search.focus();
}

// Keyboard: "/" search, j/k move between rows, Enter opens (rows are links).
document.addEventListener('keydown', (e) => {
  const target = e.target;
  const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
  if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
  const rows = [...document.querySelectorAll('#rows .ticket-link')];
  if (e.key === '/') {
    const s = document.getElementById('search');
    if (s) { e.preventDefault(); s.focus(); }
  } else if ((e.key === 'j' || e.key === 'k') && rows.length) {
    e.preventDefault();
    const i = rows.indexOf(document.activeElement);
    const next = e.key === 'j' ? Math.min(rows.length - 1, i + 1) : Math.max(0, i - 1);
    rows[i < 0 ? 0 : next].focus();
  }
});
