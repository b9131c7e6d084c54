import { describe, it, expect } from 'vitest';
import { CHECKS } from '../../../../core/checks';
import type { CheckContext } from '../../../../core/checks/context';
import type { EncryptionVerdict } from '../../../../core/encryption';
import { networkReport } from '../../../../core/network/report';
import { emptyRead } from '../../../../core/platforms/read';
import { DEFAULT_POLICY } from '../../../../core/policy/defaults';
import type { Policy } from '../../../../core/policy/types';
import { FINDING_IDS, type BrowserNetworkFacts, type ConnectionFact, type ConnectionStats, type FindingId, type PageRead } from '../../../../core/types';

const UNKNOWN: EncryptionVerdict = { state: 'unknown', source: 'ui', evidence: ['nothing shown'], pageClaimsOn: false };

/** A minimal context; the network report is computed from the connections, as assess() does. */
function context(over: Partial<Omit<CheckContext, 'policy'>> & { policy?: Partial<Policy>; timeZone?: string | null } = {}): CheckContext {
  const { policy: policyOver, timeZone = null, ...rest } = over;
  const policy = { ...DEFAULT_POLICY, ...policyOver };
  const connections = rest.connections ?? [];
  const browserNetwork = rest.browserNetwork ?? {};
  return {
    platform: 'jitsi',
    inCall: true,
    pages: [],
    participants: [],
    encryption: UNKNOWN,
    connections,
    network: networkReport(connections, policy, browserNetwork, timeZone),
    browserNetwork,
    policy,
    ...rest,
  };
}
const withStats = (stats: ConnectionStats): ConnectionFact[] => [
  { id: 'pc1', state: 'connected', senders: [{ kind: 'audio', live: true, transformed: false }], receivers: [], stats },
];
const run = (id: FindingId, ctx: CheckContext) => CHECKS[id](ctx);

it('every finding id has a check, and nothing else does', () => {
  expect(Object.keys(CHECKS).sort()).toEqual([...FINDING_IDS].sort());
  for (const id of FINDING_IDS) expect(typeof CHECKS[id]).toBe('function');
});

it('every check stays silent on an empty context, except e2ee-unverified in a call', () => {
  for (const id of FINDING_IDS) {
    expect(run(id, context({ inCall: false })), id).toBeNull();
  }
  expect(run('e2ee-unverified', context())?.id).toBe('e2ee-unverified');
});

it('every finding a check makes carries its own id and some evidence', () => {
  const page: PageRead = {
    ...emptyRead('jitsi'),
    recording: { evidence: ['REC'] },
    transcription: { evidence: ['TR'] },
    meetingOpen: { evidence: ['open'] },
  };
  const ctx = context({
    pages: [page],
    participants: [
      { kind: 'phone', name: '+49 30 1234567', evidence: 'phone' },
      { kind: 'bot', name: 'Otter.ai', evidence: 'bot' },
      { kind: 'external', name: '', evidence: 'External label' },
    ],
    connections: withStats({ publicAddress: '198.51.100.1', dtlsState: 'failed' }),
    browserNetwork: { tls: { checked: true, rootIsBuiltIn: false }, captivePortal: 'locked_portal' },
    policy: { trustedNetworks: ['203.0.113.0/24'], homeTimeZones: ['Europe/Berlin'], blockedPlatforms: ['jitsi'] },
    timeZone: 'Asia/Singapore',
  });
  for (const id of FINDING_IDS) {
    const ctxFor = id === 'e2ee-off' ? { ...ctx, encryption: { ...UNKNOWN, state: 'off' as const } } : ctx;
    const finding = run(id, ctxFor);
    expect(finding, id).not.toBeNull();
    expect(finding!.id).toBe(id);
    expect(finding!.evidence.length, id).toBeGreaterThan(0);
    for (const line of finding!.evidence) expect(line, id).not.toBe('');
  }
});

