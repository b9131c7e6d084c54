// assess() on random frames, policies and network facts: always a valid report, and nothing a
// page adds can make it say the call is safer than the evidence shows (issue 9).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assess, type AssessInput } from '../../../core/assess';
import { factOf, PLATFORM_MODULES } from '../../../core/platforms/index';
import { DEFAULT_POLICY } from '../../../core/policy/defaults';
import type { FrameSignals, PageRead } from '../../../core/types';
import { browserNetwork, frame, levelRank, pageRead, plainLiveConnection, policy } from '../support/arbitraries';
import { expectValidReport } from '../support/report-invariants';

const input = fc.record({
  frames: fc.array(frame, { maxLength: 4 }),
  policy: fc.oneof(fc.constant(DEFAULT_POLICY), policy),
  browserNetwork,
  timeZone: fc.constantFrom(null, 'Europe/Berlin', 'Asia/Singapore', 'Not/AZone'),
  platform: fc.constantFrom(null, 'google-meet' as const, 'zoom' as const, 'jitsi' as const, 'webrtc' as const),
});
const run = (i: Omit<AssessInput, 'url' | 'now'>) => assess({ ...i, url: 'https://meet.google.com/abc-defg-hij', now: new Date(0) });

describe('assess on anything', () => {
  it('always gives a valid report', () => {
    fc.assert(
      fc.property(input, (i) => expectValidReport(run(i))),
      { numRuns: 500 },
    );
  });

  it('live media without a transform is always "off", whatever the pages claim', () => {
    fc.assert(
      fc.property(input, plainLiveConnection, fc.nat(), (i, plain, at) => {
        const frames = [...i.frames];
        frames.splice(at % (frames.length + 1), 0, { url: 'about:blank', page: null, rtc: { connections: [plain] } });
        const report = run({ ...i, frames });
        expectValidReport(report);
        expect(report.e2ee).toBe('off');
        expect(report.findings.find((f) => f.id === 'e2ee-off')?.source).toBe('rtc');
      }),
      { numRuns: 300 },
    );
  });

  it('a frame claiming E2EE never improves a report whose encryption is already off or unknown by evidence', () => {
    const claim = pageRead.map((p): PageRead => ({ ...p, phase: 'in-call', e2ee: { state: 'on', source: 'ui', evidence: ['"End-to-end encrypted"'] } }));
    fc.assert(
      fc.property(input, claim, (i, page) => {
        const before = run(i);
        const after = run({ ...i, frames: [...i.frames, { url: 'https://evil.example/', page, rtc: null }] });
        expectValidReport(after);
        if (before.e2ee === 'off') expect(after.e2ee).toBe('off');
        if (factOf(page.platform)?.e2eeInBrowser === 'never') expect(after.e2ee).not.toBe('on');
        // A claim alone, without encoded media, is only one of the two sources "on" needs.
        if (!i.frames.some((f) => f.rtc?.connections.length)) expect(after.e2ee).not.toBe('on');
      }),
      { numRuns: 300 },
    );
  });

  it('adding a plain live call never makes the level better', () => {
    fc.assert(
      fc.property(input, plainLiveConnection, (i, plain) => {
        const before = run(i);
        const extra: FrameSignals = { url: 'about:blank', page: null, rtc: { connections: [{ ...plain, stats: undefined }] } };
        const after = run({ ...i, frames: [...i.frames, extra] });
        expect(levelRank(after.level)).toBeGreaterThanOrEqual(Math.min(levelRank(before.level), levelRank('warning')));
        expect(after.level).not.toBe('ok');
      }),
      { numRuns: 300 },
    );
  });

  it('a frame CallGuard started in after the page had loaded never lets the report say "on" or ok, and the report says so', () => {
    fc.assert(
      fc.property(input, frame, (i, lateFrame) => {
        const report = run({ ...i, frames: [...i.frames, { ...lateFrame, startedLate: true }] });
        expectValidReport(report);
        expect(report.startedLate).toBe(true);
        expect(report.e2ee).not.toBe('on');
        expect(report.level).not.toBe('ok');
      }),
      { numRuns: 300 },
    );
  });

  it('on a platform that cannot do E2EE in the browser, nothing gives "on"', () => {
    const never = PLATFORM_MODULES.filter((m) => m.fact?.e2eeInBrowser === 'never').map((m) => m.platform.id as PageRead['platform']);
    fc.assert(
      fc.property(input, fc.constantFrom(...never), (i, platform) => {
        const frames = i.frames.map((f) => (f.page ? { ...f, page: { ...f.page, platform } } : f));
        const report = run({ ...i, frames, platform });
        expect(report.e2ee).not.toBe('on');
        expect(report.level).not.toBe('ok');
      }),
      { numRuns: 300 },
    );
  });
});
