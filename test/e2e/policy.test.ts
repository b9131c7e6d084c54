// Organisation policy in real Chromium: a managed policy file written before the browser starts
// reaches the extension's storage.managed, changes verdicts and the banner, locks settings on the
// options page, and a changed policy applies live. The policy file is always removed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';
import { waitFor } from './support/browsers.ts';
import { bannerText, fixtureRoute, startChromiumSession, tabIdOf, waitForReport } from './support/extension.ts';
import type { ExtensionSession } from './support/extension.ts';
import { chromiumExtensionPolicy, claimChromiumPolicy, reloadChromiumPolicies, type PolicyFile } from './support/policy.ts';

declare const chrome: any;

const EXTENSION_ID = 'cnldncfpjacjjaieclaikfncgalbodkg';
const MEET_URL = 'https://meet.google.com/abc-defg-hij';
const OPTIONS_URL = `chrome-extension://${EXTENSION_ID}/options.html`;

const POLICY = {
  requireE2EE: true,
  banner: 'off',
  trustedNetworks: ['203.0.113.0/24', 'not-a-network'],
  conferenceSites: [{ pattern: 'https://meet.example.org/*', platform: 'jitsi' }],
  supportMessage: 'Call the IT desk on 1234.',
  notACallGuardSetting: true,
};

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core (WCAG 2.2 A/AA) on a page: the violations, as "rule: target" lines. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE); // through the DevTools protocol, so the page's CSP allows it
  const { violations, passes } = (await page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] });
    return {
      violations: result.violations.flatMap((v: any) => v.nodes.map((n: any) => `${v.id}: ${n.target.join(' ')}`)),
      passes: result.passes.length,
    };
  })) as { violations: string[]; passes: number };
  assert.ok(passes > 10, `axe checked next to nothing (${passes} rules passed)`);
  return violations;
}

let policyFile: PolicyFile | undefined;
let session: ExtensionSession;

before(async () => {
  policyFile = await claimChromiumPolicy('callguard-e2e-policy', chromiumExtensionPolicy(EXTENSION_ID, POLICY));
  try {
    session = await startChromiumSession({ '/abc-defg-hij': fixtureRoute('google-meet/pre-join') });
  } catch (error) {
    policyFile.remove();
    throw error;
  }
});

after(async () => {
  try {
    await session?.close();
  } finally {
    policyFile?.remove();
  }
});

const managed = () => session.worker.evaluate(() => chrome.storage.managed.get()) as Promise<Record<string, unknown>>;

async function joinMeetCall(): Promise<{ page: Page; tabId: number }> {
  const page = await session.browser.newPage();
  await page.goto(MEET_URL, { waitUntil: 'domcontentloaded' });
  const tabId = await tabIdOf(session.worker, page);
  await waitForReport(session.worker, tabId, 'pre-join report', (r) => r.phase === 'pre-join', 20_000);
  await page.evaluate(() => (window as any).__fixture.goto('google-meet/in-call'));
  await page.evaluate(() => (window as any).__fixture.startCall({ transforms: 'none' }));
  return { page, tabId };
}

test('the policy file reaches storage.managed', async () => {
  const policy = await waitFor(async () => {
    const value = await managed();
    return Object.keys(value).length > 0 ? value : undefined;
  }, { what: 'managed storage', timeoutMs: 15_000 });
  assert.equal(policy.requireE2EE, true);
  assert.equal(policy.banner, 'off');
  assert.deepEqual(policy.conferenceSites, POLICY.conferenceSites);
  // Chromium checks the policy against managed_schema.json and drops what does not fit (an
  // unknown key here) before the extension sees it; chrome://policy shows the error.
  assert.equal('notACallGuardSetting' in policy, false);
  // A string that is not a CIDR fits the schema: the extension ignores it (diagnostic below).
  assert.deepEqual(policy.trustedNetworks, POLICY.trustedNetworks);
});

let call: { page: Page; tabId: number } | undefined;

test('requireE2EE makes an unencrypted call a danger; banner "off" shows no banner', async () => {
  call = await joinMeetCall();
  const report = await waitForReport(
    session.worker,
    call.tabId,
    'in-call report with e2ee-off',
    (r) => r.inCall && r.findings.some((f) => f.id === 'e2ee-off'),
    20_000,
  );
  assert.equal(report.findings.find((f) => f.id === 'e2ee-off')?.severity, 'danger');
  assert.equal(report.level, 'danger');
  // The content script got the report (and its settings) well before this; give it a moment more.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  assert.equal(await bannerText(call.page), null, 'no banner with banner: off');
});

