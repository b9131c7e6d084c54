import { parseProbeMessage } from '../../../core/channel';
import { readJitsiAppState } from '../../../core/platforms/jitsi-app-state';
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { assess } from '../../../core/assess';
import type { PlatformAdapter } from '../../../core/platforms/adapter';
import { googleMeet } from '../../../core/platforms/google-meet';
import { jitsi } from '../../../core/platforms/jitsi';
import { adapterFor, platformForUrl } from '../../../core/platforms/registry';
import { genericWebrtc } from '../../../core/platforms/webrtc';
import { DEFAULT_POLICY } from '../../../core/policy/defaults';
import type { AppState, CallPhase, PageRead, ParticipantKind } from '../../../core/types';

const fixtureText = (path: string) => readFileSync(resolve(import.meta.dirname, '../../fixtures', path), 'utf8');
/** A fresh document per read: DOMParser documents run no scripts and load nothing. */
const load = (path: string) => new DOMParser().parseFromString(fixtureText(path), 'text/html');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

interface Expected {
  phase: CallPhase;
  e2ee: { state: 'on' | 'off'; source: 'ui' | 'platform' } | null;
  recording: boolean;
  transcription: boolean;
  participants: { kind: ParticipantKind; name: string }[];
  meetingOpen: boolean;
}

const expectRead = (read: PageRead, want: Expected) => {
  expect(read.phase).toBe(want.phase);
  expect(read.phaseEvidence.length > 0).toBe(want.phase !== 'unknown');
  expect(read.e2ee && { state: read.e2ee.state, source: read.e2ee.source }).toEqual(want.e2ee);
  if (read.e2ee) expect(read.e2ee.evidence.length).toBeGreaterThan(0);
  expect(read.recording !== null).toBe(want.recording);
  expect(read.transcription !== null).toBe(want.transcription);
  expect(read.participants.map(({ kind, name }) => ({ kind, name }))).toEqual(want.participants);
  for (const p of read.participants) expect(p.evidence).not.toBe('');
  expect(read.meetingOpen !== null).toBe(want.meetingOpen);
};

const OFF_BY_PLATFORM = { state: 'off', source: 'platform' } as const;
const plain = { recording: false, transcription: false, participants: [], meetingOpen: false };

