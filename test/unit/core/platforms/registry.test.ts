// @vitest-environment happy-dom
// The registry (core/platforms/index.ts) is the one list of platforms: the contract's ids, the
// content scripts, and docs/platforms.md's coverage matrix all follow it, and every signal the
// matrix claims is detected on the fixtures it names.
// After changing a declaration: UPDATE_DOCS=1 npx vitest run test/unit/core/platforms/registry.test.ts
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess } from '../../../../core/assess';
import { coverageNotes, coverageTable, factsTable, SIGNALS, type PlatformCoverage, type Signal } from '../../../../core/platforms/coverage';
import { CONFERENCE_MATCHES, PLATFORM_MODULES, platformForUrl } from '../../../../core/platforms/index';
import { readPage } from '../../../../core/platforms/read';
import { DEFAULT_POLICY } from '../../../../core/policy/defaults';
import { PLATFORM_IDS, type PageRead, type PlatformId, type Report } from '../../../../core/types';
import { FIXTURES, loadFixture } from '../../support/fixtures';

const REPO = resolve(import.meta.dirname, '../../../..');
const DOC = resolve(REPO, 'docs/platforms.md');
const START = '<!-- generated:coverage:start (test/unit/core/platforms/registry.test.ts) -->';
const END = '<!-- generated:coverage:end -->';

const COVERED: PlatformCoverage[] = PLATFORM_MODULES.filter((m) => m.platform.id !== 'webrtc').map((m) => ({
  platform: m.platform.id as Exclude<PlatformId, 'webrtc'>,
  name: m.platform.name,
  tier: m.platform.tier,
  coverage: m.coverage,
}));
const FACTS = Object.fromEntries(PLATFORM_MODULES.filter((m) => m.fact).map((m) => [m.platform.id, m.fact!]));

function generatedBlock(): string {
  return [START, '', coverageTable(COVERED), '', coverageNotes(COVERED), '', '### Encryption facts', '', factsTable(FACTS), '', END].join('\n');
}

describe('the registry', () => {
  it('holds every platform id of the report contract, once, in the contract\'s order', () => {
    expect(PLATFORM_MODULES.map((m) => m.platform.id)).toEqual([...PLATFORM_IDS]);
  });

  it('every platform has its own content script: on its sites from the manifest, else registered at run time for added sites', () => {
    const scripts = readdirSync(resolve(REPO, 'entrypoints'))
      .filter((f) => f.endsWith('.content.ts'))
      .map((f) => f.replace('.content.ts', ''))
      .sort();
    expect(scripts).toEqual(PLATFORM_MODULES.map((m) => m.platform.id).sort());
    for (const { platform } of PLATFORM_MODULES) {
      const source = readFileSync(resolve(REPO, `entrypoints/${platform.id}.content.ts`), 'utf8');
      expect(source).toContain(`core/platforms/${platform.id}'`);
      expect(source.includes("registration: 'runtime'"), platform.id).toBe(platform.matches.length === 0);
    }
  });

  it('the sites are the platforms\' own, and each URL finds its platform', () => {
    expect(CONFERENCE_MATCHES).toEqual(PLATFORM_MODULES.flatMap((m) => m.platform.matches));
    expect(platformForUrl(new URL('https://meet.google.com/abc-defg-hij'))).toBe('google-meet');
    expect(platformForUrl(new URL('https://acme.webex.com/meet/anna'))).toBe('webex');
    expect(platformForUrl(new URL('https://example.org/'))).toBeNull();
    expect(platformForUrl(new URL('https://meet.example.org/room'), [{ pattern: 'https://meet.example.org/*', platform: 'jitsi' }])).toBe('jitsi');
  });
});

describe('docs/platforms.md', () => {
  it('embeds the coverage matrix and the facts generated from the platform modules', () => {
    const doc = readFileSync(DOC, 'utf8');
    const start = doc.indexOf(START);
    const end = doc.indexOf(END);
    expect(start, 'generated block start marker').toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    const current = doc.slice(start, end + END.length);
    if (process.env.UPDATE_DOCS && current !== generatedBlock()) {
      writeFileSync(DOC, doc.slice(0, start) + generatedBlock() + doc.slice(end + END.length));
      return;
    }
    expect(current).toBe(generatedBlock());
  });

  it('every platform claims call state and encryption, tier 1 the lobby too', () => {
    for (const p of COVERED) {
      expect(p.coverage['call-state'], `${p.platform} call state`).toBeDefined();
      expect(p.coverage.e2ee, `${p.platform} e2ee`).toBeDefined();
      if (p.tier === 1) expect(p.coverage.lobby, `${p.platform} lobby`).toBeDefined();
    }
  });
});

