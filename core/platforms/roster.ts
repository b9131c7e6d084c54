import { FOUND_LABEL, MARKER, PHONE_LABEL, PHONE_MARKER, say, SEEN_IN } from '../evidence';
import type { FlaggedParticipant, ParticipantKind } from '../types';
import { collapse, descendants, quote, safe } from './page';

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

/** What one row shows: the name, and the participant's marks (null: the row shows no name). */
type RowRead = { name: string; flagged: FlaggedParticipant[] } | null;

/**
 * Rows read before and unchanged since, for the next read of the same page (the content script
 * keeps one per document). A row's reading depends on the row alone, its attributes and what is
 * inside it (the mark selectors are matched on the row and its elements); a MutationObserver on
 * each row read forgets it at its first change of any kind, and the records still pending are
 * taken at the start of each read: a remembered row is never one that changed.
 */
export interface RowMemo {
  /** Rows from which a roster's rows are kept: a shorter roster is read in full each time. */
  fromRows: number;
  /** What each row read before showed; undefined: the row changed since, read it again. */
  reads: WeakMap<Node, RowRead | undefined>;
  /** Takes the changes since the last read (the mutation records still pending): the rows they touched are read again. */
  update(): void;
  /** Keeps what a row shows, and watches the row for its next change. */
  keep(row: Element, read: RowRead): void;
  /** Watches no more, for a content script that stopped: its reads would be stale, so none follows. */
  stop(): void;
}

/**
 * Rows from which a roster's rows are kept. Watching rows that change many times a second costs
 * about 3% of a busy call's main thread (npm run bench, busy page); reading 200 rows again, about
 * a millisecond at most once a second.
 */
export const KEPT_FROM_ROWS = 200;

export function rowMemo(fromRows = KEPT_FROM_ROWS): RowMemo {
  const reads = new WeakMap<Node, RowRead | undefined>();
  // Every row read above the change, up to the document: an element once a row (now inside
  // another row, or not a row any more) must not hide the row that holds it now.
  const forget = (records: MutationRecord[]) => {
    for (const { target } of records) for (let at: Node | null = target; at; at = at.parentNode) if (reads.has(at)) reads.set(at, undefined);
  };
  const observer = new MutationObserver(forget);
  return {
    fromRows,
    reads,
    update: () => forget(observer.takeRecords()),
    keep(row, read) {
      reads.set(row, read);
      observer.observe(row, { subtree: true, childList: true, attributes: true, characterData: true });
    },
    stop: () => observer.disconnect(),
  };
}

/**
 * Reads the participants a platform lists: the ones it marks (phone icon, external label, bot
 * label) and every name. The names are classified apart from the page (flagNames), where the
 * hardening tables live: the page's script stays small. With a memo and a long roster, only the
 * rows that changed since the last read are read again. When the rows to read are more than half
 * (a list just drawn), their marks are found with one query per kind for the whole page
 * (pageMarks); fewer, with queries on each (npm run bench: the roster figure's three reads).
 */
export function readRoster(root: ParentNode, spec: RosterSpec, rows = rosterRows(root, spec), memoOfRows?: RowMemo): RosterRead {
  // A shorter roster costs less to read again than to watch: on a busy call its tiles change all
  // the time, and each change is a mutation record for the memo (npm run bench: busy page).
  const memo = memoOfRows && rows.length > memoOfRows.fromRows ? memoOfRows : undefined;
  memo?.update();
  const known = rows.map((row) => memo?.reads.get(row));
  const marksOf = known.filter((read) => read === undefined).length * 2 > rows.length ? pageMarks(root, spec, rows) : marksBy(spec, queriedOnRow);
  const participants: FlaggedParticipant[] = [];
  const names = new Set<string>();
  rows.forEach((row, i) => {
    let read = known[i];
    if (read === undefined) {
      read = readRow(row, spec, marksOf(row));
      memo?.keep(row, read);
    }
    if (!read) return;
    if (names.size < MAX_NAMES) names.add(read.name);
    participants.push(...read.flagged);
  });
  return { count: names.size, participants: uniqueParticipants(participants), names: [...names] };
}

