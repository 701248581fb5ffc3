// The interface in Kazakh, Russian or English.
//
// English is the source language: every module writes English, and the message catalogues i18n/kk.json and
// i18n/ru.json are keyed by that English text (gettext's msgid convention). A key with {0}, {1}… is a pattern:
// "{0} settlements" translates "1 234 settlements" whole. Besides t() for code, a DOM translator (on load and
// through a MutationObserver) translates every text node and the attributes below whose trimmed text is a
// msgid or matches a pattern, so modules stay in English and are translated without edits. It keeps the English
// original of each node, so switching languages back and forth needs no reload. An element (and its subtree)
// with translate="no" is left alone. web/tools/i18n-extract.mjs fills the catalogues' keys from the sources.

export const LANGS = ['kk', 'ru', 'en'];
const LOCALES = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };
const STORE_KEY = 'dala.lang';
const ATTRS = ['title', 'placeholder', 'aria-label', 'alt'];
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEXTAREA', 'CODE', 'PRE']);
const LETTER = /\p{L}/u;

let lang = 'en';
/** msgid → translation, and the compiled patterns, of the current language. */
let exact = new Map();
let patterns = [];
/** Names known at run time (regions): any of their spellings → the name in the current language. */
const names = new Map();
const loaded = new Map();

/** The language asked for: ?lang= or lang= in the hash, else the one saved, else the browser's, else English. */
export function requestedLanguage(loc = location, store = safeStorage(), languages = navigator.languages) {
  const inHash = /(?:^#|[#&?/])lang=([a-z]{2})\b/i.exec(String(loc.hash || ''));
  const pick = v => (v && LANGS.includes(v.toLowerCase()) ? v.toLowerCase() : null);
  return pick(new URLSearchParams(loc.search).get('lang')) || pick(inHash?.[1]) || pick(store?.getItem(STORE_KEY))
    || browserLanguage(languages) || 'en';
}

function browserLanguage(languages) {
  for (const l of languages || []) {
    const primary = String(l).toLowerCase().split('-')[0];
    if (LANGS.includes(primary)) return primary;
  }
  return null;
}

function safeStorage() {
  try { return window.localStorage; } catch { return null; }
}

/** The current language: "kk", "ru" or "en". */
export function language() { return lang; }

/**
 * The Intl locale of the current language (kk-KZ, ru-RU, en-GB). A browser without Kazakh locale data (some
 * Chromium builds) formats Kazakh as Russian in Kazakhstan does: the same grouping and decimal comma.
 */
export function locale() { return FORMAT_LOCALES[lang]; }
const FORMAT_LOCALES = Object.fromEntries(LANGS.map(l => [l, l === 'en' || hasData(LOCALES[l]) ? LOCALES[l] : (hasData('ru-KZ') ? 'ru-KZ' : 'ru-RU')]));
/** Has the browser Kazakh or Russian number data? (Chromium claims kk but formats it as English: 1,234.5.) */
function hasData(tag) {
  try { return new Intl.NumberFormat(tag).format(1.5).includes(','); } catch { return false; }
}

/** Translates a msgid (English); vars fill {name} or {0} placeholders. Unknown msgids come back as given. */
export function t(msgid, vars) {
  const s = lang === 'en' ? msgid : (translateWhole(msgid) ?? msgid);
  return vars ? String(s).replace(/\{(\w+)\}/g, (m, k) => (vars[k] ?? m)) : s;
}

/** A settlement's or region's name in the current language when known: item.names {local, kk, ru, en}. */
export function nameIn(item, l = lang) {
  if (!item) return '';
  const n = item.names || {};
  return n[l] || n.local || item.name || n.ru || n.kk || n.en || String(item.id ?? item.code ?? '');
}

/** Teaches the translator the names of regions (or places) so that they show in the current language. */
export function learnNames(items) {
  for (const it of items || []) {
    const spellings = [it.name, it.names?.local, it.names?.kk, it.names?.ru, it.names?.en].filter(Boolean);
    for (const s of spellings) names.set(norm(s), it);
  }
  translateTree(document.documentElement);
}

function norm(s) {
  return String(s ?? '').replace(/\s+/g, ' ').trim();
}

// ------------------------------------------------------------------ catalogues and patterns

async function loadCatalogue(l) {
  if (l === 'en') return {};
  if (!loaded.has(l)) {
    loaded.set(l, fetch(`/i18n/${l}.json`).then(r => (r.ok ? r.json() : {})).catch(() => ({})));
  }
  return loaded.get(l);
}

function compile(catalogue) {
  exact = new Map();
  patterns = [];
  const entries = Object.entries(catalogue).filter(([, v]) => v);
  // "· {0} settlements" also reads "{0} settlements" inside a line joined with " · ".
  const bare = entries.filter(([k, v]) => k.startsWith('· ') && v.startsWith('· ') && !(k.slice(2) in catalogue))
    .map(([k, v]) => [k.slice(2), v.slice(2)]);
  for (const [key, value] of [...entries, ...bare]) {
    if (/\{\d+\}/.test(key)) patterns.push(compilePattern(key, value));
    else exact.set(key, value);
  }
  // Longer (more specific) patterns first.
  patterns.sort((a, b) => b.literal - a.literal);
}

const escRe = s => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "{0} of {1} settlements" → a regex; placeholders of patterns with little literal text must hold a digit. */
function compilePattern(key, value) {
  const parts = key.split(/(\{\d+\})/);
  const literalText = parts.filter(p => !/^\{\d+\}$/.test(p)).join('');
  const literal = (literalText.match(/\p{L}/gu) || []).length;
  // Little literal text ("{0} of {1}"): the holes must be numbers, or the pattern would eat sentences.
  // A whole number ("6 906", "42,2 %") is tried first, so that two holes in a row do not split one.
  const hole = literal >= 8 ? '([-+−]?\\d[\\d\\s.,]*%?|.*?)' : '([^\\p{L}]*?\\d[^\\p{L}]*?)';
  const order = [];
  let src = '^';
  parts.forEach((p, i) => {
    const m = /^\{(\d+)\}$/.exec(p);
    // A hole glued to a word ("settlement{1}") is a plural ending, nothing longer.
    if (m) { order.push(Number(m[1])); src += /\p{L}$/u.test(parts[i - 1] || '') ? '(\\p{L}{0,3})' : hole; }
    else src += escRe(p).replace(/ /g, '\\s+');
  });
  const anchor = literalText.split(/[^\p{L}]+/u).sort((a, b) => b.length - a.length)[0] || '';
  return { re: new RegExp(src + '$', 'su'), order, value, anchor, literal };
}

const letterCount = s => (String(s).match(/\p{L}/gu) || []).length;

/** The best pattern translation of a text: {out, left} (left: letters left untranslated in its holes), or null. */
function translatePattern(text) {
  let best = null;
  for (const p of patterns) {
    if (p.anchor && !text.includes(p.anchor)) continue;
    const m = p.re.exec(text);
    if (!m) continue;
    const holes = m.slice(1).map(v => {
      if (!/\p{L}/u.test(v)) return { v, out: null, left: 0 };
      const r = scored(v.trim());
      const lead = /^\s*/.exec(v)[0], trail = /\s*$/.exec(v)[0];
      return r ? { v, out: lead + r.out + trail, left: r.left } : { v, out: null, left: letterCount(v) };
    });
    const left = holes.reduce((k, h) => k + h.left, 0);
    if (left > p.literal) continue; // more English left in the holes than the pattern translates: not this one
    if (!best || left < best.left) best = { p, holes, left };
    if (left === 0) break;
  }
  if (!best) return null;
  const vals = {};
  best.p.order.forEach((n, i) => { vals[n] = best.holes[i].out ?? best.holes[i].v; });
  return { out: best.p.value.replace(/\{(\d+)\}/g, (s, n) => vals[n] ?? s), left: best.left };
}

/** "Fibre · 1 234 settlements", "Operators — Could not load operators.", sentences: the parts on their own. */
function translateParts(text) {
  const parts = text.split(/( · | — |(?<=[.;!?])\s+(?=\p{Lu}))/u);
  if (parts.length < 3) return null;
  let any = false, left = 0;
  const out = parts.map((p, i) => {
    if (i % 2) return p;
    const r = scored(p);
    if (r) { any = true; left += r.left; return r.out; }
    left += letterCount(p);
    return p;
  });
  return any ? { out: out.join(''), left } : null;
}

/** The translation of a whole text with the letters it leaves untranslated: {out, left}, or null. */
function scored(text) {
  const key = norm(text);
  if (!key || !LETTER.test(key)) return null;
  const found = exact.get(key);
  if (found != null) return { out: found, left: 0 };
  const named = names.get(key);
  if (named) return { out: nameIn(named), left: 0 };
  // Patterns keep the holes' own spaces (Intl groups digits with no-break spaces).
  const light = String(text).replace(/[ \t\r\n]+/g, ' ').trim();
  const a = translatePattern(light);
  if (a && a.left === 0) return a;
  const b = translateParts(light);
  return a && b ? (b.left < a.left ? b : a) : (a || b);
}

/** The translation of a whole (normalised) text, or null. */
function translateWhole(text) {
  return scored(text)?.out ?? null;
}

/** Translates a text keeping its leading and trailing white space; null when there is nothing to translate. */
function translateText(text) {
  if (lang === 'en' && names.size === 0) return null;
  const out = lang === 'en' ? englishName(text) : translateWhole(text);
  if (out == null) return null;
  const lead = /^\s*/.exec(text)[0], trail = /\s*$/.exec(text)[0];
  return lead + out + trail;
}

function englishName(text) {
  const named = names.get(norm(text));
  return named ? nameIn(named, 'en') : null;
}

// ------------------------------------------------------------------ the DOM translator

/** text node → {src: English original, out: what we wrote}; element → Map(attribute → {src, out}). */
const textMemo = new WeakMap();
const attrMemo = new WeakMap();

function skipped(el) {
  for (let e = el; e; e = e.parentElement) {
    if (SKIP.has(e.tagName) || e.getAttribute('translate') === 'no') return true;
  }
  return false;
}

function translateTextNode(node) {
  const memo = textMemo.get(node);
  const src = memo && node.data === memo.out ? memo.src : node.data;
  const out = translateText(src) ?? src;
  if (out === src && !memo) return;
  if (node.data !== out) node.data = out;
  textMemo.set(node, { src, out });
}

function translateAttr(el, name) {
  const v = el.getAttribute(name);
  if (v == null) return;
  let memo = attrMemo.get(el);
  const m = memo?.get(name);
  const src = m && v === m.out ? m.src : v;
  const out = translateText(src) ?? src;
  if (out === src && !m) return;
  if (v !== out) el.setAttribute(name, out);
  if (!memo) attrMemo.set(el, memo = new Map());
  memo.set(name, { src, out });
}

function translateElementAttrs(el) {
  for (const a of ATTRS) if (el.hasAttribute(a)) translateAttr(el, a);
}

function translateTree(root) {
  if (!root) return;
  if (root.nodeType === Node.TEXT_NODE) {
    if (!skipped(root.parentElement)) translateTextNode(root);
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE || skipped(root)) return;
  translateElementAttrs(root);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: n => (n.nodeType === Node.ELEMENT_NODE && (SKIP.has(n.tagName) || n.getAttribute('translate') === 'no')
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) translateTextNode(n);
    else translateElementAttrs(n);
  }
}

