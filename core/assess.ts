import { needsAttention } from './attention';
import { CHECKS } from './checks';
import type { CheckContext } from './checks/context';
import { judgeEncryption } from './encryption';
import { POLICY_PENDING } from './evidence';
import { networkReport } from './network/report';
import { factOf } from './platforms/index';
import { flagNames } from './platforms/names';
import { uniqueParticipants } from './platforms/roster';
import type { Policy } from './policy/types';
import { isLiveMediaConnection } from './rtc/media';
import { bySeverity, reportLevel } from './severity';
import { visibleText } from './text';
import type { BrowserNetworkFacts, CallPhase, Finding, FlaggedParticipant, FrameSignals, PageRead, PlatformId, Report } from './types';

export interface AssessInput {
  /** The tab's top-level URL, also when the call runs in an iframe. */
  url: string;
  /** The platform of the tab's top-level URL, or null when CallGuard does not know the site. */
  platform: PlatformId | null;
  frames: readonly FrameSignals[];
  policy: Policy;
  browserNetwork?: BrowserNetworkFacts;
  timeZone: string | null;
  now: Date;
  /**
   * The organisation's policy could not be read yet (managed storage has not answered): it may
   * block the platform or require more, so nothing is confirmed "on" until it is known.
   */
  policyPending?: boolean;
}

const PHASE_RANK: Record<CallPhase, number> = { 'no-call': 0, unknown: 1, 'pre-join': 2, lobby: 3, 'in-call': 4 };

/**
 * The participants a page flags: those the platform marks, and those whose hardened names are a
 * phone number or a bot's. Names are shown with invisible characters removed.
 */
function flaggedParticipants(page: PageRead): FlaggedParticipant[] {
  const marked = page.participants.map((p) => ({ ...p, name: visibleText(p.name) }));
  return [...marked, ...flagNames(page.names, page.namesFrom, { phoneNames: page.phoneNames })];
}

/**
 * Signals of every frame of a tab + policy → the tab's report as the page shows it now. Pure.
 * What the call showed before (participants who left, a recording that stopped) is added by
 * the call's memory (core/call-memory.ts).
 */
export function assess(input: AssessInput): Report {
  const pages = input.frames.flatMap((f) => (f.page ? [f.page] : []));
  const connections = input.frames.flatMap((f) => f.rtc?.connections ?? []);
  const page = pages.reduce<PageRead | null>((best, p) => (!best || PHASE_RANK[p.phase] > PHASE_RANK[best.phase] ? p : best), null);
  const liveMedia = connections.filter(isLiveMediaConnection);
  // A live media connection is a call even where the page is not recognised (generic adapter).
  const inCall = page?.phase === 'in-call' || liveMedia.length > 0;
  const phase: CallPhase = inCall ? 'in-call' : (page?.phase ?? 'unknown');
  const platform = page && page.platform !== 'webrtc' ? page.platform : (input.platform ?? (connections.length ? 'webrtc' : null));

  const startedLate = input.frames.some((f) => f.startedLate);
  const judged = judgeEncryption(pages, connections, factOf, { startedLate });
  const encryption = input.policyPending && judged.state === 'on' ? { ...judged, state: 'unknown' as const, evidence: [...judged.evidence, POLICY_PENDING] } : judged;
  const browserNetwork = input.browserNetwork ?? {};
  const network = networkReport(connections, input.policy, browserNetwork, input.timeZone);
  const participants = uniqueParticipants(pages.flatMap(flaggedParticipants));
  const context: CheckContext = {
    platform,
    inCall,
    pages,
    participants,
    encryption,
    connections,
    network,
    browserNetwork,
    policy: input.policy,
  };

  const at = input.now.toISOString();
  const findings = bySeverity(
    Object.values(CHECKS)
      .map((check) => check(context))
      .filter((f): f is Finding => f !== null)
      .map((f) => ({ ...f, severity: input.policy.severity[f.id] ?? f.severity }))
      .map((f) => ({ ...f, firstSeen: at, lastSeen: at, active: true, attention: needsAttention(f, input.policy, encryption.pageClaimsOn) })),
  );

  return {
    version: 1,
    url: input.url,
    platform,
    inCall,
    phase,
    level: reportLevel(findings, encryption.state),
    e2ee: encryption.state,
    e2eeEvidence: encryption.evidence,
    findings,
    network,
    participants: participants.map((p) => ({ ...p, firstSeen: at, lastSeen: at, present: true })),
    timeline: [],
    callStartedAt: null,
    unreadable: [...new Set(pages.filter((p) => p.phase !== 'no-call').flatMap((p) => p.unreadable))],
    joinControlSeen: pages.some((p) => p.joinControl),
    ...(startedLate ? { startedLate: true as const } : {}),
    updatedAt: at,
  };
}
