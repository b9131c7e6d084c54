import type { Policy } from './policy/types';
import type { Finding, FindingId } from './types';

/**
 * Findings about who or what is listening, or where this computer is: a participant should act
 * on them before saying anything sensitive, so they bring the full banner.
 */
const ACT_ON: ReadonlySet<FindingId> = new Set<FindingId>([
  'dial-in-participant',
  'recording',
  'transcription',
  'ai-notetaker',
  'external-participant',
  'untrusted-network',
  'tls-interception',
  'captive-portal',
  'platform-not-allowed',
  'weak-transport',
]);

/**
 * Whether a finding asks for the full banner. The rest is the calm baseline of an ordinary call:
 * provider encryption (E2EE off at its default severity), E2EE not confirmed yet, an open
 * meeting, the time zone. Those speak up where the organisation or the user made them serious
 * (a danger, an explicit severity, E2EE required) or where the page shows an E2EE that is not
 * there. A finding the organisation set to info stays calm.
 */
export function needsAttention(finding: Finding, policy: Policy, pageClaimsOn: boolean): boolean {
  const override = policy.severity[finding.id];
  if (override === 'info') return false;
  if (finding.severity === 'danger' || ACT_ON.has(finding.id) || override !== undefined) return true;
  return finding.id === 'e2ee-off' && (policy.requireE2EE || pageClaimsOn);
}
