import type { CallPhase, FlaggedParticipant, PageRead } from '../types';
import { findSelector, findText, firstMatch, pageTexts, quote } from './dom';
import { looksLikeNotetaker, looksLikePhoneNumber, uniqueParticipants } from './participants';

/**
 * Detection that survives a redesign: every signal is looked for in more than one way (data
 * attributes and ids, roles and aria-labels, visible text in English, German and French), and
 * the first way that matches is quoted as evidence. An adapter declares its strategies; these
 * helpers run them. Only small, targeted queries: never the whole page text.
 */
export interface Strategy {
  /** CSS selectors: data attributes, ids, roles. */
  selectors?: readonly string[];
  /** Text patterns, searched in announcement regions (dialogs, alerts, live regions), in aria-labels, and in `textIn`. */
  text?: readonly RegExp[];
  /** Extra elements whose text is searched (headings …). */
  textIn?: readonly string[];
  /** Patterns for a button's accessible name (aria-label, else its text): controls, not menu items or chat. */
  buttons?: readonly RegExp[];
}

/** Evidence of the first strategy that matches, or null. */
export function detect(root: ParentNode, strategy: Strategy): string | null {
  const selector = strategy.selectors ? findSelector(root, strategy.selectors) : null;
  if (selector) return `element ${selector}`;
  const text = strategy.text ? (findText(root, strategy.text) ?? findSmallText(root, strategy.text, strategy.textIn ?? [])) : null;
  if (text) return `text ${text}`;
  const button = strategy.buttons ? findButton(root, strategy.buttons) : null;
  return button ? `button ${button}` : null;
}

/** Text of the given elements, skipping big containers (see the 'small-text' reader). */
export function findSmallText(root: ParentNode, patterns: readonly RegExp[], selectors: readonly string[]): string | null {
  return selectors.length === 0 ? null : firstMatch(pageTexts(root, selectors.join(', '), 'small-text'), patterns);
}

/** A button whose accessible name matches, quoted. */
export function findButton(root: ParentNode, patterns: readonly RegExp[]): string | null {
  const name = pageTexts(root, 'button, [role="button"]', 'name').find((n) => n && patterns.some((p) => p.test(n)));
  return name ? quote(name) : null;
}

export interface PhaseStrategies {
  /** Waiting to be let in: wins over everything (lobbies show the call's toolbar too). */
  lobby?: Strategy;
  /** Markers only the live call has. */
  inCall?: Strategy;
  /** Name entry, device check, "join" button. */
  preJoin?: Strategy;
  /** A page of the service with no call on it (home, chat). */
  noCall?: Strategy;
}

const PHASE_ORDER: [keyof PhaseStrategies, CallPhase, string][] = [
  ['lobby', 'lobby', 'lobby'],
  ['inCall', 'in-call', 'in call'],
  ['preJoin', 'pre-join', 'pre-join'],
  ['noCall', 'no-call', 'no call on this page'],
];

/**
 * Sets the read's phase from the first matching strategy (lobby, in call, pre-join, no call).
 * When nothing matches, the phase stays unknown and the call state is marked unreadable.
 */
export function readPhase(
  read: PageRead,
  root: ParentNode,
  strategies: PhaseStrategies,
  label: string,
  order: readonly (keyof PhaseStrategies)[] = ['lobby', 'inCall', 'preJoin', 'noCall'],
): void {
  for (const key of order) {
    const [, phase, words] = PHASE_ORDER.find(([k]) => k === key)!;
    const strategy = strategies[key];
    const by = strategy ? detect(root, strategy) : null;
    if (by) {
      read.phase = phase;
      read.phaseEvidence = [`${label} ${words}: ${by}`];
      return;
    }
  }
  read.unreadable.push('call-state');
}

/** Labels platforms put next to a participant who is not a verified member of the organisation. */
export const EXTERNAL_LABELS: readonly RegExp[] = [
  /^\(?\s*(external|unverified|guest|identity unverified|anonymous)\s*\)?$/i,
  /^\(?\s*(extern|nicht verifiziert|gast|identität nicht verifiziert|anonym)\s*\)?$/i,
  /^\(?\s*(externe?|non vérifiée?|invitée?|identité non vérifiée|anonyme)\s*\)?$/i,
];
/** The same labels as a suffix of a name ("Anna Schmidt (External)"). */
const EXTERNAL_SUFFIX =
  /\s*\((external|unverified|guest|extern|nicht verifiziert|gast|externe?|non vérifiée?|invitée?)\)\s*$/i;
