import type { Check } from './context';

export const untrustedNetwork: Check = ({ network }) =>
  network.trusted === false
    ? {
        id: 'untrusted-network',
        severity: 'warning',
        source: 'network',
        evidence: [
          network.reason,
          ...(network.networkType ? [`network type: ${network.networkType}`] : []),
          'this is about this computer\'s connection only, not the other participants\'',
        ],
      }
    : null;