test('the options page locks the organisation\'s settings and lists the policy problems', async () => {
  const page = await session.browser.newPage();
  try {
    await page.goto(OPTIONS_URL, { waitUntil: 'load' });
    await page.waitForSelector('[data-setting="requireE2EE"]');
    const locked = await page.$$eval('[data-setting][data-locked="true"]', (nodes) => nodes.map((n) => n.getAttribute('data-setting')));
    assert.deepEqual(locked.sort(), ['banner', 'conferenceSites', 'requireE2EE', 'supportMessage', 'trustedNetworks']);
    const requireE2EE = await page.$eval('[data-setting="requireE2EE"]', (n) => ({
      text: n.textContent,
      disabled: (n.querySelector('input') as HTMLInputElement).disabled,
      checked: (n.querySelector('input') as HTMLInputElement).checked,
      describedBy: n.querySelector('input')!.getAttribute('aria-describedby'),
    }));
    assert.match(requireE2EE.text ?? '', /Set by your organisation/);
    assert.equal(requireE2EE.disabled, true);
    assert.equal(requireE2EE.checked, true);
    assert.match(requireE2EE.describedBy ?? '', /setting-requireE2EE-locked/);
    // A locked group is a disabled fieldset: every radio button in it is disabled.
    assert.equal(await page.$eval('[data-setting="banner"]', (n) => (n as HTMLFieldSetElement).disabled), true);
    assert.equal(await page.$eval('input[name="banner"][value="off"]', (n) => (n as HTMLInputElement).checked), true);
    // Not set by the organisation: editable.
    assert.equal(await page.$eval('#setting-homeTimeZones', (n) => (n as HTMLTextAreaElement).disabled), false);

    const diagnostics = await page.$$eval('[data-diagnostic]', (nodes) =>
      nodes.map((n) => `${n.getAttribute('data-origin')} ${n.getAttribute('data-diagnostic')} ${n.getAttribute('data-problem')}`),
    );
    assert.deepEqual(diagnostics, ['admin trustedNetworks invalid-value']);
    assert.match(await page.$eval('[data-diagnostic="trustedNetworks"]', (n) => n.textContent ?? ''), /not-a-network/);

    // The organisation's site is listed; the store build still needs the user's permission for it.
    const site = await page.$eval('[data-site="https://meet.example.org/*"]', (n) => n.getAttribute('data-site-status'));
    assert.equal(site, 'needed');
    assert.ok(await page.$('[data-grant-access]'), 'a one-click access button');

    assert.deepEqual(await axeViolations(page), [], 'no axe violations on the options page');
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    assert.deepEqual(await axeViolations(page), [], 'no axe violations on the options page, dark');
    await page.emulateMediaFeatures([]);
    // Keyboard: Tab skips the locked controls and reaches the first editable one.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'setting-acknowledgeDanger');
  } finally {
    await page.close();
  }
});

test('the options page refuses invalid input and saves valid user settings only', async () => {
  const page = await session.browser.newPage();
  const userSettings = () => session.worker.evaluate(async () => (await chrome.storage.local.get('userSettings')).userSettings);
  try {
    await page.goto(OPTIONS_URL, { waitUntil: 'load' });
    await page.waitForSelector('#setting-homeTimeZones');
    await page.type('#setting-homeTimeZones', 'Europe/Paris\nMars/Olympus_Mons');
    await page.click('button[type="submit"]');
    const error = await page.waitForSelector('#setting-homeTimeZones-error');
    assert.match((await error!.evaluate((n) => n.textContent)) ?? '', /Mars\/Olympus_Mons/);
    assert.equal(await page.$eval('#setting-homeTimeZones', (n) => n.getAttribute('aria-invalid')), 'true');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'setting-homeTimeZones', 'focus moves to the field');
    assert.equal(await page.$eval('[data-save-status]', (n) => n.getAttribute('data-save-status')), 'invalid');
    assert.equal(await userSettings(), undefined, 'nothing saved');

    // Correct it with the keyboard: select all, type again, submit with Enter from a text field.
    await page.click('#setting-homeTimeZones', { count: 3 });
    await page.keyboard.down('Control');
    await page.keyboard.press('KeyA');
    await page.keyboard.up('Control');
    await page.keyboard.type('Europe/Paris');
    await page.click('#setting-acknowledgeDanger');
    await page.click('button[type="submit"]');
    await page.waitForSelector('[data-save-status="saved"]');
    const saved = await waitFor(() => userSettings(), { what: 'saved user settings' });
    // Only what the user set: nothing the organisation locked, nothing left at its default.
    assert.deepEqual(saved, { homeTimeZones: ['Europe/Paris'], acknowledgeDanger: true });
  } finally {
    await page.close();
  }
});

test('a changed policy applies live (storage.onChanged for managed)', async () => {
  assert.ok(call, 'the call from the earlier test is still open');
  policyFile!.write(chromiumExtensionPolicy(EXTENSION_ID, { requireE2EE: false, banner: 'always' }));
  await reloadChromiumPolicies(session.browser);
  await waitFor(async () => (await managed()).banner === 'always', { what: 'new managed policy', timeoutMs: 15_000 });
  const report = await waitForReport(session.worker, call.tabId, 'report under the new policy', (r) =>
    r.findings.some((f) => f.id === 'e2ee-off' && f.severity === 'warning'),
  );
  assert.equal(report.level, 'warning');
  // No longer required: provider encryption is the calm baseline again, said plainly.
  const text = await waitFor(() => bannerText(call!.page), { what: 'banner under banner: always', timeoutMs: 10_000 });
  assert.match(text, /Google Meet can access this call's audio and video/);
  await call.page.close();
});
