import { describe, expect, it } from 'vitest';
import { teams } from '../../../core/platforms/teams';
import { expectRead, load, parse, reportOf, type Expected } from './support';

const OFF = { state: 'off', source: 'platform' } as const;

describe('Teams adapter on the fixtures', () => {
  it.each<[string, Expected]>([
    // Chat and calendar: the app, no call in it.
    ['chat.html', { phase: 'no-call', e2ee: null }],
    // The pre-join screen has the call's device toggles (toggle-mute): its join button wins.
    ['pre-join.html', { phase: 'pre-join', e2ee: OFF }],
    // The lobby has a hang-up button: the waiting text wins.
    ['lobby.html', { phase: 'lobby', e2ee: OFF }],
    ['in-call.html', { phase: 'in-call', e2ee: OFF }],
    ['recording.html', { phase: 'in-call', e2ee: OFF, recording: true, transcription: true }],
    [
      'dial-in.html',
      {
        phase: 'in-call',
        e2ee: OFF,
        participants: [
          { kind: 'phone', name: '+1 (555) 010-2345' },
          { kind: 'phone', name: '+49 30 *** **67' },
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
    // A note-taking bot that joined anonymously is both a bot and unverified.
    [
      'notetaker.html',
      {
        phase: 'in-call',
        e2ee: OFF,
        participants: [
          { kind: 'bot', name: 'Read.ai meeting notes' },
          { kind: 'external', name: 'Read.ai meeting notes' },
        ],
      },
    ],
    // A 1:1 call's E2EE shield: Teams in the browser cannot do E2EE, so it is overruled.
    ['e2ee-shield.html', { phase: 'in-call', e2ee: OFF }],
    ['open-meeting.html', { phase: 'in-call', e2ee: OFF, meetingOpen: true }],
    ['in-call-de.html', { phase: 'in-call', e2ee: OFF, recording: true, participants: [{ kind: 'external', name: 'Jean Petit' }] }],
    ['in-call-fr.html', { phase: 'in-call', e2ee: OFF, transcription: true, participants: [{ kind: 'external', name: 'Paul Bernard' }] }],
  ])('%s', (file, want) => {
    const read = teams.read(load(`teams/${file}`), {});
    expect(read.platform).toBe('teams');
    expectRead(read, want);
  });

  it('says why E2EE is off, with Microsoft as the source, and quotes an overruled shield', () => {
    expect(teams.read(load('teams/in-call.html'), {}).e2ee!.evidence.join(' ')).toContain('learn.microsoft.com');
    const shield = teams.read(load('teams/e2ee-shield.html'), {}).e2ee!.evidence.join(' ');
    expect(shield).toMatch(/the page claims end-to-end encryption \(Teams shows "This call is end-to-end encrypted"\)/);
    expect(reportOf(teams.read(load('teams/e2ee-shield.html'), {})).e2ee).toBe('off');
  });

  it('reads the External / Unverified / Guest labels in en, de and fr, as a separate label or a suffix', () => {
    for (const label of ['External', '(Unverified)', 'Guest', '(Extern)', 'Nicht verifiziert', 'Gast', '(Externe)', 'Non vérifié', '(Invité)']) {
      const doc = parse(`<button id="hangup-button"></button><div data-tid="participantsInCall-x"><span title="Kim Park">Kim Park</span><span>${label}</span></div>`);
      expect(teams.read(doc, {}).participants, label).toMatchObject([{ kind: 'external', name: 'Kim Park' }]);
    }
    const suffix = parse(`<button id="hangup-button"></button><div data-tid="participantsInCall-y"><span>Kim Park (Guest)</span></div>`);
    expect(teams.read(suffix, {}).participants).toMatchObject([{ kind: 'external', name: 'Kim Park' }]);
  });

  it('does not flag a surname that looks like a label', () => {
    const doc = parse(`<button id="hangup-button"></button><div data-tid="participantsInCall-z"><span title="Lena Gast">Lena Gast</span></div>`);
    expect(teams.read(doc, {}).participants).toEqual([]);
  });

  it('reads the call by each strategy alone', () => {
    for (const html of [
      '<button id="hangup-button"></button>',
      '<button data-tid="hangup-main-btn"></button>',
      '<button aria-label="Leave (Ctrl+Shift+H)"></button>',
      '<button aria-label="Verlassen (Strg+Umschalt+H)"></button>',
      '<button>Raccrocher</button>',
    ]) {
      expect(teams.read(parse(html), {}).phase, html).toBe('in-call');
    }
    for (const text of ['Someone will let you in shortly', 'Jemand wird Sie in Kürze zulassen', 'Quelqu’un va bientôt vous admettre']) {
      expect(teams.read(parse(`<button id="hangup-button"></button><div>${text}</div>`), {}).phase, text).toBe('lobby');
    }
  });

  it('does not take a "Leave" chat menu item for a call', () => {
    const doc = parse('<div role="menu"><div role="menuitem" aria-label="Leave">Leave</div></div>');
    expect(teams.read(doc, {}).phase).toBe('unknown');
  });

  it('marks what it cannot read, and the report never says ok', () => {
    const read = teams.read(load('changed/unrecognisable.html'), {});
    expect(read.unreadable).toContain('call-state');
    expect(reportOf(read).level).toBe('warning');
    expect(teams.read(parse('<button id="hangup-button"></button>'), {}).unreadable).toEqual(['participants']);
  });
});
