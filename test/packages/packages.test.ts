// The store packages `npm run zip` makes (docs/building.md), unpacked as the stores unpack them:
// their manifests, their version, nothing git ignores, and the Firefox package rebuilt from the
// sources package exactly as addons.mozilla.org's reviewers are told to rebuild it.
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readZip } from './read-zip.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const { name, version } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { name: string; version: string };
const PACKAGE_FILES = {
  chromeStore: `${name}-${version}-chrome-store.zip`,
  firefox: `${name}-${version}-firefox.zip`,
  sources: `${name}-${version}-sources.zip`,
};
type PackageName = keyof typeof PACKAGE_FILES;
/** What docs/building.md tells reviewers to run in the unpacked sources, after `npm ci`. */
const REBUILD_COMMAND = 'npm run build:firefox';
const REBUILT = '.output/firefox-mv3';

/** An environment for commands without the flavour or update URL a developer's shell may have. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.CALLGUARD_FLAVOUR;
  delete env.CALLGUARD_UPDATE_URL;
  return env;
}

function run(command: string, cwd: string, env: NodeJS.ProcessEnv): void {
  const done = spawnSync(command, { cwd, env, shell: true, encoding: 'utf8' });
  assert.equal(done.status, 0, `${command} in ${cwd} failed:\n${done.stdout}\n${done.stderr}`);
}

function git(...args: string[]): string[] {
  const done = spawnSync('git', args, { cwd: REPO, encoding: 'utf8' });
  assert.equal(done.status, 0, `git ${args.join(' ')}: ${done.stderr}`);
  return done.stdout.split('\0').filter(Boolean);
}

type Manifest = { version: string; key?: string; update_url?: string; host_permissions?: string[]; browser_specific_settings?: { gecko?: { id?: string } } };
const manifestOf = (files: Map<string, Buffer>) => JSON.parse(files.get('manifest.json')!.toString('utf8')) as Manifest;

const packages = {} as Record<PackageName, Map<string, Buffer>>;

before(() => {
  for (const file of Object.values(PACKAGE_FILES)) fs.rmSync(path.join(REPO, '.output', file), { force: true });
  // A shell set up for an enterprise build with its own update server: the store packages take neither.
  run('npm run zip', REPO, { ...process.env, CALLGUARD_FLAVOUR: 'enterprise', CALLGUARD_UPDATE_URL: 'https://updates.example.org/callguard.xml' });
  for (const [key, file] of Object.entries(PACKAGE_FILES)) packages[key as PackageName] = readZip(fs.readFileSync(path.join(REPO, '.output', file)));
});

describe('npm run zip', () => {
  it('makes a Chrome Web Store / Edge Add-ons package without the self-hosted key or update URL', () => {
    const manifest = manifestOf(packages.chromeStore);
    assert.equal(manifest.key, undefined);
    assert.equal(manifest.update_url, undefined);
    assert.ok(manifest.host_permissions?.length && !manifest.host_permissions.includes('*://*/*'), 'the store flavour, not the enterprise one');
  });

  it('makes a Firefox package with its gecko id', () => {
    const id = manifestOf(packages.firefox).browser_specific_settings?.gecko?.id;
    // addons.mozilla.org takes an email-like id or a {GUID}.
    assert.match(id ?? '', /^[\w.+-]+@[\w.-]+$|^\{[0-9a-f-]{36}\}$/i);
  });

  it('gives every package the version of package.json', () => {
    assert.equal(manifestOf(packages.chromeStore).version, version);
    assert.equal(manifestOf(packages.firefox).version, version);
    assert.equal(JSON.parse(packages.sources.get('package.json')!.toString('utf8')).version, version);
  });

  it('puts nothing git ignores into any package', () => {
    const tracked = new Set(git('ls-files', '-z'));
    const notTracked = [...packages.sources.keys()].filter((file) => !tracked.has(file));
    assert.deepEqual(notTracked, [], 'the sources package holds only files git tracks');
    for (const [key, files] of Object.entries(packages)) {
      const names = [...files.keys()];
      const ignored = spawnSync('git', ['check-ignore', '--no-index', '--stdin', '-z'], { cwd: REPO, input: names.join('\0'), encoding: 'utf8' });
      assert.equal(ignored.stdout, '', `${key}: files whose names git ignores`);
      // The extension's files that come from public/ as they are: tracked there.
      const fromPublic = names.filter((file) => fs.existsSync(path.join(REPO, 'public', file)) && !tracked.has(`public/${file}`));
      assert.deepEqual(fromPublic, [], `${key}: files of public/ git does not track`);
    }
  });

  it('leaves the tests out of the sources package', () => {
    assert.ok(packages.sources.has('wxt.config.ts') && packages.sources.has('package-lock.json'));
    assert.deepEqual([...packages.sources.keys()].filter((file) => file.startsWith('test/')), []);
  });
});

describe('the sources package', () => {
  let folder: string;
  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'callguard-sources-'));
  });
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it(`rebuilds the Firefox package byte for byte with docs/building.md's command`, () => {
    assert.ok(fs.readFileSync(path.join(REPO, 'docs/building.md'), 'utf8').includes(REBUILD_COMMAND), 'docs/building.md gives the command');
    for (const [file, content] of packages.sources) {
      fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
      fs.writeFileSync(path.join(folder, file), content);
    }
    // This checkout's dependencies stand in for `npm ci` (no network in tests).
    fs.symlinkSync(fs.realpathSync(path.join(REPO, 'node_modules')), path.join(folder, 'node_modules'), 'junction');
    run(REBUILD_COMMAND, folder, cleanEnv());

    const rebuilt = path.join(folder, REBUILT);
    const rebuiltFiles = fs.readdirSync(rebuilt, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(rebuilt, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
    assert.deepEqual(rebuiltFiles.sort(), [...packages.firefox.keys()].sort());
    const different = rebuiltFiles.filter((file) => !fs.readFileSync(path.join(rebuilt, file)).equals(packages.firefox.get(file)!));
    assert.deepEqual(different, [], 'files that differ from the Firefox package');
  });
});
