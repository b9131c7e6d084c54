import type { ConnectionStats, FrameSignals } from '../types';

type StatsEntry = Record<string, unknown> & { type?: unknown; id?: unknown };

/**
 * JSON.stringify replacer of the main-world probe: drops every number. Byte and packet counters,
 * timestamps and round-trip times move at every stats poll; no field summarizeStats reads is a
 * number. So a call whose facts stay the same gives the same text at every poll, and the probe
 * sends it only when it changes.
 */
export const withoutNumbers = (_key: string, value: unknown) => (typeof value === 'number' ? undefined : value);

const CANDIDATE_TYPES = new Set(['host', 'srflx', 'prflx', 'relay']);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/**
 * Reduces one getStats() report to the facts CallGuard keeps: the selected pair's local
 * candidate (type, network type, relay protocol, public address) and the transport's DTLS/SRTP
 * state. Raw stats are never kept. Works with Chromium (transport.selectedCandidatePairId) and
 * older Firefox (candidate-pair.selected / nominated).
 */
export function summarizeStats(entries: Iterable<StatsEntry>): ConnectionStats {
  const byId = new Map<string, StatsEntry>();
  const transports: StatsEntry[] = [];
  const pairs: StatsEntry[] = [];
  const localCandidates: StatsEntry[] = [];
  for (const entry of entries) {
    if (!entry || typeof entry !== 'object') continue;
    if (typeof entry.id === 'string') byId.set(entry.id, entry);
    if (entry.type === 'transport') transports.push(entry);
    if (entry.type === 'candidate-pair') pairs.push(entry);
    if (entry.type === 'local-candidate') localCandidates.push(entry);
  }
  const transport = transports.find((t) => str(t.selectedCandidatePairId)) ?? transports[0];
  const selectedId = str(transport?.selectedCandidatePairId);
  const pair =
    (selectedId ? byId.get(selectedId) : undefined) ??
    pairs.find((p) => p.selected === true) ??
    pairs.find((p) => p.nominated === true && p.state === 'succeeded');
  const localId = str(pair?.localCandidateId);
  const local = localId ? byId.get(localId) : undefined;

  const stats: ConnectionStats = {};
  const candidateType = str(local?.candidateType);
  if (candidateType && CANDIDATE_TYPES.has(candidateType)) stats.localCandidateType = candidateType as ConnectionStats['localCandidateType'];
  stats.networkType = str(local?.networkType);
  stats.relayProtocol = str(local?.relayProtocol);
  // A call on a host pair still gathered srflx/relay candidates: they show the public address.
  stats.publicAddress = [local, ...localCandidates].map(publicAddressOf).find(Boolean);
  stats.dtlsState = str(transport?.dtlsState);
  stats.dtlsCipher = str(transport?.dtlsCipher);
  stats.srtpCipher = str(transport?.srtpCipher);
  stats.tlsVersion = str(transport?.tlsVersion);
  for (const key of Object.keys(stats) as (keyof ConnectionStats)[]) if (stats[key] === undefined) delete stats[key];
  return stats;
}

/** srflx: the address itself is what the STUN server saw; relay: the related address is. */
function publicAddressOf(candidate: StatsEntry | undefined): string | undefined {
  const type = candidate?.candidateType;
  if (type === 'srflx' || type === 'prflx') return str(candidate!.address) ?? str(candidate!.ip);
  if (type === 'relay') return str(candidate!.relatedAddress);
  return undefined;
}

/** A frame's signals with each connection's stats entries replaced by their summary (short strings only). */
export function withStatsSummarized(signals: FrameSignals): FrameSignals {
  if (!signals.rtc) return signals;
  const connections = signals.rtc.connections.map(({ statsEntries, ...connection }) => {
    if (!statsEntries) return connection;
    const stats: ConnectionStats = {};
    for (const [key, value] of Object.entries(summarizeStats(statsEntries))) {
      if (typeof value === 'string' && value.length <= 200) (stats as Record<string, string>)[key] = value;
    }
    return { ...connection, stats };
  });
  return { ...signals, rtc: { connections } };
}
