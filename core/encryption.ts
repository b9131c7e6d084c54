import type { PlatformFact } from './platforms/platform';
import { describeTracks, transformCoverage } from './rtc/media';
import type { ConnectionFact, E2eeState, PageRead, PlatformId, Source } from './types';

export interface EncryptionVerdict {
  state: E2eeState;
  /** The strongest source behind the state ("rtc" when WebRTC decided "off"). */
  source: Source;
  evidence: string[];
  /**
   * The page or the app showed end-to-end encryption as on, whatever the verdict: when the
   * verdict is "off", the participant may believe the call is private.
   */
  pageClaimsOn: boolean;
}

/** The vendor facts of the platforms on the page, by id (from the registry, or a test's own). */
export type FactsOf = (platform: PlatformId) => PlatformFact | null;

/** Why "on" cannot be confirmed in a page CallGuard started in after it had loaded. */
const STARTED_LATE_EVIDENCE =
  'CallGuard started after this page had loaded: connections made before then were not seen, so end-to-end encryption cannot be confirmed; reload the page to check the whole call';

/**
 * Two sources for "on", one for "off":
 * - off: live media without an encoded transform (WebRTC), or the platform saying so (its
 *   indicator, its state, or its documented fact). Anything saying "off" wins.
 * - on: the platform's own state or encryption control says "on" *and* the media path agrees:
 *   live media is flowing and every live sender and receiver has an encoded transform. With
 *   either half missing the verdict is unknown, and the evidence names the missing half.
 * Transforms alone are only consistent with E2EE (apps use them for effects too), never proof.
 * With `startedLate`, the media path is only partly seen (and the page could reach the probe
 * before CallGuard did): it can still show "off", never confirm "on".
 */
export function judgeEncryption(
  pages: readonly PageRead[],
  connections: readonly ConnectionFact[],
  factOf: FactsOf,
  { startedLate = false } = {},
): EncryptionVerdict {
  const pageClaimsOn = pages.some((p) => p.e2ee?.state === 'on');
  const { liveSenders, untransformedSenders, liveReceivers, untransformedReceivers } = transformCoverage(connections);
  const live = [...liveSenders, ...liveReceivers];
  const untransformed = [...untransformedSenders, ...untransformedReceivers];
  if (untransformed.length > 0) {
    const partial = untransformed.length < live.length;
    const counts = `senders: ${describeTracks(untransformedSenders)} of ${describeTracks(liveSenders)}; receivers: ${describeTracks(untransformedReceivers)} of ${describeTracks(liveReceivers)}`;
    return {
      state: 'off',
      source: 'rtc',
      pageClaimsOn,
      evidence: [
        partial
          ? `partial: some live media has no encoded transform (${counts}), so that media is not end-to-end encrypted`
          : `no encoded transform on any live media (${counts}): media is not end-to-end encrypted in this browser`,
      ],
    };
  }

  const claims = pages.flatMap((p) => {
    const claim = withPlatformFact(factOf(p.platform), p.e2ee, p.phase === 'in-call');
    return claim ? [claim] : [];
  });
  // Every frame's "off" is evidence; the page's own words lead, the vendor fact is the more general source.
  const offs = claims.filter((c) => c.state === 'off');
  if (offs.length > 0) {
    const source = offs.find((c) => c.source !== 'platform')?.source ?? 'platform';
    return { state: 'off', source, pageClaimsOn, evidence: [...new Set(offs.flatMap((c) => c.evidence))] };
  }

  const mediaAgrees =
    live.length > 0
      ? `the media path agrees: encoded transforms on all live media (${describeTracks(liveSenders)} sent, ${describeTracks(liveReceivers)} received)`
      : null;
  const on = claims.find((c) => c.state === 'on');
  if (on && mediaAgrees && !startedLate) return { state: 'on', source: on.source, pageClaimsOn, evidence: [...on.evidence, mediaAgrees] };
  if (on) {
    return {
      state: 'unknown',
      source: on.source,
      pageClaimsOn,
      evidence: [
        ...on.evidence,
        startedLate
          ? STARTED_LATE_EVIDENCE
          : 'missing half: no live media was seen in this call, so the media path could not confirm end-to-end encryption',
      ],
    };
  }
  // What the vendor says, where it decides nothing by itself (E2EE optional, or no claim).
  const facts = [...new Set(pages.map((p) => p.platform))].flatMap((id) => {
    const fact = factOf(id);
    return fact ? [platformEvidence(fact)] : [];
  });
  return {
    state: 'unknown',
    source: live.length > 0 ? 'rtc' : 'ui',
    pageClaimsOn,
    evidence: [
      ...(startedLate ? [STARTED_LATE_EVIDENCE] : []),
      ...(mediaAgrees ? [`${mediaAgrees}; that is consistent with end-to-end encryption, not proof of it`] : []),
      'missing half: the platform\'s own state or encryption indicator, which CallGuard could not read on this page',
      ...facts,
    ],
  };
}

type Claim = NonNullable<PageRead['e2ee']>;

export function platformEvidence(fact: PlatformFact): string {
  return `${fact.statement} (source: ${fact.source})`;
}

/**
 * The vendor's fact applied to what a page shows: the platform's half of the verdict.
 * - Anything the page shows as "off" is off, whatever the fact.
 * - "never": always off. A page claiming E2EE is overruled, and the evidence says both.
 * - "always": "on" while the page shows a call (the page's indicator, or the fact alone);
 *   otherwise no claim.
 * - "optional"/"unknown": only the page's own indicator counts, and only in a call.
 */
export function withPlatformFact(fact: PlatformFact | null, shown: PageRead['e2ee'], inCall: boolean): Claim | null {
  const cite = fact ? [platformEvidence(fact)] : [];
  if (shown?.state === 'off') return { state: 'off', source: shown.source, evidence: [...shown.evidence, ...cite] };
  if (fact?.e2eeInBrowser === 'never') {
    return shown?.state === 'on'
      ? { state: 'off', source: 'platform', evidence: [overruledClaim(shown.evidence.join('; '), fact)] }
      : { state: 'off', source: 'platform', evidence: cite };
  }
  if (!inCall) return null;
  if (shown?.state === 'on') return { state: 'on', source: shown.source, evidence: [...shown.evidence, ...cite] };
  if (fact?.e2eeInBrowser === 'always') {
    return { state: 'on', source: 'platform', evidence: [...cite, 'the page shows a call and nothing on it contradicts that'] };
  }
  return null;
}

/** Evidence for a page that claims E2EE on a platform whose browser client cannot do it. */
export function overruledClaim(claim: string, fact: PlatformFact): string {
  return `the page claims end-to-end encryption (${claim}), but ${fact.statement} (source: ${fact.source}): the claim is ignored`;
}
