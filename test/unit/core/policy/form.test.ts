import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../../core/policy/defaults';
import { effectivePolicy } from '../../../../core/policy/effective';
import {
  POLICY_KEYS,
  SETTING_MESSAGE_NAMES,
  formFromPolicy,
  parseForm,
  splitLines,
  userSettingsToSave,
  withLockedValues,
  type PolicyForm,
} from '../../../../core/policy/form';
import type { Policy } from '../../../../core/policy/types';
import { validatePolicyInput } from '../../../../core/policy/validate';

const FULL: Policy = {
  requireE2EE: true,
  trustedNetworks: ['203.0.113.0/24', '2001:db8::/32'],
  trustVpn: true,
  homeTimeZones: ['Europe/Paris', 'Europe/Berlin'],
  allowedPlatforms: ['webex', 'jitsi'],
  blockedPlatforms: ['zoom'],
  conferenceSites: [{ pattern: 'https://meet.example.org/*', platform: 'jitsi' }],
  banner: 'always',
  severity: { recording: 'danger', travel: 'warning' },
  acknowledgeDanger: true,
  trustedInterceptionRoots: ['a'.repeat(64)],
  supportMessage: { en: 'Call the IT desk.', de: 'Rufen Sie die IT an.' },
  supportUrl: 'https://help.example.org/',
  acceptProviderEncryption: ['zoom', 'teams'],
  confirmBeforeJoin: 'warning',
  allowNamesInExport: false,
};

const form = (changes: Partial<PolicyForm> = {}, policy: Policy = DEFAULT_POLICY): PolicyForm => ({ ...formFromPolicy(policy), ...changes });

describe('the options form', () => {
  it('round-trips every setting: form from settings, settings from form', () => {
    expect(parseForm(formFromPolicy(FULL))).toEqual({ values: FULL, errors: {} });
    expect(parseForm(formFromPolicy(DEFAULT_POLICY))).toEqual({ values: DEFAULT_POLICY, errors: {} });
  });

  it('has a message name for every setting', () => {
    expect(Object.keys(SETTING_MESSAGE_NAMES).sort()).toEqual([...POLICY_KEYS].sort());
    for (const name of Object.values(SETTING_MESSAGE_NAMES)) expect(name).toMatch(/^[a-z0-9_]+$/);
  });

  it('edits lists as one entry per line, blank lines and commas ignored', () => {
    expect(splitLines(' 10.0.0.0/8 \n\n192.168.0.0/16, 172.16.0.0/12\n')).toEqual(['10.0.0.0/8', '192.168.0.0/16', '172.16.0.0/12']);
    const { values, errors } = parseForm(form({ trustedNetworks: '10.0.0.0/8\n\n10.0.0.0/8\n2001:db8::/32' }));
    expect(errors).toEqual({});
    expect(values.trustedNetworks).toEqual(['10.0.0.0/8', '2001:db8::/32']);
  });

  it('keeps the validator\'s spelling: canonical time zones, plain lower-case fingerprints', () => {
    const fingerprint = Array.from({ length: 32 }, () => 'AB').join(':');
    const { values, errors } = parseForm(form({ homeTimeZones: 'europe/paris\nAsia/Calcutta', trustedInterceptionRoots: fingerprint }));
    expect(errors).toEqual({});
    expect(values.homeTimeZones).toEqual(['Europe/Paris', expect.stringMatching(/^Asia\/(Calcutta|Kolkata)$/)]);
    expect(values.trustedInterceptionRoots).toEqual(['ab'.repeat(32)]);
  });

  it.each([
    ['trustedNetworks', { trustedNetworks: '10.0.0.0/8\n10.0.0/8\nsomewhere' }, 'options_error_trusted_networks', ['10.0.0/8', 'somewhere']],
    ['homeTimeZones', { homeTimeZones: 'Europe/Paris\nMars/Olympus' }, 'options_error_home_time_zones', ['Mars/Olympus']],
    ['trustedInterceptionRoots', { trustedInterceptionRoots: 'abcd' }, 'options_error_trusted_interception_roots', ['abcd']],
    ['supportUrl', { supportUrl: 'http://help.example.org' }, 'options_error_support_url', ['http://help.example.org']],
    [
      'conferenceSites',
      {
        conferenceSites: [
          { pattern: 'https://ok.example.org/*', platform: 'jitsi' },
          { pattern: 'meet.example.org', platform: 'jitsi' },
          { pattern: 'https://meet.example.org:8443/*', platform: 'webrtc' },
        ],
      },
      'options_error_conference_sites',
      ['meet.example.org', 'https://meet.example.org:8443/*'],
    ],
    [
      'blockedPlatforms',
      { allowedPlatforms: ['zoom', 'jitsi'], blockedPlatforms: ['zoom'] },
      'options_error_platforms_both',
      ['zoom'],
    ],
  ] as const)('flags wrong entries in %s, naming them, and keeps the stored value', (key, changes, message, items) => {
    const { values, errors } = parseForm(form(changes as Partial<PolicyForm>, FULL), FULL);
    expect(errors).toEqual({ [key]: { message, items } });
    expect(values[key]).toEqual(FULL[key]);
  });

  it('drops empty site rows, trims patterns and keeps the first of duplicates', () => {
    const { values, errors } = parseForm(
      form({
        conferenceSites: [
          { pattern: '  https://a.example.org/*  ', platform: 'jitsi' },
          { pattern: '   ', platform: 'webrtc' },
          { pattern: 'https://a.example.org/*', platform: 'webrtc' },
        ],
      }),
    );
    expect(errors).toEqual({});
    expect(values.conferenceSites).toEqual([{ pattern: 'https://a.example.org/*', platform: 'jitsi' }]);
  });

  it('reports no error for settings the organisation locked; an overlap goes where the user can fix it', () => {
    const both = form({ allowedPlatforms: ['zoom'], blockedPlatforms: ['zoom'] });
    expect(parseForm(both, DEFAULT_POLICY, ['blockedPlatforms']).errors).toEqual({
      allowedPlatforms: { message: 'options_error_platforms_both', items: ['zoom'] },
    });
    expect(parseForm(both, DEFAULT_POLICY, ['allowedPlatforms', 'blockedPlatforms']).errors).toEqual({});
  });

  it('lists platforms in the platform order and keeps only real severities', () => {
    const { values } = parseForm(
      form({ allowedPlatforms: ['webex', 'google-meet'], severity: { recording: 'danger', travel: 'loud' as never } }),
    );
    expect(values.allowedPlatforms).toEqual(['google-meet', 'webex']);
    expect(values.severity).toEqual({ recording: 'danger' });
  });

  it('never produces what the background would ignore', () => {
    const { values, errors } = parseForm(formFromPolicy(FULL));
    expect(errors).toEqual({});
    expect(validatePolicyInput(values, 'user').diagnostics).toEqual([]);
  });
});

