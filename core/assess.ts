import { CHECKS } from './checks';
import type { CheckContext } from './checks/context';
import { judgeEncryption } from './encryption';
import { networkReport } from './network/report';
import { uniqueParticipants } from './platforms/participants';
import type { Policy } from './policy/types';
import { isLiveMediaConnection } from './rtc/media';
import type { BrowserNetworkFacts, CallPhase, Finding, FrameSignals, Level, PageRead, PlatformId, Report, Severity } from './types';

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
}

const PHASE_RANK: Record<CallPhase, number> = { 'no-call': 0, unknown: 1, 'pre-join': 2, lobby: 3, 'in-call': 4 };
const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, danger: 2 };

/** Signals of every frame of a tab + policy → the tab's report. Pure. */
export function assess(input: AssessInput): Report {
  const pages = input.frames.flatMap((f) => (f.page ? [f.page] : []));
  const connections = input.frames.flatMap((f) => f.rtc?.connections ?? []);
  const page = pages.reduce<PageRead | null>((best, p) => (!best || PHASE_RANK[p.phase] > PHASE_RANK[best.phase] ? p : best), null);
  const liveMedia = connections.filter(isLiveMediaConnection);
  // A live media connection is a call even where the page is not recognised (generic adapter).
  const inCall = page?.phase === 'in-call' || liveMedia.length > 0;
  const phase: CallPhase = inCall ? 'in-call' : (page?.phase ?? 'unknown');
  const platform = page && page.platform !== 'webrtc' ? page.platform : (input.platform ?? (connections.length ? 'webrtc' : null));

  const encryption = judgeEncryption(pages, connections);
  const browserNetwork = input.browserNetwork ?? {};
  const network = networkReport(connections, input.policy, browserNetwork, input.timeZone);
  const participants = uniqueParticipants(pages.flatMap((p) => p.participants));
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

  const findings = Object.values(CHECKS)
    .map((check) => check(context))
    .filter((f): f is Finding => f !== null)
    .map((f) => ({ ...f, severity: input.policy.severity[f.id] ?? f.severity }))
    .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);

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
    participants,
    unreadable: [...new Set(pages.filter((p) => p.phase !== 'no-call').flatMap((p) => p.unreadable))],
    updatedAt: input.now.toISOString(),
  };
}

/** Worst finding wins; "ok" needs encryption confirmed on and nothing above info. */
export function reportLevel(findings: readonly Finding[], e2ee: Report['e2ee']): Level {
  if (findings.some((f) => f.severity === 'danger')) return 'danger';
  if (findings.some((f) => f.severity === 'warning')) return 'warning';
  return e2ee === 'on' ? 'ok' : 'unknown';
}

export function severityRank(severity: Severity): number {
  return SEVERITY_RANK[severity];
}
