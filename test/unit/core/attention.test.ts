// Which findings bring the full banner: what a participant should act on, not the baseline.
import { describe, expect, it } from 'vitest';
import { needsAttention } from '../../../core/attention';
import { DEFAULT_POLICY } from '../../../core/policy/defaults';
import type { Policy } from '../../../core/policy/types';
import type { FindingId, Severity } from '../../../core/types';

const ask = (id: FindingId, severity: Severity, policy: Partial<Policy> = {}, pageClaimsOn = false) =>
  needsAttention({ id, severity, source: 'ui', evidence: ['e'] }, { ...DEFAULT_POLICY, ...policy }, pageClaimsOn);

describe('needsAttention', () => {
  it.each<[FindingId, Severity]>([
    ['dial-in-participant', 'warning'],
    ['recording', 'warning'],
    ['transcription', 'warning'],
    ['ai-notetaker', 'warning'],
    ['external-participant', 'info'],
    ['untrusted-network', 'warning'],
    ['tls-interception', 'danger'],
    ['captive-portal', 'warning'],
    ['platform-not-allowed', 'danger'],
  ])('%s at its built-in %s: full banner', (id, severity) => {
    expect(ask(id, severity)).toBe(true);
  });

  it.each<[FindingId, Severity]>([
    ['e2ee-off', 'warning'],
    ['e2ee-off', 'info'],
    ['e2ee-unverified', 'info'],
    ['meeting-open', 'info'],
    ['travel', 'info'],
  ])('the baseline %s at %s: calm', (id, severity) => {
    expect(ask(id, severity)).toBe(false);
  });

  it('E2EE off speaks up where E2EE is required, or where the page shows an E2EE that is not there', () => {
    expect(ask('e2ee-off', 'danger', { requireE2EE: true })).toBe(true);
    expect(ask('e2ee-off', 'warning', {}, true)).toBe(true);
  });

  it('an explicit severity from the organisation decides: raised is loud, info is calm', () => {
    expect(ask('travel', 'warning', { severity: { travel: 'warning' } })).toBe(true);
    expect(ask('dial-in-participant', 'info', { severity: { 'dial-in-participant': 'info' } })).toBe(false);
    expect(ask('platform-not-allowed', 'info', { severity: { 'platform-not-allowed': 'info' } })).toBe(false);
  });
});
