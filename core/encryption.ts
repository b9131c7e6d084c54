import { overruledClaim, PLATFORM_FACTS, platformEvidence } from './platforms/facts';
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

  const claims = pages.flatMap((p) => (p.e2ee ? [withPlatformFact(p, p.e2ee)] : []));
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
  // What the vendor says, where it decides nothing by itself (E2EE optional, or no claim).
  const facts = [...new Set(pages.map((p) => p.platform))].flatMap((id) => {
    const fact = PLATFORM_FACTS[id];
    return fact ? [platformEvidence(fact)] : [];
  });
  return {
    state: 'unknown',
    source: live.length > 0 ? 'rtc' : 'ui',
    evidence: [...rtcNote, 'the page shows no encryption indicator CallGuard can read', ...facts],
  };
}

type Claim = NonNullable<PageRead['e2ee']>;

/** A page's "on" cannot stand on a platform whose browser client cannot do E2EE at all. */
function withPlatformFact(page: PageRead, claim: Claim): Claim {
  const fact = PLATFORM_FACTS[page.platform];
  if (claim.state !== 'on' || fact?.e2eeInBrowser !== 'never') return claim;
  return { state: 'off', source: 'platform', evidence: [overruledClaim(claim.evidence.join('; '), fact)] };
}
