import { describe, it, expect } from 'vitest';
import { DEFAULT_POLICY } from '../../../../core/policy/defaults';
import { effectivePolicy, isPolicyKey, supportMessageIn } from '../../../../core/policy/effective';

describe('effectivePolicy', () => {
  it('gives the defaults, unlocked, when nobody set anything', () => {
    expect(effectivePolicy(undefined, undefined)).toEqual({ policy: DEFAULT_POLICY, locked: [], diagnostics: [] });
    expect(effectivePolicy({}, {})).toEqual({ policy: DEFAULT_POLICY, locked: [], diagnostics: [] });
  });

  it('applies user settings over the defaults without locking them', () => {
    const { policy, locked } = effectivePolicy({ banner: 'always', homeTimeZones: ['Europe/Paris'] }, {});
    expect(policy).toEqual({ ...DEFAULT_POLICY, banner: 'always', homeTimeZones: ['Europe/Paris'] });
    expect(locked).toEqual([]);
  });

  it('lets the admin win and locks every key the admin set', () => {
    const { policy, locked } = effectivePolicy(
      { banner: 'off', requireE2EE: false, supportMessage: 'mine' },
      { requireE2EE: true, banner: 'always', trustedNetworks: ['203.0.113.0/24'] },
    );
    expect(policy).toEqual({
      ...DEFAULT_POLICY,
      requireE2EE: true,
      banner: 'always',
      trustedNetworks: ['203.0.113.0/24'],
      supportMessage: 'mine',
    });
    // In the order of the Policy keys, whatever order the admin used.
    expect(locked).toEqual(['requireE2EE', 'trustedNetworks', 'banner']);
  });

  it('locks a key the admin set to its default value', () => {
    const { policy, locked } = effectivePolicy({ acknowledgeDanger: true }, { acknowledgeDanger: false });
    expect(policy.acknowledgeDanger).toBe(false);
    expect(locked).toEqual(['acknowledgeDanger']);
  });

  it('merges severity per finding, admin entries first, and locks the whole key', () => {
    const { policy, locked } = effectivePolicy(
      { severity: { recording: 'info', travel: 'warning' } },
      { severity: { recording: 'danger', 'meeting-open': 'warning' } },
    );
    expect(policy.severity).toEqual({ recording: 'danger', travel: 'warning', 'meeting-open': 'warning' });
    expect(locked).toEqual(['severity']);
  });

  it('neither applies nor locks an admin value of the wrong type, and keeps the user value', () => {
    const { policy, locked, diagnostics } = effectivePolicy({ banner: 'off' }, { banner: 3, bannr: 'always' });
    expect(policy.banner).toBe('off');
    expect(locked).toEqual([]);
    expect(diagnostics.map((d) => [d.origin, d.key, d.problem])).toEqual([
      ['admin', 'banner', 'wrong-type'],
      ['admin', 'bannr', 'unknown-key'],
    ]);
  });

  it('locks a list whose items were all invalid, as an empty list', () => {
    const { policy, locked, diagnostics } = effectivePolicy(
      { allowedPlatforms: ['zoom'] },
      { allowedPlatforms: ['skype'] },
    );
    expect(policy.allowedPlatforms).toEqual([]);
    expect(locked).toEqual(['allowedPlatforms']);
    expect(diagnostics).toMatchObject([{ origin: 'admin', key: 'allowedPlatforms', problem: 'invalid-value' }]);
  });

  it('lists user diagnostics before admin ones, each with its origin', () => {
    const { diagnostics } = effectivePolicy({ nope: 1 }, { trustVpn: 'yes' });
    expect(diagnostics.map((d) => [d.origin, d.key, d.problem])).toEqual([
      ['user', 'nope', 'unknown-key'],
      ['admin', 'trustVpn', 'wrong-type'],
    ]);
  });

  it('survives garbage from both sides', () => {
    for (const [user, admin] of [['x', 5], [null, []], [[1], { severity: 'all' }], [{ banner: {} }, Symbol('s')]]) {
      const { policy } = effectivePolicy(user, admin);
      expect(Object.keys(policy).sort()).toEqual(Object.keys(DEFAULT_POLICY).sort());
    }
  });

  it('returns a policy that does not share lists with the defaults', () => {
    const { policy } = effectivePolicy({}, {});
    policy.trustedNetworks.push('10.0.0.0/8');
    policy.severity.recording = 'danger';
    expect(DEFAULT_POLICY.trustedNetworks).toEqual([]);
    expect(DEFAULT_POLICY.severity).toEqual({});
  });
});

describe('isPolicyKey', () => {
  it.each(Object.keys(DEFAULT_POLICY))('accepts %s', (key) => {
    expect(isPolicyKey(key)).toBe(true);
  });

  it.each(['toString', '__proto__', 'constructor', 'hasOwnProperty', 'requireE2E', ''])('rejects %j', (key) => {
    expect(isPolicyKey(key)).toBe(false);
  });
});

describe('supportMessageIn', () => {
  const message = { en: 'Call the desk.', de: 'Rufen Sie den Service an.', 'fr-CA': 'Appelez le soutien.' };
  it.each([
    ['de-AT', 'Rufen Sie den Service an.'],
    ['fr-CA', 'Appelez le soutien.'],
    ['fr-FR', 'Call the desk.'],
    ['it', 'Call the desk.'],
  ])('%s → %s', (language, text) => {
    expect(supportMessageIn(message, language)).toBe(text);
  });
  it('one message for everyone, or the first one when there is no English', () => {
    expect(supportMessageIn('Call 1234.', 'de')).toBe('Call 1234.');
    expect(supportMessageIn({ de: 'Nur Deutsch.' }, 'fr')).toBe('Nur Deutsch.');
  });
});
