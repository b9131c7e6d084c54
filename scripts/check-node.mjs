// Runs before the npm scripts that run .ts files, which Node does by itself only from 22.18 (older
// versions stop with a stack trace about an unknown ".ts" extension). Says in one line what is
// needed (package.json "engines"), what was found and how to get it, and fails. Plain JavaScript
// of any Node age, so that it runs where the rest cannot.
import fs from 'fs';

const engines = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node;
const minimum = /^>=\s*(\d+(?:\.\d+){0,2})$/.exec(engines);
if (!minimum) throw new Error('scripts/check-node.mjs reads engines.node of the form ">=22.18", not ' + JSON.stringify(engines));

const parts = (version) => version.split('.').map(Number);
const needed = parts(minimum[1]);
const found = parts(process.versions.node);
const at = needed.findIndex((n, i) => (found[i] || 0) !== n);
if (at >= 0 && (found[at] || 0) < needed[at]) {
  console.error(
    'CallGuard needs Node.js ' + minimum[1] + ' or newer (its scripts run TypeScript directly), but this is Node.js ' +
      process.versions.node + ' (' + process.execPath + '): install the current LTS from https://nodejs.org/ or with nvm (nvm install --lts).',
  );
  process.exit(1);
}
