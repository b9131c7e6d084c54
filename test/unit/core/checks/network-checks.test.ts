// The four network checks (untrusted-network, travel, tls-interception, captive-portal), each
// on its own and through assess(), which builds the network report they read.
import { describe, expect, it } from 'vitest';
import { assess } from '../../../../core/assess';
import { CHECKS } from '../../../../core/checks';
import { canonicalZone } from '../../../../core/checks/travel';
import { emptyRead } from '../../../../core/platforms/read';
import { DEFAULT_POLICY } from '../../../../core/policy/defaults';
import type { Policy } from '../../../../core/policy/types';
import type { BrowserNetworkFacts, ConnectionStats, FindingId, FrameSignals, Report } from '../../../../core/types';

const URL = 'https://meet.jit.si/ProjectKestrel';
const ROOT = 'c0ffee'.repeat(10) + 'c0ff';

function frame(stats?: ConnectionStats): FrameSignals {
  return {
    url: URL,
    page: { ...emptyRead('jitsi'), phase: 'in-call', phaseEvidence: ['test'], e2ee: { state: 'on', source: 'ui', evidence: ['E2EE label'] } },
    // Encoded live media: with the page's word, end-to-end encryption is confirmed.
    rtc: { connections: [{ id: 'pc1', state: 'connected', senders: [{ kind: 'audio', live: true, transformed: true }], receivers: [], ...(stats ? { stats } : {}) }] },
  };
}
function run(over: { stats?: ConnectionStats; policy?: Partial<Policy>; browser?: BrowserNetworkFacts; timeZone?: string | null } = {}): Report {
  return assess({
    url: URL,
    platform: 'jitsi',
    frames: [frame(over.stats)],
    policy: { ...DEFAULT_POLICY, ...over.policy },
    browserNetwork: over.browser,
    timeZone: over.timeZone ?? null,
    now: new Date('2026-05-12T10:30:00Z'),
  });
}
const find = (report: Report, id: FindingId) => report.findings.find((f) => f.id === id);

describe('untrusted-network', () => {
  it('outside the trusted networks: a warning with the address, network type, relay and reach', () => {
    const report = run({
      stats: { localCandidateType: 'relay', publicAddress: '198.51.100.7', networkType: 'wifi', relayProtocol: 'tls' },
      policy: { trustedNetworks: ['203.0.113.0/24'] },
    });
    expect(report.network).toMatchObject({ publicAddress: '198.51.100.7', trusted: false, networkType: 'wifi', relayProtocol: 'tls' });
    expect(find(report, 'untrusted-network')).toMatchObject({
      id: 'untrusted-network',
      severity: 'warning',
      source: 'network',
      evidence: [
        'public address 198.51.100.7 is outside the trusted networks (203.0.113.0/24)',
        'network type: wifi',
        'relayed over TLS (UDP may be blocked on this network)',
        "this is about this computer's connection only, not the other participants'",
      ],
    });
    expect(report.level).toBe('warning');
  });

  it('inside: recorded as trusted, no finding, the call can be ok', () => {
    const report = run({ stats: { localCandidateType: 'srflx', publicAddress: '203.0.113.7' }, policy: { trustedNetworks: ['203.0.113.0/24'] } });
    expect(report.network.trusted).toBe(true);
    expect(report.network.reason).toMatch(/inside/);
    expect(find(report, 'untrusted-network')).toBeUndefined();
    expect(report.level).toBe('ok');
  });

  it.each<[string, ConnectionStats | undefined, Partial<Policy>]>([
    ['no address (host candidates only)', { localCandidateType: 'host' }, { trustedNetworks: ['203.0.113.0/24'] }],
    ['no statistics', undefined, { trustedNetworks: ['203.0.113.0/24'] }],
    ['no policy', { publicAddress: '198.51.100.7' }, {}],
    ['VPN trusted by policy', { publicAddress: '198.51.100.7', networkType: 'vpn' }, { trustedNetworks: ['203.0.113.0/24'], trustVpn: true }],
  ])('%s: no finding, and the report says why', (_name, stats, policy) => {
    const report = run({ stats, policy });
    expect(find(report, 'untrusted-network')).toBeUndefined();
    expect(report.network.reason.length).toBeGreaterThan(10);
  });

  it('an organisation can make it danger', () => {
    const report = run({
      stats: { publicAddress: '198.51.100.7' },
      policy: { trustedNetworks: ['203.0.113.0/24'], severity: { 'untrusted-network': 'danger' } },
    });
    expect(find(report, 'untrusted-network')?.severity).toBe('danger');
    expect(report.level).toBe('danger');
  });
});

