import {
  CALL_SHOWN,
  CLAIM_OVERRULED,
  E2EE_NO_TRANSFORM,
  E2EE_PARTIAL,
  MEDIA_AGREES,
  MEDIA_AGREES_NOT_PROOF,
  NO_LIVE_MEDIA,
  NO_PLATFORM_STATE,
  say,
  STARTED_LATE,
  VENDOR_FACT,
} from './evidence';
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
    const counts = [untransformedSenders, liveSenders, untransformedReceivers, liveReceivers].map(describeTracks);
    return { state: 'off', source: 'rtc', pageClaimsOn, evidence: [say(partial ? E2EE_PARTIAL : E2EE_NO_TRANSFORM, ...counts)] };
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

  // The media path's half, where live media was seen: it confirms a claim, or is only consistent with E2EE.
  const mediaAgrees = (template: string) => (live.length > 0 ? say(template, describeTracks(liveSenders), describeTracks(liveReceivers)) : null);
  const on = claims.find((c) => c.state === 'on');
  const agrees = mediaAgrees(MEDIA_AGREES);
  if (on && agrees && !startedLate) return { state: 'on', source: on.source, pageClaimsOn, evidence: [...on.evidence, agrees] };
  if (on) return { state: 'unknown', source: on.source, pageClaimsOn, evidence: [...on.evidence, startedLate ? STARTED_LATE : NO_LIVE_MEDIA] };
  // What the vendor says, where it decides nothing by itself (E2EE optional, or no claim).
  const facts = [...new Set(pages.map((p) => p.platform))].flatMap((id) => {
    const fact = factOf(id);
    return fact ? [platformEvidence(fact)] : [];
  });
  const notProof = mediaAgrees(MEDIA_AGREES_NOT_PROOF);
  return {
    state: 'unknown',
    source: live.length > 0 ? 'rtc' : 'ui',
    pageClaimsOn,
    evidence: [...(startedLate ? [STARTED_LATE] : []), ...(notProof ? [notProof] : []), NO_PLATFORM_STATE, ...facts],
  };
}

type Claim = NonNullable<PageRead['e2ee']>;

export function platformEvidence(fact: PlatformFact): string {
  return say(VENDOR_FACT, fact.statement, fact.source);
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
    return { state: 'on', source: 'platform', evidence: [...cite, CALL_SHOWN] };
  }
  return null;
}

/** Evidence for a page that claims E2EE on a platform whose browser client cannot do it. */
export function overruledClaim(claim: string, fact: PlatformFact): string {
  return say(CLAIM_OVERRULED, claim, fact.statement, fact.source);
}
