import { FOUND_LABEL, MARKER, PHONE_LABEL, PHONE_MARKER, say, SEEN_IN } from '../evidence';
import type { FlaggedParticipant, ParticipantKind } from '../types';
import { collapse, descendants, quote } from './page';

/**
 * Who is in the call, as the page lists them: each participant's name, and the marks the platform
 * draws next to it (a phone icon, a "Guest" or "Unverified" label, a "Bot" label), read from the
 * row, never from the name itself. The names are classified apart (core/platforms/names.ts, where
 * reports are made), so the page's script carries none of the name tables.
 */

export interface RosterSpec {
  /** Each match is one participant: a row of the participant list, or a video tile. */
  rows: readonly string[];
  /** Where the name is inside a row: the first selector that matches; else the row's aria-label up to the first comma. */
  name: readonly string[];
  /** Attribute of the name element that holds the name (e.g. title); else its text. */
  nameAttribute?: string;
  /** Inside a row: the platform's marks of a phone participant, besides phone icon labels. */
  phoneSelectors?: readonly string[];
  /** Inside a row: the platform's marks of an external or unverified participant, besides label texts. */
  externalSelectors?: readonly string[];
  /**
   * Inside a row: where the platform writes its labels next to the name ("Guest", "Bot"); when
   * given, label texts are read only there. Several labels may share one element ("Presenter | Guest").
   */
  labelsIn?: readonly string[];
  /** For evidence: "Teams participant list". */
  where: string;
}

export interface RosterRead {
  /** How many participants were read (0: the list is closed or unreadable). */
  count: number;
  /** Participants the platform marks (a phone icon, a "Guest" label, a "Bot" label). */
  participants: FlaggedParticipant[];
  /** Every name listed, as shown: classified by flagNames where the names are weighed (the background). */
  names: string[];
}

/** Labels platforms put next to a participant who is not a verified member of the organisation. */
export const EXTERNAL_LABELS: readonly RegExp[] = [
  /^\(?\s*(external|unverified|guest|identity unverified|anonymous)\s*\)?$/i,
  /^\(?\s*(extern|nicht verifiziert|gast|identität nicht verifiziert|anonym)\s*\)?$/i,
  /^\(?\s*(externe?|non vérifiée?|invitée?|identité non vérifiée|anonyme)\s*\)?$/i,
];
/** Labels platforms put next to a bot that joined as one (BigBlueButton's join API flag). */
export const BOT_LABELS: readonly RegExp[] = [/^\(?(Bot|Robot)\)?$/i];
/**
 * A part of every word of EXTERNAL_LABELS and BOT_LABELS: a text without one is neither label, and
 * a row whose text has none needs no walk of its elements (a long roster's rows mostly show a
 * name and icons). test/unit/core/platforms/roster.test.ts checks each label word has its part.
 */
export const LABEL_WORD_PARTS = /extern|unverif|guest|anonym|verifiz|gast|vérifi|invit|bot/i;
/**
 * The same for icons' labels: a part of every word of PHONE_ICON_LABELS and of the external
 * labels and icon labels. A label without one marks nothing and is not kept (a long roster's
 * icons mostly say "More options for …", "Muted").
 */