describe('Google Meet adapter on the fixtures', () => {
  it.each<[string, Expected]>([
    ['pre-join.html', { ...plain, phase: 'pre-join', e2ee: OFF_BY_PLATFORM }],
    // The lobby has the call's toolbar and call_end icon: only the waiting text tells it apart.
    ['lobby.html', { ...plain, phase: 'lobby', e2ee: OFF_BY_PLATFORM }],
    ['in-call.html', { ...plain, phase: 'in-call', e2ee: OFF_BY_PLATFORM }],
    ['in-call-cse.html', { ...plain, phase: 'in-call', e2ee: { state: 'on', source: 'ui' } }],
    // The recording notice has a "Join now" button: in-call markers still win over pre-join text.
    ['recording.html', { ...plain, phase: 'in-call', e2ee: OFF_BY_PLATFORM, recording: true }],
    ['transcription.html', { ...plain, phase: 'in-call', e2ee: OFF_BY_PLATFORM, transcription: true }],
    ['dial-in.html', { ...plain, phase: 'in-call', e2ee: OFF_BY_PLATFORM, participants: [{ kind: 'phone', name: '+49 30 1234567' }] }],
    ['external.html', { ...plain, phase: 'in-call', e2ee: OFF_BY_PLATFORM, participants: [{ kind: 'external', name: '' }] }],
    ['notetaker.html', { ...plain, phase: 'in-call', e2ee: OFF_BY_PLATFORM, participants: [{ kind: 'bot', name: 'Fireflies.ai Notetaker Anna' }] }],
    ['in-call-de.html', { ...plain, phase: 'in-call', e2ee: OFF_BY_PLATFORM, recording: true }],
    ['in-call-fr.html', { ...plain, phase: 'in-call', e2ee: OFF_BY_PLATFORM, transcription: true }],
    ['landing.html', { ...plain, phase: 'no-call', e2ee: null }],
  ])('%s', (file, want) => {
    const read = googleMeet.read(load(`google-meet/${file}`), {});
    expect(read.platform).toBe('google-meet');
    expectRead(read, want);
  });

  it('reads participant names from the video tiles and from the People panel', () => {
    // Names that are neither phones nor bots are not kept, but reading them means nothing is unreadable.
    expect(googleMeet.read(load('google-meet/in-call.html'), {}).unreadable).toEqual([]);
    const tilesOnly = parse(`<div data-participant-id="spaces/a/devices/1"><span class="notranslate">+1 (555) 123-4567</span></div>`);
    expect(googleMeet.read(tilesOnly, {}).participants).toMatchObject([{ kind: 'phone', name: '+1 (555) 123-4567' }]);
    const panelOnly = parse(
      `<div data-self-name="Me"></div><div role="list"><div role="listitem" aria-label="Otter.ai"><span>Otter.ai</span></div></div>`,
    );
    expect(googleMeet.read(panelOnly, {}).participants).toMatchObject([{ kind: 'bot', name: 'Otter.ai' }]);
  });

  it('says so when it is in a call but finds no participant names', () => {
    const read = googleMeet.read(parse('<button aria-label="Share screen">present_to_all</button>'), {});
    expect(read.phase).toBe('in-call');
    expect(read.unreadable).toEqual(['participants']);
  });

  it('cites the evidence it used', () => {
    expect(googleMeet.read(load('google-meet/recording.html'), {}).recording?.evidence.join(' ')).toMatch(/being recorded/);
    expect(googleMeet.read(load('google-meet/in-call-de.html'), {}).recording?.evidence.join(' ')).toMatch(/wird aufgezeichnet/);
    expect(googleMeet.read(load('google-meet/in-call-fr.html'), {}).transcription?.evidence.join(' ')).toMatch(/Gemini prend des notes/);
    expect(googleMeet.read(load('google-meet/lobby.html'), {}).phaseEvidence.join(' ')).toMatch(/Asking to be let in/);
    expect(googleMeet.read(load('google-meet/in-call-cse.html'), {}).e2ee?.evidence.join(' ')).toMatch(/client-side encrypt/i);
    expect(googleMeet.read(load('google-meet/in-call.html'), {}).e2ee?.evidence.join(' ')).toMatch(/support\.google\.com/);
  });

  it('tells the lobby from the call: its words beat the call buttons, an in-call-only element beats its words', () => {
    const waiting = '<div class="XIsaqe">Asking to be let in…</div><button aria-label="Share screen"></button>';
    expect(googleMeet.read(parse(waiting), {}).phase).toBe('lobby');
    // A participant tile never shows in the lobby: a chat line quoting the lobby text is not one.
    const inCall = `<div data-participant-id="p1"><span class="notranslate">Anna</span></div><div class="chat"><div>${waiting}</div></div>`;
    expect(googleMeet.read(parse(inCall), {}).phase).toBe('in-call');
  });

  it('does not take a chat line that mentions Gemini notes for the notes pill', () => {
    const doc = parse(`<div data-participant-id="x"><span class="notranslate">Anna</span></div>
      <div class="chat"><span>is Gemini is taking notes today?</span></div>`);
    expect(googleMeet.read(doc, {}).transcription).toBeNull();
  });
});

/** The app state the rtc probe reads from each Jitsi fixture's inline `window.APP` (see entrypoints/rtc-probe.content/probe.ts). */
const jitsiState = (over: NonNullable<AppState['jitsi']>): AppState => ({
  jitsi: {
    joined: true,
    e2eeEnabled: false,
    phoneParticipants: [],
    recording: false,
    transcribing: false,
    lobbyKnocking: false,
    lobbyEnabled: true,
    passwordLocked: false,
    ...over,
  },
});

const JITSI_ROWS: [string, AppState, Expected][] = [
  [
    'pre-join.html',
    jitsiState({ joined: false, lobbyEnabled: false }),
    { ...plain, phase: 'pre-join', e2ee: { state: 'off', source: 'ui' } },
  ],
  // While knocking, lobbyEnabled is still the store's default false: that must not read as "open".
  ['lobby.html', jitsiState({ joined: false, lobbyKnocking: true, lobbyEnabled: false }), { ...plain, phase: 'lobby', e2ee: { state: 'off', source: 'ui' } }],
  ['in-call.html', jitsiState({}), { ...plain, phase: 'in-call', e2ee: { state: 'off', source: 'ui' } }],
  ['in-call-e2ee.html', jitsiState({ e2eeEnabled: true }), { ...plain, phase: 'in-call', e2ee: { state: 'on', source: 'ui' } }],
  ['recording.html', jitsiState({ recording: true }), { ...plain, phase: 'in-call', e2ee: { state: 'off', source: 'ui' }, recording: true }],
  // The jigasi participant is named by the app state and by the filmstrip: one entry, not two.
  [
    'dial-in.html',
    jitsiState({ phoneParticipants: ['+49 30 1234567'] }),
    { ...plain, phase: 'in-call', e2ee: { state: 'off', source: 'ui' }, participants: [{ kind: 'phone', name: '+49 30 1234567' }] },
  ],
  ['open-meeting.html', jitsiState({ lobbyEnabled: false }), { ...plain, phase: 'in-call', e2ee: { state: 'off', source: 'ui' }, meetingOpen: true }],
  ['in-call-de.html', jitsiState({ lobbyEnabled: false, passwordLocked: true }), { ...plain, phase: 'in-call', e2ee: { state: 'off', source: 'ui' } }],
];

