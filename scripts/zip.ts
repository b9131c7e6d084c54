// `npm run zip`: the store packages, each built and zipped by WXT's own `wxt zip` into .output/
// (names and contents: wxt.config.ts; what each is for: docs/building.md). Runs in a git checkout:
// the sources package is the files git tracks.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const WXT = path.join(ROOT, 'node_modules/wxt/bin/wxt.mjs');

const PACKAGES = [
  // Chrome Web Store and Edge Add-ons: the store flavour, without the self-hosted `key`.
  { browser: 'chrome', flavour: 'store' },
  // addons.mozilla.org, with the sources package. Only Chrome's manifest differs between the
  // self-hosted and store flavours, so this is the standard build, which `npm run build:firefox`
  // makes again from the sources.
  { browser: 'firefox', flavour: 'self-hosted' },
];

for (const { browser, flavour } of PACKAGES) {
  // Each package's own flavour, whatever CALLGUARD_FLAVOUR the shell has.
  const run = spawnSync(process.execPath, [WXT, 'zip', '-b', browser], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, CALLGUARD_FLAVOUR: flavour },
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
