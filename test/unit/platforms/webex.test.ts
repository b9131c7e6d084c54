import { describe, expect, it } from 'vitest';
import { webex } from '../../../core/platforms/webex';
import { expectRead, load, parse, reportOf, type Expected } from './support';

const OFF = { state: 'off', source: 'platform' } as const;

describe('Webex adapter on the fixtures', () => {
  it.each<[string, Expected]>([
    ['host-page.html', { phase: 'no-call', e2ee: null }],
    ['pre-join.html', { phase: 'pre-join', e2ee: OFF }],
    // The lobby has a leave button: the lobby container wins.
    ['lobby.html', { phase: 'lobby', e2ee: OFF }],
    ['in-call.html', { phase: 'in-call', e2ee: OFF }],
    // The Security tab saying "not end-to-end encrypted" is the page's own word: source ui.
    ['security-not-e2ee.html', { phase: 'in-call', e2ee: { state: 'off', source: 'ui' } }],
    // "The meeting is end-to-end encrypted" in the web app: overruled by the (inferred) fact.
    ['security-e2ee.html', { phase: 'in-call', e2ee: OFF }],
    ['recording.html', { phase: 'in-call', e2ee: OFF, recording: true }],
    ['transcription.html', { phase: 'in-call', e2ee: OFF, transcription: true }],
    [
      'dial-in.html',
      {
        phase: 'in-call',
        e2ee: OFF,
        participants: [
          { kind: 'phone', name: '+1 415 ****789' },
          { kind: 'external', name: '+1 415 ****789' },
        ],
      },
    ],
    [
      'external.html',
      {
        phase: 'in-call',
        e2ee: OFF,
        participants: [
          { kind: 'external', name: 'Maria Rossi' },
          { kind: 'external', name: 'Sam Lee' },
        ],
      },
    ],
    [
      'notetaker.html',
      {
        phase: 'in-call',
        e2ee: OFF,
        participants: [
          { kind: 'bot', name: 'Fathom Notetaker' },
          { kind: 'external', name: 'Fathom Notetaker' },
        ],
      },
    ],
    ['in-call-fr.html', { phase: 'in-call', e2ee: OFF, recording: true, participants: [{ kind: 'external', name: 'Paul Bernard' }] }],
  ])('%s', (file, want) => {
    const read = webex.read(load(`webex/${file}`), {});
    expect(read.platform).toBe('webex');
    expectRead(read, want);
  });

  it('says that "no E2EE in the web app" is an inference, with its source', () => {
    const evidence = webex.read(load('webex/in-call.html'), {}).e2ee!.evidence.join(' ');
    expect(evidence).toMatch(/inference/);
    expect(evidence).toContain('help.webex.com');
  });

  it('quotes the Security tab, whichever way it reads', () => {
    expect(webex.read(load('webex/security-not-e2ee.html'), {}).e2ee!.evidence[0]).toMatch(/not end-to-end encrypted/);
    const overruled = webex.read(load('webex/security-e2ee.html'), {}).e2ee!.evidence.join(' ');
    expect(overruled).toMatch(/the page claims end-to-end encryption \(Webex Security tab: "The meeting is end-to-end encrypted"\)/);
    expect(reportOf(webex.read(load('webex/security-e2ee.html'), {})).e2ee).toBe('off');
  });

  it('reads the Security tab in de and fr', () => {
    const de = parse('<button data-test="leave-button"></button><div role="tabpanel">Das Meeting ist nicht Ende-zu-Ende-verschlüsselt.</div>');
    expect(webex.read(de, {}).e2ee).toMatchObject({ state: 'off', source: 'ui' });
    const fr = parse('<button data-test="leave-button"></button><div role="tabpanel">La réunion n’est pas chiffrée de bout en bout.</div>');
    expect(webex.read(fr, {}).e2ee).toMatchObject({ state: 'off', source: 'ui' });
  });

  it('reads the call and the lobby by each strategy alone', () => {
    for (const html of ['<button data-test="leave-button"></button>', '<div data-test="meeting-info-container"></div>', '<button aria-label="Leave meeting"></button>', '<button>Meeting verlassen</button>', '<button aria-label="Quitter la réunion"></button>']) {
      expect(webex.read(parse(html), {}).phase, html).toBe('in-call');
    }
    for (const html of ['<div data-test="lobby-container"></div>', '<p>Waiting for host</p>', '<p>Warten auf den Gastgeber</p>', '<p>En attente de l’organisateur</p>']) {
      expect(webex.read(parse(`<button aria-label="Leave meeting"></button>${html}`), {}).phase, html).toBe('lobby');
    }
  });

  it.each<[string, boolean]>([
    ['https://acme.webex.com/meet/anna', true],
    ['https://acme.webex.com/acme/j.php?MTID=m0123', true],
    ['https://acme.webex.com/wbxmjs/joinservice/sites/acme/meeting/download/abc', true],
    ['https://acme.webex.com/webappng/sites/acme/meeting/webclient', true],
    ['https://web.webex.com/meetings', true],
    ['https://acme.webex.com/', false],
    ['https://acme.webex.com/webappng/sites/acme/dashboard', true],
    ['https://help.webex.com/article/rzam8', false],
  ])('isCallUrl %s → %s', (url, want) => {
    expect(webex.isCallUrl(new URL(url))).toBe(want);
  });
});
