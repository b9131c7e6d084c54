// `npm run demo`: the built extension in Chrome, Chromium or Edge (CHROME_PATH, else the usual
// places: scripts/find-browser.ts) on a demo Google Meet call, served at the real hostname on
// loopback. Where there is a display the browser stays open for you; without one it runs headless
// and saves screenshots of the banner and the popup.
import fs from 'node:fs';
import path from 'node:path';
import { settledBannerText } from '../test/e2e/support/banner-dom.ts';
import { launchChromium, extensionServiceWorker } from '../test/e2e/support/browsers.ts';
import { CHROME_BUILD, FIXTURES, fixtureRoute, REPO, tabIdOf, TEST_HOSTS } from '../test/e2e/support/extension.ts';
import { startFixtureServer } from '../test/e2e/support/server.ts';
import { chromiumWindowArgs, thisComputer } from './find-browser.ts';

const DEMO_URL = 'https://meet.google.com/abc-defg-hij';
const outDir = path.resolve(process.env.CALLGUARD_DEMO_OUT ?? path.join(REPO, 'demo-output'));
const windowArgs = process.env.CALLGUARD_DEMO_HEADLESS === '1' ? undefined : chromiumWindowArgs(thisComputer);
const headless = windowArgs === undefined;

const server = await startFixtureServer({ root: FIXTURES, routes: { '/abc-defg-hij': fixtureRoute('google-meet/pre-join') } });
let browser;
try {
  // Over DevTools: Google Chrome no longer loads an extension given on its command line.
  browser = await launchChromium({ extensionDir: CHROME_BUILD, loadOverDevTools: true, hosts: TEST_HOSTS, port: server.port, headless, extraArgs: windowArgs });
} catch (error) {
  console.error((error as Error).message);
  await server.close();
  process.exit(1);
}
const worker = await extensionServiceWorker(browser);
const page = (await browser.pages())[0] ?? (await browser.newPage());
await page.setViewport({ width: 1280, height: 760 });
await page.goto(DEMO_URL, { waitUntil: 'domcontentloaded' });
console.log(`Demo call open at ${DEMO_URL} in ${await browser.version()} (served on loopback, port ${server.port}).`);
// Join: the page moves from pre-join to the call, and a real WebRTC call starts on the fake camera.
await new Promise((r) => setTimeout(r, 1500));
await page.evaluate(() => (window as any).__fixture.goto('google-meet/dial-in'));
await page.evaluate(() => (window as any).__fixture.startCall({ transforms: 'none' }));
await settledBannerText(page);

if (headless) {
  fs.mkdirSync(outDir, { recursive: true });
  const bannerShot = path.join(outDir, 'banner.png');
  await page.screenshot({ path: bannerShot });
  const tabId = await tabIdOf(worker, page);
  const extensionId = new URL(worker.url()).host;
  const popup = await browser.newPage();
  await popup.setViewport({ width: 420, height: 760 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('.report');
  const popupShot = path.join(outDir, 'popup.png');
  await popup.screenshot({ path: popupShot, fullPage: true });
  console.log(`No display: ran headless. Screenshots saved:\n  ${bannerShot}\n  ${popupShot}`);
  await browser.close();
  await server.close();
} else {
  console.log('The banner is up. Click the CallGuard toolbar button for the full report. Close the browser to end the demo.');
  browser.on('disconnected', () => void server.close());
}
