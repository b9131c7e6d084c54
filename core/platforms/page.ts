/**
 * Reading the platform's own words and controls from a page, and never a participant's.
 *
 * A page view is made for one read of one document. It is told where participants write
 * (names, chat, captions, reactions): no text, aria-label or control inside those regions is
 * ever matched, and an element whose text includes such a region is matched on the rest of its
 * text only. Structural selectors (ids, data-* attributes, classes) are the platform's own and
 * are matched anywhere. Every signal is looked for in more than one way, and the first way that
 * matches is quoted as evidence. Each list of elements is gathered once per read.
 */

import { FOUND_BUTTON, FOUND_ELEMENT, FOUND_LABEL, FOUND_TEXT, say } from '../evidence';

/** Ways to recognise one thing the platform shows. */
export interface Marker {
  /** CSS selectors of the platform's own elements: ids, data-* attributes, classes, roles. Never text. */
  selectors?: readonly string[];
  /** The platform's own words, matched on the text of announcement regions and of `textIn`. */
  text?: readonly RegExp[];
  /** Extra elements whose text is searched (headings, the lobby's message …). Small elements only. */
  textIn?: readonly string[];
  /** The accessible name (aria-label, else text) of the platform's buttons. */
  controls?: readonly RegExp[];
  /** aria-label or title of any element of the platform's (icons, tooltips, indicators). */
  labels?: readonly RegExp[];
}

/** Regions where platforms announce state changes: dialogs, alerts, live regions, banners, tooltips. */
const ANNOUNCEMENTS = [
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[role="alert"]',
  '[role="status"]',
  '[aria-live]',
  '[role="banner"]',
  '[role="tooltip"]',
];
/** Text longer than this is a container's, not a label's or an announcement's. */
const MAX_TEXT = 600;
/** An element with more children than this is a layout container: its text is its children's. */
const MAX_CHILDREN = 8;

export interface PageView {
  readonly root: ParentNode;
  /** The elements the selector finds outside the roster's rows, gathered once per view ([] for a selector the browser rejects). */
  search(selector: string): Element[];
  /** The first selector that matches, or null. */
  selector(selectors: readonly string[]): string | null;
  /** The first text match in `where` (and announcement regions), quoted, or null. */
  text(patterns: readonly RegExp[], where?: readonly string[]): string | null;
  /** The first button whose accessible name matches, quoted, or null. */
  control(patterns: readonly RegExp[]): string | null;
  /** The first aria-label or title that matches, quoted, or null. */
  label(patterns: readonly RegExp[]): string | null;
  /** Evidence of the first way the marker matches, or null. */
  find(marker: Marker | undefined): string | null;
  /** Whether an element lies in a region where participants write. */
  isParticipantText(el: Element): boolean;
  /** Whether an element is, or is inside, one the marker's selectors or controls name. */
  is(el: Element, marker: Pick<Marker, 'selectors' | 'controls'>): boolean;
}

const BUTTONS = 'button, [role="button"]';
/** Rows from which the roster is stepped over in one walk rather than filtered out element by element. */
const LONG_ROSTER = 40;

/**
 * `rows`: the roster's rows, found already (they lie in `participantText`). Texts, controls and
 * labels are looked for only outside them, in one walk of the page that steps over each row: a
 * roster of a thousand rows costs that walk, not a look at each of their elements per signal.
 */