export const MARK_WORD_PARTS = /phon|telefon|dial|call|einwahl|extern|unverif|guest|anonym|verifiz|gast|vérifi|invit/i;
const EXTERNAL_WORDS = 'external|unverified|guest|extern|nicht verifiziert|gast|externe?|non vérifiée?|invitée?';
/** The same labels as a suffix of a name ("Anna Schmidt (External)"). */
const EXTERNAL_SUFFIX = new RegExp(`\\s*\\((${EXTERNAL_WORDS})\\)\\s*$`, 'i');
const EXTERNAL_BRACKETED = new RegExp(`\\((${EXTERNAL_WORDS})\\)`, 'i');
/** A label right after the name in a row's accessible name, before the first comma. */
const EXTERNAL_AFTER_NAME = new RegExp(`^[\\s,]*\\(?(${EXTERNAL_WORDS})\\)?\\s*(,|$)`, 'i');
/** Icon labels (aria-label, title) that mark externals: words, not anchored. */
export const EXTERNAL_ICON_LABELS: readonly RegExp[] = [
  /\b(external (participant|user|guest)|identity unverified|unverified (participant|user|identity)|guest (participant|user))\b/i,
  /\b(externer? (Teilnehmer|Benutzer|Gast)|Identität nicht verifiziert|nicht verifizierte?r? (Teilnehmer|Benutzer))\b/i,
  /(participant externe|utilisateur externe|identité non vérifiée|participant non vérifié|utilisateur invité)/i,
];
/** Icons' labels that mark an external participant: the labels, or words about one. */
const EXTERNAL_MARKS = [...EXTERNAL_LABELS, ...EXTERNAL_ICON_LABELS];
/** Icon labels that mark a phone line. "\b" keeps "microphone" out. */
export const PHONE_ICON_LABELS: readonly RegExp[] = [
  /\b(phone|telephone|dial-in|dialled in|dialed in|call-in) (user|participant|audio|caller|connection)\b|\bcalled in\b|\bjoined by phone\b|^phone$/i,
  /\b(Telefon|Einwahl)(teilnehmer|benutzer|nutzer|-Audio|audio)?\b|\bper Telefon\b/i,
  /\b(par téléphone|téléphone|participant téléphonique|audio téléphonique)\b/i,
];

/** The most names one read passes on: a roster of thousands is still one call. */
const MAX_NAMES = 2000;

/**
 * Reads the participants a platform lists: the ones it marks (phone icon, external label, bot
 * label) and every name. The names are classified apart from the page (flagNames), where the
 * hardening tables live: the page's script stays small. The page is queried once per kind of
 * mark, not once per row (pageMarks): a roster of a thousand rows costs a few queries and a walk
 * of each row.
 */
export function readRoster(root: ParentNode, spec: RosterSpec, rows = rosterRows(root, spec)): RosterRead {
  const participants: FlaggedParticipant[] = [];
  const names = new Set<string>();
  const page = pageMarks(root, spec, rows);
  for (const row of rows) {
    const found = findName(row, spec);
    const nameElement = found?.element ?? null;
    const raw = rowName(row, found?.value);
    if (!raw) continue;
    const suffix = EXTERNAL_SUFFIX.exec(raw);
    const name = (suffix ? raw.slice(0, suffix.index) : raw).trim();
    if (names.size < MAX_NAMES) names.add(name);

    const marks = rowMarks(row, nameElement, spec, page);
    const phone = phoneMark(row, marks, page);
    if (phone) participants.push({ kind: 'phone', name, evidence: say(SEEN_IN, phone, spec.where) });
    const botLabel = firstLabel(marks.texts, BOT_LABELS);
    if (botLabel) participants.push({ kind: 'bot', name, evidence: say(SEEN_IN, say(FOUND_LABEL, botLabel), spec.where) });
    const external = suffix ? say(FOUND_LABEL, quote(suffix[0])) : externalMark(row, marks, page, name);
    if (external) participants.push({ kind: 'external', name, evidence: say(SEEN_IN, external, spec.where) });
  }
  return { count: names.size, participants: uniqueParticipants(participants), names: [...names] };
}

/**
 * The rows of a roster, innermost only: a row that holds other rows is a group of them (a
 * section of the list), not a participant.
 */
export function rosterRows(root: ParentNode, spec: RosterSpec): Element[] {
  const rows = new Set<Element>();
  for (const selector of spec.rows) for (const row of queryAll(root, selector)) rows.add(row);
  const groups = new Set<Element>();
  // Rows share their ancestors (the list): each ancestor is looked at once.
  const seen = new Set<Element>();
  for (const row of rows) {
    for (let parent = row.parentElement; parent && !seen.has(parent); parent = parent.parentElement) {
      seen.add(parent);
      if (rows.has(parent)) groups.add(parent);
    }
  }
  return [...rows].filter((row) => !groups.has(row));
}

