// Live updates without reload: a view polls the API with If-None-Match (a 304 costs no body) at an
// interval, and pauses while the browser tab is hidden (it polls at once when it is shown again).
// A watch ends by itself when its view has left the page.

/** The interval; `localStorage['ticketdesk.poll-ms']` overrides it (at least 1 s). */
export const INTERVAL_MS = Math.max(1000, Number(localStorage.getItem('ticketdesk.poll-ms')) || 15000);

const watches = new Set();

/**
 * Runs `check` every interval while `view` is on the page and the tab is visible. `check` does
 * one poll (and whatever it decides); a failure is tried again at the next interval.
 */
export function watch(view, check) {
  const w = {view, check, timer: null, busy: false};
  watches.add(w);
  schedule(w);
  return w;
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
  if (w.view.isConnected) schedule(w);
  else watches.delete(w);
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
