// scripts/check-node.mjs, run as npm runs it, on a Node that says it is another version.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '../../..');
const GUARD = path.join(REPO, 'scripts/check-node.mjs');

function guardOn(version: string) {
  const pretend = `data:text/javascript,Object.defineProperty(process.versions, "node", { value: ${JSON.stringify(version)} })`;
  return spawnSync(process.execPath, ['--import', pretend, GUARD], { cwd: REPO, encoding: 'utf8' });
}

describe('check-node', () => {
  it('engines asks for the Node that runs .ts files by itself (22.18)', () => {
    const engines = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).engines.node;
    expect(engines).toBe('>=22.18');
  });

  it.each(['22.18.0', '22.20.1', '23.0.0', '24.11.0', '100.0.0'])('lets Node %s through, silently', (version) => {
    const run = guardOn(version);
    expect(run.status).toBe(0);
    expect(run.stdout + run.stderr).toBe('');
  });

  it.each(['22.17.1', '22.0.0', '20.19.5', '18.20.8', '21.99.0'])('stops Node %s with one line: what is needed, what was found, how to install', (version) => {
    const run = guardOn(version);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Node.js 22.18 or newer');
    expect(lines[0]).toContain(`this is Node.js ${version}`);
    expect(lines[0]).toContain('https://nodejs.org/');
  });
});
