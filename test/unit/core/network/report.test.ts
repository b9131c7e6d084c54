import { describe, expect, it } from 'vitest';
import { callConnectionStats, judgeTrust, networkReport } from '../../../../core/network/report';
import { DEFAULT_POLICY } from '../../../../core/policy/defaults';
import type { Policy } from '../../../../core/policy/types';
import type { ConnectionFact, ConnectionStats } from '../../../../core/types';

const policy = (over: Partial<Policy> = {}): Policy => ({ ...DEFAULT_POLICY, ...over });
const connection = (stats: ConnectionStats | undefined, live = true, id = 'pc1'): ConnectionFact => ({
  id,
  state: 'connected',
  senders: [{ kind: 'audio', live, transformed: false }],
  receivers: [],
  ...(stats ? { stats } : {}),
});
const TRUSTED = ['203.0.113.0/24', '2001:db8::/32'];

describe('judgeTrust: the public address against policy trustedNetworks', () => {
  it.each<[string, ConnectionStats | null, Partial<Policy>, boolean | null, RegExp]>([
    ['IPv4 srflx inside', { localCandidateType: 'srflx', publicAddress: '203.0.113.7' }, { trustedNetworks: TRUSTED }, true, /203\.0\.113\.7 is inside the trusted networks$/],
    ['IPv4 outside, the networks named', { publicAddress: '198.51.100.7' }, { trustedNetworks: TRUSTED }, false, /198\.51\.100\.7 is outside the trusted networks \(203\.0\.113\.0\/24, 2001:db8::\/32\)$/],
    ['IPv6 inside', { publicAddress: '2001:db8:5::1' }, { trustedNetworks: TRUSTED }, true, /inside/],
    ['IPv6 outside', { publicAddress: '2001:db9::1' }, { trustedNetworks: TRUSTED }, false, /outside/],
    ['IPv6 against IPv4 networks only: outside', { publicAddress: '2001:db8::1' }, { trustedNetworks: ['203.0.113.0/24'] }, false, /outside/],
    ['IPv4-mapped IPv6 address inside an IPv4 network', { publicAddress: '::ffff:203.0.113.9' }, { trustedNetworks: ['203.0.113.0/24'] }, true, /::ffff:203\.0\.113\.9 is inside/],
    ['IPv4 address inside an IPv4-mapped network', { publicAddress: '203.0.113.9' }, { trustedNetworks: ['::ffff:203.0.113.0/120'] }, true, /inside/],
    ['relay candidate (address from relatedAddress) inside', { localCandidateType: 'relay', relayProtocol: 'udp', publicAddress: '203.0.113.7' }, { trustedNetworks: TRUSTED }, true, /inside/],
    ['bad entries are named and ignored, good ones still count', { publicAddress: '203.0.113.7' }, { trustedNetworks: ['10/8', 'nope', '203.0.113.0/24'] }, true, /inside the trusted networks \(ignored, not CIDRs: 10\/8, nope\)/],
    ['bad entries do not make an outside address inside', { publicAddress: '198.51.100.7' }, { trustedNetworks: ['0.0.0.0/x', '203.0.113.0/24'] }, false, /outside .*ignored, not CIDRs: 0\.0\.0\.0\/x/],
    ['only bad entries: not decided (fails towards unknown, not towards a warning on every call)', { publicAddress: '198.51.100.7' }, { trustedNetworks: ['not-a-cidr', '203.0.113.0/99'] }, null, /no usable trusted networks in the policy \(ignored, not CIDRs: not-a-cidr, 203\.0\.113\.0\/99\)/],
    ['no trusted networks: not decided', { publicAddress: '198.51.100.7' }, {}, null, /no trusted networks are set by policy/],
    ['no statistics yet', null, { trustedNetworks: TRUSTED }, null, /no connection statistics yet/],
    ['host candidates only', { localCandidateType: 'host', networkType: 'wifi' }, { trustedNetworks: TRUSTED }, null, /only local \(host\) candidates/],
    ['relay-only: the browser hides the related address', { localCandidateType: 'relay', relayProtocol: 'udp' }, { trustedNetworks: TRUSTED }, null, /relayed through a TURN server and the browser does not show the address/],
    ['a public "address" that is no IP address', { publicAddress: 'x.local' }, { trustedNetworks: TRUSTED }, null, /"x\.local" is not an IP address/],
    ['VPN with trustVpn: trusted whatever the address', { publicAddress: '198.51.100.7', networkType: 'vpn' }, { trustedNetworks: TRUSTED, trustVpn: true }, true, /VPN, which the policy trusts/],
    ['VPN with trustVpn and no networks set: trusted', { networkType: 'vpn' }, { trustVpn: true }, true, /VPN/],
    ['VPN without trustVpn: judged by address', { publicAddress: '198.51.100.7', networkType: 'vpn' }, { trustedNetworks: TRUSTED }, false, /outside/],
    ['trustVpn on Wi-Fi: judged by address', { publicAddress: '198.51.100.7', networkType: 'wifi' }, { trustedNetworks: TRUSTED, trustVpn: true }, false, /outside/],
  ])('%s', (_name, stats, over, trusted, reason) => {
    const judged = judgeTrust(stats?.publicAddress ?? null, stats, policy(over));
    expect(judged.trusted).toBe(trusted);
    expect(judged.reason).toMatch(reason);
  });
});

