import { describe, it, expect } from 'vitest';
import { dismissBanner, NO_BANNER, nextBanner, type BannerMemory } from '../../../core/banner';
import type { BannerSettings } from '../../../core/messages';
import { networkReport } from '../../../core/network/report';
import { DEFAULT_POLICY } from '../../../core/policy/defaults';
import type { BannerMode } from '../../../core/policy/types';
import type { FindingId, Level, Report, ReportFinding, Severity } from '../../../core/types';
import { finding } from '../support/reports';

const settings = (banner: BannerMode): BannerSettings => ({ banner, acknowledgeDanger: false, supportMessage: '', supportUrl: '' });
const f = (id: FindingId, severity: Severity): ReportFinding => finding(id, severity);
const report = (inCall: boolean, level: Level, findings: ReportFinding[] = []): Report => ({
  version: 1,
  url: 'https://meet.jit.si/ProjectKestrel',
  platform: 'jitsi',
  inCall,
  phase: inCall ? 'in-call' : 'pre-join',
  level,
  e2ee: level === 'ok' ? 'on' : 'unknown',
  e2eeEvidence: [],
  findings,
  network: networkReport([], DEFAULT_POLICY, {}, null),
  participants: [],
  timeline: [],
  callStartedAt: null,
  updatedAt: '2026-05-12T10:30:00.000Z',
});

/** Feeds reports one by one (and dismissals as 'dismiss'), returning visibility after each step. */
function play(mode: BannerMode, steps: (Report | 'dismiss')[]): boolean[] {
  let memory: BannerMemory = NO_BANNER;
  return steps.map((step) => {
    memory = step === 'dismiss' ? dismissBanner(memory) : nextBanner(memory, step, settings(mode));
    return memory.visible;
  });
}

const OK = report(true, 'ok');
const E2EE_OFF = report(true, 'warning', [f('e2ee-off', 'warning')]);
const E2EE_OFF_AND_RECORDING = report(true, 'warning', [f('e2ee-off', 'warning'), f('recording', 'warning')]);
const UNVERIFIED = report(true, 'unknown', [f('e2ee-unverified', 'info')]);

describe('nextBanner', () => {
  it.each<[BannerMode, Report, boolean]>([
    ['risk', E2EE_OFF, true],
    ['risk', UNVERIFIED, true],
    ['risk', OK, false],
    ['always', OK, true],
    ['always', E2EE_OFF, true],
    ['off', E2EE_OFF, false],
    ['off', report(true, 'danger', [f('platform-not-allowed', 'danger')]), false],
  ])('mode %s, entering a call at level %s → visible %s', (mode, entering, visible) => {
    expect(play(mode, [entering])).toEqual([visible]);
  });

  it('shows nothing before the call, then shows on entering it', () => {
    const preJoin = report(false, 'warning', [f('e2ee-off', 'warning')]);
    expect(play('risk', [preJoin, preJoin, E2EE_OFF])).toEqual([false, false, true]);
    expect(nextBanner(NO_BANNER, preJoin, settings('always'))).toEqual(NO_BANNER);
  });

  it("'off' never shows, whatever happens in the call", () => {
    expect(play('off', [OK, E2EE_OFF, E2EE_OFF_AND_RECORDING])).toEqual([false, false, false]);
  });

  it('stays up until dismissed, also when the findings improve', () => {
    expect(play('risk', [E2EE_OFF, E2EE_OFF, OK])).toEqual([true, true, true]);
    expect(play('always', [OK, OK])).toEqual([true, true]);
  });

  it('a dismissal lasts while the findings stay the same', () => {
    expect(play('risk', [E2EE_OFF, 'dismiss', E2EE_OFF, E2EE_OFF])).toEqual([true, false, false, false]);
  });

  it('a new warning mid-call shows it again', () => {
    expect(play('risk', [E2EE_OFF, 'dismiss', E2EE_OFF, E2EE_OFF_AND_RECORDING])).toEqual([true, false, false, true]);
  });

  it('a new danger mid-call shows it again, a new info finding does not', () => {
    const withInfo = report(true, 'warning', [f('e2ee-off', 'warning'), f('external-participant', 'info')]);
    const withDanger = report(true, 'danger', [f('weak-transport', 'danger'), f('e2ee-off', 'warning')]);
    expect(play('risk', [E2EE_OFF, 'dismiss', withInfo])).toEqual([true, false, false]);
    expect(play('risk', [E2EE_OFF, 'dismiss', withDanger])).toEqual([true, false, true]);
  });

  it("in 'risk' mode an ok call stays quiet until a warning appears", () => {
    expect(play('risk', [OK, OK, E2EE_OFF])).toEqual([false, false, true]);
  });

  it('a finding that goes and comes back is not news', () => {
    expect(play('risk', [E2EE_OFF_AND_RECORDING, 'dismiss', E2EE_OFF, E2EE_OFF_AND_RECORDING])).toEqual([true, false, false, false]);
  });

  it('leaving the call resets everything: the next call shows again', () => {
    const left = report(false, 'unknown');
    expect(play('risk', [E2EE_OFF, 'dismiss', left, E2EE_OFF])).toEqual([true, false, false, true]);
    let memory = nextBanner(NO_BANNER, E2EE_OFF, settings('risk'));
    memory = nextBanner(dismissBanner(memory), left, settings('risk'));
    expect(memory).toEqual(NO_BANNER);
  });

  it('remembers what was shown (warnings and above only)', () => {
    const memory = nextBanner(NO_BANNER, report(true, 'warning', [f('recording', 'warning'), f('meeting-open', 'info')]), settings('risk'));
    expect(memory).toEqual({ inCall: true, visible: true, shown: ['recording'] });
    expect(dismissBanner(memory)).toEqual({ inCall: true, visible: false, shown: ['recording'] });
  });
});
