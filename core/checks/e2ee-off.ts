import type { Check } from './context';

export const e2eeOff: Check = ({ encryption, policy }) =>
  encryption.state === 'off'
    ? {
        id: 'e2ee-off',
        severity: policy.requireE2EE ? 'danger' : 'warning',
        source: encryption.source,
        evidence: encryption.evidence,
      }
    : null;
