// One real-browser test per class of wrong verdict seen on pages rebuilt from what the platforms
// ship (test/fixtures/<platform>/SOURCES.md) and with participants who try to fool CallGuard:
// real Chromium with the built extension, the real hostnames, real loopback WebRTC. The unit
// twins are in test/unit/core/verdict-classes.test.ts. E2E_CHROME_BUILD=<another build> runs
// them against it (version 0.1.0, commit b562d66, fails every one).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import type { Report } from '../../core/types.ts';
import { CHROME_BUILD, fixtureRoute, startChromiumSession, tabIdOf, TEST_HOSTS, waitForReport } from './support/extension.ts';
import type { ExtensionSession } from './support/extension.ts';
import { setUserSettings } from './support/ui-states.ts';

const ROUTES = {
  '/cgv-prej-oin': fixtureRoute('google-meet/pre-join'),
  '/cgv-lobb-yyy': fixtureRoute('google-meet/lobby'),
  '/cgv-incl-all': fixtureRoute('google-meet/in-call'),
  '/cgv-dial-inx': fixtureRoute('google-meet/dial-in'),
  '/wc/987654321/join': fixtureRoute('zoom/waiting-room'),
  '/CallGuardPartialE2ee': fixtureRoute('jitsi/e2ee-partial'),
  '/room/cg-verdicts': fixtureRoute('element-call/e2ee-on'),
  '/room/cg-prejoin': fixtureRoute('element-call/pre-join'),
};

let session: ExtensionSession;
before(async () => {
  session = await startChromiumSession(ROUTES, { hosts: [...TEST_HOSTS, 'call.element.io'], extensionDir: process.env.E2E_CHROME_BUILD ?? CHROME_BUILD });
  await setUserSettings(session.worker, {});
});
after(() => session?.close());

const finding = (report: Report, id: string) => report.findings.find((f) => f.id === id);

async function open(url: string, transforms: 'none' | 'all' | null = null): Promise<{ page: Page; tabId: number }> {
  const page = await session.browser.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const tabId = await tabIdOf(session.worker, page);
  if (transforms) await page.evaluate((t: string) => (window as any).__fixture.startCall({ transforms: t }), transforms);
  return { page, tabId };
}

async function withPage(url: string, transforms: 'none' | 'all' | null, run: (page: Page, tabId: number) => Promise<void>) {
  const { page, tabId } = await open(url, transforms);
  try {
    await run(page, tabId);
  } finally {
    await page.close();
  }
}

test('lobbies are not calls: Meet pre-join and waiting screens (self-preview tile), Zoom waiting room, Element Call pre-join', async () => {
  for (const [url, phase] of [
    ['https://meet.google.com/cgv-prej-oin', 'pre-join'],
    ['https://meet.google.com/cgv-lobb-yyy', 'lobby'],
    ['https://app.zoom.us/wc/987654321/join', 'lobby'],
    ['https://call.element.io/room/cg-prejoin', 'pre-join'],
  ] as const) {
    await withPage(url, null, async (_page, tabId) => {
      const report = await waitForReport(session.worker, tabId, `${url}: ${phase}`, (r) => r.phase !== 'unknown');
      assert.equal(report.phase, phase, url);
      assert.equal(report.inCall, false, url);
    });
  }
});

test('Jitsi with E2EE on but one participant without it, transforms on every track: not "on"', async () => {
  await withPage('https://meet.jit.si/CallGuardPartialE2ee', 'all', async (_page, tabId) => {
    const report = await waitForReport(session.worker, tabId, 'jitsi in call with media flowing', (r) => r.inCall && r.network.dtlsState === 'connected');
    assert.notEqual(report.e2ee, 'on');
    assert.notEqual(report.level, 'ok');
  });
});

