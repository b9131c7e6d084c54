// How much of the banner shows: calm on an ordinary call, the full banner for what a participant should act on.
import { describe, expect, it } from 'vitest';
import { bannerContent, dismissBanner, expandBanner, joinNeedsConfirmation, NO_BANNER, nextBanner, settleBanner, type BannerMemory, type BannerView } from '../../../core/banner';
import type { BannerMode } from '../../../core/policy/types';
import type { CallPhase, FindingId, Level, Report, ReportFinding, Severity } from '../../../core/types';
import { finding, report as baseReport, settings as bannerSettings } from '../support/reports';

const settings = (banner: BannerMode) => bannerSettings({ banner });
const f = (id: FindingId, severity: Severity): ReportFinding => finding(id, severity);
const report = (phase: CallPhase, level: Level, findings: ReportFinding[] = []): Report =>
  baseReport(level, findings, { url: 'https://meet.jit.si/ProjectKestrel', platform: 'jitsi', phase, inCall: phase === 'in-call' });

type Step = Report | 'settle' | 'dismiss' | 'expand';
const ACTIONS = { settle: settleBanner, dismiss: dismissBanner, expand: expandBanner } as const;

/** Feeds reports and the user's or the timer's actions one by one, returning the view after each step. */
function play(mode: BannerMode, steps: Step[]): BannerView[] {
  let memory: BannerMemory = NO_BANNER;
  return steps.map((step) => {
    memory = typeof step === 'string' ? ACTIONS[step](memory) : nextBanner(memory, step, settings(mode));
    return memory.view;
  });
}

const OK = report('in-call', 'ok');
const PROVIDER = report('in-call', 'warning', [f('e2ee-off', 'warning')]);
const RECORDING = report('in-call', 'warning', [f('e2ee-off', 'warning'), f('recording', 'warning')]);
const DIAL_IN = report('in-call', 'warning', [f('e2ee-off', 'warning'), f('recording', 'warning'), f('dial-in-participant', 'warning')]);
const UNVERIFIED = report('in-call', 'unknown', [f('e2ee-unverified', 'info')]);
const REQUIRED = report('in-call', 'danger', [{ ...f('e2ee-off', 'danger'), attention: true }]);

describe('nextBanner', () => {
  it.each<[BannerMode, string, Report, BannerView]>([
    ['risk', 'provider encryption only', PROVIDER, 'compact'],
    ['risk', 'E2EE not confirmed', UNVERIFIED, 'compact'],
    ['risk', 'E2EE confirmed', OK, 'pill'],
    ['always', 'E2EE confirmed', OK, 'compact'],
    ['risk', 'a recording', RECORDING, 'full'],
    ['risk', 'E2EE off where it is required', REQUIRED, 'full'],
    ['off', 'a recording', RECORDING, 'none'],
  ])('banner %s, entering a call with %s → %s', (mode, _what, entering, view) => {
    expect(play(mode, [entering])).toEqual([view]);
  });

  it('the compact banner settles into the pill; the pill stays for the call', () => {
    expect(play('risk', [PROVIDER, PROVIDER, 'settle', PROVIDER, OK])).toEqual(['compact', 'compact', 'pill', 'pill', 'pill']);
  });

  it('E2EE confirmed while the compact banner shows (media arrived): the pill at once, unless the banner is set to "always"', () => {
    expect(play('risk', [UNVERIFIED, OK])).toEqual(['compact', 'pill']);
    expect(play('always', [UNVERIFIED, OK])).toEqual(['compact', 'compact']);
  });

  it('a new finding to act on brings the full banner back mid-call, also after a dismissal', () => {
    expect(play('risk', [PROVIDER, 'settle', RECORDING, 'dismiss', RECORDING, DIAL_IN])).toEqual(['compact', 'pill', 'full', 'pill', 'pill', 'full']);
  });

  it('the full banner stays until dismissed, even when the findings improve; the pill opens it again', () => {
    expect(play('risk', [RECORDING, 'settle', PROVIDER, 'dismiss', 'expand'])).toEqual(['full', 'full', 'full', 'pill', 'full']);
  });

  it('a finding that goes and comes back is not news', () => {
    expect(play('risk', [RECORDING, 'dismiss', PROVIDER, RECORDING])).toEqual(['full', 'pill', 'pill', 'pill']);
  });

  it('before joining: compact with what is already known, nothing when nothing is', () => {
    const preJoin = report('pre-join', 'warning', [f('e2ee-off', 'warning')]);
    expect(play('risk', [report('pre-join', 'unknown'), preJoin, 'settle', PROVIDER])).toEqual(['none', 'compact', 'pill', 'compact']);
    expect(play('risk', [report('lobby', 'warning', [f('untrusted-network', 'warning')])])).toEqual(['full']);
  });

  it('leaving the call resets everything: the next call opens again', () => {
    const left = report('no-call', 'unknown');
    expect(play('risk', [RECORDING, 'dismiss', left, RECORDING])).toEqual(['full', 'pill', 'none', 'full']);
  });

  it("'off' shows nothing, whatever happens", () => {
    expect(play('off', [OK, PROVIDER, DIAL_IN])).toEqual(['none', 'none', 'none']);
  });

  it('an inactive finding (a recording that stopped) is not news', () => {
    const stopped = report('in-call', 'warning', [f('e2ee-off', 'warning'), { ...f('recording', 'warning'), active: false }]);
    expect(play('risk', [stopped])).toEqual(['compact']);
  });
});

