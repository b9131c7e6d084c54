import type { AppState, ConnectionFact, ConnectionStats, RtcFacts, TrackFact } from './types';

/**
 * The main-world probe and the isolated content script talk through DOM events on `document`.
 * Anyone on the page can dispatch DOM events, so:
 * - the isolated world makes a random secret and hands it over once, at document_start, before
 *   any page script exists (HELLO_EVENT); later hellos are ignored by the probe;
 * - every later message travels under an event type derived from that secret, which page
 *   scripts cannot guess and so cannot listen to or forge;
 * - the isolated world still validates every message's shape and keeps only known fields.
 */
export const HELLO_EVENT = 'callguard:hello';
export const PROBE_READY_EVENT = 'callguard:probe-ready';
export const factsEventType = (secret: string) => `callguard:facts:${secret}`;
export const requestEventType = (secret: string) => `callguard:request:${secret}`;

export interface ProbeMessage {
  rtc: RtcFacts;
  app: AppState;
}

const STATS_KEYS = [
  'localCandidateType',
  'networkType',
  'relayProtocol',
  'publicAddress',
  'dtlsState',
  'dtlsCipher',
  'srtpCipher',
  'tlsVersion',
] as const satisfies readonly (keyof ConnectionStats)[];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const shortString = (v: unknown): v is string => typeof v === 'string' && v.length <= 200;
const stringArray = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter(shortString).slice(0, 500) : undefined;
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

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
  return {
    rtc: {
      connections: connections as ConnectionFact[],
      ...(typeof data.rtc.unobserved === 'number' ? { unobserved: data.rtc.unobserved } : {}),
    },
    app: parseAppState(data.app),
  };
}

function parseConnection(raw: unknown): ConnectionFact | null {
  if (!isRecord(raw) || !shortString(raw.id) || !shortString(raw.state)) return null;
  const senders = parseTracks(raw.senders);
  const receivers = parseTracks(raw.receivers);
  if (!senders || !receivers) return null;
  const fact: ConnectionFact = { id: raw.id, state: raw.state, senders, receivers };
  if (isRecord(raw.stats)) {
    const stats: ConnectionStats = {};
    for (const key of STATS_KEYS) if (shortString(raw.stats[key])) (stats as Record<string, string>)[key] = raw.stats[key];
    fact.stats = stats;
  }
  return fact;
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

function parseAppState(raw: unknown): AppState {
  if (!isRecord(raw) || !isRecord(raw.jitsi)) return {};
  const j = raw.jitsi;
  return {
    jitsi: {
      joined: bool(j.joined),
      e2eeEnabled: bool(j.e2eeEnabled),
      phoneParticipants: stringArray(j.phoneParticipants),
      recording: bool(j.recording),
      transcribing: bool(j.transcribing),
      lobbyKnocking: bool(j.lobbyKnocking),
      lobbyEnabled: bool(j.lobbyEnabled),
      passwordLocked: bool(j.passwordLocked),
    },
  };
}
