import type { FlaggedParticipant } from '../types';

/** A display name that is a phone number: how dial-in callers show up on most platforms. */
const PHONE_NUMBER = /^\+?[\d\s().\-/]{6,}\d$/;

export function looksLikePhoneNumber(name: string): boolean {
  const digits = name.replace(/\D/g, '');
  return PHONE_NUMBER.test(name.trim()) && digits.length >= 6 && digits.length <= 15;
}

/** Names of note-taking bots seen in real attendee lists (research/platforms.md). */
const NOTETAKER_NAMES = [
  /\bfireflies(\.ai)?\b/i,
  // Otter and Gong are also surnames: only the bots' own names count.
  /\botter(\.ai\b|pilot\b)/i,
  /\bread\.?ai\b/i,
  /\bfathom\b/i,
  /\btl;?dv\b/i,
  /\bnotetaker\b/i,
  /\bnote[- ]?taker\b/i,
  /\bgemini\b.*\bnotes?\b/i,
  /\bcopilot\b/i,
  /\brecall\.ai\b/i,
  /\bmeetgeek\b/i,
  /\bavoma\b/i,
  /\bgong(\.io\b|\s+(recorder|assistant|bot)\b)/i,
  /\bsembly\b/i,
  /\bsupernormal\b/i,
  /\bjamie\b.*\bai\b/i,
  // Product names that are words of their own; names that are also people's names (Krisp,
  // Notta, Grain, Sybill, Nyota) count only with the bot's own suffix.
  /\b(tactiq|bluedot|airgram|circleback|leexi|noota|claap|avoma|meetgeek)\b/i,
  /\b(krisp|notta|grain|sybill|nyota|vexa)(\.ai\b|\s+(ai|bot|notetaker|note taker|recorder|assistant)\b)/i,
  /\bai (notetaker|note[- ]taker|notes|scribe)\b/i,
  /\bmeeting (bot|recorder)\b/i,
];

export function looksLikeNotetaker(name: string): boolean {
  return NOTETAKER_NAMES.some((pattern) => pattern.test(name));
}

/** Flags the names that are phone lines or note-taking bots; other names are not kept. */
export function flagNames(names: readonly string[], where: string): FlaggedParticipant[] {
  const flagged: FlaggedParticipant[] = [];
  for (const name of names) {
    if (looksLikePhoneNumber(name)) {
      flagged.push({ kind: 'phone', name, evidence: `name is a phone number (${where})` });
    } else if (looksLikeNotetaker(name)) {
      flagged.push({ kind: 'bot', name, evidence: `name matches a note-taking bot (${where})` });
    }
  }
  return flagged;
}

/** One entry per participant and kind: the first evidence found is kept. */
export function uniqueParticipants(participants: readonly FlaggedParticipant[]): FlaggedParticipant[] {
  const seen = new Set<string>();
  return participants.filter((p) => {
    const key = `${p.kind}\u0000${p.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
