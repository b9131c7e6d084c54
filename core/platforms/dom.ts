/**
 * Small, cheap DOM readers shared by the adapters. They look only where a platform puts its
 * signals (dialogs, live regions, labelled elements), never the whole page text, so a read stays
 * cheap on a busy call page.
 */

/** The first selector that matches, as evidence text, or null. */
export function findSelector(root: ParentNode, selectors: readonly string[]): string | null {
  for (const selector of selectors) {
    try {
      if (root.querySelector(selector)) return selector;
    } catch {
      // An invalid selector in one strategy must not stop the others.
    }
  }
  return null;
}

/** Regions where platforms announce state changes: dialogs, alerts, live regions, banners. */
const ANNOUNCEMENT_REGIONS =
  '[role="dialog"], [role="alertdialog"], [role="alert"], [role="status"], [aria-live], [role="banner"], [role="tooltip"]';

/**
 * Text patterns searched in announcement regions and in the given extra selectors, and in
 * aria-labels anywhere. Returns a short quote of what matched, for evidence.
 */
export function findText(
  root: ParentNode,
  patterns: readonly RegExp[],
  extraSelectors: readonly string[] = [],
): string | null {
  const selector = [ANNOUNCEMENT_REGIONS, ...extraSelectors].join(', ');
  return firstMatch(pageTexts(root, selector, 'text'), patterns) ?? firstMatch(pageTexts(root, '[aria-label]', 'aria-label'), patterns);
}

/** The first of `texts` that a pattern matches, quoted. */
export function firstMatch(texts: readonly string[], patterns: readonly RegExp[]): string | null {
  for (const text of texts) {
    const quote = text ? matchText(text, patterns) : null;
    if (quote) return quote;
  }
  return null;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** What `pageTexts` reads of each element. */
const TEXT_READERS = {
  text: (el: Element) => el.textContent ?? '',
  'aria-label': (el: Element) => el.getAttribute('aria-label') ?? '',
  /**
   * The text of a small element, collapsed, or '' for a big container (more than a few child
   * elements, or long): the text a platform shows sits in small elements, and a container's
   * text costs its whole subtree.
   */
  'small-text': (el: Element) => {
    if (el.childElementCount > 4) return '';
    const text = collapse(el.textContent ?? '');
    return text.length > 300 ? '' : text;
  },
  /** A control's accessible name (aria-label, else its text), collapsed; '' when long (not a control's name). */
  name: (el: Element) => {
    const name = collapse(el.getAttribute('aria-label') ?? el.textContent ?? '');
    return name.length > 80 ? '' : name;
  },
} satisfies Record<string, (el: Element) => string>;

export type TextReader = keyof typeof TEXT_READERS;

/**
 * One page read looks for a dozen signals, and most search the same places (announcement
 * regions, every aria-label, every button …). Inside `readOnce` each list of texts is gathered
 * once per read instead of once per signal; outside it every call reads the page afresh.
 * Nothing is kept across reads: the page changes between them.
 */
let readMemo: WeakMap<ParentNode, Map<string, readonly string[]>> | null = null;

export function readOnce<T>(read: () => T): T {
  const outer = readMemo;
  readMemo = new WeakMap();
  try {
    return read();
  } finally {
    readMemo = outer;
  }
}

/** What `reader` reads of each element matching `selector`, in document order; gathered once within `readOnce`. */
export function pageTexts(root: ParentNode, selector: string, reader: TextReader): readonly string[] {
  const key = `${reader} ${selector}`;
  let byKey = readMemo?.get(root);
  const known = byKey?.get(key);
  if (known) return known;
  const texts = Array.from(root.querySelectorAll(selector), TEXT_READERS[reader]);
  if (readMemo) {
    if (!byKey) readMemo.set(root, (byKey = new Map()));
    byKey.set(key, texts);
  }
  return texts;
}

function matchText(text: string, patterns: readonly RegExp[]): string | null {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) return quote(match[0]);
  }
  return null;
}

/** Quotes page text for evidence: collapsed whitespace, bounded length. */
export function quote(text: string, max = 80): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return `"${collapsed.length > max ? `${collapsed.slice(0, max - 1)}…` : collapsed}"`;
}

/** Reads a list of display names: attribute values or text of the matched elements. */
export function readNames(root: ParentNode, selector: string, attribute?: string): string[] {
  const names: string[] = [];
  for (const el of root.querySelectorAll(selector)) {
    const raw = attribute ? el.getAttribute(attribute) : el.textContent;
    const name = raw?.replace(/\s+/g, ' ').trim();
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}
