#!/usr/bin/env node
// Collects the user-visible English strings of the front end into the message catalogues.
//
//   node web/tools/i18n-extract.mjs            add new msgids to web/src/i18n/{kk,ru}.json (empty: to translate)
//   node web/tools/i18n-extract.mjs --prune    also drop msgids no longer found in the sources
//   node web/tools/i18n-extract.mjs --list     print the msgids found, one a line, and change nothing
//   node web/tools/i18n-extract.mjs --check    exit 1 when a msgid found has no translation in a catalogue
//
// What counts as a string to translate (see i18n.js for how they are used):
// - index.html: text nodes (not in script, style, code, pre), and the values of title, placeholder, aria-label, alt;
// - i18n/server.txt: the server's texts that the interface shows as they come (problem titles, notes, targets);
// - *.js: string and template literals. One with HTML tags gives its text segments and those attributes; one
//   without reads as prose (words with a space, or a capitalised word) or sits where a label goes (label:,
//   title:, textContent =, a ternary inside a template…). ${…} holes become {0}, {1}… (a pattern).
// Keys are the texts with white space collapsed. An empty translation fails the catalogue test
// (tests/Dala.Web.Tests/I18nCatalogueTests.cs), so new strings are noticed.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
const LANGS = ['kk', 'ru'];

