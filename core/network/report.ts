import type { Policy } from '../policy/types';
import { isLiveMediaConnection } from '../rtc/media';
import type { BrowserNetworkFacts, ConnectionFact, ConnectionStats, NetworkReport } from '../types';
import { addressInNetworks } from './cidr';

/** The stats of the connection that carries the call: live media first, then any with stats. */
export function callConnectionStats(connections: readonly ConnectionFact[]): ConnectionStats | null {
  const withStats = connections.filter((c) => c.stats);
  return (withStats.find(isLiveMediaConnection) ?? withStats[0])?.stats ?? null;
}

/** What this browser's own connection looks like, judged against the trusted networks. */
export function networkReport(
  connections: readonly ConnectionFact[],
  policy: Policy,
  browser: BrowserNetworkFacts,
  timeZone: string | null,
): NetworkReport {
  const stats = callConnectionStats(connections);
  const address = stats?.publicAddress ?? null;
  const networkType = stats?.networkType ?? null;
  const { trusted, reason } = judgeTrust(address, networkType, policy, stats !== null);
  return {
    publicAddress: address,
    trusted,
    reason,
    networkType,
    relayProtocol: stats?.relayProtocol ?? null,
    localCandidateType: stats?.localCandidateType ?? null,
    dtlsState: stats?.dtlsState ?? null,
    dtlsCipher: stats?.dtlsCipher ?? null,
    srtpCipher: stats?.srtpCipher ?? null,
    timeZone,
    tls: browser.tls?.checked ? 'checked' : 'not-checked',
    captivePortal: browser.captivePortal ?? null,
  };
}

function judgeTrust(
  address: string | null,
  networkType: string | null,
  policy: Policy,
  haveStats: boolean,
): { trusted: boolean | null; reason: string } {
  if (policy.trustVpn && networkType === 'vpn') return { trusted: true, reason: 'connected through a VPN, which the policy trusts' };
  if (policy.trustedNetworks.length === 0) return { trusted: null, reason: 'no trusted networks are set by policy' };
  if (!address) {
    return {
      trusted: null,
      reason: haveStats
        ? 'no public address seen: the call uses only local (host) candidates'
        : 'no public address seen: no connection statistics yet',
    };
  }
  return addressInNetworks(address, policy.trustedNetworks)
    ? { trusted: true, reason: `public address ${address} is inside the trusted networks` }
    : { trusted: false, reason: `public address ${address} is outside the trusted networks` };
}