describe('travel', () => {
  it('outside the home time zones: info, with the zone', () => {
    const report = run({ timeZone: 'Asia/Singapore', policy: { homeTimeZones: ['Europe/Berlin', 'Europe/Paris'] } });
    expect(find(report, 'travel')).toMatchObject({ severity: 'info', source: 'network' });
    expect(find(report, 'travel')!.evidence[0]).toBe('device time zone Asia/Singapore is not one of the home time zones (Europe/Berlin, Europe/Paris)');
    expect(report.network.timeZone).toBe('Asia/Singapore');
    expect(report.level).toBe('ok');
  });

  it.each([
    ['at home', 'Europe/Berlin', ['Europe/Berlin']],
    ['an alias of a home zone (Kolkata/Calcutta)', 'Asia/Calcutta', ['Asia/Kolkata']],
    ['the other way round', 'Asia/Kolkata', ['Asia/Calcutta']],
    ['UTC spelled Etc/UTC', 'Etc/UTC', ['UTC']],
    ['Kyiv/Kiev', 'Europe/Kiev', ['Europe/Kyiv']],
  ])('%s: no finding', (_name, zone, home) => {
    expect(find(run({ timeZone: zone, policy: { homeTimeZones: home } }), 'travel')).toBeUndefined();
  });

  it('no home zones or no device zone: not checked', () => {
    expect(find(run({ timeZone: 'Asia/Singapore' }), 'travel')).toBeUndefined();
    expect(find(run({ timeZone: null, policy: { homeTimeZones: ['Europe/Berlin'] } }), 'travel')).toBeUndefined();
  });

  it('canonicalZone leaves unknown names alone', () => {
    expect(canonicalZone('Mars/Olympus_Mons')).toBe('Mars/Olympus_Mons');
    expect(canonicalZone('Asia/Kolkata')).toBe(canonicalZone('Asia/Calcutta'));
  });
});

