/**
 * Text that participants write (display names above all) is hostile input: it may hide a bot's
 * name behind look-alike letters, invisible characters or fullwidth forms. These functions turn
 * such text into something that can be compared; they are only ever used to classify a
 * participant, never to read call state.
 */

/**
 * Characters that render as nothing (or as blank space) and so can split a word unseen: format
 * characters (zero-width space and joiners, bidi controls, soft hyphen, word joiner, BOM),
 * variation selectors, combining grapheme joiner, Hangul fillers, Braille blank.
 */
const INVISIBLE = /[\p{Cf}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u2800\u3164\uFE00-\uFE0F\uFFA0\u{E0100}-\u{E01EF}]/gu;

/**
 * The name as shown, with invisible characters removed, compatibility forms unified (NFKC:
 * fullwidth letters, ligatures, mathematical alphanumerics) and whitespace collapsed. This is
 * what CallGuard shows and quotes.
 */
export function visibleText(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/**
 * Letters and digits that look like a Latin letter, mapped to that letter: a subset of Unicode
 * TR39's confusables (confusables.txt), for the scripts that give convincing Latin look-alikes
 * (Cyrillic, Greek, Armenian, Cherokee) and for digits and symbols. The full table (about 6,000
 * entries) does not fit the content-script budget; docs/platforms.md says so.
 */
const CONFUSABLE_GROUPS: Record<string, string> = {
  a: 'аαɑ⍺ａ',
  b: 'вьβƅЬВᏴ',
  c: 'сϲⅽᴄС',
  d: 'ԁⅾᏧ',
  e: 'еεҽ℮ꬲЕᎬ',
  g: 'ɡցᏀ',
  h: 'һнհᎻН',
  i: 'іїιɩӏ¡ⅰǀ|1lІ',
  j: 'јϳ',
  k: 'кκᴋК',
  m: 'мᴍМ',
  n: 'ոπпη',
  o: 'оοօσ0ᴏОΟ௦๐〇',
  p: 'рρⲣᏢР',
  q: 'ԛզ',
  r: 'гᴦ',
  s: 'ѕꜱЅᏚ',
  t: 'тτᴛТ',
  u: 'սυμ',
  v: 'νѵᴠᏙ',
  w: 'ԝѡᴡ',
  x: 'хχ×Х',
  y: 'уγүУ',
  z: 'ᴢΖᏃ',
};
const CONFUSABLE = new Map<string, string>(
  Object.entries(CONFUSABLE_GROUPS).flatMap(([latin, lookAlikes]) => [...lookAlikes].map((c) => [c, latin] as const)),
);

/**
 * A skeleton for comparing names (after TR39's skeleton): visible text, decomposed with its
 * accents dropped, lower-cased, each look-alike mapped to its Latin letter, "rn"/"vv" read as
 * "m"/"w", and every run of other characters (punctuation, spaces, emoji) made one space. "i",
 * "l", "1" and "|" all become "i": they are told apart by font alone. Only for comparison: two
 * names with the same skeleton may look the same on screen.
 */
export function skeleton(text: string): string {
  const plain = visibleText(text)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
  let folded = '';
  for (const char of plain) {
    const mapped = CONFUSABLE.get(char) ?? CONFUSABLE.get(char.toLowerCase()) ?? char.toLowerCase();
    folded += mapped;
  }
  return folded
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Whether `phrase` appears in `text` as whole words, both compared as skeletons. */
export function containsWords(textSkeleton: string, phraseSkeleton: string): boolean {
  if (!phraseSkeleton) return false;
  return ` ${textSkeleton} `.includes(` ${phraseSkeleton} `);
}
