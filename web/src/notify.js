// Visible, dismissible error messages (never alert()).
import { esc } from './format.js';

const MAX_SHOWN = 4;

function listErrors(errors) {
  if (!errors || typeof errors !== 'object') return '';
  const items = [];
  for (const [field, msgs] of Object.entries(errors)) {
    for (const m of Array.isArray(msgs) ? msgs : [msgs]) items.push(`<li><b>${esc(field)}</b>: ${esc(m)}</li>`);
  }
  return items.length ? `<ul>${items.join('')}</ul>` : '';
}

/**
 * Shows an error. Accepts an ApiError / Error or {title, detail, errors}. Identical messages are not stacked.
 * @returns {HTMLElement|null} the message element
 */
export function showError(err, context) {
  if (err && err.name === 'AbortError') return null;
  const box = document.getElementById('errors');
  if (!box) return null;
  const title = err?.title || err?.message || 'Something went wrong';
  const detail = err?.title ? (err.detail || '') : '';
  const key = `${context || ''}|${title}|${detail}`;
  // Announced for the views' loading signs (loading.js), which put the message in place of the sign.
  window.dispatchEvent(new CustomEvent('dala:error', { detail: { context: context || '', title, detail } }));
  for (const el of box.children) {
    if (el.dataset.key === key) {
      el.classList.remove('flash');
      void el.offsetWidth; // restart the highlight animation
      el.classList.add('flash');
      return el;
    }
  }
  const el = document.createElement('div');
  el.className = 'error-message';
  el.setAttribute('role', 'alert');
  el.dataset.key = key;
  el.innerHTML = `
    <div class="error-text">
      <div class="error-title">${context ? esc(context) + ' — ' : ''}${esc(title)}</div>
      ${detail ? `<div class="error-detail">${esc(detail)}</div>` : ''}
      ${listErrors(err?.errors)}
    </div>
    <button type="button" class="error-close" aria-label="Dismiss" title="Dismiss">×</button>`;
  el.querySelector('.error-close').addEventListener('click', () => el.remove());
  box.appendChild(el);
  while (box.children.length > MAX_SHOWN) box.firstElementChild.remove();
  return el;
}

export function clearErrors() {
  const box = document.getElementById('errors');
  if (box) box.replaceChildren();
}
