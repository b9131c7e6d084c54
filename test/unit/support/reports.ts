// Reports for component tests.
import { needsAttention } from '../../../core/attention';
import { networkReport } from '../../../core/network/report';
import { DEFAULT_POLICY } from '../../../core/policy/defaults';
import type { BannerSettings } from '../../../core/messages';
import type { FindingId, Level, PlatformId, Report, ReportFinding, Severity, Source } from '../../../core/types';

const AT = '2026-05-12T10:15:02.000Z';

/** A finding as assess() makes it under the default policy (attention from core/attention.ts). */
export function finding(id: FindingId, severity: Severity, source: Source = 'ui', evidence = [`${id} seen`]): ReportFinding {
  const seen = { id, severity, source, evidence };
  return { ...seen, firstSeen: AT, lastSeen: AT, active: true, attention: needsAttention(seen, DEFAULT_POLICY, false) };
}

export function report(level: Level, findings: ReportFinding[] = [], more: Partial<Report> = {}): Report {
  return {
    version: 1,
    url: 'https://meet.google.com/abc-defg-hij',
    platform: 'google-meet' as PlatformId,
    inCall: true,
    phase: 'in-call',
    level,
    e2ee: level === 'ok' ? 'on' : level === 'unknown' ? 'unknown' : 'off',
    e2eeEvidence: ['no media transform on 2 live senders'],
    findings,
    network: networkReport([], DEFAULT_POLICY, {}, null),
    participants: [],
    timeline: [],
    callStartedAt: AT,
    updatedAt: AT,
    ...more,
  };
}

export const settings = (more: Partial<BannerSettings> = {}): BannerSettings => ({
  banner: 'risk',
  acknowledgeDanger: false,
  supportMessage: '',
  supportUrl: '',
  confirmJoin: false,
  ...more,
});

export const DIAL_IN = report('warning', [finding('e2ee-off', 'warning', 'rtc'), finding('dial-in-participant', 'warning')]);
export const DANGER = report('danger', [finding('platform-not-allowed', 'danger', 'policy'), finding('e2ee-off', 'warning', 'rtc')]);
export const OK = report('ok', []);
export const UNKNOWN = report('unknown', [finding('e2ee-unverified', 'info', 'rtc')]);