/** The name as the name element shows it (`shown`); without one (markup changed): the row's label, else its text when short. */
function rowName(row: Element, shown: string | undefined): string | null {
  const rowText = () => (row.textContent ?? '').trim();
  const raw = shown ?? row.getAttribute('aria-label')?.split(',')[0] ?? (rowText().length <= 60 ? rowText() : null);
  const name = raw ? collapse(raw) : '';
  return name ? name : null;
}

/**
 * Where the platform's marks lie on the page: each kind found with one query per read and given
 * to its row (a query per row costs more than the row). Rows hold no rows (rosterRows).
 */
interface PageMarks {
  /** The first of the platform's phone marks on each marked row (on the row or inside it), by selector. */
  phone: Map<Element, string>;
  external: Map<Element, string>;
  /** Inside each row: elements with an aria-label, title or alt (icons may say what a row is). */
  labelled: Map<Element, Element[]>;
  /** Inside each row: the `labelsIn` elements, selector by selector. */
  labels: Map<Element, Element[]>;
}

function pageMarks(root: ParentNode, spec: RosterSpec, rows: readonly Element[]): PageMarks {
  const rowSet = new Set(rows);
  const rowOf = (el: Element | null) => {
    while (el && !rowSet.has(el)) el = el.parentElement;
    return el;
  };
  const firstSelector = (selectors: readonly string[] = []) => {
    const marked = new Map<Element, string>();
    for (const selector of selectors) {
      for (const el of queryAll(root, selector)) {
        const row = rowOf(el);
        if (row && !marked.has(row)) marked.set(row, selector);
      }
    }
    return marked;
  };
  const inside = (selectors: readonly string[]) => {
    const byRow = new Map<Element, Element[]>();
    for (const selector of selectors) {
      for (const el of queryAll(root, selector)) {
        const row = rowOf(el);
        if (row && row !== el) byRow.set(row, [...(byRow.get(row) ?? []), el]);
      }
    }
    return byRow;
  };
  return {
    phone: firstSelector(spec.phoneSelectors),
    external: firstSelector(spec.externalSelectors),
    labelled: inside(['[aria-label], [title], [alt]']),
    labels: inside(spec.labelsIn ?? []),
  };
}

/**
 * What the platform draws in a row besides the name, never the name: short label texts (an
 * element whose whole text is the label, or one of the labels it lists, "Presenter | Guest"; only
 * inside `labelsIn` when given) and icons' aria-label, title or alt.
 */
interface RowMarks {
  texts: string[];
  icons: string[];
  /** The row's own aria-label ("Anna Schmidt (Guest), muted"), and what follows its first comma. */
  label: string;
  afterComma: string;
}

function rowMarks(row: Element, nameElement: Element | null, spec: RosterSpec, page: PageMarks): RowMarks {
  const label = row.getAttribute('aria-label') ?? '';
  const comma = label.indexOf(',');
  const marks: RowMarks = { texts: [], icons: [], label, afterComma: comma < 0 ? '' : label.slice(comma + 1) };
  const drawn = (el: Element) => !nameElement || !nameElement.contains(el);
  if (spec.labelsIn) {
    for (const el of page.labels.get(row) ?? []) if (drawn(el)) addLabels(marks.texts, el.textContent);
  } else if (nameElement !== row && LABEL_WORD_PARTS.test(row.textContent ?? '')) {
    for (const el of descendants(row, (el) => el === nameElement)) if (el.childElementCount === 0) addLabels(marks.texts, el.textContent);
  }
  for (const el of page.labelled.get(row) ?? []) {
    if (!drawn(el)) continue;
    for (const attribute of ['aria-label', 'title', 'alt']) {
      const value = el.getAttribute(attribute);
      if (value && MARK_WORD_PARTS.test(value)) addShort(marks.icons, value);
    }
  }
  return marks;
}