describe('e2ee-off and e2ee-unverified', () => {
  it.each<[EncryptionVerdict['state'], boolean, boolean, string | null, string | null]>([
    ['off', true, false, 'warning', null],
    ['off', false, false, 'warning', null],
    ['off', true, true, 'danger', null],
    ['on', true, true, null, null],
    ['unknown', true, false, null, 'info'],
    ['unknown', true, true, null, 'warning'],
    ['unknown', false, true, null, null],
  ])('encryption %s, in call %s, requireE2EE %s → off %s, unverified %s', (state, inCall, requireE2EE, off, unverified) => {
    const ctx = context({ inCall, encryption: { state, source: 'rtc', evidence: ['e'], pageClaimsOn: false }, policy: { requireE2EE } });
    expect(run('e2ee-off', ctx)?.severity ?? null).toBe(off);
    expect(run('e2ee-unverified', ctx)?.severity ?? null).toBe(unverified);
    if (off) expect(run('e2ee-off', ctx)?.source).toBe('rtc');
  });
});

describe('acceptProviderEncryption', () => {
  const off = (pageClaimsOn: boolean): EncryptionVerdict => ({ state: 'off', source: 'platform', evidence: ['e'], pageClaimsOn });
  it.each<[string, Partial<Policy>, boolean, string]>([
    ['accepted on this platform', { acceptProviderEncryption: ['jitsi'] }, false, 'info'],
    ['accepted on another platform only', { acceptProviderEncryption: ['zoom'] }, false, 'warning'],
    ['accepted, but this call requires E2EE', { acceptProviderEncryption: ['jitsi'], requireE2EE: true }, false, 'danger'],
    ['accepted, but the page shows E2EE that is not there', { acceptProviderEncryption: ['jitsi'] }, true, 'warning'],
  ])('%s: e2ee-off is %s', (_name, policy, pageClaimsOn, severity) => {
    expect(run('e2ee-off', context({ encryption: off(pageClaimsOn), policy }))?.severity).toBe(severity);
  });
});

describe('participant checks', () => {
  it.each<[FindingId, 'phone' | 'bot' | 'external', string]>([
    ['dial-in-participant', 'phone', 'warning'],
    ['ai-notetaker', 'bot', 'warning'],
    ['external-participant', 'external', 'info'],
  ])('%s fires on a %s participant at %s, and only on that kind', (id, kind, severity) => {
    const finding = run(id, context({ participants: [{ kind, name: 'N', evidence: 'why' }] }));
    expect(finding).toEqual({ id, severity, source: 'ui', evidence: ['N: why'] });
    const others = (['phone', 'bot', 'external'] as const).filter((k) => k !== kind);
    expect(run(id, context({ participants: others.map((k) => ({ kind: k, name: 'N', evidence: 'why' })) }))).toBeNull();
  });

  it('names each participant, and just the evidence when there is no name', () => {
    const finding = run(
      'external-participant',
      context({
        participants: [
          { kind: 'external', name: '', evidence: 'Meet shows "External"' },
          { kind: 'external', name: 'Dana (Guest)', evidence: 'guest label' },
        ],
      }),
    );
    expect(finding?.evidence).toEqual(['Meet shows "External"', 'Dana (Guest): guest label']);
  });
});

describe('page flag checks', () => {
  it.each<[FindingId, 'recording' | 'transcription' | 'meetingOpen', string]>([
    ['recording', 'recording', 'warning'],
    ['transcription', 'transcription', 'warning'],
    ['meeting-open', 'meetingOpen', 'info'],
  ])('%s fires when any frame shows it', (id, key, severity) => {
    const none = emptyRead('jitsi');
    const shown = { ...emptyRead('jitsi'), [key]: { evidence: ['seen here'] } };
    expect(run(id, context({ pages: [none] }))).toBeNull();
    expect(run(id, context({ pages: [none, shown, shown] }))).toEqual({ id, severity, source: 'ui', evidence: ['seen here', 'seen here'] });
  });
});