function readRow(row: Element, spec: RosterSpec, found: FoundMarks): RowRead {
  const nameFound = findName(row, spec);
  const nameElement = nameFound?.element ?? null;
  const raw = rowName(row, nameFound?.value);
  if (!raw) return null;
  const suffix = EXTERNAL_SUFFIX.exec(raw);
  const name = (suffix ? raw.slice(0, suffix.index) : raw).trim();
  const flagged: FlaggedParticipant[] = [];
  const flag = (kind: ParticipantKind, mark: string | null) => mark && flagged.push({ kind, name, evidence: say(SEEN_IN, mark, spec.where) });
  const marks = rowMarks(row, nameElement, spec, found);
  flag('phone', phoneMark(marks, found));
  const botLabel = firstLabel(marks.texts, BOT_LABELS);
  flag('bot', botLabel && say(FOUND_LABEL, botLabel));
  flag('external', suffix ? say(FOUND_LABEL, quote(suffix[0])) : externalMark(marks, found, name));
  return { name, flagged };
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

/** The platform's marks found on one row (on the row or inside it). */
interface FoundMarks {
  /** The first of the platform's phone marks, by selector. */
  phone?: string;
  external?: string;
  /** Inside the row: elements with an aria-label, title or alt (icons may say what a row is). */
  labelled: Element[];
  /** Inside the row: the `labelsIn` elements, selector by selector. */
  labels: Element[];
}

/** The elements a selector finds on a row and inside it, in document order. */
type OnRow = (row: Element, selector: string) => Element[];

/** The marks of each row, found by `onRow`: with queries on the row, or from the page's (pageMarks). */
function marksBy(spec: RosterSpec, onRow: OnRow): (row: Element) => FoundMarks {
  const first = (row: Element, selectors: readonly string[] = []) => selectors.find((s) => onRow(row, s).length > 0);
  const inside = (row: Element, selectors: readonly string[]) => selectors.flatMap((s) => onRow(row, s)).filter((el) => el !== row);
  return (row) => ({
    phone: first(row, spec.phoneSelectors),
    external: first(row, spec.externalSelectors),
    labelled: inside(row, ['[aria-label], [title], [alt]']),
    labels: inside(row, spec.labelsIn ?? []),
  });
}

const queriedOnRow: OnRow = (row, selector) => [...(safe(() => row.matches(selector), false) ? [row] : []), ...queryAll(row, selector)];

/**
 * Each selector queried once for the whole page, its elements given to their rows (queries on
 * each of many rows cost more than the rows). Rows hold no rows (rosterRows).
 */
function pageMarks(root: ParentNode, spec: RosterSpec, rows: readonly Element[]): (row: Element) => FoundMarks {
  const rowSet = new Set(rows);
  const bySelector = new Map<string, Map<Element, Element[]>>();
  return marksBy(spec, (row, selector) => {
    let byRow = bySelector.get(selector);
    if (!byRow) {
      bySelector.set(selector, (byRow = new Map()));
      for (const el of queryAll(root, selector)) {
        let at: Element | null = el;
        while (at && !rowSet.has(at)) at = at.parentElement;
        if (at) byRow.set(at, [...(byRow.get(at) ?? []), el]);
      }
    }
    return byRow.get(row) ?? [];
  });
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

function rowMarks(row: Element, nameElement: Element | null, spec: RosterSpec, found: FoundMarks): RowMarks {
  const label = row.getAttribute('aria-label') ?? '';
  const comma = label.indexOf(',');
  const marks: RowMarks = { texts: [], icons: [], label, afterComma: comma < 0 ? '' : label.slice(comma + 1) };
  const drawn = (el: Element) => !nameElement || !nameElement.contains(el);
  if (spec.labelsIn) {
    for (const el of found.labels) if (drawn(el)) addLabels(marks.texts, el.textContent);
  } else if (nameElement !== row && LABEL_WORD_PARTS.test(row.textContent ?? '')) {
    for (const el of descendants(row, (el) => el === nameElement)) if (el.childElementCount === 0) addLabels(marks.texts, el.textContent);
  }
  for (const el of found.labelled) {
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

function phoneMark(marks: RowMarks, found: FoundMarks): string | null {
  const selector = found.phone;
  if (selector) return say(PHONE_MARKER, selector);
  const icon = firstLabel(marks.icons, PHONE_ICON_LABELS);
  if (icon) return say(PHONE_LABEL, icon);
  // The row's own label ("+49 30 ****4567, telephone audio muted"): the part after the name.
  const own = marks.afterComma.trim();
  const ownPhrase = own ? PHONE_ICON_LABELS.map((p) => p.exec(own)).find(Boolean) : null;
  return ownPhrase ? say(PHONE_LABEL, quote(ownPhrase[0])) : null;
}

function externalMark(marks: RowMarks, found: FoundMarks, name: string): string | null {
  const selector = found.external;
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
  return safe(() => [...root.querySelectorAll(selector)], []);
}

/** The row's name element, and the name it shows: the first selector that finds one with a name in it. */
function findName(row: Element, spec: RosterSpec): { element: Element; value: string } | null {
  for (const selector of spec.name) {
    const element = onOrIn(row, selector);
    const value = (element && spec.nameAttribute ? element.getAttribute(spec.nameAttribute) : null) ?? element?.textContent;
    if (element && value?.trim()) return { element, value };
  }
  return null;
}

/** The row itself when the selector matches it, else the first element inside it that matches; null for a selector the browser rejects. */
function onOrIn(row: Element, selector: string): Element | null {
  return safe(() => (row.matches(selector) ? row : row.querySelector(selector)), null);
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
