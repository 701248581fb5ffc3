// Spelling-insensitive name key: a port of the server's Dala.Registry.Naming.NameKey, so that client-side search
// matches «Ақкөл», «Акколь», «с.Акколь», «Akkol» and «Aqköl» alike.

const PREFIXES = [
  'с.', 'г.', 'п.', 'пгт.', 'ст.', 'рзд.', 'уч.', 'кр.', 'отг.', 'а.',
  'село ', 'аул ', 'ауыл ', 'поселок ', 'посёлок ', 'станция ', 'разъезд ', 'город ', 'кенті ',
];

const CYRILLIC = {
  'а': 'a', 'ә': 'a', 'б': 'b', 'в': 'v', 'г': 'g', 'ғ': 'g', 'д': 'd', 'е': 'e',
  'ё': 'e', 'ж': 'zh', 'з': 'z', 'и': 'i', 'й': 'i', 'і': 'i', 'к': 'k', 'қ': 'k',
  'л': 'l', 'м': 'm', 'н': 'n', 'ң': 'n', 'о': 'o', 'ө': 'o', 'п': 'p', 'р': 'r',
  'с': 's', 'т': 't', 'у': 'u', 'ұ': 'u', 'ү': 'u', 'ф': 'f', 'х': 'h', 'һ': 'h',
  'ц': 'ts', 'ч': 'ch', 'ш': 'sh', 'щ': 'sh', 'ъ': '', 'ы': 'i', 'ь': '', 'э': 'e',
  'ю': 'iu', 'я': 'ia',
};

const LETTER = /\p{L}/u;

function stripDiacritic(ch) {
  switch (ch) {
    case 'ı': return 'i';
    case 'ş': return 'sh';
    case 'ç': return 'ch';
    case 'ñ': return 'n';
    case 'ğ': case 'ǵ': return 'g';
  }
  let out = '';
  for (const c of ch.normalize('NFD')) if (c >= 'a' && c <= 'z') out += c;
  return out;
}

/** The key, or "" when the name has no letters or digits. */
export function nameKey(name) {
  if (name == null) return '';
  let s = String(name).trim().toLowerCase();
  if (!s) return '';
  for (const p of PREFIXES) {
    if (s.startsWith(p)) { s = s.slice(p.length).trimStart(); break; }
  }
  let latin = '';
  for (const ch of s) {
    const t = CYRILLIC[ch];
    if (t !== undefined) latin += t;
    else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) latin += ch;
    else if (LETTER.test(ch)) latin += stripDiacritic(ch);
  }
  const folded = latin
    .replaceAll('kh', 'h').replaceAll('gh', 'g').replaceAll('q', 'k').replaceAll('zh', 'j').replaceAll('j', 'zh')
    .replaceAll('yu', 'iu').replaceAll('ya', 'ia').replaceAll('y', 'i').replaceAll('w', 'u').replaceAll('x', 'ks');
  let key = '';
  for (const ch of folded) {
    if (key.length === 0 || key[key.length - 1] !== ch || (ch >= '0' && ch <= '9')) key += ch;
  }
  return key;
}