/**
 * The app state the probe would send for the fixture's own inline script (run in a bare VM
 * context), through the same parser the isolated world uses.
 */
function appStateOfFixture(html: string): AppState {
  const script = parse(html).querySelector('script')?.textContent ?? '';
  const window: Record<string, unknown> = {};
  runInNewContext(script, { window, Map });
  const message = parseProbeMessage(JSON.stringify({ rtc: { connections: [] }, app: readJitsiAppState(window) }));
  return message!.app;
}

describe('Jitsi adapter on the fixtures', () => {
  it.each(JITSI_ROWS)('%s with the app state', (file, app, want) => {
    const read = jitsi.read(load(`jitsi/${file}`), app);
    expect(read.platform).toBe('jitsi');
    expectRead(read, want);
    expect(read.unreadable).toEqual([]);
  });

  it.each(JITSI_ROWS)('%s: the inline window.APP gives exactly that app state', (file, app) => {
    expect(appStateOfFixture(fixtureText(`jitsi/${file}`))).toEqual(app);
  });

  // Without the main-world probe (blocked, or not yet reported) the page alone still gives the
  // call state; the encryption state is then unreadable, never guessed.
  it.each<[string, CallPhase, { kind: ParticipantKind; name: string }[]]>([
    ['pre-join.html', 'pre-join', []],
    ['lobby.html', 'lobby', []],
    ['in-call.html', 'in-call', []],
    ['in-call-e2ee.html', 'in-call', []],
    ['recording.html', 'in-call', []],
    ['dial-in.html', 'in-call', [{ kind: 'phone', name: '+49 30 1234567' }]],
    ['open-meeting.html', 'in-call', []],
    ['in-call-de.html', 'in-call', []],
  ])('%s without app state', (file, phase, participants) => {
    const read = jitsi.read(load(`jitsi/${file}`), {});
    expect(read.phase).toBe(phase);
    expect(read.e2ee).toBeNull();
    expect(read.unreadable).toContain('e2ee');
    expect(read.meetingOpen).toBeNull();
    expect(read.participants.map(({ kind, name }) => ({ kind, name }))).toEqual(participants);
  });

  it('trusts APP.conference.isJoined() over a pre-join screen still in the DOM', () => {
    expect(jitsi.read(load('jitsi/pre-join.html'), jitsiState({ joined: true })).phase).toBe('in-call');
  });

  it('names the app state as its evidence', () => {
    expect(jitsi.read(load('jitsi/lobby.html'), jitsiState({ joined: false, lobbyKnocking: true })).phaseEvidence.join(' ')).toMatch(/features\/lobby\.knocking/);
    expect(jitsi.read(load('jitsi/in-call-e2ee.html'), jitsiState({ e2eeEnabled: true })).e2ee?.evidence.join(' ')).toMatch(/features\/e2ee\.enabled = true/);
    expect(jitsi.read(load('jitsi/dial-in.html'), jitsiState({ phoneParticipants: ['+49 30 1234567'] })).participants[0]!.evidence).toMatch(/jigasi/);
  });

  it('keeps a jigasi participant whose name is not a phone number', () => {
    const read = jitsi.read(load('jitsi/in-call.html'), jitsiState({ phoneParticipants: ['Conference room phone'] }));
    expect(read.participants).toMatchObject([{ kind: 'phone', name: 'Conference room phone' }]);
  });

  it('reads transcription from the app state', () => {
    expect(jitsi.read(load('jitsi/in-call.html'), jitsiState({ transcribing: true })).transcription).not.toBeNull();
  });
});

describe('a platform that changed its markup beyond recognition', () => {
  const doc = () => load('changed/unrecognisable.html');
  it.each<[string, PlatformAdapter]>([
    ['google-meet', googleMeet],
    ['jitsi', jitsi],
    ['webrtc', genericWebrtc],
  ])('%s reads no call state and no flags', (_id, adapter) => {
    const read = adapter.read(doc(), {});
    expect(read.phase).toBe('unknown');
    expect(read.recording).toBeNull();
    expect(read.transcription).toBeNull();
    expect(read.participants).toEqual([]);
    expect(read.meetingOpen).toBeNull();
  });

  it.each<[string, PlatformAdapter, string]>([
    // Meet's platform fact still holds (no CSE seen), so the verdict is a warning, never ok.
    ['google-meet', googleMeet, 'warning'],
    ['jitsi', jitsi, 'unknown'],
    ['webrtc', genericWebrtc, 'unknown'],
  ])('%s: the report is %s, not ok', (_id, adapter, level) => {
    const report = assess({
      url: 'https://example.com/call',
      platform: adapter.id,
      frames: [{ url: 'https://example.com/call', page: adapter.read(doc(), {}), rtc: null }],
      policy: DEFAULT_POLICY,
      timeZone: null,
      now: new Date(0),
    });
    expect(report.level).toBe(level);
    expect(report.inCall).toBe(false);
  });
});

