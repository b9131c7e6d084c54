import type { Finding, Level, Severity } from './types';

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, danger: 2 };

export function severityRank(severity: Severity): number {
  return SEVERITY_RANK[severity];
}

/** Worst finding wins; "ok" needs encryption confirmed on and nothing above info. */
export function reportLevel(findings: readonly Finding[], e2ee: 'on' | 'off' | 'unknown'): Level {
  if (findings.some((f) => f.severity === 'danger')) return 'danger';
  if (findings.some((f) => f.severity === 'warning')) return 'warning';
  return e2ee === 'on' ? 'ok' : 'unknown';
}

/** Worst first. */
export function bySeverity<T extends Finding>(findings: readonly T[]): T[] {
  return [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
}

/**
 * The words for a report's level: as the level says, except a call whose E2EE is off with
 * nothing at warning or above, where the organisation or the user accepted provider encryption
 * (e2ee-off at info): not "unknown", since encryption is known, and never "ok", which needs E2EE.
 */
export function verdictOf(level: Level, e2ee: 'on' | 'off' | 'unknown'): Level | 'accepted' {
  return level === 'unknown' && e2ee === 'off' ? 'accepted' : level;
}
