// The byte budgets of docs/performance.md, on the extension as built (`npm run build:all` runs
// first in `npm test`): sizes are deterministic, so they are asserted; timings are only measured
// (`npm run bench`).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const REPO = path.resolve(import.meta.dirname, '../..');
const BUILDS = ['chrome-mv3', 'firefox-mv3'];
/** What one covered page loads in the isolated world: its platform's script. */
const CONTENT_SCRIPT_BUDGET = 40 * 1024;
/** The page-world probe, in every frame of every covered page. */
const PROBE_BUDGET = 4 * 1024;

const sizeOf = (file: string) => fs.statSync(file).size;

for (const build of BUILDS) {
  const dir = path.join(REPO, '.output', build);
  describe(build, { skip: !fs.existsSync(path.join(dir, 'manifest.json')) && 'not built' }, () => {
    const scripts = fs.readdirSync(path.join(dir, 'content-scripts')).filter((f) => f.endsWith('.js'));

    it(`each platform's content script ≤ ${CONTENT_SCRIPT_BUDGET} bytes, also where added sites load it`, () => {
      // One per platform id (core/types.ts PLATFORM_IDS), the generic WebRTC reader included.
      assert.equal(scripts.length, 13, `a script per platform (${scripts.join(', ')})`);
      const over = scripts.map((f) => [f, sizeOf(path.join(dir, 'content-scripts', f))] as const).filter(([, size]) => size > CONTENT_SCRIPT_BUDGET);
      assert.deepEqual(over, []);
    });

    it(`the page-world probe ≤ ${PROBE_BUDGET} bytes`, () => {
      assert.ok(sizeOf(path.join(dir, 'rtc-probe.js')) <= PROBE_BUDGET);
    });
  });
}