describe('isCallUrl', () => {
  it.each<[string, boolean]>([
    ['https://meet.google.com/', false],
    ['https://meet.google.com/landing', false],
    ['https://meet.google.com/landing?authuser=0', false],
    ['https://meet.google.com/new', false],
    ['https://meet.google.com/abc-defg-hij', true],
    ['https://meet.google.com/abc-defg-hij?authuser=1&hs=122', true],
    ['https://meet.google.com/abc-defg-hij/', true],
    ['https://meet.google.com/lookup/team-standup', true],
    ['https://meet.google.com/abc-defg-hijk', false],
    ['https://meet.google.com/ab-defg-hij', false],
    ['https://example.com/abc-defg-hij', false],
  ])('Meet %s → %s', (url, want) => {
    expect(googleMeet.isCallUrl(new URL(url))).toBe(want);
  });

  it.each<[string, boolean]>([
    ['https://meet.jit.si/', false],
    ['https://meet.jit.si', false],
    ['https://meet.jit.si/ProjectKestrel', true],
    ['https://meet.jit.si/ProjectKestrel#config.prejoinConfig.enabled=false', true],
    ['https://meet.jit.si/static/close3.html', false],
    ['https://8x8.vc/', false],
    ['https://8x8.vc/vpaas-magic-cookie-0123abcd/ProjectKestrel', true],
    ['https://meet.example.org/team-sync', true],
  ])('Jitsi %s → %s', (url, want) => {
    expect(jitsi.isCallUrl(new URL(url))).toBe(want);
  });
});

describe('platformForUrl', () => {
  it.each<[string, string | null]>([
    ['https://meet.google.com/abc-defg-hij', 'google-meet'],
    ['https://meet.google.com/', 'google-meet'],
    ['https://meet.jit.si/ProjectKestrel', 'jitsi'],
    ['https://8x8.vc/vpaas-magic-cookie-0123abcd/room', 'jitsi'],
    ['https://app.zoom.us/wc/123456789/join', 'zoom'],
    ['https://us02web.zoom.us/j/123456789', 'zoom'],
    ['https://zoom.us/j/123456789', 'zoom'],
    ['https://teams.microsoft.com/v2/', 'teams'],
    ['https://acme.webex.com/meet/anna', 'webex'],
    ['https://whereby.com/room', 'whereby'],
    ['https://call.element.io/room', 'element-call'],
    ['https://web.whatsapp.com/', 'whatsapp'],
    // Look-alikes and other schemes are not the service.
    ['https://evil-zoom.us/j/1', null],
    ['https://zoom.us.example.com/j/1', null],
    ['http://meet.google.com/abc-defg-hij', null],
    ['https://meet.example.org/team-sync', null],
    ['https://example.com/', null],
  ])('%s → %s', (url, want) => {
    expect(platformForUrl(new URL(url))).toBe(want);
  });

  const extra = [
    { pattern: 'https://meet.example.org/*', platform: 'jitsi' as const },
    { pattern: 'https://*.video.example.net/*', platform: 'webrtc' as const },
    // An extra site never takes a built-in one away from its platform.
    { pattern: 'https://meet.google.com/*', platform: 'jitsi' as const },
  ];
  it.each<[string, string | null]>([
    ['https://meet.example.org/team-sync', 'jitsi'],
    ['https://video.example.net/room', 'webrtc'],
    ['https://eu.video.example.net/room', 'webrtc'],
    ['https://meet.google.com/abc-defg-hij', 'google-meet'],
    ['https://other.example.org/team-sync', null],
  ])('with extra sites: %s → %s', (url, want) => {
    expect(platformForUrl(new URL(url), extra)).toBe(want);
  });

  it('gives each platform its adapter, and other sites the generic WebRTC reader', () => {
    expect(adapterFor('google-meet')).toBe(googleMeet);
    expect(adapterFor('jitsi')).toBe(jitsi);
    expect(adapterFor('zoom').id).toBe('zoom');
    expect(adapterFor('webrtc')).toBe(genericWebrtc);
    expect(genericWebrtc.read(parse('<p>hi</p>'), {})).toMatchObject({ platform: 'webrtc', phase: 'unknown', unreadable: ['page'] });
  });
});

// Every adapter on random pages (never throws, well-formed reads, never safer than the evidence):
// test/unit/properties/adapters.test.ts.