describe('joinNeedsConfirmation', () => {
  const preJoin = (level: Level) => report('pre-join', level, level === 'danger' ? [f('platform-not-allowed', 'danger')] : [f('e2ee-off', 'warning')]);
  it.each<['off' | 'warning' | 'danger', Level, boolean]>([
    ['off', 'danger', false],
    ['danger', 'danger', true],
    ['danger', 'warning', false],
    ['warning', 'warning', true],
    ['warning', 'danger', true],
    ['warning', 'unknown', false],
  ])('confirmBeforeJoin %s, known findings at %s → %s', (confirmBeforeJoin, level, needed) => {
    expect(joinNeedsConfirmation(preJoin(level), confirmBeforeJoin)).toBe(needed);
  });

  it('only before joining; and the banner says so in full before the click', () => {
    expect(joinNeedsConfirmation(PROVIDER, 'warning')).toBe(false);
    expect(nextBanner(NO_BANNER, preJoin('warning'), bannerSettings({ confirmJoin: true })).view).toBe('full');
    expect(nextBanner(NO_BANNER, preJoin('warning'), bannerSettings()).view).toBe('compact');
  });
});

describe('bannerContent', () => {
  it('the headline names the most serious finding to act on; the list has the rest that matters, not the headline again', () => {
    const danger = report('in-call', 'danger', [f('tls-interception', 'danger'), f('recording', 'warning'), f('e2ee-off', 'warning'), f('travel', 'info')]);
    const { headline, listed } = bannerContent(danger);
    expect(headline).toEqual({ finding: 'tls-interception' });
    expect(listed.map((x) => x.id)).toEqual(['recording', 'e2ee-off']);
  });

  it('otherwise the headline is what encryption is, with the platform that can access the media, and is not listed again', () => {
    expect(bannerContent(PROVIDER)).toEqual({ headline: { e2ee: 'off', platform: 'jitsi' }, listed: [] });
    expect(bannerContent(OK).headline).toEqual({ e2ee: 'on', platform: 'jitsi' });
    expect(bannerContent({ ...PROVIDER, platform: 'webrtc' }).headline).toEqual({ e2ee: 'off', platform: null });
  });

  it('a finding that stopped is not in the banner (the report keeps it)', () => {
    const stopped = report('in-call', 'warning', [f('e2ee-off', 'warning'), { ...f('recording', 'warning'), active: false }]);
    expect(bannerContent(stopped)).toEqual({ headline: { e2ee: 'off', platform: 'jitsi' }, listed: [] });
  });
});