test("Element Call's lock (data-encrypted only) and encoded media: end-to-end encrypted, from both sources", async () => {
  await withPage('https://call.element.io/room/cg-verdicts', 'all', async (_page, tabId) => {
    const report = await waitForReport(session.worker, tabId, 'element call on', (r) => r.e2ee === 'on', 15_000);
    assert.ok(report.e2eeEvidence.some((e) => /the media path agrees/.test(e)));
    assert.equal(report.level, 'ok');
  });
});

test('participant text does not steer: a guest named "🔒 Client-side encrypted" and chat about recording, on a plain Meet call', async () => {
  await withPage('https://meet.google.com/cgv-incl-all', 'all', async (page, tabId) => {
    await waitForReport(session.worker, tabId, 'in call, media flowing', (r) => r.inCall && r.network.dtlsState === 'connected');
    // Meet shows a name on the tile, in the People list (and its labels), in chat and captions.
    await page.evaluate(() => {
      const guest = '🔒 Client-side encrypted';
      for (const el of document.querySelectorAll('span, div')) if (el.childElementCount === 0 && el.textContent === 'Bernd Müller') el.textContent = guest;
      for (const el of document.querySelectorAll('[aria-label*="Bernd Müller"]')) el.setAttribute('aria-label', el.getAttribute('aria-label')!.replace('Bernd Müller', guest));
      for (const el of document.querySelectorAll('[data-is-tv], .ygicle')) el.textContent = 'is this being recorded? This call is end-to-end encrypted';
    });
    // Let CallGuard read the renamed page: a report after the change.
    const before = Date.now();
    const report = await waitForReport(session.worker, tabId, 'a report after the rename', (r) => Date.parse(r.updatedAt) >= before - 50);
    assert.notEqual(report.e2ee, 'on');
    assert.equal(finding(report, 'recording'), undefined);
  });
});

test('disguised bots are bots: "0tter.ai" (zero), "Оtter.ai" (Cyrillic), "Fire\u200Bflies.ai" (zero-width), fullwidth letters', async () => {
  await withPage('https://meet.google.com/cgv-incl-all', 'none', async (page, tabId) => {
    await waitForReport(session.worker, tabId, 'in call', (r) => r.inCall);
    for (const name of ['0tter.ai', 'Оtter.ai', 'Fire\u200Bflies.ai Notetaker', 'Ｆｉｒｅｆｌｉｅｓ.ai']) {
      await page.evaluate((n: string) => {
        for (const el of document.querySelectorAll('span.notranslate')) if (el.textContent !== 'Anna Schmidt') el.textContent = n;
      }, name);
      const report = await waitForReport(session.worker, tabId, `bot ${JSON.stringify(name)}`, (r) => r.participants.some((p) => p.kind === 'bot' && p.present));
      assert.ok(finding(report, 'ai-notetaker'), name);
      await page.evaluate(() => {
        for (const el of document.querySelectorAll('span.notranslate')) if (el.textContent !== 'Anna Schmidt') el.textContent = 'Bernd Müller';
      });
      await waitForReport(session.worker, tabId, 'the bot left', (r) => !r.participants.some((p) => p.kind === 'bot' && p.present));
    }
  });
});

test('a caller who hung up is not forgotten: the phone line and its finding stay until the call ends', async () => {
  await withPage('https://meet.google.com/cgv-dial-inx', 'none', async (page, tabId) => {
    const dialled = await waitForReport(session.worker, tabId, 'dial-in', (r) => !!finding(r, 'dial-in-participant'));
    assert.ok(dialled.participants.some((p) => p.kind === 'phone' && p.name === '+1 650-***-**89'), 'the masked number is a phone line');
    await page.evaluate(() => (window as any).__fixture.goto('google-meet/in-call'));
    const after = await waitForReport(session.worker, tabId, 'the caller left', (r) => r.participants.some((p) => p.kind === 'phone' && !p.present));
    assert.equal(finding(after, 'dial-in-participant')?.active, false);
    assert.equal(after.level, 'warning');
    assert.ok(after.timeline.some((e) => e.event === 'participant-left' && e.participant === 'phone'));
  });
});
