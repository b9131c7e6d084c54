// The words for a level: provider encryption that the organisation accepts is neither "ok" nor "unknown".
import { describe, expect, it } from 'vitest';
import { assess } from '../../../core/assess';
import { DEFAULT_POLICY } from '../../../core/policy/defaults';
import { emptyRead } from '../../../core/platforms/read';
import { verdictOf } from '../../../core/severity';

describe('verdictOf', () => {
  it.each([
    ['unknown', 'off', 'accepted'],
    ['unknown', 'unknown', 'unknown'],
    ['ok', 'on', 'ok'],
    ['warning', 'off', 'warning'],
    ['danger', 'off', 'danger'],
  ] as const)('level %s, E2EE %s → %s', (level, e2ee, verdict) => {
    expect(verdictOf(level, e2ee)).toBe(verdict);
  });

  it('a Zoom call with provider encryption accepted: e2ee-off at info, level unknown, the "accepted" words', () => {
    const url = 'https://app.zoom.us/wc/123/start';
    const page = { ...emptyRead('zoom'), phase: 'in-call' as const, phaseEvidence: ['in call'] };
    const frames = [{ url, page, rtc: null }];
    const accepted = assess({ url, platform: 'zoom', frames, policy: { ...DEFAULT_POLICY, acceptProviderEncryption: ['zoom'] }, timeZone: null, now: new Date(0) });
    expect(accepted.findings.find((f) => f.id === 'e2ee-off')).toMatchObject({ severity: 'info', attention: false });
    expect(verdictOf(accepted.level, accepted.e2ee)).toBe('accepted');
    const normal = assess({ url, platform: 'zoom', frames, policy: DEFAULT_POLICY, timeZone: null, now: new Date(0) });
    expect(verdictOf(normal.level, normal.e2ee)).toBe('warning');
  });
});
