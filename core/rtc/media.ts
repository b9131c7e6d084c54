import { say, TRACKS_AUDIO, TRACKS_AUDIO_VIDEO, TRACKS_NONE, TRACKS_VIDEO } from '../evidence';
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

/** "1 audio, 2 video", "1 video" or "none". */
export function describeTracks(tracks: readonly TrackFact[]): string {
  const audio = tracks.filter((t) => t.kind === 'audio').length;
  const video = tracks.length - audio;
  if (audio && video) return say(TRACKS_AUDIO_VIDEO, audio, video);
  if (audio) return say(TRACKS_AUDIO, audio);
  return video ? say(TRACKS_VIDEO, video) : TRACKS_NONE;
}
