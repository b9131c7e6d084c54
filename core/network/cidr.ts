import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;
export type Network = [Address, number];

/**
 * An IP address as browsers write them in ICE candidates: dotted four-part decimal IPv4, or IPv6
 * (zone ids allowed). IPv4-mapped IPv6 (`::ffff:203.0.113.7`) becomes the IPv4 address it
 * carries. Anything else (mDNS `.local` names, "10.1", octal or hex forms) is null.
 */
export function parseAddress(value: string): Address | null {
  const text = value.trim();
  try {
    if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
    if (ipaddr.IPv6.isValid(text)) {
      const v6 = ipaddr.IPv6.parse(text);
      return v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6;
    }
  } catch {
    // not an address
  }
  return null;
}

/**
 * A CIDR as the policy allows it: four-part decimal IPv4 ("203.0.113.0/24") or IPv6
 * ("2001:db8::/32", "::ffff:203.0.113.0/120"). ipaddr.js alone would read "010.0.0.0/8" as
 * octal and "10/8" as 10.0.0.0/8, so those are refused, as the policy validator refuses them.
 */
export function parseNetwork(value: string): Network | null {
  const text = value.trim();
  try {
    if (ipaddr.IPv4.isValidCIDRFourPartDecimal(text)) return ipaddr.IPv4.parseCIDR(text);
    if (ipaddr.IPv6.isValidCIDR(text)) return ipaddr.IPv6.parseCIDR(text);
  } catch {
    // not a CIDR
  }
  return null;
}

/** The usable networks of a list, and the entries that are not CIDRs (never matched). */
export function parseNetworks(cidrs: readonly string[]): { networks: Network[]; invalid: string[] } {
  const networks: Network[] = [];
  const invalid: string[] = [];
  for (const cidr of cidrs) {
    const network = typeof cidr === 'string' ? parseNetwork(cidr) : null;
    if (network) networks.push(network);
    else invalid.push(String(cidr));
  }
  return { networks, invalid };
}

/**
 * Is the address inside the network? An IPv4 address also matches an IPv4-mapped IPv6 network
 * ("::ffff:203.0.113.0/120"), but not a wider IPv6 one such as "::/0": that one means "any IPv6".
 */
export function inNetwork(address: Address, [network, prefix]: Network): boolean {
  if (address.kind() === network.kind()) return address.match(network as never, prefix);
  if (address.kind() === 'ipv4' && network.kind() === 'ipv6' && prefix >= 96 && (network as ipaddr.IPv6).isIPv4MappedAddress()) {
    return (address as ipaddr.IPv4).toIPv4MappedAddress().match(network as ipaddr.IPv6, prefix);
  }
  return false;
}

/** Is `address` inside any of `cidrs`? IPv4-mapped IPv6 addresses count as IPv4. Bad entries never match. */
export function addressInNetworks(address: string, cidrs: readonly string[]): boolean {
  const parsed = parseAddress(address);
  if (!parsed) return false;
  return parseNetworks(cidrs).networks.some((network) => inNetwork(parsed, network));
}

export function isIpAddress(value: string): boolean {
  return parseAddress(value) !== null;
}
