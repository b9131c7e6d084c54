// What every report must satisfy, whatever went in (docs/report-format.md, docs/design.md).
import { expect } from 'vitest';
import { FINDING_IDS, SEVERITIES, type Report } from '../../../core/types';
import { E2EE_STATES, LEVELS, PHASES, SOURCES } from './arbitraries';

export function expectValidReport(report: Report): void {
  expect(report.version).toBe(1);
  expect(LEVELS).toContain(report.level);
  expect(E2EE_STATES).toContain(report.e2ee);
  expect(PHASES).toContain(report.phase);
  expect(typeof report.inCall).toBe('boolean');
  expect(report.e2eeEvidence.every((e) => typeof e === 'string')).toBe(true);
  const ids = report.findings.map((f) => f.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const f of report.findings) {
    expect(FINDING_IDS).toContain(f.id);
    expect(SEVERITIES).toContain(f.severity);
    expect(SOURCES).toContain(f.source);
    expect(f.evidence.length, `${f.id} carries evidence`).toBeGreaterThan(0);
    for (const e of f.evidence) expect(typeof e).toBe('string');
  }
  // The level is the worst finding; "ok" only with encryption confirmed and nothing above info.
  const worst = report.findings.some((f) => f.severity === 'danger')
    ? 'danger'
    : report.findings.some((f) => f.severity === 'warning')
      ? 'warning'
      : null;
  if (worst) expect(report.level).toBe(worst);
  else expect(report.level).toBe(report.e2ee === 'on' ? 'ok' : 'unknown');
  if (report.level === 'ok') {
    expect(report.e2ee).toBe('on');
    expect(report.findings.every((f) => f.severity === 'info')).toBe(true);
  }
  // Encryption off is always a finding, with its evidence.
  if (report.e2ee === 'off') expect(ids).toContain('e2ee-off');
  if (report.e2ee === 'on') expect(ids).not.toContain('e2ee-off');
  // What goes to storage.session and "Export report" survives a JSON round trip unchanged.
  expect(JSON.parse(JSON.stringify(report))).toEqual(report);
}
