// `npm run lint:firefox`: Mozilla's add-on linter (web-ext lint, the checks addons.mozilla.org
// runs on submission) on the Firefox build. Fails on any error or notice, and on any warning
// other than the ones justified in docs/security.md ("web-ext lint"):
// - UNSAFE_VAR_ASSIGNMENT at Preact's own dangerouslySetInnerHTML support (`e.innerHTML =
//   u.__html`), bundled with the UI; no CallGuard code sets innerHTML. Checked here by looking
//   at the flagged code itself, so a real innerHTML assignment anywhere else still fails.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const BUILD = path.resolve(ROOT, process.argv[2] ?? '.output/firefox-mv3');
const WEB_EXT = path.join(ROOT, 'node_modules/web-ext/bin/web-ext.js');

interface Message {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}
interface Result {
  errors: Message[];
  notices: Message[];
  warnings: Message[];
}

if (!fs.existsSync(path.join(BUILD, 'manifest.json'))) {
  console.error(`lint:firefox: no Firefox build in ${BUILD} (npm run build:firefox first)`);
  process.exit(1);
}
const run = spawnSync(process.execPath, [WEB_EXT, 'lint', '--source-dir', BUILD, '--output', 'json', '--no-config-discovery'], {
  encoding: 'utf8',
  env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
  maxBuffer: 64 * 1024 * 1024,
});
let result: Result;
try {
  result = JSON.parse(run.stdout) as Result;
} catch {
  console.error(`lint:firefox: web-ext lint gave no report (exit ${run.status})\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
}

/** Preact's dangerouslySetInnerHTML branch: the flagged assignment takes `.__html`. */
function isPreactInnerHtml(m: Message): boolean {
  if (m.code !== 'UNSAFE_VAR_ASSIGNMENT' || !m.file || !m.line) return false;
  const line = fs.readFileSync(path.join(BUILD, m.file), 'utf8').split('\n')[m.line - 1] ?? '';
  const at = m.column ?? 0;
  return /\.innerHTML\s*=\s*[\w$]+\.__html\b|\.innerHTML=`?`?[\w$]*\.__html/.test(line.slice(Math.max(0, at - 5), at + 60));
}

const justified = result.warnings.filter(isPreactInnerHtml);
const failing = [...result.errors, ...result.notices, ...result.warnings.filter((w) => !justified.includes(w))];
const where = (m: Message) => (m.file ? ` (${m.file}${m.line ? `:${m.line}:${m.column ?? 0}` : ''})` : '');
for (const m of justified) console.log(`lint:firefox: justified warning ${m.code}${where(m)}: Preact's dangerouslySetInnerHTML support`);
for (const m of failing) console.error(`lint:firefox: ${m.code}${where(m)}: ${m.message}`);
console.log(
  `lint:firefox: ${result.errors.length} errors, ${result.notices.length} notices, ${result.warnings.length} warnings (${justified.length} justified) in ${path.relative(ROOT, BUILD)}`,
);
process.exit(failing.length > 0 ? 1 : 0);
