// Loading signs. Three kinds:
// - a page-wide "Loading…" under the header while any read of the API has run longer than 300 ms;
// - a view's figures: the modules mark their request on <body> (data-dashboard, data-quality = loading|ready|error);
//   while it runs the view's status line shows a spinner with "Loading…" and its figures a skeleton (style.css);
//   an error replaces the sign with the error's message;
// - placeholders the modules write themselves ("Loading…", "Loading coverage…", "…"): short texts ending in an
//   ellipsis get a spinner wherever they appear.

/** The last error shown (notify.js announces each one), to put in place of the loading sign. */
let lastError = null;
const RECENT_MS = 3000;

function errorText() {
  if (!lastError || performance.now() - lastError.at > RECENT_MS) return 'The figures could not be loaded.';
  const e = lastError.detail;
  return [e.context, e.title].filter(Boolean).join(' — ') + (e.detail ? ': ' + e.detail : '');
}

function showState(status) {
  const state = document.body.dataset[status.dataset.watch];
  const view = status.closest('.view');
  const busy = state === 'loading';
  if (view) view.toggleAttribute('aria-busy', busy);
  status.classList.toggle('is-error', state === 'error');
  if (busy) {
    status.hidden = false;
    status.textContent = 'Loading…';
  } else if (state === 'error') {
    status.hidden = false;
    status.textContent = errorText();
  } else {
    status.hidden = true;
    status.textContent = '';
  }
}

/** A short text that ends in an ellipsis is a placeholder for something being fetched. */
const PLACEHOLDER = /^[^\n]{0,40}…$/;

function markPlaceholder(node) {
  const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
  if (!el || el.nodeType !== Node.ELEMENT_NODE) return;
  const text = el.childElementCount > 0 ? '' : el.textContent.trim();
  const on = text.length > 0 && PLACEHOLDER.test(text) && !el.closest('option, select, .tab, .leaflet-container');
  if (on !== el.classList.contains('loading-text')) el.classList.toggle('loading-text', on);
}

function scan(node) {
  if (node.nodeType === Node.TEXT_NODE) { markPlaceholder(node); return; }
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  // Only small subtrees can be placeholders; big ones (tables of data) are skipped in one step.
  if (node.textContent.length > 400) {
    for (const child of node.children) if (child.textContent.length <= 400) scan(child);
    return;
  }
  markPlaceholder(node);
  for (const el of node.querySelectorAll('*')) markPlaceholder(el);
}

/** The page-wide sign: shown while any read (api.js announces them) has run longer than 300 ms. */
function watchRequests(sign) {
  let running = 0;
  let timer = 0;
  window.addEventListener('dala:request', e => {
    running = Math.max(0, running + (e.detail || 0));
    if (running > 0 && !timer && sign.hidden) timer = setTimeout(() => { timer = 0; sign.hidden = running === 0; }, 300);
    if (running === 0) {
      clearTimeout(timer);
      timer = 0;
      sign.hidden = true;
    }
    document.body.toggleAttribute('data-busy', running > 0);
  });
}

/** Starts watching: the page-wide sign, the views' status lines and the placeholders of the whole page. */
export function watchLoading() {
  const sign = document.getElementById('busy');
  if (sign) watchRequests(sign);
  window.addEventListener('dala:error', e => { lastError = { at: performance.now(), detail: e.detail || {} }; });
  const statuses = [...document.querySelectorAll('.view-status[data-watch]')];
  const attrs = statuses.map(s => 'data-' + s.dataset.watch.replace(/[A-Z]/g, c => '-' + c.toLowerCase()));
  // Observer callbacks run after the module's synchronous code, so an error reported right after the state is seen.
  new MutationObserver(() => statuses.forEach(showState)).observe(document.body, { attributes: true, attributeFilter: attrs });
  statuses.forEach(showState);
  scan(document.body);
  new MutationObserver(records => {
    for (const r of records) {
      if (r.type === 'characterData') { markPlaceholder(r.target); continue; }
      for (const n of r.addedNodes) scan(n);
      if (r.target.nodeType === Node.ELEMENT_NODE) markPlaceholder(r.target);
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}
