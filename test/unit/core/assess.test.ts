import { describe, it, expect } from 'vitest';
import { assess, type AssessInput } from '../../../core/assess';
import { reportLevel } from '../../../core/severity';
import { emptyRead } from '../../../core/platforms/read';
import { DEFAULT_POLICY } from '../../../core/policy/defaults';
import type { Policy } from '../../../core/policy/types';
import type { ConnectionFact, Finding, FrameSignals, MediaKind, PageRead, Severity, TrackFact } from '../../../core/types';

const TAB_URL = 'https://meet.jit.si/ProjectKestrel';

const page = (over: Partial<PageRead> = {}): PageRead => ({
  ...emptyRead('jitsi'),
  phase: 'in-call',
  phaseEvidence: ['test'],
  ...over,
});
const E2EE_ON: PageRead['e2ee'] = { state: 'on', source: 'ui', evidence: ['E2EE label shown'] };
const E2EE_OFF: PageRead['e2ee'] = { state: 'off', source: 'ui', evidence: ['E2EE switch is off'] };

const track = (kind: MediaKind, transformed: boolean, live = true): TrackFact => ({ kind, live, transformed });
const connection = (senders: TrackFact[], receivers: TrackFact[] = [], over: Partial<ConnectionFact> = {}): ConnectionFact => ({
  id: 'pc1',
  state: 'connected',
  senders,
  receivers,
  ...over,
});
/** Live media with an encoded transform on every track: the media half of "on". */
const ENCODED = [connection([track('audio', true), track('video', true)], [track('audio', true)])];
const frame = (pageRead: PageRead | null, connections: ConnectionFact[] | null = null, url = TAB_URL): FrameSignals => ({
  url,
  page: pageRead,
  rtc: connections ? { connections } : null,
});

const run = (frames: FrameSignals[], policy: Partial<Policy> = {}, over: Partial<AssessInput> = {}) =>
  assess({
    url: TAB_URL,
    platform: 'jitsi',
    frames,
    policy: { ...DEFAULT_POLICY, ...policy },
    timeZone: null,
    now: new Date('2026-05-12T10:30:00Z'),
    ...over,
  });
const ids = (findings: Finding[]) => findings.map((f) => f.id);
const finding = (report: ReturnType<typeof run>, id: string) => report.findings.find((f) => f.id === id);

describe('assess: level', () => {
  it.each<[string, FrameSignals[], string]>([
    ['no frames at all', [], 'unknown'],
    ['a page no adapter could read', [frame({ ...emptyRead('webrtc'), unreadable: ['page'] })], 'unknown'],
    ['an unrecognised page of a known platform', [frame(page({ phase: 'unknown', phaseEvidence: [] }))], 'unknown'],
    ['in a call, encryption not shown', [frame(page())], 'unknown'],
    ['in a call, e2ee on, media encoded, nothing else', [frame(page({ e2ee: E2EE_ON }), ENCODED)], 'ok'],
    ['in a call, the platform says e2ee on, no media seen', [frame(page({ e2ee: E2EE_ON }))], 'unknown'],
    [
      'e2ee on with only info findings (external guest, open meeting)',
      [
        frame(
          page({
            e2ee: E2EE_ON,
            participants: [{ kind: 'external', name: '', evidence: 'External label' }],
            meetingOpen: { evidence: ['no lobby'] },
          }),
          ENCODED,
        ),
      ],
      'ok',
    ],
    ['e2ee on but recording', [frame(page({ e2ee: E2EE_ON, recording: { evidence: ['REC'] } }))], 'warning'],
    ['e2ee off', [frame(page({ e2ee: E2EE_OFF }))], 'warning'],
  ])('%s → %s', (_name, frames, level) => {
    const report = run(frames);
    expect(report.level).toBe(level);
    if (report.level === 'ok') expect(report.e2ee).toBe('on');
  });

  it('never says ok when encryption is not confirmed on, whatever the severities', () => {
    const e2ees: PageRead['e2ee'][] = [null, E2EE_OFF];
    for (const e2ee of e2ees) {
      const report = run([frame(page({ e2ee }))], { severity: { 'e2ee-off': 'info', 'e2ee-unverified': 'info' } });
      expect(report.level).toBe('unknown');
    }
  });

  it.each<[Severity[], 'on' | 'off' | 'unknown', string]>([
    [[], 'on', 'ok'],
    [[], 'unknown', 'unknown'],
    [[], 'off', 'unknown'],
    [['info'], 'on', 'ok'],
    [['info', 'warning'], 'on', 'warning'],
    [['warning', 'danger', 'info'], 'on', 'danger'],
    [['warning'], 'unknown', 'warning'],
  ])('reportLevel(%j, e2ee %s) → %s', (severities, e2ee, level) => {
    const findings = severities.map((severity): Finding => ({ id: 'recording', severity, source: 'ui', evidence: [] }));
    expect(reportLevel(findings, e2ee)).toBe(level);
  });
});

