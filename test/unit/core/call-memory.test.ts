// A call remembers what it showed until it ends; a new call starts a new memory.
import { describe, expect, it } from 'vitest';
import { callOf, rememberCall, type CallMemory } from '../../../core/call-memory';
import type { CallPhase, Report, ReportParticipant } from '../../../core/types';
import { finding, report as baseReport } from '../support/reports';

const URL = 'https://meet.google.com/abc-defg-hij';
const at = (s: number) => new Date(Date.UTC(2026, 4, 12, 10, 0, s)).toISOString();
const phone: ReportParticipant = { kind: 'phone', name: '+49 30 ****4567', evidence: 'masked number', firstSeen: '', lastSeen: '', present: true };

function step(memory: CallMemory | null, seconds: number, over: Partial<Report> & { phase?: CallPhase } = {}) {
  const phase = over.phase ?? 'in-call';
  return rememberCall(memory, { ...baseReport('warning', [], { url: URL, inCall: phase === 'in-call', phase, ...over }), updatedAt: at(seconds) });
}

describe('rememberCall', () => {
  it('no memory outside a call', () => {
    expect(step(null, 0, { phase: 'no-call' }).memory).toBeNull();
    expect(step(null, 0, { phase: 'unknown' }).memory).toBeNull();
  });

  it('starts at the pre-join screen and keeps what was seen there into the call', () => {
    let { memory } = step(null, 0, { phase: 'pre-join', findings: [finding('recording', 'warning')] });
    expect(memory?.joined).toBe(false);
    const { report } = step(memory, 5, { findings: [] });
    expect(report.findings.find((f) => f.id === 'recording')).toMatchObject({ active: false, firstSeen: at(0), lastSeen: at(0) });
    expect(report.callStartedAt).toBe(at(0));
    memory = step(memory, 5).memory;
    expect(memory?.joined).toBe(true);
  });

  it('E2EE off before joining is not remembered once it is on: no media went unprotected', () => {
    const { memory } = step(null, 0, { phase: 'pre-join', e2ee: 'off', findings: [finding('e2ee-off', 'warning', 'platform')] });
    const { report } = step(memory, 5, { e2ee: 'on', findings: [] });
    expect(report.findings).toEqual([]);
    expect(report.level).toBe('ok');
  });

  it('a participant who left stays, no longer present; one who comes back is present again', () => {
    let { memory } = step(null, 0, { participants: [{ ...phone }] });
    ({ memory } = step(memory, 10, { participants: [] }));
    const left = step(memory, 20, { participants: [] });
    expect(left.report.participants).toEqual([expect.objectContaining({ name: phone.name, present: false, firstSeen: at(0), lastSeen: at(0) })]);
    const back = step(left.memory, 30, { participants: [{ ...phone }] });
    expect(back.report.participants[0]).toMatchObject({ present: true, firstSeen: at(0), lastSeen: at(30) });
    expect(back.report.timeline.filter((e) => e.event.startsWith('participant')).map((e) => e.event)).toEqual(['participant-joined', 'participant-left', 'participant-joined']);
    expect(back.report.timeline.find((e) => e.event === 'participant-left')).toMatchObject({ participant: 'phone', detail: phone.name });
  });

  it('a stopped recording keeps the level it raised', () => {
    const { memory } = step(null, 0, { findings: [finding('recording', 'warning')], level: 'warning' });
    const { report } = step(memory, 60, { findings: [], level: 'unknown', e2ee: 'unknown' });
    expect(report.level).toBe('warning');
    expect(report.findings).toEqual([expect.objectContaining({ id: 'recording', active: false })]);
  });

  it('findings about now (unverified E2EE, an allowed platform, the time zone) are not remembered', () => {
    const { memory } = step(null, 0, { findings: [finding('e2ee-unverified', 'info'), finding('travel', 'info')] });
    expect(step(memory, 5, { findings: [] }).report.findings).toEqual([]);
  });

  it('E2EE that drops is on the timeline', () => {
    const { memory } = step(null, 0, { e2ee: 'on', level: 'ok' });
    const { report } = step(memory, 5, { e2ee: 'off', findings: [finding('e2ee-off', 'warning', 'rtc')] });
    expect(report.timeline.map((e) => e.event)).toEqual(['call-joined', 'e2ee-confirmed', 'e2ee-dropped', 'finding-raised']);
  });

  it('a new address, or leaving and joining again, starts a new memory', () => {
    const { memory } = step(null, 0, { findings: [finding('dial-in-participant', 'warning')] });
    expect(step(memory, 5, { url: 'https://meet.google.com/xyz-abcd-efg', findings: [] }).report.findings).toEqual([]);
    const left = step(memory, 5, { phase: 'pre-join', findings: [] });
    expect(left.report.findings).toEqual([]);
    expect(left.memory?.joined).toBe(false);
    // A page the reader could not place for a moment (mid-change) is not the end of the call.
    expect(step(memory, 5, { phase: 'unknown', inCall: false, findings: [] }).report.findings).toHaveLength(1);
  });

  it('the query and fragment do not make another call', () => {
    expect(callOf(`${URL}?authuser=1#x`)).toBe(callOf(URL));
  });

  it('stays bounded however long or busy the call', () => {
    let memory: CallMemory | null = null;
    for (let i = 0; i < 400; i++) {
      memory = step(memory, i, { participants: [{ ...phone, name: `+49 30 ${1000000 + i}` }] }).memory;
    }
    expect(memory!.timeline.length).toBeLessThanOrEqual(300);
    expect(memory!.participants.length).toBeLessThanOrEqual(500);
  });
});
