import type { Policy } from '../policy/types';
import { isLiveMediaConnection } from '../rtc/media';
import type { BrowserNetworkFacts, ConnectionFact, ConnectionStats, NetworkReport } from '../types';
import { inNetwork, parseAddress, parseNetworks } from './cidr';
import { isTrustedInterceptionRoot } from './tls';

/** The stats of the connection that carries the call: live media first, then any with stats. */
export function callConnectionStats(connections: readonly ConnectionFact[]): ConnectionStats | null {
  const withStats = connections.filter((c) => c.stats);
  return (withStats.find(isLiveMediaConnection) ?? withStats[0])?.stats ?? null;
}

/**
 * What this browser's own connection looks like, judged against the trusted networks. The
 * public address is the one a STUN/TURN server saw (srflx candidate, or the relay candidate's
 * related address), so it says where this computer is, never where the other participants are.
 */
export function networkReport(
  connections: readonly ConnectionFact[],
  policy: Policy,
  browser: BrowserNetworkFacts,
  timeZone: string | null,
): NetworkReport {
  const stats = callConnectionStats(connections);
  const address = stats?.publicAddress ?? null;
  const networkType = stats?.networkType ?? null;
  const { trusted, reason } = judgeTrust(address, stats, policy);
  const tls = browser.tls;
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
    tls: tls?.checked ? 'checked' : 'not-checked',
    tlsRoot: tls?.checked
      ? {
          host: tls.host ?? null,
          subject: tls.rootSubject ?? null,
          sha256: tls.rootFingerprint ?? null,
          builtIn: tls.rootIsBuiltIn ?? null,
          trustedByPolicy: isTrustedInterceptionRoot(tls.rootFingerprint, policy.trustedInterceptionRoots),
        }
      : null,
    ...(tls?.untrusted ? { tlsUntrusted: true } : {}),
    captivePortal: browser.captivePortal ?? null,
  };
}

/**
 * true inside the trusted networks, false outside, null when it cannot be decided; the reason
 * says which, in words the popup shows as they are.
 */
export function judgeTrust(
  address: string | null,
  stats: ConnectionStats | null,
  policy: Pick<Policy, 'trustedNetworks' | 'trustVpn'>,
): { trusted: boolean | null; reason: string } {
  const networkType = stats?.networkType ?? null;
  if (policy.trustVpn && networkType === 'vpn') return { trusted: true, reason: 'connected through a VPN, which the policy trusts' };
  if (policy.trustedNetworks.length === 0) return { trusted: null, reason: 'no trusted networks are set by policy' };
  const { networks, invalid } = parseNetworks(policy.trustedNetworks);
  const ignored = invalid.length > 0 ? ` (ignored, not CIDRs: ${invalid.join(', ')})` : '';
  if (networks.length === 0) return { trusted: null, reason: `no usable trusted networks in the policy${ignored}` };
  if (!address) return { trusted: null, reason: noAddressReason(stats) };
  const parsed = parseAddress(address);
  if (!parsed) return { trusted: null, reason: `the public address "${address}" is not an IP address` };
  const usable = networks.map(([net, prefix]) => `${net.toString()}/${prefix}`);
  return networks.some((network) => inNetwork(parsed, network))
    ? { trusted: true, reason: `public address ${address} is inside the trusted networks${ignored}` }
    : { trusted: false, reason: `public address ${address} is outside the trusted networks (${usable.join(', ')})${ignored}` };
}

function noAddressReason(stats: ConnectionStats | null): string {
  if (!stats) return 'no public address seen: no connection statistics yet';
  if (stats.localCandidateType === 'relay') {
    return 'no public address seen: the call is relayed through a TURN server and the browser does not show the address it connects from (relay-only connections hide it)';
  }
  return 'no public address seen: the call uses only local (host) candidates, no STUN/TURN server answered';
}