describe('assess: encryption', () => {
  it('off wins over on, from any frame', () => {
    const report = run([frame(page({ e2ee: E2EE_ON })), frame(page({ e2ee: E2EE_OFF }), null, 'https://meet.jit.si/inner')]);
    expect(report.e2ee).toBe('off');
    expect(finding(report, 'e2ee-off')).toMatchObject({ severity: 'warning', source: 'ui' });
    expect(finding(report, 'e2ee-off')!.evidence[0]).toBe('E2EE switch is off');
  });

  it('a platform "off" fact keeps its platform source', () => {
    const report = run([frame(page({ e2ee: { state: 'off', source: 'platform', evidence: ['fact (source: x)'] } }))]);
    expect(finding(report, 'e2ee-off')?.source).toBe('platform');
  });

  it('live senders without a transform mean off (source rtc), even when the page claims on', () => {
    const report = run([frame(page({ e2ee: E2EE_ON }), [connection([track('audio', false), track('video', false)], [track('audio', false)])])]);
    expect(report.e2ee).toBe('off');
    expect(report.level).toBe('warning');
    const off = finding(report, 'e2ee-off')!;
    expect(off.source).toBe('rtc');
    expect(off.evidence.join(' ')).toMatch(/no encoded transform on any live media/);
    expect(report.e2eeEvidence).toEqual(off.evidence);
  });

  it('transforms on every live track are not "off", and alone never make "on"', () => {
    const report = run([frame(page(), [connection([track('audio', true), track('video', true)], [track('audio', true), track('video', true)])])]);
    expect(report.e2ee).toBe('unknown');
    expect(report.level).toBe('unknown');
    const unverified = finding(report, 'e2ee-unverified')!;
    expect(unverified).toMatchObject({ severity: 'info', source: 'rtc' });
    expect(unverified.evidence.join(' ')).toMatch(/consistent with end-to-end encryption, not proof/);
  });

  it('transforms on every live track plus the page saying on → on, with the rtc note', () => {
    const report = run([frame(page({ e2ee: E2EE_ON }), [connection([track('audio', true)], [track('video', true)])])]);
    expect(report.e2ee).toBe('on');
    expect(report.level).toBe('ok');
    expect(report.e2eeEvidence[0]).toBe('E2EE label shown');
    expect(report.e2eeEvidence.join(' ')).toMatch(/the media path agrees/);
  });

  it('while the organisation\'s policy is not read yet, both halves of "on" give unknown, and the evidence says why', () => {
    const pending = run([frame(page({ e2ee: E2EE_ON }), ENCODED)], {}, { policyPending: true });
    expect(pending.e2ee).toBe('unknown');
    expect(pending.level).not.toBe('ok');
    expect(pending.e2eeEvidence.join(' ')).toMatch(/policy has not been read yet/);
    expect(run([frame(page({ e2ee: E2EE_ON }), ENCODED)]).e2ee).toBe('on');
  });

  it('the platform saying on without live media is unknown, and the evidence names the missing half', () => {
    const report = run([frame(page({ e2ee: E2EE_ON }))]);
    expect(report.e2ee).toBe('unknown');
    expect(report.level).toBe('unknown');
    expect(report.e2eeEvidence.join(' ')).toMatch(/missing half: no live media/);
    expect(finding(report, 'e2ee-unverified')!.evidence.join(' ')).toMatch(/missing half/);
  });

  it('an audio-only transform is "off" with partial evidence', () => {
    const report = run([frame(page({ e2ee: E2EE_ON }), [connection([track('audio', true), track('video', false)], [track('audio', true)])])]);
    expect(report.e2ee).toBe('off');
    const evidence = finding(report, 'e2ee-off')!.evidence.join(' ');
    expect(evidence).toMatch(/^partial:/);
    expect(evidence).toContain('senders: 1 video of 1 audio, 1 video');
  });

  it('ignores tracks that are not live and connections that are not connected: they are no media either way', () => {
    const report = run([
      frame(page({ e2ee: E2EE_ON }), [
        connection([track('audio', false, false)], [track('video', false, false)]),
        connection([track('audio', false)], [], { id: 'pc2', state: 'new' }),
      ]),
    ]);
    expect(report.e2ee).toBe('unknown');
    const withMedia = run([frame(page({ e2ee: E2EE_ON }), [...ENCODED, connection([track('audio', false, false)], [], { id: 'pc3' })])]);
    expect(withMedia.e2ee).toBe('on');
  });
});