const observer = new MutationObserver(records => {
  for (const r of records) {
    if (r.type === 'childList') for (const n of r.addedNodes) translateTree(n);
    else if (r.type === 'characterData') { if (!skipped(r.target.parentElement)) translateTextNode(r.target); }
    else if (r.type === 'attributes' && !skipped(r.target)) translateAttr(r.target, r.attributeName);
  }
});

// ------------------------------------------------------------------ charts

/** Chart.js: dataset labels, scale and plot titles and category labels go through the catalogue. */
const chartMemo = new WeakMap();
function tr(owner, key) {
  const v = owner?.[key];
  if (typeof v !== 'string') return;
  let memo = chartMemo.get(owner);
  if (!memo) chartMemo.set(owner, memo = {});
  const src = memo[key] && v === memo[key].out ? memo[key].src : v;
  const out = translateText(src) ?? src;
  if (out !== v) owner[key] = out;
  memo[key] = { src, out };
}

/** Translates a chart's own (unresolved) configuration; update() resolves it again. */
function translateChart(chart) {
  const data = chart.config?.data || chart.data;
  const options = chart.config?.options;
  if (options) options.locale = locale();
  for (const ds of data?.datasets || []) tr(ds, 'label');
  const labels = data?.labels;
  if (Array.isArray(labels)) for (let i = 0; i < labels.length; i++) tr(labels, i);
  for (const scale of Object.values(options?.scales || {})) tr(scale?.title, 'text');
  tr(options?.plugins?.title, 'text');
}

