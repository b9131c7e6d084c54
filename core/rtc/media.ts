import type { ConnectionFact, TrackFact } from '../types';

/** A connection that carries media right now: connected, with a live track either way. */
export function isLiveMediaConnection(connection: ConnectionFact): boolean {
  return (
    connection.state === 'connected' &&
    (connection.senders.some((t) => t.live) || connection.receivers.some((t) => t.live))
  );
}

export interface TransformCoverage {
  liveSenders: TrackFact[];
  untransformedSenders: TrackFact[];
  liveReceivers: TrackFact[];
  untransformedReceivers: TrackFact[];
}

/** How many live senders and receivers have an encoded transform attached. */
export function transformCoverage(connections: readonly ConnectionFact[]): TransformCoverage {
  const live = connections.filter(isLiveMediaConnection);
  const liveSenders = live.flatMap((c) => c.senders.filter((t) => t.live));
  const liveReceivers = live.flatMap((c) => c.receivers.filter((t) => t.live));
  return {
    liveSenders,
    untransformedSenders: liveSenders.filter((t) => !t.transformed),
    liveReceivers,
    untransformedReceivers: liveReceivers.filter((t) => !t.transformed),
  };
}

export function describeTracks(tracks: readonly TrackFact[]): string {
  const counts = new Map<string, number>();
  for (const t of tracks) counts.set(t.kind, (counts.get(t.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${kind}`).join(', ') || 'none';
}
