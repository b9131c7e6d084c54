import { NETWORK_TYPE, RELAYED_OVER, say, THIS_COMPUTER_ONLY } from '../evidence';
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
          ...(network.networkType ? [say(NETWORK_TYPE, network.networkType)] : []),
          ...(network.relayProtocol ? [say(RELAYED_OVER, network.relayProtocol.toUpperCase())] : []),
          THIS_COMPUTER_ONLY,
        ],
      }
    : null;
