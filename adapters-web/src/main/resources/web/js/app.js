// The seller workspace: sign-in, the header, and the views by the URL's hash.
import {api, useSession, Problem} from './api.js';
import {h, fill, announce} from './dom.js';
import {t, language, setLanguage} from './i18n.js';
import {renderInbox} from './inbox.js';
import {renderTicket} from './ticket.js';
import {renderTextModules} from './textmodules.js';
import {renderKpi} from './kpi.js';
import {stopListening} from './live.js';

const state = {session: null};

function who(session) {
  return t('role.' + session.role, {id: session.sellerId ?? session.buyerId ?? ''});
}

function renderHeader() {
  const top = document.getElementById('top');
  const s = state.session;
  const langSwitch = h('div', {class: 'lang', role: 'group', 'aria-label': t('lang')},
    ['de', 'en'].map((l) => h('button', {type: 'button', class: 'link', 'aria-pressed': String(language() === l), lang: l,
      onclick: () => { setLanguage(l); route(); }}, l.toUpperCase())));
  if (!s) {
    fill(top, h('span', {class: 'brand'}, t('app.title')), langSwitch);
    return;
  }
  const current = location.hash.startsWith('#/text-modules') ? 'tm' : location.hash.startsWith('#/kpi') ? 'kpi' : 'tickets';
  const link = (href, key, id) => h('a', {href, 'aria-current': current === id ? 'page' : null}, t(key));
  fill(top,
    h('span', {class: 'brand'}, t('app.title'), ' · ', h('span', {class: 'who'}, who(s))),
    h('nav', {'aria-label': 'main'},
      link('#/', 'nav.tickets', 'tickets'),
      s.role === 'seller' ? link('#/text-modules', 'nav.textModules', 'tm') : null,
      s.role === 'seller' || s.role === 'marketplace' ? link('#/kpi', 'nav.kpi', 'kpi') : null,
      h('a', {href: '/docs'}, t('nav.docs'))),
    langSwitch,
    h('button', {type: 'button', id: 'sign-out', onclick: signOut}, t('signout')));
}

function renderSignIn(message) {
  renderHeader();
  const main = document.getElementById('main');
  const error = h('p', {class: 'problem', role: 'alert', id: 'signin-error'}, message || '');
  const input = h('input', {id: 'token', name: 'token', type: 'password', autocomplete: 'off', required: true, 'aria-describedby': 'token-hint signin-error'});
  const form = h('form', {class: 'card signin', onsubmit: async (e) => {
    e.preventDefault();
    error.textContent = '';
    try {
      const session = await api('POST', '/sessions', {token: input.value.trim()});
      input.value = '';
      await start(session);
    } catch (p) {
      error.textContent = p instanceof Problem ? p.message : String(p);
    }
  }},
  h('h1', {}, t('signin.title')),
  h('label', {for: 'token'}, t('signin.token')), input,
  h('p', {class: 'hint', id: 'token-hint'}, t('signin.hint')),
  h('button', {type: 'submit', class: 'primary'}, t('signin.submit')), error);
  fill(main, form);
  input.focus();
}

async function start(session) {
  state.session = session;
  useSession(session, () => { state.session = null; useSession(null); renderSignIn(); });
  if (session.role === 'buyer') {
    await signOut(null, t('signin.buyer'));
    return;
  }
  route();
}

async function signOut(event, message) {
  try {
    await api('DELETE', '/sessions/current');
  } catch (e) {
    // Already ended on the server: the page forgets it all the same.
  }
  state.session = null;
  useSession(null);
  stopListening();
  history.replaceState(null, '', '#/');
  renderSignIn(message);
  announce(t('signout'));
}

async function route() {
  if (!state.session) {
    renderSignIn();
    return;
  }
  renderHeader();
  // Each route renders into a view of its own: a slower earlier route (e.g. a ticket still
  // loading when the user moves on) then writes into a view no longer on the page, instead of
  // replacing the newer one.
  const main = h('div', {class: 'view'});
  fill(document.getElementById('main'), main);
  const hash = location.hash || '#/';
  const ticket = hash.match(/^#\/tickets\/(\d{11})/);
  try {
    if (ticket) {
      await renderTicket(main, ticket[1], state.session);
    } else if (hash.startsWith('#/text-modules')) {
      await renderTextModules(main, state.session);
    } else if (hash.startsWith('#/kpi')) {
      await renderKpi(main, state.session);
    } else {
      await renderInbox(main, state.session);
    }
    // User Timing: the view is on the page and usable (bench/web.sh reads these marks).
    performance.mark('td:ready', {detail: hash});
  } catch (e) {
    if (e instanceof Problem && e.status === 401) return;
    fill(main, h('p', {class: 'problem', role: 'alert'}, t('error.generic', {detail: e.message})));
  }
}

window.addEventListener('hashchange', route);

document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && state.session && location.hash.startsWith('#/tickets/')) {
    const open = document.querySelector('dialog[open], .menu[data-open="true"]');
    if (!open) {
      e.preventDefault();
      location.hash = '#/';
    }
  }
});

async function boot() {
  document.querySelector('.skip').textContent = t('skip');
  try {
    const session = await api('GET', '/sessions/current');
    if (session.csrfToken) {
      await start(session);
      return;
    }
  } catch (e) {
    // no session: sign in
  }
  renderSignIn();
}

boot();
