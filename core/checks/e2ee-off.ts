import type { Severity } from '../types';
import type { Check } from './context';

/**
 * Provider encryption (the normal case: the provider can access the media) is a warning; a
 * danger where end-to-end encryption is required; info on platforms where the organisation
 * accepts provider encryption, unless the page shows an E2EE that the media path or the vendor
 * contradicts (the participant may believe the call is private).
 */
export const e2eeOff: Check = ({ encryption, policy, platform }) => {
  if (encryption.state !== 'off') return null;
  const accepted = platform !== null && policy.acceptProviderEncryption.includes(platform) && !encryption.pageClaimsOn;
  const severity: Severity = policy.requireE2EE ? 'danger' : accepted ? 'info' : 'warning';
  return { id: 'e2ee-off', severity, source: encryption.source, evidence: encryption.evidence };
};