/** Icon labels (aria-label, title) that mark externals: words, not anchored. */
export const EXTERNAL_ICON_LABELS: readonly RegExp[] = [
  /\b(external (participant|user|guest)|identity unverified|unverified (participant|user|identity)|guest (participant|user))\b/i,
  /\b(externer? (Teilnehmer|Benutzer|Gast)|Identität nicht verifiziert|nicht verifizierte?r? (Teilnehmer|Benutzer))\b/i,
  /(participant externe|utilisateur externe|identité non vérifiée|participant non vérifié|utilisateur invité)/i,
];
/** Icon labels that mark a phone line. "\b" keeps "microphone" out. */
export const PHONE_ICON_LABELS: readonly RegExp[] = [
  /\b(phone|telephone|dial-in|dialled in|dialed in|call-in) (user|participant|audio|caller|connection)\b|\bcalled in\b|\bjoined by phone\b|^phone$/i,
  /\b(Telefon|Einwahl)(teilnehmer|benutzer|nutzer|-Audio|audio)?\b|\bper Telefon\b/i,
  /\b(par téléphone|téléphone|participant téléphonique|audio téléphonique)\b/i,
];
/** Default names platforms give phone participants ("Call-in User_2" on Zoom). */
const PHONE_DEFAULT_NAMES = /^(call-in user|phone user|dial-in user)([ _#]?\d+)?$/i;
/** Phone numbers the platform masks ("+1 415****789", "*******1234"): a phone line all the same. */
const MASKED_PHONE = /^\+?[\d\s().\-/]*[*•]{2,}[\d\s().\-/*•]*$/;

export function looksLikeMaskedPhone(name: string): boolean {
  const trimmed = name.trim();
  return MASKED_PHONE.test(trimmed) && (trimmed.match(/\d/g) ?? []).length >= 2 && trimmed.length >= 6;
}

export interface RosterSpec {
  /** Each match is one participant: a row of the participant list, or a video tile. */
  rows: readonly string[];
  /** Where the name is inside a row: the first selector that matches; else the row's aria-label up to the first comma. */
  name: readonly string[];
  /** Attribute of the name element that holds the name (e.g. title); else its text. */
  nameAttribute?: string;
  /** Inside a row: markers of a phone participant (selectors), besides phone icon labels and phone-number names. */
  phoneSelectors?: readonly string[];
  /** Inside a row: markers of an external or unverified participant, besides the label texts. */
  externalSelectors?: readonly string[];
  /** For evidence: "Teams participant list". */
  where: string;
}

export interface RosterRead {
  /** How many participants were read (0: the list is closed or unreadable). */
  count: number;
  participants: FlaggedParticipant[];
}

/** Reads the participants a platform lists, flagging phone lines, externals and note-taking bots. */
export function readRoster(root: ParentNode, spec: RosterSpec): RosterRead {
  const rows = new Set<Element>();
  for (const selector of spec.rows) {
    try {
      for (const row of root.querySelectorAll(selector)) rows.add(row);
    } catch {
      // One broken selector must not stop the others.
    }
  }
  const participants: FlaggedParticipant[] = [];
  let count = 0;
  for (const row of rows) {
    // A row inside another row (a tile's name bar) is the same participant.
    if (insideAnother(row, rows)) continue;
    const raw = rowName(row, spec);
    if (!raw) continue;
    count++;
    const suffix = EXTERNAL_SUFFIX.exec(raw);
    const name = suffix ? raw.slice(0, suffix.index).trim() : raw;

    const phone = phoneMark(row, spec, name);
    if (phone) participants.push({ kind: 'phone', name, evidence: `${phone} (${spec.where})` });
    if (looksLikeNotetaker(name)) participants.push({ kind: 'bot', name, evidence: `name matches a note-taking bot (${spec.where})` });

    const external = suffix ? `label ${quote(suffix[0])}` : externalMark(row, spec);
    if (external) participants.push({ kind: 'external', name, evidence: `${external} (${spec.where})` });
  }
  return { count, participants: uniqueParticipants(participants) };
}

function insideAnother(row: Element, rows: ReadonlySet<Element>): boolean {
  for (let parent = row.parentElement; parent; parent = parent.parentElement) if (rows.has(parent)) return true;
  return false;
}

function rowName(row: Element, spec: RosterSpec): string | null {
  const el = findIn(row, spec.name);
  // Without a name element (markup changed): the row's label, else its text when short.
  const rowText = (row.textContent ?? '').trim();
  const raw = el
    ? ((spec.nameAttribute ? el.getAttribute(spec.nameAttribute) : null) ?? el.textContent)
    : (row.getAttribute('aria-label')?.split(',')[0] ?? (rowText.length <= 60 ? rowText : null));
  const name = raw?.replace(/\s+/g, ' ').trim();
  return name ? name : null;
}

function phoneMark(row: Element, spec: RosterSpec, name: string): string | null {
  const selector = spec.phoneSelectors ? matchIn(row, spec.phoneSelectors) : null;
  if (selector) return `phone marker ${selector}`;
  const icon = labelIn(row, PHONE_ICON_LABELS, 'attributes');
  if (icon) return `phone label ${icon}`;
  // The row's own label ("+49 30 ****4567, telephone audio muted"): two-word phrases only.
  const own = (row.getAttribute('aria-label') ?? '').split(',').slice(1).join(',').trim();
  const ownPhrase = own ? PHONE_ICON_LABELS.map((p) => p.exec(own)).find(Boolean) : null;
  if (ownPhrase) return `phone label ${quote(ownPhrase[0])}`;
  if (looksLikePhoneNumber(name)) return 'name is a phone number';
  if (looksLikeMaskedPhone(name)) return 'name is a masked phone number';
  if (PHONE_DEFAULT_NAMES.test(name)) return 'name is the default name of a phone participant';
  return null;
}

function externalMark(row: Element, spec: RosterSpec): string | null {
  const selector = spec.externalSelectors ? matchIn(row, spec.externalSelectors) : null;
  if (selector) return `marker ${selector}`;
  const label = labelIn(row, EXTERNAL_LABELS, 'text') ?? labelIn(row, EXTERNAL_ICON_LABELS, 'attributes');
  if (label) return `label ${label}`;
  // The row's own aria-label ("Anna, (Guest), muted"): only the bracketed form, never the name.
  const own = row.getAttribute('aria-label') ?? '';
  const bracketed = /\((external|unverified|guest|extern|nicht verifiziert|gast|externe?|non vérifiée?|invitée?)\)/i.exec(own);
  return bracketed ? `label ${quote(bracketed[0])}` : null;
}

/** A short label in the row: an element whose whole text is the label, or an icon's aria-label/title. */
function labelIn(row: Element, patterns: readonly RegExp[], where: 'text' | 'attributes'): string | null {
  for (const el of row.querySelectorAll('*')) {
    const values =
      where === 'text'
        ? el.children.length === 0
          ? [el.textContent ?? '']
          : []
        : [el.getAttribute('aria-label'), el.getAttribute('title'), el.getAttribute('alt')].filter((v): v is string => !!v);
    for (const value of values) {
      const trimmed = value.replace(/\s+/g, ' ').trim();
      if (trimmed.length > 60) continue;
      if (patterns.some((p) => p.test(trimmed))) return quote(trimmed);
    }
  }
  return null;
}

function findIn(root: Element, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    try {
      const el = root.querySelector(selector);
      if (el) return el;
    } catch {
      // ignore a broken selector
    }
  }
  return null;
}

function matchIn(root: Element, selectors: readonly string[]): string | null {
  for (const selector of selectors) {
    try {
      if (root.matches(selector) || root.querySelector(selector)) return selector;
    } catch {
      // ignore a broken selector
    }
  }
  return null;
}

export interface Toggle {
  checked: boolean;
  /** The toggle's label, quoted. */
  label: string;
}

const TOGGLES = '[role="menuitemcheckbox"], [role="menuitem"][aria-checked], [role="switch"], [role="checkbox"], input[type="checkbox"]';

/** A labelled toggle (menu checkbox, switch, checkbox) and whether it is on; null when it is not on the page. */
export function readToggle(root: ParentNode, labels: readonly RegExp[]): Toggle | null {
  for (const el of root.querySelectorAll(TOGGLES)) {
    const label = toggleLabel(el);
    if (!label || !labels.some((p) => p.test(label))) continue;
    const checked =
      el.tagName === 'INPUT' ? (el as HTMLInputElement).checked || el.hasAttribute('checked') : el.getAttribute('aria-checked') === 'true';
    return { checked, label: quote(label) };
  }
  return null;
}

function toggleLabel(el: Element): string {
  const own = el.getAttribute('aria-label') ?? (el.tagName === 'INPUT' ? '' : el.textContent ?? '');
  if (own.trim()) return own.replace(/\s+/g, ' ').trim();
  const byFor = el.id ? [...el.ownerDocument.querySelectorAll('label[for]')].find((l) => l.getAttribute('for') === el.id) : undefined;
  const text = (byFor ?? el.closest('label'))?.textContent ?? '';
  return text.replace(/\s+/g, ' ').trim();
}