describe('untrusted-network', () => {
  it.each<[string, ConnectionStats, Partial<Policy>, boolean | null, RegExp]>([
    ['IPv4 inside', { publicAddress: '203.0.113.7' }, { trustedNetworks: ['203.0.113.0/24'] }, true, /inside the trusted networks/],
    ['IPv4 outside', { publicAddress: '198.51.100.7' }, { trustedNetworks: ['203.0.113.0/24'] }, false, /198\.51\.100\.7 is outside/],
    ['IPv4 inside the second network', { publicAddress: '10.1.2.3' }, { trustedNetworks: ['203.0.113.0/24', '10.0.0.0/8'] }, true, /inside/],
    ['IPv6 inside', { publicAddress: '2001:db8:1::5' }, { trustedNetworks: ['2001:db8::/32'] }, true, /inside/],
    ['IPv6 outside', { publicAddress: '2001:db9::5' }, { trustedNetworks: ['2001:db8::/32'] }, false, /outside/],
    ['IPv4-mapped IPv6 inside an IPv4 network', { publicAddress: '::ffff:203.0.113.7' }, { trustedNetworks: ['203.0.113.0/24'] }, true, /inside/],
    ['IPv4-mapped IPv6 outside an IPv4 network', { publicAddress: '::ffff:198.51.100.7' }, { trustedNetworks: ['203.0.113.0/24'] }, false, /outside/],
    ['IPv4 inside an IPv4-mapped IPv6 network', { publicAddress: '203.0.113.7' }, { trustedNetworks: ['::ffff:203.0.113.0/120'] }, true, /inside/],
    ['IPv4 against IPv6 networks only', { publicAddress: '203.0.113.7' }, { trustedNetworks: ['2001:db8::/32'] }, false, /outside/],
    ['bad CIDR entries never match; with no usable one, not decided', { publicAddress: '203.0.113.7' }, { trustedNetworks: ['not-a-cidr', '203.0.113.0/99'] }, null, /no usable trusted networks/],
    ['VPN trusted by policy', { publicAddress: '198.51.100.7', networkType: 'vpn' }, { trustedNetworks: ['203.0.113.0/24'], trustVpn: true }, true, /VPN/],
    ['VPN not trusted without trustVpn', { publicAddress: '198.51.100.7', networkType: 'vpn' }, { trustedNetworks: ['203.0.113.0/24'] }, false, /outside/],
    ['no public address: host candidates only', { localCandidateType: 'host' }, { trustedNetworks: ['203.0.113.0/24'] }, null, /only local \(host\) candidates/],
    ['no trusted networks set', { publicAddress: '198.51.100.7' }, {}, null, /no trusted networks/],
  ])('%s', (_name, stats, policy, trusted, reason) => {
    const ctx = context({ connections: withStats(stats), policy });
    expect(ctx.network.trusted).toBe(trusted);
    expect(ctx.network.reason).toMatch(reason);
    const finding = run('untrusted-network', ctx);
    if (trusted === false) {
      expect(finding).toMatchObject({ id: 'untrusted-network', severity: 'warning', source: 'network' });
      expect(finding!.evidence[0]).toMatch(reason);
      expect(finding!.evidence.join(' ')).toMatch(/this computer's connection only/);
    } else {
      expect(finding).toBeNull();
    }
  });

  it('no statistics yet: no finding, and says why', () => {
    const ctx = context({ policy: { trustedNetworks: ['203.0.113.0/24'] } });
    expect(ctx.network).toMatchObject({ publicAddress: null, trusted: null, reason: 'no public address seen: no connection statistics yet' });
    expect(run('untrusted-network', ctx)).toBeNull();
  });

  it('names the network type when the browser gives it', () => {
    const ctx = context({ connections: withStats({ publicAddress: '198.51.100.7', networkType: 'cellular' }), policy: { trustedNetworks: ['203.0.113.0/24'] } });
    expect(run('untrusted-network', ctx)?.evidence).toContain('network type: cellular');
  });
});

describe('travel', () => {
  it.each<[string | null, string[], boolean]>([
    ['Asia/Singapore', ['Europe/Berlin'], true],
    ['Europe/Berlin', ['Europe/Berlin', 'Europe/Paris'], false],
    ['Europe/Paris', ['Europe/Berlin', 'Europe/Paris'], false],
    ['Asia/Singapore', [], false],
    [null, ['Europe/Berlin'], false],
  ])('time zone %s, home %j → %s', (timeZone, homeTimeZones, fires) => {
    const finding = run('travel', context({ timeZone, policy: { homeTimeZones } }));
    expect(finding !== null).toBe(fires);
    if (finding) {
      expect(finding).toMatchObject({ severity: 'info', source: 'network' });
      expect(finding.evidence[0]).toContain(timeZone!);
    }
  });
});

describe('tls-interception', () => {
  const HEX = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
  const COLONS_UPPER = HEX.toUpperCase().match(/../g)!.join(':');
  it.each<[string, BrowserNetworkFacts['tls'], string[], boolean]>([
    ['not checked (Chrome)', undefined, [], false],
    ['checked: false', { checked: false, rootIsBuiltIn: false }, [], false],
    ['built-in root', { checked: true, rootIsBuiltIn: true, rootFingerprint: HEX }, [], false],
    ['built-in state unknown', { checked: true, rootFingerprint: HEX }, [], false],
    ['non-built-in root', { checked: true, rootIsBuiltIn: false, rootFingerprint: COLONS_UPPER, rootSubject: 'CN=Acme Inspection CA', host: 'meet.google.com' }, [], true],
    ['non-built-in root, no fingerprint', { checked: true, rootIsBuiltIn: false }, [HEX], true],
    ['allowlisted (browser gives colons and uppercase)', { checked: true, rootIsBuiltIn: false, rootFingerprint: COLONS_UPPER }, [HEX], false],
    ['allowlisted (policy written with colons and uppercase)', { checked: true, rootIsBuiltIn: false, rootFingerprint: HEX }, [COLONS_UPPER], false],
    ['a different root is still flagged', { checked: true, rootIsBuiltIn: false, rootFingerprint: COLONS_UPPER }, ['ff'.repeat(32)], true],
    ['certificate warning bypassed (untrusted, no chain)', { checked: false, untrusted: true, certificateError: 'trust_error', host: 'meet.google.com' }, [], true],
    ['certificate warning bypassed, whatever the policy lists', { checked: false, untrusted: true }, [HEX, COLONS_UPPER], true],
  ])('%s', (_name, tls, trustedInterceptionRoots, fires) => {
    const finding = run('tls-interception', context({ browserNetwork: tls ? { tls } : {}, policy: { trustedInterceptionRoots } }));
    expect(finding !== null).toBe(fires);
    if (finding) expect(finding).toMatchObject({ id: 'tls-interception', severity: 'danger', source: 'network' });
  });

  it('cites the host, the root and its normalised fingerprint', () => {
    const finding = run(
      'tls-interception',
      context({ browserNetwork: { tls: { checked: true, rootIsBuiltIn: false, rootFingerprint: COLONS_UPPER, rootSubject: 'CN=Acme Inspection CA', host: 'meet.google.com' } } }),
    );
    expect(finding!.evidence[0]).toContain('meet.google.com');
    expect(finding!.evidence[0]).toContain('CN=Acme Inspection CA');
    expect(finding!.evidence[0]).toContain(HEX);
  });

  it('a bypassed certificate warning says so: not trusted by the browser, a warning bypassed, maybe intercepted', () => {
    const finding = run('tls-interception', context({ browserNetwork: { tls: { checked: false, untrusted: true, certificateError: 'trust_error', host: 'meet.google.com' } } }));
    expect(finding!.evidence[0]).toMatch(/^the certificate of meet\.google\.com is not trusted by the browser .*a certificate warning was bypassed/);
    expect(finding!.evidence[1]).toMatch(/someone may be intercepting the connection/);
  });
});

describe('captive-portal', () => {
  it.each<[BrowserNetworkFacts['captivePortal'], boolean]>([
    ['locked_portal', true],
    ['unlocked_portal', true],
    ['not_captive', false],
    ['unknown', false],
    ['unsupported', false],
    [undefined, false],
  ])('%s → %s', (captivePortal, fires) => {
    const finding = run('captive-portal', context({ browserNetwork: { captivePortal } }));
    expect(finding !== null).toBe(fires);
    if (finding) expect(finding).toMatchObject({ severity: 'warning', source: 'network' });
  });
});

describe('platform-not-allowed', () => {
  it.each<[CheckContext['platform'], Partial<Policy>, boolean, RegExp | null]>([
    ['google-meet', {}, false, null],
    ['google-meet', { allowedPlatforms: ['google-meet', 'jitsi'] }, false, null],
    ['zoom', { allowedPlatforms: ['google-meet', 'jitsi'] }, true, /not one of the platforms your organisation allows \(google-meet, jitsi\)/],
    ['zoom', { blockedPlatforms: ['zoom'] }, true, /zoom is blocked/],
    ['zoom', { allowedPlatforms: ['zoom'], blockedPlatforms: ['zoom'] }, true, /blocked/],
    ['jitsi', { blockedPlatforms: ['zoom'] }, false, null],
    [null, { allowedPlatforms: ['jitsi'] }, false, null],
    ['webrtc', { allowedPlatforms: ['jitsi'] }, true, /webrtc is not one of/],
  ])('%s with %j → %s', (platform, policy, fires, evidence) => {
    const finding = run('platform-not-allowed', context({ platform, policy }));
    expect(finding !== null).toBe(fires);
    if (finding) {
      expect(finding).toMatchObject({ severity: 'danger', source: 'policy' });
      expect(finding.evidence[0]).toMatch(evidence!);
    }
  });
});

describe('weak-transport', () => {
  const GOOD: ConnectionStats = { dtlsState: 'connected', dtlsCipher: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', srtpCipher: 'AES_CM_128_HMAC_SHA1_80' };
  it.each<[string, ConnectionStats | null, RegExp | null]>([
    ['no stats', null, null],
    ['no DTLS state', { srtpCipher: 'NULL' }, null],
    ['connected with expected ciphers', GOOD, null],
    ['AEAD GCM SRTP and TLS 1.3 suite', { dtlsState: 'connected', dtlsCipher: 'TLS_AES_128_GCM_SHA256', srtpCipher: 'AEAD_AES_256_GCM' }, null],
    ['DTLS failed', { ...GOOD, dtlsState: 'failed' }, /DTLS state is failed/],
    ['DTLS still connecting', { ...GOOD, dtlsState: 'connecting' }, /not connected/],
    ['unexpected SRTP cipher', { ...GOOD, srtpCipher: 'NULL_HMAC_SHA1_80' }, /unexpected SRTP cipher NULL_HMAC_SHA1_80/],
    ['unexpected DTLS cipher', { ...GOOD, dtlsCipher: 'TLS_RSA_WITH_AES_128_CBC_SHA' }, /unexpected DTLS cipher/],
  ])('%s', (_name, stats, evidence) => {
    const finding = run('weak-transport', context({ connections: stats ? withStats(stats) : [] }));
    if (!evidence) expect(finding).toBeNull();
    else {
      expect(finding).toMatchObject({ id: 'weak-transport', severity: 'danger', source: 'rtc' });
      expect(finding!.evidence.join(' ')).toMatch(evidence);
    }
  });
});