describe('assess: call state and frames', () => {
  it('a live media connection on an unrecognised page is a call', () => {
    const report = run([frame(null, [connection([track('audio', false)])])], {}, { platform: null });
    expect(report.inCall).toBe(true);
    expect(report.phase).toBe('in-call');
    expect(report.platform).toBe('webrtc');
    expect(report.e2ee).toBe('off');

    const generic = run([frame({ ...emptyRead('webrtc'), unreadable: ['page'] }, [connection([], [track('video', true)])])], {}, { platform: 'zoom' });
    expect(generic).toMatchObject({ inCall: true, platform: 'zoom', e2ee: 'unknown', level: 'unknown' });
  });

  it('a connection without live media is not a call', () => {
    const report = run([frame(page({ phase: 'pre-join' }), [connection([track('audio', false, false)])])]);
    expect(report.inCall).toBe(false);
    expect(report.phase).toBe('pre-join');
    expect(ids(report.findings)).not.toContain('e2ee-unverified');
  });

  it('the url is the tab url given, not a frame url', () => {
    const report = run([frame(page(), null, 'https://meet.example.org/embedded/room')], {}, { url: 'https://intranet.example.org/townhall' });
    expect(report.url).toBe('https://intranet.example.org/townhall');
    expect(report.version).toBe(1);
    expect(report.updatedAt).toBe('2026-05-12T10:30:00.000Z');
  });

  it('merges frames: the call in an iframe, the top frame not in a call', () => {
    const top = frame(page({ phase: 'unknown', phaseEvidence: [], participants: [{ kind: 'phone', name: '+49 30 1234567', evidence: 'top' }] }));
    const inner = frame(
      page({
        e2ee: E2EE_OFF,
        recording: { evidence: ['REC label'] },
        participants: [
          { kind: 'phone', name: '+49 30 1234567', evidence: 'iframe' },
          { kind: 'bot', name: 'Otter.ai', evidence: 'iframe' },
        ],
      }),
      [connection([track('audio', false)])],
      'https://meet.jit.si/inner',
    );
    const report = run([top, inner]);
    expect(report).toMatchObject({ url: TAB_URL, inCall: true, phase: 'in-call', platform: 'jitsi', e2ee: 'off' });
    expect(ids(report.findings).sort()).toEqual(['ai-notetaker', 'dial-in-participant', 'e2ee-off', 'recording']);
    expect(report.participants.map((p) => p.name)).toEqual(['+49 30 1234567', 'Otter.ai']);
    expect(finding(report, 'recording')!.evidence).toEqual(['REC label']);
  });

  it('takes the platform from the page read over the tab platform, except the generic reader', () => {
    expect(run([frame(page())], {}, { platform: null }).platform).toBe('jitsi');
    expect(run([frame({ ...emptyRead('webrtc'), phase: 'unknown' })], {}, { platform: 'teams' }).platform).toBe('teams');
    expect(run([], {}, { platform: null }).platform).toBeNull();
  });
});

describe('assess: policy', () => {
  it.each<[string, PageRead['e2ee'], Partial<Policy>, string, Severity]>([
    ['e2ee-off by default', E2EE_OFF, {}, 'e2ee-off', 'warning'],
    ['e2ee-off with requireE2EE', E2EE_OFF, { requireE2EE: true }, 'e2ee-off', 'danger'],
    ['e2ee-unverified by default', null, {}, 'e2ee-unverified', 'info'],
    ['e2ee-unverified with requireE2EE', null, { requireE2EE: true }, 'e2ee-unverified', 'warning'],
  ])('%s', (_name, e2ee, policy, id, severity) => {
    const report = run([frame(page({ e2ee }))], policy);
    expect(finding(report, id)?.severity).toBe(severity);
    expect(report.level).toBe(severity === 'info' ? 'unknown' : severity);
  });

  it('applies severity overrides, and the level follows them', () => {
    const frames = [frame(page({ e2ee: E2EE_ON, recording: { evidence: ['REC'] }, participants: [{ kind: 'external', name: '', evidence: 'x' }] }), ENCODED)];
    expect(run(frames).level).toBe('warning');
    const raised = run(frames, { severity: { 'external-participant': 'danger' } });
    expect(finding(raised, 'external-participant')?.severity).toBe('danger');
    expect(raised.level).toBe('danger');
    const lowered = run(frames, { severity: { recording: 'info' } });
    expect(finding(lowered, 'recording')?.severity).toBe('info');
    expect(lowered.level).toBe('ok');
  });

  it('sorts findings worst first', () => {
    const report = run(
      [
        frame(
          page({
            e2ee: E2EE_OFF,
            meetingOpen: { evidence: ['open'] },
            participants: [{ kind: 'external', name: '', evidence: 'x' }],
            recording: { evidence: ['REC'] },
          }),
        ),
      ],
      { blockedPlatforms: ['jitsi'] },
    );
    const rank = { info: 0, warning: 1, danger: 2 };
    const severities = report.findings.map((f) => rank[f.severity]);
    expect(severities).toEqual([...severities].sort((a, b) => b - a));
    expect(report.findings[0]!.id).toBe('platform-not-allowed');
    expect(report.findings.at(-1)!.severity).toBe('info');
    expect(report.level).toBe('danger');
  });

  it('reports the network of the call connection against trusted networks', () => {
    const conn = connection([track('audio', false)], [], { stats: { publicAddress: '198.51.100.23', networkType: 'wifi', localCandidateType: 'srflx' } });
    const report = run([frame(page(), [conn])], { trustedNetworks: ['203.0.113.0/24'] }, { timeZone: 'Asia/Singapore' });
    expect(report.network).toMatchObject({ publicAddress: '198.51.100.23', trusted: false, networkType: 'wifi', timeZone: 'Asia/Singapore' });
    expect(finding(report, 'untrusted-network')?.severity).toBe('warning');
  });
});
