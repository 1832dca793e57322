// Live updates without reload: a view polls the API with If-None-Match (a 304 costs no body) at an
// interval, and pauses while the browser tab is hidden (it polls at once when it is shown again).
// A watch ends by itself when its view has left the page.
//
// The page also listens to the caller's event stream (GET /api/v1/events/stream, Server-Sent
// Events): an event a watch wants runs its check at once, so a change shows within a second
// instead of at the next interval. The EventSource reconnects by itself with the last event's id;
// when the stream is refused (a role without events, too many streams) or unsupported, the
// interval alone keeps the view current, and the stream is tried again a minute later.
// `localStorage['ticketdesk.stream'] = 'off'` switches the stream off.

/** The interval; `localStorage['ticketdesk.poll-ms']` overrides it (at least 1 s). */
export const INTERVAL_MS = Math.max(1000, Number(localStorage.getItem('ticketdesk.poll-ms')) || 15000);

const watches = new Set();

/**
 * Runs `check` every interval while `view` is on the page and the tab is visible. `check` does
 * one poll (and whatever it decides); a failure is tried again at the next interval.
 */
export function watch(view, check, wants = () => true) {
  const w = {view, check, wants, timer: null, busy: false, again: false};
  watches.add(w);
  schedule(w);
  listen();
  return w;
}

let source = null;
let retry = null;

function listen() {
  if (source || retry || typeof EventSource === 'undefined') return;
  if (localStorage.getItem('ticketdesk.stream') === 'off') return;
  source = new EventSource('/api/v1/events/stream');
  source.onopen = () => { document.body.dataset.live = 'stream'; };
  source.onmessage = (m) => {
    let event;
    try {
      event = JSON.parse(m.data);
    } catch (e) {
      return;
    }
    for (const w of [...watches]) {
      if (w.wants(event)) nudge(w);
    }
    if (watches.size === 0) stopListening();
  };
  source.onerror = () => {
    document.body.dataset.live = 'polling';
    if (source && source.readyState === EventSource.CLOSED) {
      source = null;
      retry = setTimeout(() => { retry = null; if (watches.size) listen(); }, 60000);
    }
  };
}

/** Ends the event stream (e.g. at sign-out); the next watch opens it again. */
export function stopListening() {
  delete document.body.dataset.live;
  if (source) source.close();
  source = null;
  clearTimeout(retry);
  retry = null;
}

/** Runs the watch's check soon (events of one change come together: one check for them). */
function nudge(w) {
  if (w.busy) {
    w.again = true;
    return;
  }
  clearTimeout(w.timer);
  w.timer = setTimeout(() => run(w), 200);
}

function schedule(w) {
  clearTimeout(w.timer);
  w.timer = setTimeout(() => run(w), INTERVAL_MS);
}

async function run(w) {
  w.timer = null;
  if (!w.view.isConnected) {
    watches.delete(w);
    return;
  }
  if (document.visibilityState === 'hidden' || w.busy) return; // resumed on visibilitychange
  w.busy = true;
  try {
    await w.check();
  } catch (e) {
    // offline or a refusal: the next interval tries again
  } finally {
    w.busy = false;
  }
  if (!w.view.isConnected) watches.delete(w);
  else if (w.again) {
    w.again = false;
    nudge(w);
  } else schedule(w);
}

document.addEventListener('visibilitychange', () => {
  for (const w of [...watches]) {
    if (document.visibilityState === 'hidden') {
      clearTimeout(w.timer);
      w.timer = null;
    } else if (!w.timer && !w.busy) {
      run(w);
    }
  }
});
