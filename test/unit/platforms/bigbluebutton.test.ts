import { describe, expect, it } from 'vitest';
import { bigbluebutton } from '../../../core/platforms/bigbluebutton';
import { adapterFor, platformForUrl } from '../../../core/platforms/registry';
import { expectRead, load, parse, reportOf, type Expected } from './support';

const OFF = { state: 'off', source: 'platform' } as const;

describe('BigBlueButton adapter on the fixtures', () => {
  it.each<[string, Expected]>([
    ['guest-lobby.html', { phase: 'lobby', e2ee: OFF }],
    [
      'in-call.html',
      {
        phase: 'in-call',
        e2ee: OFF,
        participants: [
          { kind: 'external', name: 'Maria Rossi' },
          { kind: 'phone', name: '+49 30 1234567' },
        ],
      },
    ],
    ['recording.html', { phase: 'in-call', e2ee: OFF, recording: true, participants: [{ kind: 'bot', name: 'MeetGeek Notetaker' }] }],
  ])('%s', (file, want) => {
    const read = bigbluebutton.read(load(`bigbluebutton/${file}`), {});
    expect(read.platform).toBe('bigbluebutton');
    expectRead(read, want);
  });

  it('cites the open BigBlueButton issue for "no E2EE"', () => {
    expect(reportOf(bigbluebutton.read(load('bigbluebutton/in-call.html'), {})).e2eeEvidence.join(' ')).toContain('bigbluebutton/issues/9893');
  });

  it('is self-hosted: no built-in site, reachable only as an added conference site', () => {
    const url = new URL('https://bbb.example.org/html5client/join?sessionToken=abc');
    expect(platformForUrl(url)).toBeNull();
    expect(platformForUrl(url, [{ pattern: 'https://bbb.example.org/*', platform: 'bigbluebutton' }])).toBe('bigbluebutton');
    expect(adapterFor('bigbluebutton')).toBe(bigbluebutton);
  });

  it('reads recording in de and fr', () => {
    expect(bigbluebutton.read(parse('<div role="alert">Diese Konferenz wird aufgezeichnet</div>'), {}).recording).not.toBeNull();
    expect(bigbluebutton.read(parse('<div role="alert">Cette session est maintenant enregistrée</div>'), {}).recording).not.toBeNull();
  });
});
