import { describeTracks, transformCoverage } from './rtc/media';
import type { ConnectionFact, E2eeState, PageRead, Source } from './types';

export interface EncryptionVerdict {
  state: E2eeState;
  /** The strongest source behind the state ("rtc" when WebRTC decided "off"). */
  source: Source;
  evidence: string[];
}

/**
 * Combines the platform's word, the page's indicator and what WebRTC shows (DESIGN.md):
 * anything saying "off" wins; "on" needs the page or platform saying so and nothing against it.
 * Transforms on every track are only consistent with E2EE, never proof of it.
 */
export function judgeEncryption(pages: readonly PageRead[], connections: readonly ConnectionFact[]): EncryptionVerdict {
  const { liveSenders, untransformedSenders, liveReceivers, untransformedReceivers } = transformCoverage(connections);
  const live = [...liveSenders, ...liveReceivers];
  const untransformed = [...untransformedSenders, ...untransformedReceivers];
  if (untransformed.length > 0) {
    const partial = untransformed.length < live.length;
    const counts = `senders: ${describeTracks(untransformedSenders)} of ${describeTracks(liveSenders)}; receivers: ${describeTracks(untransformedReceivers)} of ${describeTracks(liveReceivers)}`;
    return {
      state: 'off',
      source: 'rtc',
      evidence: [
        partial
          ? `partial: some live media has no encoded transform (${counts}), so that media is not end-to-end encrypted`
          : `no encoded transform on any live media (${counts}): media is not end-to-end encrypted in this browser`,
      ],
    };
  }

  const claims = pages.flatMap((p) => (p.e2ee ? [p.e2ee] : []));
  const off = claims.find((c) => c.state === 'off');
  if (off) return { state: 'off', source: off.source, evidence: off.evidence };

  const rtcNote =
    live.length > 0
      ? [
          `encoded transforms on all live media (${describeTracks(liveSenders)} sent, ${describeTracks(liveReceivers)} received): consistent with end-to-end encryption, not proof of it`,
        ]
      : [];
  const on = claims.find((c) => c.state === 'on');
  if (on) return { state: 'on', source: on.source, evidence: [...on.evidence, ...rtcNote] };
  return {
    state: 'unknown',
    source: live.length > 0 ? 'rtc' : 'ui',
    evidence: [...rtcNote, 'the page shows no encryption indicator CallGuard can read'],
  };
}
