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
  for (const el of root.querySelectorAll(selector)) {
    const quote = matchText(el.textContent ?? '', patterns);
    if (quote) return quote;
  }
  for (const el of root.querySelectorAll('[aria-label]')) {
    const quote = matchText(el.getAttribute('aria-label') ?? '', patterns);
    if (quote) return quote;
  }
  return null;
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