export function pageView(root: ParentNode, participantText: readonly string[], rows: readonly Element[] = []): PageView {
  const lists = new Map<string, Element[]>();
  const cached = (key: string, gather: () => Element[]): Element[] => {
    let list = lists.get(key);
    if (!list) {
      try {
        list = gather();
      } catch {
        list = []; // a broken selector matches nothing
      }
      lists.set(key, list);
    }
    return list;
  };
  const all = (selector: string) => cached(selector, () => Array.from(root.querySelectorAll(selector)));
  const rowSet = new Set(rows);
  const inRow = (el: Element) => {
    for (let at: Element | null = el; at; at = at.parentElement) if (rowSet.has(at)) return true;
    return false;
  };
  // A long roster is stepped over in one walk of the page; otherwise the browser's own query is
  // faster than walking the page in script (npm run bench: roster and busy-page figures).
  const outsideRows = () => cached('', () => descendants(root, (el) => rowSet.has(el)));
  const search = (selector: string) =>
    cached(` ${selector}`, () => (rows.length > LONG_ROSTER ? outsideRows().filter((el) => el.matches(selector)) : all(selector).filter((el) => !inRow(el))));
  const excluded = participantText.join(', ');
  const inside = (el: Element) => !!excluded && safe(() => el.closest(excluded) !== null, true);
  const holds = (el: Element) => !!excluded && safe(() => el.querySelector(excluded) !== null, true);

  /** Matches `value` (read from `el`), then makes sure no participant wrote what matched. */
  const match = (el: Element, value: string, patterns: readonly RegExp[], ownText: boolean): string | null => {
    const found = firstMatch(value, patterns);
    if (!found || inside(el)) return null;
    if (!ownText || !holds(el)) return found;
    return firstMatch(textOutside(el, excluded), patterns);
  };

  const view: PageView = {
    root,
    search,
    selector(selectors) {
      return selectors.find((s) => all(s).length > 0) ?? null;
    },
    text(patterns, where = []) {
      for (const el of search([...ANNOUNCEMENTS, ...where].join(', '))) {
        if (el.childElementCount > MAX_CHILDREN && !ANNOUNCEMENTS.some((a) => safe(() => el.matches(a), false))) continue;
        const text = collapse(el.textContent ?? '');
        if (!text || text.length > MAX_TEXT) continue;
        const found = match(el, text, patterns, true);
        if (found) return found;
      }
      return null;
    },
    control(patterns) {
      for (const el of search(BUTTONS)) {
        const found = controlMatch(el, patterns);
        if (found) return found;
      }
      return null;
    },
    label(patterns) {
      for (const el of search('[aria-label], [title]')) {
        for (const value of [el.getAttribute('aria-label'), el.getAttribute('title')]) {
          const label = value ? collapse(value) : '';
          if (!label || label.length > 200) continue;
          const found = match(el, label, patterns, false);
          if (found) return found;
        }
      }
      return null;
    },
    find(marker) {
      if (!marker) return null;
      const selector = marker.selectors ? view.selector(marker.selectors) : null;
      if (selector) return say(FOUND_ELEMENT, selector);
      const text = marker.text ? view.text(marker.text, marker.textIn) : null;
      if (text) return say(FOUND_TEXT, text);
      const control = marker.controls ? view.control(marker.controls) : null;
      if (control) return say(FOUND_BUTTON, control);
      const label = marker.labels ? view.label(marker.labels) : null;
      return label ? say(FOUND_LABEL, label) : null;
    },
    isParticipantText: inside,
    is(el, marker) {
      if (marker.selectors?.some((s) => safe(() => el.closest(s) !== null, false))) return true;
      const button = safe(() => el.closest(BUTTONS), null);
      return !!button && !!marker.controls && controlMatch(button, marker.controls) !== null;
    },
  };
  const controlMatch = (el: Element, patterns: readonly RegExp[]) => {
    const name = collapse(el.getAttribute('aria-label') ?? el.textContent ?? '');
    return name && name.length <= 80 ? match(el, name, patterns, !el.hasAttribute('aria-label')) : null;
  };
  return view;
}

/**
 * The elements inside `parent` in document order, but those `skip` names and everything inside
 * them: a walk, not a query (a query per row of a long list costs more than the row).
 */
export function descendants(parent: ParentNode, skip?: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  let at: Element | null = parent.firstElementChild;
  while (at) {
    const skipped = skip?.(at);
    if (!skipped) found.push(at);
    if (!skipped && at.firstElementChild) {
      at = at.firstElementChild;
      continue;
    }
    while (at && at !== parent && !at.nextElementSibling) at = at.parentElement;
    at = at && at !== parent ? at.nextElementSibling : null;
  }
  return found;
}

/** The text of `el` without the parts inside participant regions. */
function textOutside(el: Element, excluded: string): string {
  let text = '';
  const visit = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) text += child.nodeValue ?? '';
      else if (child.nodeType === 1 && !safe(() => (child as Element).matches(excluded), true)) visit(child);
    }
  };
  visit(el);
  return collapse(text);
}

function firstMatch(text: string, patterns: readonly RegExp[]): string | null {
  for (const pattern of patterns) {
    const found = pattern.exec(text);
    if (found) return quote(found[0]);
  }
  return null;
}

/** What `fn` gives, or `fallback` when it throws (a selector the browser rejects, a DOM mid-change). */
export function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

/** Text as it reads: whitespace runs made one space, none at the ends. */
export const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Quotes page text for evidence: collapsed whitespace, bounded length. */
export function quote(text: string, max = 80): string {
  const collapsed = collapse(text);
  return `"${collapsed.length > max ? `${collapsed.slice(0, max - 1)}…` : collapsed}"`;
}
