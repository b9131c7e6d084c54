import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_POLICY } from '../../../../core/policy/defaults';
import { validatePolicyInput } from '../../../../core/policy/validate';

const FINGERPRINT = Array(16).fill('AB:CD').join(':');

describe('validatePolicyInput', () => {
  it('keeps a fully valid policy as given, with no diagnostics', () => {
    const input = {
      requireE2EE: true,
      trustedNetworks: ['203.0.113.0/24', '2001:db8::/32'],
      trustVpn: true,
      homeTimeZones: ['Europe/Paris', 'UTC'],
      allowedPlatforms: ['jitsi', 'element-call'],
      blockedPlatforms: ['zoom'],
      conferenceSites: [
        { pattern: 'https://meet.example.org/*', platform: 'jitsi' },
        { pattern: '*://*.example.org/*', platform: 'webrtc' },
      ],
      banner: 'always',
      severity: { recording: 'danger', travel: 'warning' },
      acknowledgeDanger: true,
      trustedInterceptionRoots: ['a'.repeat(64)],
      supportMessage: 'Call the IT desk on 1234.',
      supportUrl: 'https://help.example.org/callguard',
    };
    expect(validatePolicyInput(input, 'admin')).toEqual({ values: input, diagnostics: [] });
  });

  it('gives nothing and no diagnostics for an absent policy', () => {
    expect(validatePolicyInput(undefined, 'admin')).toEqual({ values: {}, diagnostics: [] });
    expect(validatePolicyInput(null, 'user')).toEqual({ values: {}, diagnostics: [] });
    expect(validatePolicyInput({}, 'admin')).toEqual({ values: {}, diagnostics: [] });
  });

  it.each([['a string'], [5], [true], [['requireE2EE']]])('lists a non-object input %j as wrong-type', (input) => {
    expect(validatePolicyInput(input, 'admin')).toEqual({
      values: {},
      diagnostics: [{ origin: 'admin', key: '', problem: 'wrong-type', detail: expect.any(String) }],
    });
  });

  it('ignores and lists unknown keys, including prototype names', () => {
    const input = JSON.parse('{"requireE2EE": true, "requireE2E": true, "__proto__": {"banner": "off"}, "toString": 1}');
    const { values, diagnostics } = validatePolicyInput(input, 'user');
    expect(values).toEqual({ requireE2EE: true });
    expect(diagnostics.map((d) => [d.origin, d.key, d.problem])).toEqual([
      ['user', 'requireE2E', 'unknown-key'],
      ['user', '__proto__', 'unknown-key'],
      ['user', 'toString', 'unknown-key'],
    ]);
  });

  it.each([
    ['requireE2EE', 'true'],
    ['trustVpn', 1],
    ['trustedNetworks', '10.0.0.0/8'],
    ['homeTimeZones', { 0: 'UTC' }],
    ['conferenceSites', null],
    ['banner', 1],
    ['severity', ['danger']],
    ['severity', null],
    ['acknowledgeDanger', null],
    ['supportMessage', ['hello']],
    ['supportUrl', 5],
  ])('ignores %s of the wrong type (%j)', (key, value) => {
    const { values, diagnostics } = validatePolicyInput({ [key]: value }, 'admin');
    expect(values).toEqual({});
    expect(diagnostics).toEqual([{ origin: 'admin', key, problem: 'wrong-type', detail: expect.any(String) }]);
  });

  it.each([
    ['banner', 'sometimes'],
    ['supportUrl', 'http://help.example.org'],
    ['supportUrl', 'javascript:alert(1)'],
    ['supportUrl', 'help.example.org'],
  ])('ignores %s with an invalid value (%j)', (key, value) => {
    const { values, diagnostics } = validatePolicyInput({ [key]: value }, 'admin');
    expect(values).toEqual({});
    expect(diagnostics).toEqual([{ origin: 'admin', key, problem: 'invalid-value', detail: expect.any(String) }]);
  });

  it('accepts an empty supportUrl as "no link"', () => {
    expect(validatePolicyInput({ supportUrl: '' }, 'admin')).toEqual({ values: { supportUrl: '' }, diagnostics: [] });
  });

  it.each([
    [
      'trustedNetworks',
      ['10.0.0.0/8', '10.0.0/8', '010.0.0.0/8', '10/8', '10.0.0.1', '10.0.0.0/33', 7, '::/0', '192.168.1.0/24 '],
      ['10.0.0.0/8', '::/0'],
    ],
    [
      'homeTimeZones',
      ['Europe/Paris', 'UTC', 'Asia/Calcutta', 'europe/berlin', 'Mars/Olympus', '', null],
      ['Europe/Paris', 'UTC', 'Asia/Calcutta', 'Europe/Berlin'],
    ],
    ['allowedPlatforms', ['zoom', 'skype', 'Zoom', 3], ['zoom']],
    ['blockedPlatforms', ['teams', ''], ['teams']],
    [
      'trustedInterceptionRoots',
      [FINGERPRINT, 'f'.repeat(63), 'g'.repeat(64), 'a'.repeat(65), ['a']],
      ['abcd'.repeat(16)],
    ],
    [
      'conferenceSites',
      [
        { pattern: 'https://meet.example.org/*', platform: 'jitsi' },
        { pattern: 'meet.example.org', platform: 'jitsi' },
        { pattern: 'https://meet.example.org:8443/*', platform: 'jitsi' },
        { pattern: 'ftp://meet.example.org/*', platform: 'jitsi' },
        { pattern: 'https://*example.org/*', platform: 'jitsi' },
        { pattern: 'https://meet.example.org', platform: 'jitsi' },
        { pattern: 'https://meet.example.org/*', platform: 'skype' },
        { pattern: 'https://meet.example.org/*' },
        'https://meet.example.org/*',
        null,
        { pattern: 'http://bbb.example.org/b/*', platform: 'bigbluebutton', note: 'extra keys are dropped' },
      ],
      [
        { pattern: 'https://meet.example.org/*', platform: 'jitsi' },
        { pattern: 'http://bbb.example.org/b/*', platform: 'bigbluebutton' },
      ],
    ],
  ])('keeps the valid items of %s and lists each bad one', (key, given, kept) => {
    const { values, diagnostics } = validatePolicyInput({ [key]: given }, 'admin');
    expect(values).toEqual({ [key]: kept });
    expect(diagnostics).toHaveLength(given.length - kept.length);
    for (const diagnostic of diagnostics) {
      expect(diagnostic).toMatchObject({ origin: 'admin', key, problem: 'invalid-value' });
    }
  });

  it('names the bad item in its diagnostic', () => {
    const { diagnostics } = validatePolicyInput({ trustedNetworks: ['10.0.0.0/8', '10.0.0/8'] }, 'user');
    expect(diagnostics[0]?.detail).toContain('item 1, "10.0.0/8"');
  });

  it('keeps a list that lost all its items as an empty list', () => {
    expect(validatePolicyInput({ allowedPlatforms: ['skype'] }, 'admin').values).toEqual({ allowedPlatforms: [] });
  });

  it('drops unknown finding ids and invalid severities one by one', () => {
    const { values, diagnostics } = validatePolicyInput(
      { severity: { recording: 'danger', travel: 'critical', 'no-such-finding': 'info', 'meeting-open': 2 } },
      'admin',
    );
    expect(values).toEqual({ severity: { recording: 'danger' } });
    expect(diagnostics.map((d) => [d.key, d.problem])).toEqual([
      ['severity', 'invalid-value'],
      ['severity', 'invalid-value'],
      ['severity', 'invalid-value'],
    ]);
  });

  it('never throws, whatever the input', () => {
    const cyclic: Record<string, unknown> = { pattern: 'https://x.example/*', platform: 'jitsi' };
    cyclic.self = cyclic;
    const bare = Object.assign(Object.create(null) as object, { requireE2EE: true, banner: 'off' });
    const throwingGetter = Object.defineProperty({}, 'banner', { enumerable: true, get: () => { throw new Error('boom'); } });
    const throwingProxy = new Proxy({}, { ownKeys: () => { throw new Error('boom'); } });
    const inputs: unknown[] = [
      undefined, null, 0, Number.NaN, '', 'garbage', true, [], [1, 'two', null], Symbol('x'), 10n, () => 1,
      new Date(), /re/, new Map([['requireE2EE', true]]),
      { requireE2EE: { nested: { deeper: [1, 2, { x: null }] } } },
      { trustedNetworks: [[['10.0.0.0/8']]], homeTimeZones: [{}], severity: { recording: { level: 'danger' } } },
      { conferenceSites: [cyclic, [cyclic], 10n] },
      { severity: cyclic, supportUrl: { href: 'https://x' } },
      bare, throwingGetter, throwingProxy,
    ];
    for (const input of inputs) {
      for (const origin of ['user', 'admin'] as const) {
        expect(() => validatePolicyInput(input, origin)).not.toThrow();
      }
    }
    expect(validatePolicyInput(bare, 'admin').values).toEqual({ requireE2EE: true, banner: 'off' });
    expect(validatePolicyInput(throwingGetter, 'admin').diagnostics).toHaveLength(1);
  });

  it('never throws on arbitrary values, and what it keeps validates cleanly again', () => {
    const keys = [...Object.keys(DEFAULT_POLICY), 'unknown', '__proto__'];
    const settings = fc.dictionary(fc.constantFrom(...keys), fc.anything({ withBigInt: true, withNullPrototype: true }));
    fc.assert(
      fc.property(fc.oneof(fc.anything(), settings), (input) => {
        const { values } = validatePolicyInput(input, 'admin');
        expect(validatePolicyInput(values, 'admin')).toEqual({ values, diagnostics: [] });
      }),
    );
  });
});
