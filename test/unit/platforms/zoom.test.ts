import { describe, expect, it } from 'vitest';
import { PLATFORM_FACTS } from '../../../core/platforms/facts';
import { zoom } from '../../../core/platforms/zoom';
import { expectRead, load, parse, reportOf, type Expected } from './support';

const OFF = { state: 'off', source: 'platform' } as const;

describe('Zoom adapter on the fixtures', () => {
  it.each<[string, Expected]>([
    // The shell around iframe#webclient: the call is read in the frame, not here.
    ['host-page.html', { phase: 'no-call', e2ee: null }],
    ['pre-join.html', { phase: 'pre-join', e2ee: OFF }],
    // The waiting room has a "Leave" button like the call: its text wins.
    ['waiting-room.html', { phase: 'lobby', e2ee: OFF }],
    ['in-call.html', { phase: 'in-call', e2ee: OFF }],
    ['recording.html', { phase: 'in-call', e2ee: OFF, recording: true }],
    ['transcription.html', { phase: 'in-call', e2ee: OFF, transcription: true }],
    [
      'dial-in.html',
      {
        phase: 'in-call',
        e2ee: OFF,
        participants: [
          { kind: 'phone', name: '+49 30 ****4567' },
          { kind: 'phone', name: 'Call-in User_1' },
        ],
      },
    ],
    ['external.html', { phase: 'in-call', e2ee: OFF, participants: [{ kind: 'external', name: 'Maria Rossi' }] }],
    [
      'notetaker.html',
      {
        phase: 'in-call',
        e2ee: OFF,
        participants: [
          { kind: 'bot', name: "Anna's OtterPilot" },
          { kind: 'bot', name: 'Fireflies.ai Notetaker' },
        ],
      },
    ],
    // A page claiming E2EE does not make it so: the web client cannot do E2EE.
    ['fake-e2ee.html', { phase: 'in-call', e2ee: OFF }],
    ['open-meeting.html', { phase: 'in-call', e2ee: OFF, meetingOpen: true }],
    ['in-call-de.html', { phase: 'in-call', e2ee: OFF, recording: true }],
    ['in-call-fr.html', { phase: 'in-call', e2ee: OFF, participants: [{ kind: 'external', name: 'Léa Martin' }] }],
  ])('%s', (file, want) => {
    const read = zoom.read(load(`zoom/${file}`), {});
    expect(read.platform).toBe('zoom');
    expectRead(read, want);
  });

  it('cites the vendor source for "no E2EE in the web client"', () => {
    const evidence = zoom.read(load('zoom/in-call.html'), {}).e2ee!.evidence.join(' ');
    expect(evidence).toContain('support.zoom.com');
    expect(evidence).toContain('developers.zoom.us');
  });

  it('overrules a page that claims E2EE, and says so', () => {
    const read = zoom.read(load('zoom/fake-e2ee.html'), {});
    expect(read.e2ee!.evidence.join(' ')).toMatch(/the page claims end-to-end encryption \(Zoom shows "Zoom is using an end-to-end encrypted connection"\), but the Zoom web client cannot/);
    const report = reportOf(read);
    expect(report.e2ee).toBe('off');
    expect(report.level).toBe('warning');
    expect(report.findings.find((f) => f.id === 'e2ee-off')).toMatchObject({ source: 'platform' });
  });

  it('keeps e2ee off even when a hand-made page read says on (encryption.ts applies the fact too)', () => {
    const read = { ...zoom.read(load('zoom/in-call.html'), {}), e2ee: { state: 'on' as const, source: 'ui' as const, evidence: ['padlock icon'] } };
    const report = reportOf(read);
    expect(report.e2ee).toBe('off');
    expect(report.e2eeEvidence.join(' ')).toMatch(/the page claims end-to-end encryption \(padlock icon\).*ignored/);
    expect(PLATFORM_FACTS.zoom!.e2eeInBrowser).toBe('never');
  });

  it('reads the call by each strategy alone: ids, the leave button in en/de/fr', () => {
    for (const html of [
      '<div id="wc-footer"></div>',
      '<div class="footer__leave-btn-container"></div>',
      '<button aria-label="Leave">x</button>',
      '<button>Verlassen</button>',
      '<button aria-label="Quitter la réunion"></button>',
    ]) {
      expect(zoom.read(parse(html), {}).phase, html).toBe('in-call');
    }
  });

  it('reads the waiting room in de and fr', () => {
    expect(zoom.read(parse('<div role="status">Bitte warten Sie, der Meeting-Host lässt Sie in Kürze eintreten.</div>'), {}).phase).toBe('lobby');
    expect(zoom.read(parse('<h2>Veuillez patienter, l’hôte de la réunion va bientôt vous admettre.</h2>'), {}).phase).toBe('lobby');
  });

  it('reads "Enhanced encryption" (not E2EE) as the page saying off', () => {
    const read = zoom.read(parse('<div id="wc-footer"></div><button class="encryption-indicator" aria-label="Enhanced encryption"></button>'), {});
    expect(read.e2ee).toMatchObject({ state: 'off', source: 'ui' });
  });

  it('marks the call state unreadable on a page it does not recognise, and never says ok', () => {
    const read = zoom.read(load('changed/unrecognisable.html'), {});
    expect(read.phase).toBe('unknown');
    expect(read.unreadable).toContain('call-state');
    expect(reportOf(read).level).not.toBe('ok');
  });

  it('marks participants unreadable in a call whose participant list is closed', () => {
    const read = zoom.read(parse('<div id="wc-footer"></div>'), {});
    expect(read.unreadable).toEqual(['participants']);
    expect(reportOf(read).unreadable).toEqual(['participants']);
  });

  it('does not take the Security menu with the lock on for an open meeting', () => {
    const html = `<div id="wc-footer"></div><div role="menu"><div role="menuitemcheckbox" aria-checked="true">Lock Meeting</div><div role="menuitemcheckbox" aria-checked="false">Enable Waiting Room</div></div>`;
    expect(zoom.read(parse(html), {}).meetingOpen).toBeNull();
  });

  it.each<[string, boolean]>([
    ['https://app.zoom.us/wc/123456789/join', true],
    ['https://app.zoom.us/wc/join/123456789', true],
    ['https://app.zoom.us/wc/123456789/webclient-frame', true],
    ['https://us02web.zoom.us/j/85512345678?pwd=abc', true],
    ['https://zoom.us/w/98765432101', true],
    ['https://zoomgov.com/j/1612345678', true],
    ['https://zoom.us/', false],
    ['https://zoom.us/profile', false],
    ['https://app.zoom.us/wc/home', false],
  ])('isCallUrl %s → %s', (url, want) => {
    expect(zoom.isCallUrl(new URL(url))).toBe(want);
  });
});