describe('what is saved', () => {
  it('only the user\'s settings that differ from the defaults', () => {
    const values = { ...DEFAULT_POLICY, banner: 'always' as const, homeTimeZones: ['Europe/Paris'] };
    expect(userSettingsToSave(values, [], undefined)).toEqual({ banner: 'always', homeTimeZones: ['Europe/Paris'] });
    expect(userSettingsToSave(DEFAULT_POLICY, [], { banner: 'off' })).toEqual({});
  });

  it('never copies the organisation\'s values; keeps the user\'s own choice under a lock', () => {
    const admin = { requireE2EE: true, banner: 'off' };
    const user = { banner: 'always', supportMessage: 'mine', bogus: 1 };
    const { policy, locked } = effectivePolicy(user, admin);
    const parsed = parseForm({ ...formFromPolicy(policy), homeTimeZones: 'Europe/Berlin' }, policy, locked);
    expect(parsed.errors).toEqual({});
    expect(userSettingsToSave(parsed.values, locked, user)).toEqual({
      banner: 'always',
      supportMessage: 'mine',
      homeTimeZones: ['Europe/Berlin'],
    });
  });

  it('saves something the background reads back as the same effective settings', () => {
    const saved = userSettingsToSave(FULL, [], undefined);
    expect(effectivePolicy(saved, {})).toEqual({ policy: FULL, locked: [], diagnostics: [] });
  });
});

describe('withLockedValues', () => {
  it('keeps the user\'s edits and shows the organisation\'s new values in locked settings', () => {
    const edited = form({ homeTimeZones: 'Europe/Paris', requireE2EE: false });
    const next = withLockedValues(edited, { ...DEFAULT_POLICY, requireE2EE: true }, ['requireE2EE']);
    expect(next.homeTimeZones).toBe('Europe/Paris');
    expect(next.requireE2EE).toBe(true);
  });
});