describe('networkReport', () => {
  it('reports the call connection: address, type, relay, DTLS, time zone', () => {
    const report = networkReport(
      [
        connection({ publicAddress: '192.0.2.99', networkType: 'ethernet' }, false, 'idle'),
        connection({
          localCandidateType: 'srflx',
          publicAddress: '198.51.100.7',
          networkType: 'wifi',
          relayProtocol: 'tcp',
          dtlsState: 'connected',
          dtlsCipher: 'TLS_AES_128_GCM_SHA256',
          srtpCipher: 'AES_CM_128_HMAC_SHA1_80',
        }),
      ],
      policy({ trustedNetworks: TRUSTED }),
      {},
      'Asia/Singapore',
    );
    expect(report).toEqual({
      publicAddress: '198.51.100.7',
      trusted: false,
      reason: expect.stringMatching(/outside/),
      networkType: 'wifi',
      relayProtocol: 'tcp',
      localCandidateType: 'srflx',
      dtlsState: 'connected',
      dtlsCipher: 'TLS_AES_128_GCM_SHA256',
      srtpCipher: 'AES_CM_128_HMAC_SHA1_80',
      timeZone: 'Asia/Singapore',
      tls: 'not-checked',
      tlsRoot: null,
      captivePortal: null,
    });
  });

  it('picks the connection with live media, else the first with stats', () => {
    const idle = connection({ publicAddress: '192.0.2.1' }, false, 'a');
    const live = connection({ publicAddress: '192.0.2.2' }, true, 'b');
    expect(callConnectionStats([idle, live])?.publicAddress).toBe('192.0.2.2');
    expect(callConnectionStats([connection(undefined), idle])?.publicAddress).toBe('192.0.2.1');
    expect(callConnectionStats([])).toBeNull();
  });

  it('Chromium (no browser facts): TLS not checked, captive portal null', () => {
    const report = networkReport([], policy(), {}, null);
    expect(report.tls).toBe('not-checked');
    expect(report.tlsRoot).toBeNull();
    expect(report.captivePortal).toBeNull();
  });

  it('Firefox: the checked root, and whether the policy lists it (any case, colons)', () => {
    const fingerprint = 'ab'.repeat(32);
    const browser = {
      tls: { checked: true, host: 'meet.google.com', rootFingerprint: fingerprint, rootIsBuiltIn: false, rootSubject: 'CN=Corp Inspection CA' },
      captivePortal: 'not_captive' as const,
    };
    const colons = fingerprint.toUpperCase().match(/../g)!.join(':');
    expect(networkReport([], policy(), browser, null)).toMatchObject({
      tls: 'checked',
      tlsRoot: { host: 'meet.google.com', subject: 'CN=Corp Inspection CA', sha256: fingerprint, builtIn: false, trustedByPolicy: false },
      captivePortal: 'not_captive',
    });
    expect(networkReport([], policy({ trustedInterceptionRoots: [colons] }), browser, null).tlsRoot?.trustedByPolicy).toBe(true);
  });

  it('Firefox, a certificate exception: not checked, and said', () => {
    const report = networkReport([], policy(), { tls: { checked: false, host: 'meet.jit.si', untrusted: true }, captivePortal: 'not_captive' }, null);
    expect(report).toMatchObject({ tls: 'not-checked', tlsRoot: null, tlsUntrusted: true });
  });

  it('Firefox, a page whose chain could not be read: not checked, captive state still shown', () => {
    const report = networkReport([], policy(), { tls: { checked: false, host: 'meet.google.com' }, captivePortal: 'unsupported' }, null);
    expect(report.tls).toBe('not-checked');
    expect(report.tlsRoot).toBeNull();
    expect(report.captivePortal).toBe('unsupported');
  });
});