interface Seen {
  read: PageRead;
  report: Report;
}

function see(platform: PlatformId, file: string): Seen {
  const module = PLATFORM_MODULES.find((m) => m.platform.id === platform)!;
  const { document, app } = loadFixture(`${platform}/${file}`);
  const read = readPage(module.platform, document, app);
  const url = 'https://example.com/call';
  return { read, report: assess({ url, platform, frames: [{ url, page: read, rtc: null }], policy: DEFAULT_POLICY, timeZone: null, now: new Date(0) }) };
}

const KIND = { 'dial-in': 'phone', external: 'external', notetaker: 'bot' } as const;

/** The evidence for one signal in one read, or null when the signal was not detected. */
function evidenceOf(signal: Signal, { read, report }: Seen): string[] | null {
  switch (signal) {
    case 'call-state':
      return read.phase === 'in-call' ? read.phaseEvidence : null;
    case 'lobby':
      return read.phase === 'lobby' ? read.phaseEvidence : null;
    case 'e2ee':
      return report.e2eeEvidence.length ? report.e2eeEvidence : null;
    case 'recording':
      return report.findings.find((f) => f.id === 'recording')?.evidence ?? null;
    case 'transcription':
      return read.transcription?.evidence ?? null;
    case 'meeting-open':
      return read.meetingOpen?.evidence ?? null;
    case 'join-button':
      return read.joinControl ? read.phaseEvidence : null;
    default: {
      const flagged = report.participants.filter((p) => p.kind === KIND[signal]);
      return flagged.length ? flagged.map((p) => p.evidence) : null;
    }
  }
}

describe.each(COVERED.map((p) => [p.platform, p] as const))('%s: what the matrix claims is detected', (platform, entry) => {
  const claimed = SIGNALS.flatMap((signal) => (entry.coverage[signal]?.fixtures.length ? [[signal, entry.coverage[signal]] as const] : []));
  const fact = FACTS[platform];

  it.each(claimed)('%s', (signal, claim) => {
    for (const file of claim.fixtures) {
      const seen = see(platform, file);
      const evidence = evidenceOf(signal, seen);
      expect(evidence, `${signal} on ${platform}/${file}`).not.toBeNull();
      const text = evidence!.join(' | ');
      if (claim.how === 'app') expect(text, `${signal} from the app's state`).toMatch(/app state/);
      if (claim.how === 'names') expect(text, `${signal} from a name`).toMatch(/\bname (is|matches|says)\b/);
      if (claim.how === 'fact' || claim.how === 'page+fact') expect(signal === 'e2ee' && fact ? text.includes(fact.source) || /claim/.test(text) : true).toBe(true);
    }
  });

  it('claims without fixtures are marked unverified', () => {
    for (const signal of SIGNALS) {
      const claim = entry.coverage[signal];
      if (claim && claim.fixtures.length === 0 && signal !== 'e2ee') expect(claim.unverified, `${platform} ${signal}`).toBeTruthy();
    }
  });

  // A "—" in the matrix: none of the platform's fixtures shows that signal.
  const unclaimed = SIGNALS.filter((s) => !entry.coverage[s] && s !== 'e2ee');
  it.each(unclaimed.length ? unclaimed : ['(none)' as Signal])('%s is not claimed, and no fixture shows it', (signal) => {
    if (!unclaimed.length || !existsSync(resolve(FIXTURES, platform))) return;
    for (const file of readdirSync(resolve(FIXTURES, platform)).filter((f) => f.endsWith('.html'))) {
      expect(evidenceOf(signal, see(platform, file)), `${signal} on ${platform}/${file}`).toBeNull();
    }
  });
});

describe('a page that changed beyond recognition', () => {
  it.each(COVERED.map((p) => p.platform))('%s: reads no call and no flags, and is never ok', (platform) => {
    const { read, report } = see(platform, '../changed/unrecognisable.html');
    expect(read.phase).toBe('unknown');
    expect(read.unreadable).toContain('call-state');
    expect(read.recording).toBeNull();
    expect(read.participants).toEqual([]);
    expect(report.level).not.toBe('ok');
  });
});
