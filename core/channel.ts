import type { AppState, ConnectionFact, RtcFacts, StatsEntry, TrackFact } from './types';

/**
 * The main-world probe and the isolated content script talk through DOM events on `document`.
 * Anyone on the page can dispatch DOM events, so:
 * - the isolated world makes a random secret and hands it over once, at document_start, before
 *   any page script exists (HELLO_EVENT); later hellos are ignored by the probe;
 * - every later message travels under an event type derived from that secret, which page
 *   scripts cannot guess and so cannot listen to or forge;
 * - the isolated world still validates every message's shape and keeps only known fields.
 * The probe forwards each connection's latest getStats() entries that locate the call
 * (transport, candidate pairs, local candidates, without their numbers: see withoutNumbers) as
 * `statsEntries`, and only when they change; the background summarises them on arrival and keeps
 * only the summary. This keeps the probe and the content script, which run in every page, small.
 */
const PREFIX = 'callguard:';
export const HELLO_EVENT = `${PREFIX}hello`;
export const PROBE_READY_EVENT = `${PREFIX}probe-ready`;
export const factsEventType = (secret: string) => `${PREFIX}facts:${secret}`;
export const requestEventType = (secret: string) => `${PREFIX}request:${secret}`;
/** The probe's acknowledgement that it holds the secret (only the probe can name this event). */
export const ackEventType = (secret: string) => `${PREFIX}ack:${secret}`;

export interface ProbeMessage {
  rtc: RtcFacts;
  app: AppState;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const shortString = (v: unknown): v is string => typeof v === 'string' && v.length <= 200;

/** Parses a probe message (a JSON string); anything malformed gives null. */
export function parseProbeMessage(raw: unknown): ProbeMessage | null {
  if (typeof raw !== 'string' || raw.length > 1_000_000) return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(data) || !isRecord(data.rtc) || !Array.isArray(data.rtc.connections)) return null;
  const connections = data.rtc.connections.slice(0, 100).map(parseConnection);
  if (connections.some((c) => c === null)) return null;
  return { rtc: { connections: connections as ConnectionFact[] }, app: appWire(data.app) };
}

function parseConnection(raw: unknown): ConnectionFact | null {
  if (!isRecord(raw) || !shortString(raw.id) || !shortString(raw.state)) return null;
  const senders = parseTracks(raw.senders);
  const receivers = parseTracks(raw.receivers);
  if (!senders || !receivers) return null;
  const fact: ConnectionFact = { id: raw.id, state: raw.state, senders, receivers };
  if (Array.isArray(raw.statsEntries)) fact.statsEntries = raw.statsEntries.slice(0, 500).filter(isRecord).map(shortValues);
  return fact;
}

/** A stats entry's short strings and booleans: all that its summary reads (core/rtc/summarize.ts). */
function shortValues(entry: Record<string, unknown>): StatsEntry {
  const kept: StatsEntry = {};
  for (const [key, value] of Object.entries(entry)) if (shortString(value) || typeof value === 'boolean') kept[key] = value;
  return kept;
}

function parseTracks(raw: unknown): TrackFact[] | null {
  if (!Array.isArray(raw)) return null;
  const tracks: TrackFact[] = [];
  for (const t of raw.slice(0, 100)) {
    if (!isRecord(t) || (t.kind !== 'audio' && t.kind !== 'video') || typeof t.live !== 'boolean' || typeof t.transformed !== 'boolean') {
      return null;
    }
    tracks.push({ kind: t.kind, live: t.live, transformed: t.transformed });
  }
  return tracks;
}

/** The app state as it came, bounded: the platform that reads it parses it (AppState). */
function appWire(raw: unknown): AppState {
  return isRecord(raw) && Array.isArray(raw.jitsi) ? { jitsi: raw.jitsi.slice(0, 16) } : {};
}
