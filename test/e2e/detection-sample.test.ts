// "Save a detection sample" in real Chromium with the built extension: a Zoom call whose meeting
// runs in iframe#webclient. The popup samples the host page and the meeting frame on demand and
// saves one file to the downloads folder. The file keeps Zoom's structure and what each signal
// matched, and none of the names the page lists, nor what participants wrote: the fixture's own
// and a name and a chat line a participant adds during the call.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import type { FrameSample, SampleFile } from '../../core/platforms/sample.ts';
import { waitFor } from './support/browsers.ts';
import { fixtureRoute, startChromiumSession, tabIdOf, waitForReport } from './support/extension.ts';
import type { ExtensionSession } from './support/extension.ts';
import { TABLE } from '../unit/support/fixture-table.ts';
import { WRITABLE_REGIONS } from '../unit/support/hostile.ts';

const ZOOM_URL = 'https://app.zoom.us/wc/123456789/join';
/**
 * Where Zoom's participant list and tiles show names (core/platforms/zoom.ts roster.name; e2e
 * tests run in Node without a bundler, so they cannot import the platform module itself).
 */
const ZOOM_NAMES = ['.participants-item__display-name', '.video-avatar__avatar-name', '.video-avatar__avatar-footer span'];
const FRAME_PATH = '/wc/123456789/webclient-frame';
/** Two cores shared with other engineers' browser tests: be patient, never sleep. */
const WAIT = 15_000;
/** Written by a participant during the call: nothing the extension could know beforehand. */
const NEW_NAME = 'Quirinus Vandermolen';
const NEW_LINE = 'Zorabel says the launch code is tangerine';

let session: ExtensionSession;
before(async () => {
  session = await startChromiumSession({
    '/wc/123456789/join': fixtureRoute('zoom/webclient-host'),
    [FRAME_PATH]: fixtureRoute('zoom/external'),
  });
});
after(() => session?.close());

async function meetingFrame(page: Page): Promise<Frame> {
  return waitFor(
    async () => {
      const frame = page.frames().find((f) => new URL(f.url()).pathname === FRAME_PATH);
      return frame && (await frame.evaluate(() => document.readyState === 'complete')) ? frame : undefined;
    },
    { what: `frame ${FRAME_PATH}`, timeoutMs: WAIT },
  );
}

/** Text of the elements the selectors find in a frame. */
const textsOf = (frame: Frame, selectors: readonly string[]) =>
  frame.evaluate((list: string[]) => list.flatMap((s) => [...document.querySelectorAll(s)].map((el) => (el.textContent ?? '').trim())), [...selectors]);

test('the popup saves a redacted sample of the call page and its meeting frame, and says where', async () => {
  const page = await session.browser.newPage();
  await page.goto(ZOOM_URL, { waitUntil: 'domcontentloaded' });
  const tabId = await tabIdOf(session.worker, page);
  await waitForReport(session.worker, tabId, 'zoom in call', (r) => r.inCall && r.platform === 'zoom', WAIT);

  // A participant renames themself and writes in the chat.
  const frame = await meetingFrame(page);
  const chat = WRITABLE_REGIONS.zoom!.find((r) => r.selector.includes('Chat'))!;
  await frame.evaluate(
    (name: string, line: string, nameSelector: string, chatSelector: string, as: string) => {
      document.querySelector(nameSelector)!.textContent = name;
      document.querySelector(chatSelector)!.append(Object.assign(document.createElement(as), { textContent: line }));
    },
    NEW_NAME,
    NEW_LINE,
    ZOOM_NAMES[0]!,
    chat.selector,
    chat.as,
  );
  const names = [...(await textsOf(frame, ZOOM_NAMES)), ...(TABLE.zoom!['external.html']!.participants ?? []).map((p) => p.split(':')[1]!)];
  const written = await textsOf(frame, WRITABLE_REGIONS.zoom!.map((r) => r.selector));
  assert.ok(names.includes(NEW_NAME) && written.some((t) => t.includes(NEW_LINE)), 'the participant text is on the page');

  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'callguard-sample-'));
  try {
    const popup = await session.browser.newPage();
    const cdp = await popup.createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    await popup.goto(`chrome-extension://${new URL(session.worker.url()).host}/popup.html?tab=${tabId}`, { waitUntil: 'load' });
    const button = await waitFor(() => popup.$('xpath/.//button[normalize-space()="Save a detection sample"]'), { what: 'the sample button', timeoutMs: WAIT });
    await button.click();

    const status = await waitFor(
      () => popup.$eval('[data-field="sample-status"]', (el) => (/^Saved /.test(el.textContent ?? '') ? el.textContent : null)),
      { what: 'the saved status', timeoutMs: WAIT },
    );
    const file = await waitFor(async () => fs.readdirSync(downloads).find((f) => /^callguard-sample-zoom-.*\.json$/.test(f)), { what: 'the sample file', timeoutMs: WAIT });
    assert.equal(status, `Saved ${file} to your downloads.`);
    const text = fs.readFileSync(path.join(downloads, file), 'utf8');
    const sample = JSON.parse(text) as SampleFile;

    // The host page and the meeting frame, each read as Zoom, with Zoom's structure.
    const frames = sample.frames as (FrameSample & { frameId: number })[];
    const host = frames.find((f) => f.frameId === 0)!;
    const call = frames.find((f) => f.frameId !== 0)!;
    assert.equal(frames.length, 2, JSON.stringify(frames.map((f) => f.url)));
    assert.equal(host.url, 'https://app.zoom.us/wc/999999999/join');
    assert.equal(host.read.phase, 'no-call');
    assert.equal(host.selectors.callFrames?.['iframe#webclient'], 1);
    assert.match(host.html, /<iframe id="webclient"/);
    assert.equal(call.read.phase, 'in-call');
    assert.deepEqual(call.read.participants.map((p) => p.kind), ['external']);
    assert.match(call.markers.find((m) => m.signal === 'phase in-call')!.matched!, /^element /);
    assert.match(call.html, /<footer [^>]*id="wc-footer"/);
    assert.match(call.html, /class="item-pos participants-li "/);
    assert.ok((call.selectors.rosterRows?.['div.participants-li'] ?? 0) >= 3);

    // None of the names, and nothing participants wrote.
    for (const name of names) assert.ok(!text.includes(name), `the file holds the name ${name}`);
    for (const line of written.filter((t) => /\p{L}{3}/u.test(t))) assert.ok(!text.includes(line), `the file holds the line ${line}`);
    for (const word of ['Quirinus', 'Vandermolen', 'Zorabel', 'tangerine']) assert.ok(!text.includes(word), word);
  } finally {
    fs.rmSync(downloads, { recursive: true, force: true });
    await page.close().catch(() => {});
  }
});
