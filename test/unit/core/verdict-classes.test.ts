// @vitest-environment happy-dom
// One test for each class of wrong verdict seen when CallGuard 0.1 met pages rebuilt from the real
// platforms and participants who try to fool it (issue "Verdicts you can bet on"). Each runs the
// whole path a tab takes: the platform's reader, the assessment and the call's memory.
import { describe, expect, it } from 'vitest';
import { assess } from '../../../core/assess';
import { rememberCall, type CallMemory } from '../../../core/call-memory';
import { platformById } from '../../../core/platforms/index';
import { readPage } from '../../../core/platforms/read';
import { DEFAULT_POLICY } from '../../../core/policy/defaults';
import type { ConnectionFact, PlatformId, Report } from '../../../core/types';
import { appStateOf, fixtureText, parseHtml } from '../support/fixtures';

const ENCODED: ConnectionFact[] = [
  {
    id: 'pc1',
    state: 'connected',
    senders: [
      { kind: 'audio', live: true, transformed: true },
      { kind: 'video', live: true, transformed: true },
    ],
    receivers: [{ kind: 'audio', live: true, transformed: true }],
  },
];

/** The report of a fixture, optionally edited as a participant would (before the read), with the given media. */
function report(platform: PlatformId, file: string, { edit, html, media = [] }: { edit?: (doc: Document) => void; html?: (page: string) => string; media?: ConnectionFact[] } = {}): Report {
  const page = (html ?? ((p: string) => p))(fixtureText(`${platform}/${file}`));
  const doc = parseHtml(page);
  edit?.(doc);
  const read = readPage(platformById(platform), doc, appStateOf(page));
  const url = 'https://example.com/call';
  return assess({ url, platform, frames: [{ url, page: read, rtc: { connections: media } }], policy: DEFAULT_POLICY, timeZone: null, now: new Date(0) });
}
const ids = (r: Report) => r.findings.map((f) => f.id);
const say = (selector: string, text: string, as = 'div') => (doc: Document) => {
  const line = doc.createElement(as);
  line.textContent = text;
  doc.querySelector(selector)!.append(line);
};

describe('lobbies are not calls', () => {
  it('Meet: the pre-join and waiting screens carry a self-preview tile with data-participant-id', () => {
    expect(fixtureText('google-meet/pre-join.html')).toContain('data-participant-id');
    expect(report('google-meet', 'pre-join.html', { media: ENCODED.map((c) => ({ ...c, state: 'new' })) }).phase).toBe('pre-join');
    const lobby = report('google-meet', 'lobby.html');
    expect(lobby.phase).toBe('lobby');
    expect(lobby.inCall).toBe(false);
  });

  it('Zoom: the waiting room drawn inside .meeting-app', () => {
    expect(fixtureText('zoom/waiting-room.html')).toContain('meeting-app');
    expect(report('zoom', 'waiting-room.html').phase).toBe('lobby');
  });

  it('Element Call: the pre-join screen already has the End-call button', () => {
    expect(fixtureText('element-call/pre-join.html')).toContain('incall_leave');
    expect(report('element-call', 'pre-join.html').phase).toBe('pre-join');
  });
});

describe('Jitsi: what the app itself knows', () => {
  it('E2EE on here but one participant without it is not "on", even with every track encoded', () => {
    const partial = report('jitsi', 'e2ee-partial.html', { media: ENCODED });
    expect(partial.e2ee).toBe('off');
    expect(partial.e2eeEvidence.join(' ')).toMatch(/Claire Dubois/);
    expect(report('jitsi', 'e2ee-on.html', { media: ENCODED }).e2ee).toBe('on');
  });

  it('a participant recording locally, and a live stream, are recordings', () => {
    expect(ids(report('jitsi', 'local-recording.html'))).toContain('recording');
    expect(ids(report('jitsi', 'live-stream.html'))).toContain('recording');
  });

  it('a guest who types a phone number as their name is not a phone line where the app says who is', () => {
    const renamed = report('jitsi', 'in-call.html', { html: (p) => p.split('Bernd Müller').join('+49 30 1234567') });
    expect(renamed.participants.filter((p) => p.kind === 'phone')).toEqual([]);
    expect(ids(renamed)).not.toContain('dial-in-participant');
  });
});

