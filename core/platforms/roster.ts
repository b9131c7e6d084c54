import { containsWords, skeleton, visibleText } from '../text';
import type { FlaggedParticipant, ParticipantKind } from '../types';
import { quote } from './page';

/**
 * Who is in the call, as far as privacy goes: phone lines, guests and externals, note-taking and
 * recording bots. Display names are written by whoever joins, so a name only ever classifies its
 * own participant, and only after Unicode hardening (core/text.ts); markers the platform draws
 * next to a name (icons, labels, attributes) are read from the row, never from the name itself.
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
  participants: FlaggedParticipant[];
}

/** Labels platforms put next to a participant who is not a verified member of the organisation. */
const EXTERNAL_LABELS: readonly RegExp[] = [
  /^\(?\s*(external|unverified|guest|identity unverified|anonymous)\s*\)?$/i,
  /^\(?\s*(extern|nicht verifiziert|gast|identität nicht verifiziert|anonym)\s*\)?$/i,
  /^\(?\s*(externe?|non vérifiée?|invitée?|identité non vérifiée|anonyme)\s*\)?$/i,
];
/** Labels platforms put next to a bot that joined as one (BigBlueButton's join API flag). */
const BOT_LABELS: readonly RegExp[] = [/^\(?(Bot|Robot)\)?$/i];
const EXTERNAL_WORDS = 'external|unverified|guest|extern|nicht verifiziert|gast|externe?|non vérifiée?|invitée?';
/** The same labels as a suffix of a name ("Anna Schmidt (External)"). */
const EXTERNAL_SUFFIX = new RegExp(`\\s*\\((${EXTERNAL_WORDS})\\)\\s*$`, 'i');
const EXTERNAL_BRACKETED = new RegExp(`\\((${EXTERNAL_WORDS})\\)`, 'i');
/** A label right after the name in a row's accessible name, before the first comma. */
const EXTERNAL_AFTER_NAME = new RegExp(`^[\\s,]*\\(?(${EXTERNAL_WORDS})\\)?\\s*(,|$)`, 'i');
/** Icon labels (aria-label, title) that mark externals: words, not anchored. */
const EXTERNAL_ICON_LABELS: readonly RegExp[] = [
  /\b(external (participant|user|guest)|identity unverified|unverified (participant|user|identity)|guest (participant|user))\b/i,
  /\b(externer? (Teilnehmer|Benutzer|Gast)|Identität nicht verifiziert|nicht verifizierte?r? (Teilnehmer|Benutzer))\b/i,
  /(participant externe|utilisateur externe|identité non vérifiée|participant non vérifié|utilisateur invité)/i,
];
/** Icon labels that mark a phone line. "\b" keeps "microphone" out. */
const PHONE_ICON_LABELS: readonly RegExp[] = [
  /\b(phone|telephone|dial-in|dialled in|dialed in|call-in) (user|participant|audio|caller|connection)\b|\bcalled in\b|\bjoined by phone\b|^phone$/i,
  /\b(Telefon|Einwahl)(teilnehmer|benutzer|nutzer|-Audio|audio)?\b|\bper Telefon\b/i,
  /\b(par téléphone|téléphone|participant téléphonique|audio téléphonique)\b/i,
];

