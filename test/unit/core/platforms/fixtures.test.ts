// @vitest-environment happy-dom
// Every fixture rebuilt from real-world evidence (test/fixtures/<platform>/SOURCES.md), read by
// its platform's declaration: what each page must give, in one table. Every fixture file is in
// the table, and every row names a file that exists.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assess } from '../../../../core/assess';
import { NO_BANNER, nextBanner } from '../../../../core/banner';
import { withPlatformFact } from '../../../../core/encryption';
import { DEFAULT_POLICY } from '../../../../core/policy/defaults';
import { PLATFORM_MODULES } from '../../../../core/platforms/index';
import { readPage } from '../../../../core/platforms/read';
import type { PlatformId } from '../../../../core/types';
import { TABLE } from '../../support/fixture-table';
import { FIXTURES, loadFixture } from '../../support/fixtures';
import { settings as bannerSettings } from '../../support/reports';

const cases = PLATFORM_MODULES.flatMap((module) =>
  Object.entries(TABLE[module.platform.id] ?? {}).map(([file, want]) => [module.platform.id, file, module, want] as const),
);

describe('fixtures rebuilt from real-world evidence', () => {
  it.each(cases)('%s/%s', (id, file, module, want) => {
    const { document, app } = loadFixture(`${id}/${file}`);
    const read = readPage(module.platform, document, app);
    expect(read.phase, read.phaseEvidence.join('; ')).toBe(want.phase);
    if (want.phase !== 'unknown') expect(read.phaseEvidence.length).toBeGreaterThan(0);
    if (want.e2ee !== undefined) {
      expect(withPlatformFact(module.fact, read.e2ee, read.phase === 'in-call')?.state ?? null).toBe(want.e2ee);
    }
    expect(read.recording !== null, JSON.stringify(read.recording)).toBe(want.recording ?? false);
    expect(read.transcription !== null, JSON.stringify(read.transcription)).toBe(want.transcription ?? false);
    expect(read.meetingOpen !== null).toBe(want.meetingOpen ?? false);
    // Names are classified where the report is made: the participants are the report's.
    const url = 'https://example.com/call';
    const report = assess({ url, platform: id, frames: [{ url, page: read, rtc: null }], policy: DEFAULT_POLICY, timeZone: null, now: new Date(0) });
    expect(report.participants.map((p) => `${p.kind}:${p.name}`).sort()).toEqual([...(want.participants ?? [])].sort());
    for (const seen of [read.recording, read.transcription, read.meetingOpen]) if (seen) expect(seen.evidence.length).toBeGreaterThan(0);
    for (const p of report.participants) expect(p.evidence).not.toBe('');
  });

  it('every fixture of every platform is in the table, and every row has its file', () => {
    for (const module of PLATFORM_MODULES) {
      const id = module.platform.id;
      let files: string[] = [];
      try {
        files = readdirSync(`${FIXTURES}/${id}`).filter((f) => f.endsWith('.html'));
      } catch {
        // A platform without fixtures (the generic WebRTC reader).
      }
      expect(Object.keys(TABLE[id] ?? {}).sort(), id).toEqual(files.sort());
    }
  });

  it('each fixture folder says where every fixture comes from', () => {
    for (const id of Object.keys(TABLE).filter((id) => id !== 'webrtc')) {
      const sources = loadFixture.sources(id);
      for (const file of Object.keys(TABLE[id as PlatformId]!)) expect(sources, `${id}/SOURCES.md names ${file}`).toContain(file);
    }
  });
});

// Calm on a normal call, loud on a risky one, measured on every in-call fixture of every platform:
// the banner a participant gets on joining (media without transforms, the platform's usual case).
describe('the banner on joining each fixture call', () => {
  const inCall = cases.filter(([, , , want]) => want.phase === 'in-call');
  const views = inCall.map(([id, file, module, want]) => {
    const { document, app } = loadFixture(`${id}/${file}`);
    const read = readPage(module.platform, document, app);
    const url = 'https://example.com/call';
    const report = assess({ url, platform: id, frames: [{ url, page: read, rtc: null }], policy: DEFAULT_POLICY, timeZone: null, now: new Date(0) });
    // Risky: someone or something listening, or a page showing an E2EE that is not there.
    const risky = !!want.recording || !!want.transcription || (want.participants?.length ?? 0) > 0 || (read.e2ee?.state === 'on' && report.e2ee === 'off');
    return { name: `${id}/${file}`, risky, view: nextBanner(NO_BANNER, report, bannerSettings()).view };
  });

  it('ordinary calls of every platform: never the full banner', () => {
    const ordinary = views.filter((v) => !v.risky);
    expect(ordinary.length).toBeGreaterThan(10);
    expect(ordinary.filter((v) => v.view === 'full').map((v) => v.name)).toEqual([]);
  });

  it('every risky call: the full banner', () => {
    const risky = views.filter((v) => v.risky);
    expect(risky.length).toBeGreaterThan(20);
    expect(risky.filter((v) => v.view !== 'full').map((v) => `${v.name}: ${v.view}`)).toEqual([]);
  });
});
