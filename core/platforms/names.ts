import {
  NAME_DEFAULT_PHONE,
  NAME_MASKED_PHONE,
  NAME_NOTETAKER,
  NAME_NOTETAKER_DISGUISED,
  NAME_PHONE_NUMBER,
  NAME_RECORDER,
  NAME_RECORDER_DISGUISED,
  say,
  SEEN_IN,
} from '../evidence';
import { containsWords, skeleton, visibleText } from '../text';
import type { FlaggedParticipant } from '../types';
import { uniqueParticipants } from './roster';

/**
 * What a display name says about its participant: a phone line (a phone number, also masked, or
 * a platform's default name for callers) or a bot (a note-taker's or a recorder's name). Names are
 * written by whoever joins, so a name only ever classifies its own participant, and only after
 * Unicode hardening (core/text.ts). Runs where reports are made (the background), apart from the
 * page's reader (roster.ts).
 */

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
  if (looksLikePhoneNumber(name)) return NAME_PHONE_NUMBER;
  if (looksLikeMaskedPhone(name)) return NAME_MASKED_PHONE;
  if (PHONE_DEFAULT_NAMES.test(visibleText(name))) return NAME_DEFAULT_PHONE;
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
  const disguised = (p: Phrase) => hidden || !plain(shown).includes(plain(p.text));
  const kinds: { kind: 'bot' | 'recorder'; evidence: string }[] = [];
  const notetaker = NOTETAKER_NAMES.find((bot) => containsWords(folded, bot.skeleton));
  if (notetaker) kinds.push({ kind: 'bot', evidence: say(disguised(notetaker) ? NAME_NOTETAKER_DISGUISED : NAME_NOTETAKER, notetaker.text) });
  const bracketed = BRACKETED_REC.exec(shown)?.[0];
  const recorder = bracketed ? phrase(bracketed) : RECORDER_WORDS.find((word) => containsWords(folded, word.skeleton));
  if (recorder) kinds.push({ kind: 'recorder', evidence: say(!bracketed && disguised(recorder) ? NAME_RECORDER_DISGUISED : NAME_RECORDER, recorder.text) });
  return kinds;
}

/**
 * Classifies names, after Unicode hardening: phone numbers and bots. `phoneNames: false` where
 * the app's own state says who is a phone line.
 */
export function flagNames(names: readonly string[], where: string, { phoneNames = true } = {}): FlaggedParticipant[] {
  const flagged: FlaggedParticipant[] = [];
  for (const raw of names) {
    const name = visibleText(raw);
    if (!name) continue;
    const phone = phoneNames ? phoneName(name) : null;
    if (phone) flagged.push({ kind: 'phone', name, evidence: say(SEEN_IN, phone, where) });
    for (const bot of botKinds(raw)) flagged.push({ kind: bot.kind, name, evidence: say(SEEN_IN, bot.evidence, where) });
  }
  return uniqueParticipants(flagged);
}

