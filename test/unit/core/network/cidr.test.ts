import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressInNetworks, isIpAddress, parseAddress, parseNetwork, parseNetworks } from '../../../../core/network/cidr';

describe('parseAddress', () => {
  it.each([
    ['203.0.113.7', 'ipv4', '203.0.113.7'],
    [' 203.0.113.7 ', 'ipv4', '203.0.113.7'],
    ['2001:db8::1', 'ipv6', '2001:db8::1'],
    ['2001:DB8:0:0:0:0:0:1', 'ipv6', '2001:db8::1'],
    ['fe80::1%eth0', 'ipv6', 'fe80::1%eth0'],
    ['::ffff:203.0.113.7', 'ipv4', '203.0.113.7'],
    ['::ffff:cb00:7107', 'ipv4', '203.0.113.7'],
    ['::1', 'ipv6', '::1'],
  ])('%s is %s (%s)', (text, kind, canonical) => {
    const parsed = parseAddress(text);
    expect(parsed?.kind()).toBe(kind);
    expect(parsed?.toString()).toBe(canonical);
  });

  it.each(['', 'abc.local', '3c7b1e8f-1d2a-4b7e-9c55-2f8a1e0b9d11.local', '10.1', '010.0.0.1', '0xcb.0.113.7', '203.0.113.256', '203.0.113.7/32', '[2001:db8::1]', '2001:db8::g', 'localhost'])(
    '%j is not an address',
    (text) => {
      expect(parseAddress(text)).toBeNull();
      expect(isIpAddress(text)).toBe(false);
    },
  );
});

describe('parseNetwork', () => {
  it.each([
    ['203.0.113.0/24', '203.0.113.0', 24],
    ['203.0.113.7/24', '203.0.113.7', 24],
    ['0.0.0.0/0', '0.0.0.0', 0],
    ['198.51.100.7/32', '198.51.100.7', 32],
    ['2001:db8::/32', '2001:db8::', 32],
    ['::/0', '::', 0],
    ['::ffff:203.0.113.0/120', '::ffff:cb00:7100', 120],
    [' 10.0.0.0/8 ', '10.0.0.0', 8],
  ])('%s', (text, network, prefix) => {
    const parsed = parseNetwork(text)!;
    expect(parsed[0].toString()).toBe(network);
    expect(parsed[1]).toBe(prefix);
  });

  it.each(['203.0.113.7', '203.0.113.0/33', '203.0.113.0/-1', '2001:db8::/129', '10/8', '010.0.0.0/8', '0xa.0.0.0/8', 'not-a-cidr', '', '/24', '203.0.113.0/24/8', 'fd00::/x'])(
    '%j is refused',
    (text) => expect(parseNetwork(text)).toBeNull(),
  );

  it('keeps the usable entries of a list and names the rest', () => {
    const { networks, invalid } = parseNetworks(['203.0.113.0/24', 'nope', '2001:db8::/32', '10/8', 42 as unknown as string]);
    expect(networks.map(([n, p]) => `${n.toString()}/${p}`)).toEqual(['203.0.113.0/24', '2001:db8::/32']);
    expect(invalid).toEqual(['nope', '10/8', '42']);
  });
});

describe('addressInNetworks', () => {
  it.each([
    // IPv4
    ['203.0.113.7', ['203.0.113.0/24'], true],
    ['203.0.113.255', ['203.0.113.0/24'], true],
    ['203.0.114.0', ['203.0.113.0/24'], false],
    ['203.0.112.255', ['203.0.113.0/24'], false],
    ['203.0.113.200', ['203.0.113.7/24'], true],
    ['203.0.113.7', ['203.0.113.7/32'], true],
    ['203.0.113.8', ['203.0.113.7/32'], false],
    ['203.0.113.7', ['203.0.113.6/31'], true],
    ['203.0.113.8', ['203.0.113.6/31'], false],
    ['198.51.100.1', ['0.0.0.0/0'], true],
    ['10.1.2.3', ['203.0.113.0/24', '10.0.0.0/8'], true],
    ['198.51.100.7', [], false],
    // IPv6
    ['2001:db8:1::5', ['2001:db8::/32'], true],
    ['2001:db9::5', ['2001:db8::/32'], false],
    ['2001:db8:0:1::1', ['2001:db8::/64'], false],
    ['2001:db8::ffff:ffff:ffff:ffff', ['2001:db8::/64'], true],
    ['2001:db8::1', ['2001:db8::1/128'], true],
    ['2001:db8::2', ['2001:db8::1/128'], false],
    ['fe80::1%eth0', ['fe80::/10'], true],
    ['2001:db8::1', ['::/0'], true],
    // IPv4-mapped IPv6, either side
    ['::ffff:203.0.113.7', ['203.0.113.0/24'], true],
    ['::ffff:198.51.100.7', ['203.0.113.0/24'], false],
    ['203.0.113.7', ['::ffff:203.0.113.0/120'], true],
    ['203.0.114.7', ['::ffff:203.0.113.0/120'], false],
    ['203.0.113.7', ['::ffff:0:0/96'], true],
    // families do not mix otherwise
    ['203.0.113.7', ['2001:db8::/32'], false],
    ['203.0.113.7', ['::/0'], false],
    ['2001:db8::1', ['0.0.0.0/0'], false],
    // bad entries never match, good ones beside them still do
    ['203.0.113.7', ['not-a-cidr', '203.0.113.0/99', '203.0.113.7'], false],
    ['203.0.113.7', ['not-a-cidr', '203.0.113.0/24'], true],
    ['203.0.113.7', ['10/8', '203/8'], false],
    // bad addresses are never inside
    ['abc.local', ['0.0.0.0/0', '::/0'], false],
    ['', ['0.0.0.0/0'], false],
  ])('%s in %j: %s', (address, cidrs, inside) => {
    expect(addressInNetworks(address, cidrs)).toBe(inside);
  });

  const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((parts) => parts.join('.'));
  const toInt = (a: string) => a.split('.').reduce((n, part) => n * 256 + Number(part), 0);
  const fromInt = (n: number) => [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');

  it('every IPv4 address is inside any network written from it, and in its IPv4-mapped form', () => {
    fc.assert(
      fc.property(ipv4, fc.integer({ min: 0, max: 32 }), (address, prefix) => {
        expect(addressInNetworks(address, [`${address}/${prefix}`])).toBe(true);
        expect(addressInNetworks(`::ffff:${address}`, [`${address}/${prefix}`])).toBe(true);
        expect(addressInNetworks(address, [`::ffff:${address}/${96 + prefix}`])).toBe(true);
      }),
    );
  });

  it('flipping a bit inside the prefix leaves the network; outside it does not', () => {
    fc.assert(
      fc.property(ipv4, fc.integer({ min: 1, max: 32 }), fc.integer({ min: 0, max: 31 }), (address, prefix, bit) => {
        const flipped = fromInt((toInt(address) ^ (2 ** (31 - bit))) >>> 0);
        expect(addressInNetworks(flipped, [`${address}/${prefix}`])).toBe(bit >= prefix);
      }),
    );
  });
});