/** A display name that is a phone number: how dial-in callers show up on most platforms. */
const PHONE_NUMBER = /^\+?[\d\s().\-/]{6,}\d$/;
/** Phone numbers the platform masks ("+1 415****789", "(650) ***-**89", "*******1234"). */
const MASKED_PHONE = /^\+?[\d\s().\-/]*(?:[*•●∙xX]\s?){2,}[\d\s().\-/*•●∙xX]*$/;
/** Default names platforms give phone participants ("Call-in User_2" on Zoom). */
const PHONE_DEFAULT_NAMES = /^(call-in user|phone user|dial-in user|telefonteilnehmer|teilnehmer per telefon|utilisateur téléphonique)([ _#]?\d+)?$/i;

export function looksLikePhoneNumber(name: string): boolean {
  const text = visibleText(name);
  const digits = text.replace(/\D/g, '');
  return PHONE_NUMBER.test(text) && digits.length >= 6 && digits.length <= 15;
}

export function looksLikeMaskedPhone(name: string): boolean {
  const text = visibleText(name);
  const digits = (text.match(/\d/g) ?? []).length;
  return MASKED_PHONE.test(text) && digits >= 2 && text.length >= 6 && /[*•●∙]|[xX]{2}/.test(text);
}

/** Why a name is a phone line, or null. */
export function phoneName(name: string): string | null {
  if (looksLikePhoneNumber(name)) return 'name is a phone number';
  if (looksLikeMaskedPhone(name)) return 'name is a masked phone number';
  if (PHONE_DEFAULT_NAMES.test(visibleText(name))) return 'name is the default name of a phone participant';
  return null;
}

/**
 * Note-taking bots, by the names they join under in real attendee lists (Fireflies.ai Notetaker,
 * Otter.ai / OtterPilot, Read.ai …). Compared as skeletons, so "0tter.ai", "Оtter.ai" (Cyrillic
 * O), "Fire\u200Bflies.ai" and fullwidth forms match too. Words that are also people's names
 * (Otter, Gong, Krisp, Grain …) count only with the bot's own suffix.
 */
const NOTETAKER_NAMES = [
  'fireflies', 'fireflies.ai', 'fred from fireflies',
  'otter.ai', 'otterpilot', 'otter pilot', 'otter assistant',
  'read.ai', 'readai', 'read ai',
  'fathom', 'tldv', 'tl;dv',
  'notetaker', 'note taker', 'note-taker', 'notetaking bot', 'meeting notes bot',
  'recall.ai', 'meetgeek', 'avoma', 'gong.io', 'gong notetaker', 'gong recorder', 'gong assistant', 'gong bot',
  'sembly', 'supernormal', 'jamie.ai', 'jamie ai', 'tactiq', 'bluedot', 'airgram', 'circleback',
  'leexi', 'noota', 'claap', 'laxis', 'wudpecker', 'scribbl', 'spinach.io', 'colibri.ai', 'fellow.app', 'clari copilot',
  'krisp.ai', 'krisp ai', 'krisp bot', 'notta.ai', 'notta bot', 'grain.ai', 'grain recorder', 'grain notetaker',
  'sybill', 'nyota.ai', 'nyota ai', 'vexa', 'vexabot',
  'ai notetaker', 'ai note taker', 'ai notes', 'ai scribe', 'ai bot', 'meeting bot', 'meeting assistant bot',
  'gemini notes', 'copilot', 'ai companion',
].map(phrase);

/**
 * Recording bots, by the conventions they announce themselves with: Discord's Craig renames
 * itself "![RECORDING] Craig"; others join as "… Recorder" or put RECORDING / REC in brackets.
 */
const RECORDER_WORDS = ['recording', 'recorder', 'aufnahme', 'aufzeichnung', 'enregistrement', 'enregistreur'].map(phrase);
const BRACKETED_REC = /[[(【{]\s*(rec|recording|rec\.)\s*[\])】}]/i;

interface Phrase {
  text: string;
  skeleton: string;
}
function phrase(text: string): Phrase {
  return { text, skeleton: skeleton(text) };
}
/** Lower case, punctuation as spaces: how a name reads when nothing is disguised. */
const plain = (text: string) => ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;

/** Which kinds of bot a name says it is: a note-taker, a recorder, both or neither. */
export function botKinds(name: string): { kind: 'bot' | 'recorder'; evidence: string }[] {
  const shown = visibleText(name);
  const folded = skeleton(name);
  const hidden = shown !== name.replace(/\s+/g, ' ').trim();
  const disguise = (p: Phrase) =>
    hidden || !plain(shown).includes(plain(p.text)) ? ', written with look-alike or invisible characters' : '';
  const kinds: { kind: 'bot' | 'recorder'; evidence: string }[] = [];
  const notetaker = NOTETAKER_NAMES.find((bot) => containsWords(folded, bot.skeleton));
  if (notetaker) kinds.push({ kind: 'bot', evidence: `name matches a note-taking bot ("${notetaker.text}"${disguise(notetaker)})` });
  const bracketed = BRACKETED_REC.exec(shown)?.[0];
  const recorder = bracketed ? phrase(bracketed) : RECORDER_WORDS.find((word) => containsWords(folded, word.skeleton));
  if (recorder) kinds.push({ kind: 'recorder', evidence: `name says it records ("${recorder.text}"${bracketed ? '' : disguise(recorder)})` });
  return kinds;
}

/**
 * Classifies names the platform lists without any marker around them (a list of strings):
 * phone numbers and bots. `phoneNames: false` where the app's own state says who is a phone line.
 */
export function flagNames(names: readonly string[], where: string, { phoneNames = true } = {}): FlaggedParticipant[] {
  const flagged: FlaggedParticipant[] = [];
  for (const raw of names) {
    const name = visibleText(raw);
    if (!name) continue;
    const phone = phoneNames ? phoneName(name) : null;
    if (phone) flagged.push({ kind: 'phone', name, evidence: `${phone} (${where})` });
    for (const bot of botKinds(raw)) flagged.push({ kind: bot.kind, name, evidence: `${bot.evidence} (${where})` });
  }
  return uniqueParticipants(flagged);
}

/** Reads the participants a platform lists, flagging phone lines, externals and bots. */
export function readRoster(root: ParentNode, spec: RosterSpec, { phoneNames = true } = {}): RosterRead {
  const rows = rosterRows(root, spec);
  const participants: FlaggedParticipant[] = [];
  let count = 0;
  for (const row of rows) {
    const nameElement = findName(row, spec);
    const raw = rowName(row, nameElement, spec);
    if (!raw) continue;
    count++;
    const suffix = EXTERNAL_SUFFIX.exec(raw);
    const rawName = suffix ? raw.slice(0, suffix.index) : raw;
    const name = visibleText(rawName);

    const phone = phoneMark(row, nameElement, spec) ?? (phoneNames ? phoneName(name) : null);
    if (phone) participants.push({ kind: 'phone', name, evidence: `${phone} (${spec.where})` });
    const botLabel = labelIn(row, nameElement, BOT_LABELS, 'text', spec.labelsIn);
    if (botLabel) participants.push({ kind: 'bot', name, evidence: `label ${botLabel} (${spec.where})` });
    for (const bot of botKinds(rawName)) participants.push({ kind: bot.kind, name, evidence: `${bot.evidence} (${spec.where})` });
    const external = suffix ? `label ${quote(suffix[0])}` : externalMark(row, nameElement, spec, rawName.trim());
    if (external) participants.push({ kind: 'external', name, evidence: `${external} (${spec.where})` });
  }
  return { count, participants: uniqueParticipants(participants) };
}

/**
 * The rows of a roster, innermost only: a row that holds other rows is a group of them (a
 * section of the list), not a participant.
 */
export function rosterRows(root: ParentNode, spec: RosterSpec): Element[] {
  const rows = new Set<Element>();
  for (const selector of spec.rows) for (const row of queryAll(root, selector)) rows.add(row);
  const groups = new Set<Element>();
  for (const row of rows) {
    for (let parent = row.parentElement; parent; parent = parent.parentElement) if (rows.has(parent)) groups.add(parent);
  }
  return [...rows].filter((row) => !groups.has(row));
}

function rowName(row: Element, nameElement: Element | null, spec: RosterSpec): string | null {
  // Without a name element (markup changed): the row's label, else its text when short.
  const rowText = (row.textContent ?? '').trim();
  const raw = nameElement
    ? ((spec.nameAttribute ? nameElement.getAttribute(spec.nameAttribute) : null) ?? nameElement.textContent)
    : (row.getAttribute('aria-label')?.split(',')[0] ?? (rowText.length <= 60 ? rowText : null));
  const name = raw?.replace(/\s+/g, ' ').trim();
  return name ? name : null;
}

/** Elements of the row that the platform draws, not the participant: everything but the name. */
function isNamePart(el: Element, nameElement: Element | null): boolean {
  return !!nameElement && (nameElement === el || nameElement.contains(el));
}

function phoneMark(row: Element, nameElement: Element | null, spec: RosterSpec): string | null {
  const selector = spec.phoneSelectors ? matchIn(row, spec.phoneSelectors) : null;
  if (selector) return `phone marker ${selector}`;
  const icon = labelIn(row, nameElement, PHONE_ICON_LABELS, 'attributes');
  if (icon) return `phone label ${icon}`;
  // The row's own label ("+49 30 ****4567, telephone audio muted"): the part after the name.
  const own = (row.getAttribute('aria-label') ?? '').split(',').slice(1).join(',').trim();
  const ownPhrase = own ? PHONE_ICON_LABELS.map((p) => p.exec(own)).find(Boolean) : null;
  return ownPhrase ? `phone label ${quote(ownPhrase[0])}` : null;
}

function externalMark(row: Element, nameElement: Element | null, spec: RosterSpec, name: string): string | null {
  const selector = spec.externalSelectors ? matchIn(row, spec.externalSelectors) : null;
  if (selector) return `marker ${selector}`;
  const shown =
    labelIn(row, nameElement, EXTERNAL_LABELS, 'text', spec.labelsIn) ??
    labelIn(row, nameElement, [...EXTERNAL_LABELS, ...EXTERNAL_ICON_LABELS], 'attributes');
  if (shown) return `label ${shown}`;
  // The row's own aria-label, after the name: "Eva Lindqvist Unverified, muted" or "Anna, (Guest), muted".
  const own = row.getAttribute('aria-label') ?? '';
  const afterName = name && own.startsWith(name) ? own.slice(name.length) : own.split(',').slice(1).join(',');
  const label = (EXTERNAL_AFTER_NAME.exec(afterName) ?? EXTERNAL_BRACKETED.exec(afterName))?.[0];
  return label ? `label ${quote(label.replace(/^[\s,]+/, '').replace(/,$/, ''))}` : null;
}

/**
 * A short label the platform draws in the row: an element whose whole text is the label (or one
 * of the labels it lists, "Presenter | Guest"), or an icon's aria-label/title. Never the name.
 */
function labelIn(
  row: Element,
  nameElement: Element | null,
  patterns: readonly RegExp[],
  where: 'text' | 'attributes',
  labelsIn?: readonly string[],
): string | null {
  const candidates = where === 'text' && labelsIn ? labelsIn.flatMap((s) => queryAll(row, s)) : [...row.querySelectorAll('*')];
  for (const el of candidates) {
    if (isNamePart(el, nameElement)) continue;
    const values =
      where === 'text'
        ? labelsIn || el.children.length === 0
          ? labelParts(el.textContent ?? '')
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

/** The labels one element lists: "(Host, guest)", "Presenter | Guest", or one label. */
function labelParts(text: string): string[] {
  const inner = text.trim().replace(/^\((.*)\)$/s, '$1');
  return inner.split(/\s*[,|•·]\s*/);
}

function queryAll(root: ParentNode, selector: string): Element[] {
  try {
    return [...root.querySelectorAll(selector)];
  } catch {
    return [];
  }
}

/** The row's name element: the first selector that finds one with a name in it. */
function findName(row: Element, spec: RosterSpec): Element | null {
  for (const selector of spec.name) {
    try {
      const el = row.matches(selector) ? row : row.querySelector(selector);
      const value = (el && spec.nameAttribute ? el.getAttribute(spec.nameAttribute) : null) ?? el?.textContent;
      if (el && value?.trim()) return el;
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