describe('Element Call reads its lock by its attribute', () => {
  it('data-encrypted="true" and encoded media: on; "false": off', () => {
    expect(report('element-call', 'e2ee-on.html', { media: ENCODED }).e2ee).toBe('on');
    expect(report('element-call', 'e2ee-off.html', { media: ENCODED }).e2ee).toBe('off');
  });
});

describe('participant text never steers a verdict', () => {
  it('Meet: a guest named "🔒 Client-side encrypted", or a chat line about it, is no encryption indicator', () => {
    const named = report('google-meet', 'in-call.html', { html: (p) => p.split('Bernd Müller').join('🔒 Client-side encrypted'), media: ENCODED });
    expect(named.e2ee).not.toBe('on');
    expect(named.level).not.toBe('ok');
    const chat = report('google-meet', 'in-call.html', { edit: say('[jsname="xySENc"]', 'is this meeting client-side encrypted?'), media: ENCODED });
    expect(chat.e2ee).not.toBe('on');
  });

  it('Meet: a chat line "is this being recorded?" raises nothing', () => {
    expect(ids(report('google-meet', 'in-call.html', { edit: say('[jsname="xySENc"]', 'is this being recorded?') }))).not.toContain('recording');
    expect(ids(report('google-meet', 'in-call.html', { edit: say('[jsname="xySENc"]', 'This video call is being recorded') }))).not.toContain('recording');
  });

  it('Discord: a chat message "Voice Connected" does not make a text channel a call', () => {
    const text = report('discord', 'not-connected.html', { edit: say('[data-list-id="chat-messages"]', 'Voice Connected', 'li') });
    expect(text.phase).toBe('no-call');
    expect(text.inCall).toBe(false);
  });

  it('Discord: a chat mention of "Stage Channel" does not turn E2EE off in a voice call', () => {
    const voice = report('discord', 'in-call.html', { edit: say('[data-list-id="chat-messages"]', 'Stage Channel? Request to Speak', 'li'), media: ENCODED });
    expect(voice.e2ee).toBe('on');
  });
});

describe('disguised bots are still bots', () => {
  it.each(['0tter.ai', 'Оtter.ai', 'Fire\u200Bflies.ai', 'Ｆｉｒｅｆｌｉｅｓ.ai', 'nоtеtаkеr'])('%s', (name) => {
    const r = report('google-meet', 'in-call.html', { html: (p) => p.split('Claire Dubois').join(name) });
    expect(ids(r)).toContain('ai-notetaker');
  });

  it('a recording bot ("![RECORDING] Craig") raises recording', () => {
    const r = report('discord', 'recording.html');
    expect(ids(r)).toContain('recording');
    expect(r.findings.find((f) => f.id === 'recording')!.evidence.join(' ')).toMatch(/RECORDING/);
  });
});

describe('a call remembers', () => {
  it('a phone participant present for a few seconds stays in the report, with the times', () => {
    let memory: CallMemory | null = null;
    const at = (seconds: number, file: string) => {
      const now = report('google-meet', file);
      const result = rememberCall(memory, { ...now, updatedAt: new Date(seconds * 1000).toISOString() });
      memory = result.memory;
      return result.report;
    };
    at(0, 'in-call.html');
    const during = at(5, 'dial-in.html');
    expect(ids(during)).toContain('dial-in-participant');
    const after = at(9, 'in-call.html');
    const dialIn = after.findings.find((f) => f.id === 'dial-in-participant')!;
    expect(dialIn).toMatchObject({ active: false, firstSeen: new Date(5000).toISOString(), lastSeen: new Date(5000).toISOString() });
    expect(after.level).toBe('warning');
    expect(after.participants).toContainEqual(expect.objectContaining({ kind: 'phone', present: false }));
    expect(after.timeline.map((e) => `${e.event}${e.findingId ? ` ${e.findingId}` : ''}`)).toEqual([
      'call-joined',
      'finding-raised e2ee-off',
      'finding-raised dial-in-participant',
      'participant-joined',
      'finding-cleared dial-in-participant',
      'participant-left',
    ]);
  });

  it('Meet masks phone numbers: a masked number is still a phone line', () => {
    const r = report('google-meet', 'in-call.html', { html: (p) => p.split('Bernd Müller').join('(650) ***-**89') });
    expect(ids(r)).toContain('dial-in-participant');
    expect(ids(report('google-meet', 'dial-in.html'))).toContain('dial-in-participant');
  });
});