// Literals that look like words but are code (keys, HTTP, DOM names) or are not worth translating.
const DENY = new Set([
  'Feature', 'FeatureCollection', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'Escape', 'Enter', 'Tab', 'ArrowUp', 'ArrowDown', 'ArrowLeft',
  'ArrowRight', 'AbortError', 'TimeoutError', 'Bearer', 'Content-Type', 'Accept', 'Authorization', 'Home', 'End',
  'PageUp', 'PageDown', 'Backspace', 'Shift', 'Control', 'Meta', 'Alt', 'Infinity', 'NaN', 'TypeError', 'Error',
  'Dala', 'CSV', 'GeoJSON', 'NDJSON', 'JSON', 'KZ', 'ndt7', 'UTC', 'OSM', 'KATO', 'ITU', 'LTE', 'FTTH', 'NPV',
  'SCRIPT', 'TEXTAREA', 'CODE', 'PRE', 'STYLE', 'HTML', 'PNG', 'GeoTIFF', 'SINR', 'RSRP', 'EIRP', 'SLA', 'MHz', 'BW',
  'true', 'false', 'is-', 'muted', 'num', 'sorted', 'mouseout movestart zoomstart',
]);
// Msgids built by concatenation or held in variables, which the scanner cannot see whole (format.js: fmtMbps;
// dashboard.js: the scope word).
const EXTRA = ['{0} Mbps', '{0} Gbps', 'rural'];
const LABEL_CONTEXT = /(?:\b(?:label|short|title|text|hint|note|unit|caption|legend|empty|placeholder|textContent|innerText|innerHTML|ariaLabel|tip|tooltip|help|why|reason|detail|message|status|description|suffix|prefix|heading|head|sub|alt|none)\s*[:=]|\b(?:setAttribute\(\s*'(?:title|aria-label|placeholder|alt)'\s*,)|showError\([^()]*,)\s*$/;
const TRANSLATED_ATTRS = ['title', 'placeholder', 'aria-label', 'alt'];

export function norm(s) {
  return String(s).replace(/\s+/g, ' ').trim();
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', middot: '·', times: '×', hellip: '…', ndash: '–', mdash: '—', rarr: '→', larr: '←', darr: '↓', uarr: '↑', ge: '≥', le: '≤', deg: '°', minus: '−', thinsp: ' ', bull: '•', copy: '©', laquo: '«', raquo: '»' };
function decode(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Renumbers the holes of a text from {0} in order of appearance ("{3} of {5}" → "{0} of {1}"). */
function renumber(s) {
  let i = 0;
  const map = new Map();
  return s.replace(/\{(\d+)\}/g, (m, n) => { if (!map.has(n)) map.set(n, i++); return `{${map.get(n)}}`; });
}

/** Has words: two letters in a row outside the holes. */
function wordy(s) {
  return /\p{L}{2,}/u.test(s.replace(/\{\d+\}/g, ' '));
}

/** Text segments and translated attribute values of an HTML fragment (holes as {n}). */
export function htmlTexts(html) {
  const out = [];
  const s = html.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<!doctype[^>]*>/i, ' ')
    .replace(/<(script|style|code|pre|textarea)\b[\s\S]*?<\/\1>/gi, ' ');
  const re = /<\/?[a-zA-Z][^>]*>|<\{\d+\}[^>]*>/g;
  let last = 0;
  const text = t => { const v = renumber(norm(decode(t))); if (wordy(v) && /[A-Za-z]/.test(v)) out.push(v); };
  for (let m; (m = re.exec(s));) {
    text(s.slice(last, m.index));
    last = m.index + m[0].length;
    for (const a of TRANSLATED_ATTRS) {
      const am = new RegExp(`\\s${a}\\s*=\\s*("([^"]*)"|'([^']*)')`, 'i').exec(m[0]);
      if (am) text(am[2] ?? am[3]);
    }
    // A tag that is written around the rest of the string: stop at a lone "<" (not a tag).
  }
  text(s.slice(last));
  return out;
}

const looksHtml = s => /<\/?[a-zA-Z][^>]*>/.test(s);

/** Does a literal without markup read as text for people? */
export function prose(text, context) {
  const v = norm(text);
  if (!wordy(v) || DENY.has(v)) return false;
  if (/(?:querySelector(?:All)?|closest|matches)\(\s*$/.test(context || '')) return false; // CSS selectors
  if (/(?:\.on|\.off|\.once|addEventListener|console\.\w+)\(\s*$/.test(context || '')) return false; // event names, console lines
  const bare = v.replace(/\{\d+\}/g, '').trim();
  if (!/[A-Za-z]/.test(bare)) return false; // already Kazakh or Russian
  if (/^(?:\(?(?:max|min)-width|--|<!|[\w-]+=")|\d+px\b|^[a-z]+\/[a-z+.-]+\b/.test(bare)) return false; // CSS, flags, MIME types
  if (/^(?:[/#.?&]|\w+:\/\/)|=>|\bfunction\b|^\w+\(|[{}]$|^[\w-]+:\s*[^ ]+;?$|;\s*[\w-]+:|\.(?:js|css|json|png|svg|csv|geojson|html)\b/.test(bare)) return false;
  if (/^[a-z]+(?:[A-Z][a-z0-9]*)+$/.test(bare)) return false; // camelCase
  if (/^[\d\s.,:%-]*$/.test(bare)) return false;
  const tokens = bare.split(/\s+/);
  const identifier = t => /^[a-z0-9]+(?:[-_.][a-z0-9]+)+$/.test(t) || /^[a-z_]+_[a-z_]+$/.test(t);
  if (tokens.every(t => identifier(t) || /^[a-z]+$/.test(t)) && tokens.some(identifier)) return false; // class lists
  if (tokens.length > 1) return true;
  if (/^\p{Lu}[\p{Ll}'’]+[.…:!?]?$/u.test(bare)) return true; // "Fibre", "Loading…"
  if (/^\p{Lu}{3,}$/u.test(bare) && !/^[A-Z]{2,5}$/.test(bare)) return true; // "SYNTHETIC"
  return LABEL_CONTEXT.test(context) && /^[\p{L}'’≥≤ -]+[.…:]?$/u.test(bare);
}

// ------------------------------------------------------------------ a small JS scanner

const REGEX_BEFORE = new Set([...'(,=:[!&|?{};+-*%<>~^', '']);
const REGEX_WORDS = new Set(['return', 'typeof', 'case', 'in', 'of', 'void', 'delete', 'throw', 'new', 'else', 'do']);

/** The string and template literals of a JS source: {quasis, holes, context, inHole}. */
export function jsLiterals(src) {
  const out = [];
  let i = 0;
  function prevSignificant(pos) {
    let j = pos - 1;
    while (j >= 0 && /\s/.test(src[j])) j--;
    if (j < 0) return '';
    if (/[\w$]/.test(src[j])) {
      let k = j;
      while (k >= 0 && /[\w$]/.test(src[k])) k--;
      const word = src.slice(k + 1, j + 1);
      return REGEX_WORDS.has(word) ? '(' : 'a';
    }
    return src[j];
  }
  function skipString(q) {
    let s = '';
    i++;
    while (i < src.length && src[i] !== q) {
      if (src[i] === '\\') { s += unescape(src[i + 1]); i += 2; continue; }
      if (src[i] === '\n') break;
      s += src[i++];
    }
    i++;
    return s;
  }
  function unescape(c) {
    return { n: '\n', t: '\t', r: '', '\\': '\\', "'": "'", '"': '"', '`': '`', $: '$' }[c] ?? c;
  }
  function skipRegex() {
    i++;
    let cls = false;
    while (i < src.length) {
      const c = src[i];
      if (c === '\\') { i += 2; continue; }
      if (c === '\n') return;
      if (cls) { if (c === ']') cls = false; } else if (c === '[') cls = true; else if (c === '/') { i++; break; }
      i++;
    }
    while (/[a-z]/i.test(src[i] || '')) i++;
  }
  /** Scans code until an unmatched "}" (inside a hole) or the end. */
  function code(depth, inHole) {
    let braces = 0;
    while (i < src.length) {
      const c = src[i];
      if (c === '/' && src[i + 1] === '/') { while (i < src.length && src[i] !== '\n') i++; continue; }
      if (c === '/' && src[i + 1] === '*') { const e = src.indexOf('*/', i + 2); i = e < 0 ? src.length : e + 2; continue; }
      if (c === '"' || c === "'") {
        const start = i;
        const s = skipString(c);
        out.push({ quasis: [s], context: src.slice(Math.max(0, start - 60), start), inHole });
        continue;
      }
      if (c === '`') { template(depth, inHole); continue; }
      if (c === '/' && REGEX_BEFORE.has(prevSignificant(i))) { skipRegex(); continue; }
      if (c === '{') braces++;
      if (c === '}') { if (braces === 0 && depth > 0) { i++; return; } braces--; }
      i++;
    }
  }
  function template(depth, inHole) {
    const start = i;
    i++;
    const quasis = [''];
    while (i < src.length && src[i] !== '`') {
      if (src[i] === '\\') { quasis[quasis.length - 1] += unescape(src[i + 1]); i += 2; continue; }
      if (src[i] === '$' && src[i + 1] === '{') { i += 2; code(depth + 1, true); quasis.push(''); continue; }
      quasis[quasis.length - 1] += src[i++];
    }
    i++;
    out.push({ quasis, context: src.slice(Math.max(0, start - 60), start), inHole, template: true });
  }
  code(0, false);
  return out;
}

/** The msgids of one JS source. */
export function jsMessages(src) {
  const found = [];
  for (const lit of jsLiterals(src)) {
    const text = lit.quasis.map((q, k) => (k ? `{${k - 1}}` : '') + q).join('');
    if (looksHtml(text)) { found.push(...htmlTexts(text)); continue; }
    // A template literal that ends or starts inside a tag (`<td class="${c}">`): only its text after the last ">".
    const cut = text.lastIndexOf('>');
    const plain = cut >= 0 && /<|\w+="/.test(text) ? text.slice(cut + 1) : text;
    const v = renumber(norm(decode(plain)));
    const context = lit.inHole ? lit.context + (/[?:]\s*$/.test(lit.context) ? ' text:' : '') : lit.context;
    if (prose(v, context)) found.push(v);
  }
  return found;
}

/** The server's texts that the interface shows as they come (i18n/server.txt: one a line, # comments). */
export function serverTexts(srcDir = SRC) {
  let text = '';
  try { text = readFileSync(join(srcDir, 'i18n', 'server.txt'), 'utf8'); } catch { return []; }
  return text.split('\n').map(norm).filter(l => l && !l.startsWith('#'));
}

export function extract(srcDir = SRC) {
  const ids = new Set(EXTRA);
  const files = readdirSync(srcDir, { recursive: true }).map(String).filter(f => /\.(?:js|html)$/.test(f)).sort();
  for (const f of files) {
    const text = readFileSync(join(srcDir, f), 'utf8');
    if (f.endsWith('.html')) htmlTexts(text).forEach(s => ids.add(s));
    else if (f.endsWith('.js')) jsMessages(text).forEach(s => ids.add(s));
  }
  serverTexts(srcDir).forEach(s => ids.add(s));
  return [...ids].sort();
}

function main(args) {
  const ids = extract();
  if (args.includes('--list')) { process.stdout.write(ids.join('\n') + '\n'); return 0; }
  let missing = 0;
  for (const lang of LANGS) {
    const file = join(SRC, 'i18n', `${lang}.json`);
    let cat = {};
    try { cat = JSON.parse(readFileSync(file, 'utf8')); } catch { /* a new catalogue */ }
    const next = {};
    const keep = args.includes('--prune') ? new Set(ids) : new Set([...ids, ...Object.keys(cat)]);
    for (const k of [...keep].sort()) next[k] = cat[k] ?? '';
    const empty = ids.filter(k => !next[k]);
    missing += empty.length;
    if (args.includes('--check')) {
      if (empty.length) console.error(`${lang}.json: ${empty.length} msgids without a translation:\n  ` + empty.slice(0, 40).join('\n  '));
      continue;
    }
    writeFileSync(file, JSON.stringify(next, null, 1) + '\n');
    const added = ids.filter(k => !(k in cat)).length;
    console.log(`${lang}.json: ${ids.length} msgids in the sources, ${added} new, ${empty.length} to translate, ${Object.keys(next).length} kept`);
  }
  return args.includes('--check') && missing ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exit(main(process.argv.slice(2)));
