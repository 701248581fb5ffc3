// "My past tests": the tests run from this browser, kept in its localStorage only (id, time, speeds, latency, jitter,
// loss and the place), newest first, each with a link to its result page; the user may clear them.
import { esc, fmtDateTime } from './format.js';
import { fmtSpeed, fmtMs } from './speedtest-format.js';

const $ = id => document.getElementById(id);
const KEY = 'dala.speedtest.past';
const MAX = 50;

/** The link to a result's page in this app. */
export const resultHref = id => `#speedtest?result=${encodeURIComponent(id)}`;

function read() {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) || '[]');
    return Array.isArray(v) ? v.filter(x => x && typeof x.id === 'string') : [];
  } catch {
    return [];
  }
}

function write(list) {
  try {
    localStorage.setItem(KEY, JSON.stringify(list.slice(0, MAX)));
    return true;
  } catch {
    return false; // storage full or refused (private mode): the list stays as it was
  }
}

export class PastTests {
  constructor() {
    $('speedtest-past-clear').addEventListener('click', () => this.clear());
    this.render();
  }

  /** Keeps one test (a test already kept is replaced). */
  add(entry) {
    const list = read().filter(x => x.id !== entry.id);
    list.unshift(entry);
    write(list);
    this.render();
  }

  clear() {
    try { localStorage.removeItem(KEY); } catch { /* nothing was kept */ }
    this.render();
  }

  render() {
    const list = read();
    const body = $('speedtest-past').querySelector('tbody');
    $('speedtest-past-clear').disabled = !list.length;
    document.body.dataset.speedtestPast = String(list.length);
    if (!list.length) {
      body.innerHTML = '<tr><td colspan="6" class="muted">No tests from this browser yet. Tests you run here are listed here, kept only in this browser.</td></tr>';
      return;
    }
    body.innerHTML = list.map(x => {
      const place = x.place?.name || (x.place?.lat != null ? `${Number(x.place.lat).toFixed(4)}, ${Number(x.place.lon).toFixed(4)}` : '—');
      return `<tr data-id="${esc(x.id)}">
        <td class="nowrap"><a href="${esc(resultHref(x.id))}" class="st-past-link">${esc(fmtDateTime(x.time))}</a></td>
        <td>${esc(place)}</td>
        <td class="num nowrap">${esc(fmtSpeed(x.down))}</td>
        <td class="num nowrap">${esc(fmtSpeed(x.up))}</td>
        <td class="num nowrap">${esc(fmtMs(x.latency))}</td>
        <td class="nowrap"><a href="${esc(resultHref(x.id))}">open</a></td>
      </tr>`;
    }).join('');
  }
}
