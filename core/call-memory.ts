import { E2EE_NOW, say } from './evidence';
import { participantKey } from './platforms/roster';
import { bySeverity, reportLevel } from './severity';
import type { FindingId, Report, ReportFinding, ReportParticipant, TimelineEntry } from './types';

/**
 * A call remembers. Each report is read from the page as it is now; the call's memory keeps
 * what the call showed before: a caller who hung up, a recording that stopped, E2EE that
 * dropped. Those stay in the report (no longer active) until the call ends, with the times they
 * were first and last seen, and a timeline of what happened. Pure: the background keeps the
 * memory of each tab in storage.session.
 */
export interface CallMemory {
  /** Which call: the page's address without query or fragment. */
  call: string;
  startedAt: string;
  /** The page has shown the call itself (not only its pre-join or lobby screen). */
  joined: boolean;
  findings: ReportFinding[];
  participants: ReportParticipant[];
  /** Whether end-to-end encryption was confirmed at the last report. */
  e2eeOn: boolean;
  timeline: TimelineEntry[];
}

/**
 * Findings that describe how things are now, not something that happened in the call: they
 * follow the page and the settings and are not remembered once gone.
 */
const NOT_REMEMBERED: ReadonlySet<FindingId> = new Set<FindingId>(['e2ee-unverified', 'platform-not-allowed', 'travel']);

/**
 * Before joining, encryption is a setting that can still change: no media went unprotected, so
 * "E2EE off" seen only then is not remembered once the call turns it on.
 */
const SETTINGS_BEFORE_JOINING: ReadonlySet<FindingId> = new Set<FindingId>(['e2ee-off']);

/** Bounds, so that a long or hostile call cannot grow the memory without end. */
const MAX_TIMELINE = 300;
const MAX_PARTICIPANTS = 500;

/** The call a page address belongs to. */
export function callOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url;
  }
}

/**
 * Merges the report of the page as it is now into the call's memory. A new call (another
 * address, or a page that left the call and shows no call or a pre-join screen again) starts a
 * new memory; outside any call there is none.
 */
export function rememberCall(memory: CallMemory | null, now: Report): { memory: CallMemory | null; report: Report } {
  const at = now.updatedAt;
  const call = callOf(now.url);
  const ended = memory !== null && (memory.call !== call || (memory.joined && !now.inCall && (now.phase === 'no-call' || now.phase === 'pre-join')));
  const current = ended ? null : memory;
  const inCallLife = now.inCall || now.phase === 'pre-join' || now.phase === 'lobby';
  if (!current && !inCallLife) return { memory: null, report: now };

  const timeline: TimelineEntry[] = [...(current?.timeline ?? [])];
  const note = (entry: Omit<TimelineEntry, 'at'>) => timeline.push({ at, ...entry });
  const joined = (current?.joined ?? false) || now.inCall;
  if (now.inCall && !current?.joined) note({ event: 'call-joined', detail: now.platform ?? 'call' });
  if (current?.joined && !now.inCall && now.phase !== 'unknown') note({ event: 'call-left', detail: now.phase });

  const e2eeOn = now.e2ee === 'on';
  if (e2eeOn && !current?.e2eeOn) note({ event: 'e2ee-confirmed', detail: now.e2eeEvidence[0] ?? '' });
  if (!e2eeOn && current?.e2eeOn) note({ event: 'e2ee-dropped', detail: say(E2EE_NOW, now.e2ee) });

  const remembered = (current?.findings ?? []).filter((f) => current?.joined || !SETTINGS_BEFORE_JOINING.has(f.id));
  const findings = mergeFindings(remembered, now.findings, at, note);
  const participants = mergeParticipants(current?.participants ?? [], now.participants, at, note);

  const next: CallMemory = {
    call,
    startedAt: current?.startedAt ?? at,
    joined,
    findings,
    participants,
    e2eeOn,
    timeline: timeline.slice(-MAX_TIMELINE),
  };
  const sorted = bySeverity(findings);
  return {
    memory: next,
    report: {
      ...now,
      findings: sorted,
      participants,
      level: reportLevel(sorted, now.e2ee),
      timeline: next.timeline,
      callStartedAt: next.startedAt,
    },
  };
}

type Note = (entry: Omit<TimelineEntry, 'at'>) => void;

function mergeFindings(before: readonly ReportFinding[], now: readonly ReportFinding[], at: string, note: Note): ReportFinding[] {
  const merged: ReportFinding[] = [];
  for (const finding of now) {
    const old = before.find((f) => f.id === finding.id);
    if (!old || !old.active) note({ event: 'finding-raised', findingId: finding.id, detail: finding.evidence[0] ?? '' });
    merged.push({ ...finding, firstSeen: old?.firstSeen ?? at, lastSeen: at, active: true });
  }
  for (const old of before) {
    if (merged.some((f) => f.id === old.id) || NOT_REMEMBERED.has(old.id)) continue;
    if (old.active) note({ event: 'finding-cleared', findingId: old.id, detail: old.evidence[0] ?? '' });
    merged.push({ ...old, active: false });
  }
  return merged;
}

function mergeParticipants(before: readonly ReportParticipant[], now: readonly ReportParticipant[], at: string, note: Note): ReportParticipant[] {
  const key = (p: ReportParticipant) => participantKey(p.kind, p.name);
  const merged: ReportParticipant[] = [];
  const present = new Set<string>();
  for (const p of now) {
    const old = before.find((b) => key(b) === key(p));
    if (!old || !old.present) note({ event: 'participant-joined', participant: p.kind, detail: p.name });
    merged.push({ ...p, firstSeen: old?.firstSeen ?? at, lastSeen: at, present: true });
    present.add(key(p));
  }
  for (const old of before) {
    if (present.has(key(old))) continue;
    if (old.present) note({ event: 'participant-left', participant: old.kind, detail: old.name });
    merged.push({ ...old, present: false });
  }
  return merged.slice(0, MAX_PARTICIPANTS);
}