const chartPlugin = { id: 'dalaI18n', beforeInit: translateChart, beforeUpdate: translateChart };

function setupCharts() {
  const Chart = window.Chart;
  if (!Chart) return;
  Chart.defaults.locale = locale();
  if (!Chart.registry?.plugins?.get?.('dalaI18n')) Chart.register(chartPlugin);
}

function refreshCharts() {
  const Chart = window.Chart;
  if (!Chart) return;
  Chart.defaults.locale = locale();
  for (const c of Object.values(Chart.instances || {})) {
    try { translateChart(c); c.update('none'); } catch { /* a chart being torn down */ }
  }
}

// ------------------------------------------------------------------ switching

/** Switches the interface (and the saved choice) to a language; resolves when the page shows it. */
export async function setLanguage(l, { save = true } = {}) {
  if (!LANGS.includes(l)) l = 'en';
  const catalogue = await loadCatalogue(l);
  lang = l;
  compile(catalogue);
  if (save) {
    try { safeStorage()?.setItem(STORE_KEY, l); } catch { /* private mode */ }
    const url = new URL(location.href);
    if (url.searchParams.has('lang')) { url.searchParams.set('lang', l); history.replaceState(history.state, '', url); }
    else if (/(?:^#|[#&?/])lang=/.test(location.hash)) history.replaceState(history.state, '', location.pathname + location.search + location.hash.replace(/lang=[a-z]{2}/i, 'lang=' + l));
  }
  document.documentElement.lang = l;
  const select = document.getElementById('lang-select');
  if (select && select.value !== l) select.value = l;
  translateTree(document.documentElement);
  refreshCharts();
  document.documentElement.dataset.lang = l;
  window.dispatchEvent(new CustomEvent('dala:language', { detail: { lang: l, locale: locale() } }));
  return l;
}

// The first language is settled before any module renders (a top-level await: importers wait for it).
await setLanguage(requestedLanguage(), { save: false });
setupCharts();
observer.observe(document.documentElement, {
  subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRS,
});
document.getElementById('lang-select')?.addEventListener('change', e => setLanguage(e.target.value));