describe('tls-interception (Firefox)', () => {
  const tls = (over: Partial<NonNullable<BrowserNetworkFacts['tls']>>): BrowserNetworkFacts => ({
    tls: { checked: true, host: 'meet.jit.si', rootFingerprint: ROOT, rootIsBuiltIn: false, rootSubject: 'CN=Corp Inspection CA', ...over },
  });

  it('a root that is not built in: danger, with subject and fingerprint', () => {
    const report = run({ browser: tls({}) });
    const found = find(report, 'tls-interception')!;
    expect(found).toMatchObject({ severity: 'danger', source: 'network' });
    expect(found.evidence[0]).toBe(`the certificate of meet.jit.si chains to a root that is not built into the browser: CN=Corp Inspection CA (SHA-256 ${ROOT})`);
    expect(report.level).toBe('danger');
    expect(report.network.tls).toBe('checked');
  });

  it.each([
    ['the same fingerprint', ROOT],
    ['upper case with colons, as certificate viewers show it', ROOT.toUpperCase().match(/../g)!.join(':')],
  ])('the organisation lists the root (%s): no finding', (_name, listed) => {
    const report = run({ browser: tls({}), policy: { trustedInterceptionRoots: [listed] } });
    expect(find(report, 'tls-interception')).toBeUndefined();
    expect(report.network.tlsRoot).toMatchObject({ builtIn: false, trustedByPolicy: true });
  });

  it('another root listed: still danger', () => {
    expect(find(run({ browser: tls({}), policy: { trustedInterceptionRoots: ['ab'.repeat(32)] } }), 'tls-interception')).toBeDefined();
  });

  it.each<[string, BrowserNetworkFacts]>([
    ['a built-in root', tls({ rootIsBuiltIn: true })],
    ['built-in not said', tls({ rootIsBuiltIn: undefined })],
    ['not checked (plain HTTP, or no chain)', { tls: { checked: false, host: 'meet.jit.si' } }],
    ['Chromium: no TLS facts at all', {}],
  ])('%s: no finding', (_name, browser) => {
    expect(find(run({ browser }), 'tls-interception')).toBeUndefined();
  });

  describe('a certificate warning bypassed (Firefox: isUntrusted, no verified chain)', () => {
    const exception: BrowserNetworkFacts = { tls: { checked: false, host: 'meet.jit.si', untrusted: true, certificateError: 'trust_error' } };

    it('danger: not trusted by the browser, a warning bypassed, someone may be intercepting', () => {
      const report = run({ browser: exception });
      const found = find(report, 'tls-interception')!;
      expect(found).toMatchObject({ severity: 'danger', source: 'network' });
      expect(found.evidence[0]).toBe(
        'the certificate of meet.jit.si is not trusted by the browser (issued by an authority it does not trust), and a certificate warning was bypassed: the page was loaded anyway, through a certificate exception',
      );
      expect(found.evidence[1]).toMatch(/^someone may be intercepting the connection/);
      expect(found.evidence).toContain("read from the browser's own TLS connection to the site (Firefox webRequest security info)");
      expect(report.level).toBe('danger');
      expect(report.network).toMatchObject({ tls: 'not-checked', tlsRoot: null, tlsUntrusted: true });
    });

    it('policy trustedInterceptionRoots cannot cover it (there is no root to match)', () => {
      const report = run({ browser: exception, policy: { trustedInterceptionRoots: [ROOT] } });
      expect(find(report, 'tls-interception')?.evidence[2]).toBe('the browser verified no certificate chain, so there is no root that trustedInterceptionRoots could allow');
    });

    it.each([
      ['domain_mismatch', /\(not valid for this site's name\)/],
      ['expired_or_not_yet_valid', /\(expired or not valid yet\)/],
    ] as const)('%s: says which error was overridden', (certificateError, why) => {
      const report = run({ browser: { tls: { checked: false, host: 'meet.jit.si', untrusted: true, certificateError } } });
      expect(find(report, 'tls-interception')!.evidence[0]).toMatch(why);
    });

    it('no category known: still danger, no reason made up', () => {
      const found = find(run({ browser: { tls: { checked: false, untrusted: true } } }), 'tls-interception')!;
      expect(found.severity).toBe('danger');
      expect(found.evidence[0]).toMatch(/^the certificate of the conference site is not trusted by the browser, and a certificate warning was bypassed/);
    });

    it('policy severity can still lower it (an organisation that accepts self-signed test servers)', () => {
      const report = run({ browser: exception, policy: { severity: { 'tls-interception': 'info' } } });
      expect(find(report, 'tls-interception')?.severity).toBe('info');
    });
  });

  it('a root without a fingerprint cannot be allowed by policy', () => {
    expect(find(run({ browser: tls({ rootFingerprint: undefined }), policy: { trustedInterceptionRoots: [ROOT] } }), 'tls-interception')?.evidence[0]).toMatch(
      /SHA-256 unknown/,
    );
  });
});

describe('captive-portal (Firefox)', () => {
  it.each([
    ['locked_portal', /not logged in yet/],
    ['unlocked_portal', /was logged in to/],
  ] as const)('%s: warning', (state, evidence) => {
    const report = run({ browser: { captivePortal: state } });
    expect(find(report, 'captive-portal')).toMatchObject({ severity: 'warning', source: 'network' });
    expect(find(report, 'captive-portal')!.evidence[0]).toMatch(evidence);
    expect(report.network.captivePortal).toBe(state);
  });

  it.each(['not_captive', 'unknown', 'unsupported', undefined] as const)('%s: no finding', (state) => {
    const report = run({ browser: state ? { captivePortal: state } : {} });
    expect(find(report, 'captive-portal')).toBeUndefined();
    expect(report.network.captivePortal).toBe(state ?? null);
  });
});

it('the network checks are the registered ones', () => {
  for (const id of ['untrusted-network', 'travel', 'tls-interception', 'captive-portal'] as const) expect(typeof CHECKS[id]).toBe('function');
});
