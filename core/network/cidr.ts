import ipaddr from 'ipaddr.js';

/** Is `address` inside any of `cidrs`? IPv4-mapped IPv6 addresses count as IPv4. Bad entries never match. */
export function addressInNetworks(address: string, cidrs: readonly string[]): boolean {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.process(address);
  } catch {
    return false;
  }
  return cidrs.some((cidr) => {
    try {
      const [network, prefix] = ipaddr.parseCIDR(cidr);
      const candidate =
        network.kind() === 'ipv6' && parsed.kind() === 'ipv4' ? (parsed as ipaddr.IPv4).toIPv4MappedAddress() : parsed;
      return candidate.kind() === network.kind() && candidate.match([network, prefix] as never);
    } catch {
      return false;
    }
  });
}

export function isIpAddress(value: string): boolean {
  return ipaddr.isValid(value);
}
