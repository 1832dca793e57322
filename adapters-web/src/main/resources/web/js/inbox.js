// The inbox: tabs with counts, search, filters, rows with the deadline, keyset "load more".
import {get, poll, query} from './api.js';
import {h, fill, select, announce} from './dom.js';
import {t, label, hoursMinutes, TOPICS, REASONS, STOREFRONTS} from './i18n.js';
import {watch} from './live.js';

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

/**
 * "11 h 05 of working time left" / "overdue by 3 h of working time" (overdue stands out, and says
 * so). The server counts the working time on the storefront's calendar (weekends and holidays do
 * not count); the page only shows it.
 */
export function dueText(ticket) {
  if (ticket.status === 'closed') return {text: t('due.closed'), overdue: false};
  if (ticket.status !== 'open' || ticket.workingSecondsLeft == null) return {text: t('due.none'), overdue: false};
  const ms = ticket.workingSecondsLeft * 1000;
  if (ticket.overdue || ms < 0) return {text: t('due.overdue', {t: hoursMinutes(ms)}), overdue: true};
  return {text: t('due.in', {t: hoursMinutes(ms)}), overdue: false};
}

function row(ticket) {
  const due = dueText(ticket);
  const href = '#/tickets/' + ticket.ticketNumber;
  return h('tr', {class: due.overdue ? 'row overdue' : 'row', 'data-ticket': ticket.ticketNumber},
    h('td', {class: 'mark'}, due.overdue ? h('span', {'aria-hidden': 'true'}, '!') : ''),
    h('td', {}, h('a', {href, class: 'ticket-link'}, ticket.ticketNumber)),
    h('td', {}, ticket.orderNumber),
    h('td', {class: 'buyer'}, ticket.buyerName || t('buyer.id', {id: ticket.buyerId})),
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

  const view = h('section', {class: 'inbox-view'},
    h('div', {class: 'toolbar'}, searchForm), tabBar, filterBar, problem,
    h('div', {class: 'table-wrap'}, table), h('div', {class: 'more'}, more, status),
    h('p', {class: 'hint keys'}, t('keys.help')));
  fill(main, view);

  let cursor = null;
  let shown = 0;
  async function load() {
    more.disabled = true;
    try {
      const page = await get('/tickets' + query({...f, status: tab.status, waitingOn: tab.waitingOn, sort: tab.sort, limit: PAGE, cursor}));
      page.items.forEach((ticket) => body.appendChild(row(ticket)));
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

  // The tab counts, polled with their ETags: true when a count changed since the last poll.
  const tags = {};
  const fetchCount = async (key, params) => {
    const r = await poll('/ticket-counts' + query(params), tags[key]);
    if (!r) return null;
    tags[key] = r.etag;
    return r.data;
  };
  const counts = async () => {
    let changed = false;
    try {
      const c = await fetchCount('all', f);
      const q = all.some((x) => x.id === 'queue') ? await fetchCount('queue', {...f, waitingOn: 'customer_service'}) : null;
      for (const x of all) {
        const el = view.querySelector(`[data-count="${x.id}"]`);
        if (!el) continue;
        if (x.id === 'queue' && q) el.textContent = q.waiting.toLocaleString();
        else if (x.id !== 'queue' && c) el.textContent = c[x.status].toLocaleString();
      }
      changed = Boolean(c || q);
    } catch (e) {
      problem.textContent = e.message;
    }
    return changed;
  };
  // The rows again from the first page (new tickets, fresh times left), unless the user paged on
  // or works in the list: then a button offers it.
  const refreshed = h('button', {type: 'button', id: 'list-changed', hidden: true, onclick: () => renderInbox(main, session)}, t('list.changed'));
  status.after(refreshed);
  const refreshRows = async () => {
    if (shown > PAGE || body.contains(document.activeElement)) {
      refreshed.hidden = false;
      return;
    }
    const before = cursor;
    cursor = null;
    const page = await get('/tickets' + query({...f, status: tab.status, waitingOn: tab.waitingOn, sort: tab.sort, limit: PAGE}));
    body.replaceChildren(...page.items.map((ticket) => row(ticket)));
    shown = page.items.length;
    cursor = page.nextCursor ?? before;
    more.hidden = !cursor;
    status.textContent = shown === 0 ? t('list.empty') : t('list.count', {n: shown});
  };
  let polls = 0;
  watch(view, async () => {
    const changed = await counts();
    polls++;
    // A change reloads the rows; every fourth poll does too, so the times left stay current.
    if (changed || polls % 4 === 0) await refreshRows();
  });
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
