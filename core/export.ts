import type { EffectivePolicy } from './policy/effective';
import type { PolicyKey } from './policy/types';
import type { ParticipantKind, Report } from './types';

/** What "Export report" adds to the report: who made it, with which settings, and whether names are in. */
export interface ExportNote {
  exportedAt: string;
  extensionVersion: string;
  browser: string;
  /** Participant names and numbers as the page showed them; false: placeholders such as "[phone 1]". */
  namesIncluded: boolean;
  policy: PolicySummary;
}

/** The effective settings, without the organisation's network details: lists are counted. */
export interface PolicySummary {
  /** Settings the organisation sets (locked for the user). */
  managed: PolicyKey[];
  requireE2EE: boolean;
  banner: string;
  acknowledgeDanger: boolean;
  confirmBeforeJoin: string;
  acceptProviderEncryption: string[];
  allowedPlatforms: string[];
  blockedPlatforms: string[];
  severity: Record<string, string>;
  allowNamesInExport: boolean;
  trustedNetworks: number;
  homeTimeZones: number;
  trustedInterceptionRoots: number;
  conferenceSites: number;
}

export type ExportedReport = Report & { export: ExportNote };

export interface ExportContext {
  /** The user ticked "Include names" (ignored when the policy forbids it). */
  includeNames: boolean;
  extensionVersion: string;
  browser: string;
  policy: EffectivePolicy;
  now: Date;
}

/**
 * The report as "Export report" saves it: the page address without its query and fragment (a
 * Zoom link carries the meeting password there), participant names and numbers replaced by
 * placeholders everywhere they appear unless the user asked for them and the policy allows it,
 * and a note of the version, browser and effective settings. Pure: the popup writes the file.
 */
export function exportedReport(report: Report, context: ExportContext): ExportedReport {
  const { policy, locked } = context.policy;
  const namesIncluded = context.includeNames && policy.allowNamesInExport;
  const redacted = namesIncluded ? report : withPlaceholders(report);
  const note: ExportNote = {
    exportedAt: context.now.toISOString(),
    extensionVersion: context.extensionVersion,
    browser: context.browser,
    namesIncluded,
    policy: {
      managed: [...locked],
      requireE2EE: policy.requireE2EE,
      banner: policy.banner,
      acknowledgeDanger: policy.acknowledgeDanger,
      confirmBeforeJoin: policy.confirmBeforeJoin,
      acceptProviderEncryption: [...policy.acceptProviderEncryption],
      allowedPlatforms: [...policy.allowedPlatforms],
      blockedPlatforms: [...policy.blockedPlatforms],
      severity: { ...policy.severity },
      allowNamesInExport: policy.allowNamesInExport,
      trustedNetworks: policy.trustedNetworks.length,
      homeTimeZones: policy.homeTimeZones.length,
      trustedInterceptionRoots: policy.trustedInterceptionRoots.length,
      conferenceSites: policy.conferenceSites.length,
    },
  };
  return { ...redacted, url: withoutQuery(report.url), export: note };
}

function withoutQuery(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '';
  }
}

/** Every name the report holds (participants, and the timeline's), each with its placeholder. */
function placeholders(report: Report): Map<string, string> {
  const byName = new Map<string, string>();
  const counts: Partial<Record<ParticipantKind, number>> = {};
  const add = (name: string, kind: ParticipantKind) => {
    if (!name.trim() || byName.has(name)) return;
    counts[kind] = (counts[kind] ?? 0) + 1;
    byName.set(name, `[${kind} ${counts[kind]}]`);
  };
  for (const p of report.participants) add(p.name, p.kind);
  for (const entry of report.timeline) if (entry.participant) add(entry.detail, entry.participant);
  return byName;
}

/**
 * The report with each name replaced wherever it can appear (participants, evidence, the
 * timeline), longest first (a name inside another). Ids, times, addresses and the network
 * section are left alone: a participant named "2026" must not rewrite them.
 */
function withPlaceholders(report: Report): Report {
  const names = [...placeholders(report)].sort(([a], [b]) => b.length - a.length);
  const redact = (text: string) => names.reduce((out, [name, placeholder]) => out.split(name).join(placeholder), text);
  return {
    ...report,
    e2eeEvidence: report.e2eeEvidence.map(redact),
    findings: report.findings.map((f) => ({ ...f, evidence: f.evidence.map(redact) })),
    participants: report.participants.map((p) => ({ ...p, name: redact(p.name), evidence: redact(p.evidence) })),
    timeline: report.timeline.map((entry) => ({ ...entry, detail: redact(entry.detail) })),
  };
}