/**
 * Labels are short: kept collapsed, without the empty and the long (a container's text, a
 * sentence). Pushed onto the row's list as they are found: a roster of a thousand rows makes no
 * lists of lists.
 */
function addShort(to: string[], value: string | null): void {
  const label = value ? collapse(value) : '';
  if (label && label.length <= 60) to.push(label);
}

/** The labels one element lists: "(Host, guest)", "Presenter | Guest", or one label. */
function addLabels(to: string[], text: string | null): void {
  if (!text || !LABEL_WORD_PARTS.test(text)) return;
  const inner = text.trim().replace(/^\((.*)\)$/s, '$1');
  if (inner) for (const part of inner.split(/\s*[,|•·]\s*/)) addShort(to, part);
}

function phoneMark(row: Element, marks: RowMarks, page: PageMarks): string | null {
  const selector = page.phone.get(row);
  if (selector) return say(PHONE_MARKER, selector);
  const icon = firstLabel(marks.icons, PHONE_ICON_LABELS);
  if (icon) return say(PHONE_LABEL, icon);
  // The row's own label ("+49 30 ****4567, telephone audio muted"): the part after the name.
  const own = marks.afterComma.trim();
  const ownPhrase = own ? PHONE_ICON_LABELS.map((p) => p.exec(own)).find(Boolean) : null;
  return ownPhrase ? say(PHONE_LABEL, quote(ownPhrase[0])) : null;
}

function externalMark(row: Element, marks: RowMarks, page: PageMarks, name: string): string | null {
  const selector = page.external.get(row);
  if (selector) return say(MARKER, selector);
  const shown = firstLabel(marks.texts, EXTERNAL_LABELS) ?? firstLabel(marks.icons, EXTERNAL_MARKS);
  if (shown) return say(FOUND_LABEL, shown);
  // The row's own aria-label, after the name: "Eva Lindqvist Unverified, muted" or "Anna, (Guest), muted".
  const afterName = name && marks.label.startsWith(name) ? marks.label.slice(name.length) : marks.afterComma;
  const label = (EXTERNAL_AFTER_NAME.exec(afterName) ?? EXTERNAL_BRACKETED.exec(afterName))?.[0];
  return label ? say(FOUND_LABEL, quote(label.replace(/^[\s,]+/, '').replace(/,$/, ''))) : null;
}

/** The first mark that matches, quoted. */
function firstLabel(marks: readonly string[], patterns: readonly RegExp[]): string | null {
  const found = marks.find((mark) => patterns.some((p) => p.test(mark)));
  return found === undefined ? null : quote(found);
}

function queryAll(root: ParentNode, selector: string): Element[] {
  try {
    return [...root.querySelectorAll(selector)];
  } catch {
    return [];
  }
}

/** The row's name element, and the name it shows: the first selector that finds one with a name in it. */
function findName(row: Element, spec: RosterSpec): { element: Element; value: string } | null {
  for (const selector of spec.name) {
    try {
      const element = row.matches(selector) ? row : row.querySelector(selector);
      const value = (element && spec.nameAttribute ? element.getAttribute(spec.nameAttribute) : null) ?? element?.textContent;
      if (element && value?.trim()) return { element, value };
    } catch {
      // ignore a broken selector
    }
  }
  return null;
}

/** One entry per participant and kind: the first evidence found is kept. */
export function uniqueParticipants(participants: readonly FlaggedParticipant[]): FlaggedParticipant[] {
  const seen = new Set<string>();
  return participants.filter((p) => {
    const key = participantKey(p.kind, p.name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The identity of a flagged participant across reads: its kind and name. */
export function participantKey(kind: ParticipantKind, name: string): string {
  return `${kind}\u0000${name}`;
}
