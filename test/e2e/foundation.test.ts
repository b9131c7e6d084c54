// The first slice end to end, in real Chromium with the built extension: fixture pages served
// at the real conference hostnames, a real loopback WebRTC call with a fake camera and mic.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import { waitFor } from './support/browsers.ts';
import { bannerText, fixtureRoute, startChromiumSession, tabIdOf, waitForReport } from './support/extension.ts';
import type { ExtensionSession } from './support/extension.ts';

const MEET_URL = 'https://meet.google.com/abc-defg-hij';
const JITSI_URL = 'https://meet.jit.si/CallGuardFoundationTest';

let session: ExtensionSession;
before(async () => {
  session = await startChromiumSession({
    '/abc-defg-hij': fixtureRoute('google-meet/pre-join'),
    '/CallGuardFoundationTest': fixtureRoute('jitsi/pre-join'),
    '/elsewhere': fixtureRoute('google-meet/in-call'),
  });
});
after(() => session?.close());

async function open(url: string): Promise<{ page: Page; tabId: number }> {
  const page = await session.browser.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return { page, tabId: await tabIdOf(session.worker, page) };
}

test('Meet: pre-join gets a report and no banner; joining a live call shows it, e2ee off', async () => {
  const { page, tabId } = await open(MEET_URL);
  try {
    const preJoin = await waitForReport(session.worker, tabId, 'pre-join report', (r) => r.phase === 'pre-join');
    assert.equal(preJoin.platform, 'google-meet');
    assert.equal(preJoin.inCall, false);
    assert.equal(preJoin.url, MEET_URL);
    assert.equal(await bannerText(page), null, 'no banner before joining');

    await page.evaluate(() => (window as any).__fixture.goto('google-meet/in-call'));
    await page.evaluate(() => (window as any).__fixture.startCall({ transforms: 'none' }));
    const inCall = await waitForReport(
      session.worker,
      tabId,
      'in-call report with rtc evidence',
      (r) => r.inCall && r.findings.some((f) => f.id === 'e2ee-off' && f.source === 'rtc'),
    );
    assert.equal(inCall.e2ee, 'off');
    assert.equal(inCall.level, 'warning');
    assert.equal(inCall.version, 1);
    assert.match(inCall.updatedAt, /^\d{4}-\d\d-\d\dT/);
    // An ordinary Meet call: provider encryption, said plainly in the compact banner.
    const text = await waitFor(() => bannerText(page), { what: 'banner after joining' });
    assert.match(text, /Google Meet can access this call's audio and video/);
  } finally {
    await page.close();
  }
});

test('Meet lobby looks like the call but is not: no banner, phase lobby', async () => {
  const { page, tabId } = await open(MEET_URL);
  try {
    await page.evaluate(() => (window as any).__fixture.goto('google-meet/lobby'));
    const report = await waitForReport(session.worker, tabId, 'lobby report', (r) => r.phase === 'lobby');
    assert.equal(report.inCall, false);
    assert.equal(await bannerText(page), null);
  } finally {
    await page.close();
  }
});

test('Meet recording and dial-in are reported with evidence', async () => {
  const { page, tabId } = await open(MEET_URL);
  try {
    await page.evaluate(() => (window as any).__fixture.goto('google-meet/recording'));
    const recording = await waitForReport(session.worker, tabId, 'recording finding', (r) => r.findings.some((f) => f.id === 'recording'));
    assert.ok(recording.findings.find((f) => f.id === 'recording')!.evidence.length > 0);
    await page.evaluate(() => (window as any).__fixture.goto('google-meet/dial-in'));
    const dialIn = await waitForReport(session.worker, tabId, 'dial-in finding', (r) =>
      r.findings.some((f) => f.id === 'dial-in-participant'),
    );
    assert.equal(dialIn.findings.find((f) => f.id === 'dial-in-participant')!.source, 'ui');
  } finally {
    await page.close();
  }
});

test('Jitsi: E2EE read from the app state; a plain call contradicts it by rtc', async () => {
  const { page, tabId } = await open(JITSI_URL);
  try {
    const preJoin = await waitForReport(session.worker, tabId, 'jitsi pre-join', (r) => r.phase === 'pre-join');
    assert.equal(preJoin.platform, 'jitsi');
    await page.evaluate(() => (window as any).__fixture.goto('jitsi/e2ee-on'));
    await page.evaluate(() => (window as any).__fixture.startCall({ transforms: 'all' }));
    const on = await waitForReport(
      session.worker,
      tabId,
      'jitsi e2ee on, with transforms seen',
      (r) => r.inCall && r.e2ee === 'on' && r.e2eeEvidence.some((e) => /the media path agrees/.test(e)),
    );
    assert.ok(!on.findings.some((f) => f.id === 'e2ee-off'));
    assert.ok(on.e2eeEvidence.some((e) => /end-to-end encryption is on for every participant/.test(e)));

    await page.evaluate(() => (window as any).__fixture.endCalls());
    await page.evaluate(() => (window as any).__fixture.startCall({ transforms: 'none' }));
    const contradicted = await waitForReport(session.worker, tabId, 'rtc contradicts the app', (r) =>
      r.findings.some((f) => f.id === 'e2ee-off' && f.source === 'rtc'),
    );
    assert.equal(contradicted.e2ee, 'off');
  } finally {
    await page.close();
  }
});

test('Jitsi: E2EE off in the app state gives e2ee-off; dial-in participants are found', async () => {
  const { page, tabId } = await open(JITSI_URL);
  try {
    await page.evaluate(() => (window as any).__fixture.goto('jitsi/dial-in'));
    const report = await waitForReport(session.worker, tabId, 'jitsi dial-in', (r) =>
      r.findings.some((f) => f.id === 'dial-in-participant'),
    );
    assert.equal(report.inCall, true);
    assert.ok(report.participants.some((p) => p.kind === 'phone'));
  } finally {
    await page.close();
  }
});

test('A page on another site gets no content script and no report', async () => {
  const page = await session.browser.newPage();
  try {
    await page.goto('https://www.example.org/elsewhere', { waitUntil: 'load' });
    await page.evaluate(() => (window as any).__fixture.startCall({ transforms: 'none' }));
    await new Promise((r) => setTimeout(r, 1500));
    const wrapped = await page.evaluate(() => (RTCPeerConnection as any)[Symbol.for('callguard.wrapped')] === true);
    assert.equal(wrapped, false, 'the probe did not run here');
    assert.equal(await bannerText(page), null);
    // The extension has no access to this tab at all, so look for any report naming its site.
    const stored = await session.worker.evaluate(() => (globalThis as any).chrome.storage.session.get(null));
    const urls = Object.values(stored as Record<string, { url?: string }>).map((v) => v.url ?? '');
    assert.ok(!urls.some((u) => u.includes('example.org')), `no report for example.org: ${urls.join(', ')}`);
  } finally {
    await page.close();
  }
});
