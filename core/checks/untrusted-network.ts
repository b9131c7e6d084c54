import type { Check } from './context';

/**
 * This computer's public address (as a STUN/TURN server saw it) is outside the organisation's
 * trusted networks. Not decided (no address, no policy) is no finding: the network section of
 * the report says why.
 */
export const untrustedNetwork: Check = ({ network }) =>
  network.trusted === false
    ? {
        id: 'untrusted-network',
        severity: 'warning',
        source: 'network',
        evidence: [
          network.reason,
          ...(network.networkType ? [`network type: ${network.networkType}`] : []),
          ...(network.relayProtocol ? [`relayed over ${network.relayProtocol.toUpperCase()} (UDP may be blocked on this network)`] : []),
          "this is about this computer's connection only, not the other participants'",
        ],
      }
    : null;
