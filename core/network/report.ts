import {
  HOST_ONLY,
  INSIDE_TRUSTED,
  NO_STATS,
  NO_TRUSTED_NETWORKS,
  NO_USABLE_NETWORKS,
  NOT_AN_ADDRESS,
  NOT_CIDRS_IGNORED,
  OUTSIDE_TRUSTED,
  RELAY_ONLY,
  say,
  TRUSTED_VPN,
} from '../evidence';
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
  if (policy.trustVpn && networkType === 'vpn') return { trusted: true, reason: TRUSTED_VPN };
  if (policy.trustedNetworks.length === 0) return { trusted: null, reason: NO_TRUSTED_NETWORKS };
  const { networks, invalid } = parseNetworks(policy.trustedNetworks);
  const noting = (reason: string) => (invalid.length > 0 ? say(NOT_CIDRS_IGNORED, reason, invalid.join(', ')) : reason);
  if (networks.length === 0) return { trusted: null, reason: noting(NO_USABLE_NETWORKS) };
  if (!address) return { trusted: null, reason: noAddressReason(stats) };
  const parsed = parseAddress(address);
  if (!parsed) return { trusted: null, reason: say(NOT_AN_ADDRESS, address) };
  const usable = networks.map(([net, prefix]) => `${net.toString()}/${prefix}`);
  return networks.some((network) => inNetwork(parsed, network))
    ? { trusted: true, reason: noting(say(INSIDE_TRUSTED, address)) }
    : { trusted: false, reason: noting(say(OUTSIDE_TRUSTED, address, usable.join(', '))) };
}

function noAddressReason(stats: ConnectionStats | null): string {
  if (!stats) return NO_STATS;
  return stats.localCandidateType === 'relay' ? RELAY_ONLY : HOST_ONLY;
}
