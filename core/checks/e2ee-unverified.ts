import type { Check } from './context';

/** Only in a call: before joining, "not confirmed yet" is no news. */
export const e2eeUnverified: Check = ({ encryption, inCall, policy }) =>
  inCall && encryption.state === 'unknown'
    ? {
        id: 'e2ee-unverified',
        severity: policy.requireE2EE ? 'warning' : 'info',
        source: encryption.source,
        evidence: encryption.evidence,
      }
    : null;
