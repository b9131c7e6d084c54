// @vitest-environment happy-dom
// Every platform adapter on random pages: it never throws, reads a well-formed PageRead, and
// the report assessed from it is valid and never safer than the evidence (issue 9).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assess } from '../../../../core/assess';
import { PLATFORM_MODULES, platformById, platformForUrl } from '../../../../core/platforms/index';
import { isCallUrl, readPage } from '../../../../core/platforms/read';
import { DEFAULT_POLICY } from '../../../../core/policy/defaults';
import { PLATFORM_IDS, type ConnectionFact, type PageRead, type PlatformId } from '../../../../core/types';
import { appState, pageHtml, PHASES, plainLiveConnection, selectorElementCount } from '../../support/arbitraries';
import { expectValidReport } from '../../support/report-invariants';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const KINDS = ['phone', 'external', 'bot', 'recorder'];
const NEVER = PLATFORM_MODULES.filter((m) => m.fact?.e2eeInBrowser === 'never').map((m) => m.platform.id);

function expectWellFormed(read: PageRead, platform: PlatformId) {
  expect(read.platform).toBe(platform);
  expect(PHASES).toContain(read.phase);
  expect(Array.isArray(read.phaseEvidence)).toBe(true);
  if (read.e2ee !== null) {
    expect(['on', 'off']).toContain(read.e2ee.state);
    expect(['ui', 'platform']).toContain(read.e2ee.source);
    expect(read.e2ee.evidence.length).toBeGreaterThan(0);
    for (const e of read.e2ee.evidence) expect(typeof e).toBe('string');
  }
  for (const seen of [read.recording, read.transcription, read.meetingOpen]) {
    if (seen !== null) expect(seen.evidence.length).toBeGreaterThan(0);
  }
  for (const p of read.participants) {
    expect(KINDS).toContain(p.kind);
    expect(typeof p.name).toBe('string');
    expect(typeof p.evidence).toBe('string');
  }
  for (const u of read.unreadable) expect(typeof u).toBe('string');
}

const assessRead = (platform: PlatformId, read: PageRead, connections: ConnectionFact[] = []) =>
  assess({
    url: 'https://example.com/call',
    platform,
    frames: [{ url: 'https://example.com/call', page: read, rtc: { connections } }],
    policy: DEFAULT_POLICY,
    timeZone: null,
    now: new Date(0),
  });

describe('every adapter on random pages', () => {
  it('the random pages are built from the adapters\' own selectors', () => {
    expect(selectorElementCount).toBeGreaterThan(50);
  });

  it.each(PLATFORM_IDS.map((id) => [id] as const))('%s never throws and reads a well-formed page', (id) => {
    const platform = platformById(id);
    fc.assert(
      fc.property(pageHtml, appState, (html, app) => {
        const read = readPage(platform, parse(html), app);
        expectWellFormed(read, id);
        expectValidReport(assessRead(id, read));
      }),
      { numRuns: 150 },
    );
  });

  it.each(PLATFORM_IDS.map((id) => [id] as const))('%s: a plain live call is never "on", whatever the page shows', (id) => {
    const platform = platformById(id);
    fc.assert(
      fc.property(pageHtml, appState, plainLiveConnection, (html, app, plain) => {
        const report = assessRead(id, readPage(platform, parse(html), app), [plain]);
        expectValidReport(report);
        expect(report.e2ee).toBe('off');
        expect(report.level).not.toBe('ok');
      }),
      { numRuns: 60 },
    );
  });

  it.each(NEVER.map((id) => [id] as const))('%s (no E2EE in the browser): no page makes it "on", and the verdict is off', (id) => {
    const platform = platformById(id);
    // Pages made to look encrypted, at the places the adapter looks, in every language.
    const claim = fc.constantFrom('End-to-end encrypted', 'This meeting is end-to-end encrypted', 'Ende-zu-Ende-verschlüsselt', 'chiffré de bout en bout', 'Encrypted');
    const claiming = fc.tuple(pageHtml, claim).map(
      ([html, text]) =>
        html.replace(
          '<body>',
          `<body><div class="encryption-indicator security-icon meeting-info" role="status" aria-label="${text}">${text}</div><button aria-label="Leave">Leave</button>`,
        ),
    );
    fc.assert(
      fc.property(claiming, appState, (html, app) => {
        const read = readPage(platform, parse(html), app);
        const report = assessRead(id, read);
        expect(report.e2ee).not.toBe('on');
        expect(report.level).not.toBe('ok');
        if (read.phase === 'in-call') expect(report.e2ee).toBe('off');
      }),
      { numRuns: 60 },
    );
  });
});

describe('URLs', () => {
  it('platformForUrl and isCallUrl never throw', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (raw) => {
        const url = new URL(raw);
        const platform = platformForUrl(url);
        expect(platform === null || PLATFORM_IDS.includes(platform)).toBe(true);
        for (const id of PLATFORM_IDS) expect(typeof isCallUrl(platformById(id), url)).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  });
});
