// @vitest-environment happy-dom
// Every string the UI shows comes from public/_locales through browser.i18n. These tests keep the
// three languages in step with English and every key the code uses present in English.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDING_IDS, PLATFORM_IDS, SEVERITIES } from '../../../core/types';
import type { CallPhase, E2eeState, Level, Source } from '../../../core/types';
import { formatMessage, LANGUAGES, loadMessages, type Messages } from '../support/locale';

const REPO = path.resolve(import.meta.dirname, '../../..');
const en = loadMessages('en');
const keyOf = (id: string) => id.replace(/-/g, '_');

/** Every value of a union type, checked complete by the compiler. */
function all<T extends string>() {
  return <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : 'missing values')) => list;
}
const LEVELS = all<Level>()(['danger', 'warning', 'ok', 'unknown']);
const PHASES = all<CallPhase>()(['no-call', 'pre-join', 'lobby', 'in-call', 'unknown']);
const E2EE = all<E2eeState>()(['on', 'off', 'unknown']);
const SOURCES = all<Source>()(['ui', 'rtc', 'platform', 'network', 'policy']);

/** Keys the code builds from ids: prefix → every id it can be built with. */
const ID_KEYS: Record<string, readonly string[]> = {
  finding_: FINDING_IDS,
  advice_: FINDING_IDS,
  verdict_: LEVELS,
  badge_title_: LEVELS,
  severity_: SEVERITIES,
  phase_: PHASES,
  e2ee_: E2EE,
  source_: SOURCES,
  platform_: PLATFORM_IDS,
};

/** $NAME$ references in a message, lower-cased (Chrome matches them case-insensitively). */
const referenced = (message: string) => [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();
const declared = (entry: Messages[string]) =>
  Object.entries(entry.placeholders ?? {})
    .map(([name, p]) => `${name.toLowerCase()}=${p.content}`)
    .sort();

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(REPO, dir), { withFileTypes: true, recursive: true }).flatMap((entry) =>
    entry.isFile() && /\.(tsx?|html)$/.test(entry.name) ? [path.join(entry.parentPath, entry.name)] : [],
  );
}
const CODE = [...sourceFiles('components'), ...sourceFiles('entrypoints'), path.join(REPO, 'wxt.config.ts')].map((file) => ({
  file: path.relative(REPO, file),
  text: fs.readFileSync(file, 'utf8'),
}));

describe('locales', () => {
  it('English is well formed: a message for every key, placeholders declared and used', () => {
    expect(Object.keys(en).length).toBeGreaterThan(50);
    for (const [key, entry] of Object.entries(en)) {
      expect(key, key).toMatch(/^[A-Za-z0-9_@]+$/);
      expect(entry.message.trim(), key).not.toBe('');
      expect(referenced(entry.message), key).toEqual([...new Set(Object.keys(entry.placeholders ?? {}).map((n) => n.toLowerCase()))].sort());
    }
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has exactly the keys of English', (lang) => {
    expect(Object.keys(loadMessages(lang)).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has the same placeholders as English in every message', (lang) => {
    const messages = loadMessages(lang);
    for (const [key, entry] of Object.entries(messages)) {
      expect(entry.message.trim(), `${lang} ${key}`).not.toBe('');
      expect(referenced(entry.message), `${lang} ${key}`).toEqual(referenced(en[key]!.message));
      expect(declared(entry), `${lang} ${key}`).toEqual(declared(en[key]!));
      // Substitutions reach the text: no $NAME$ or $1 left over.
      expect(formatMessage(messages, key, ['X1', 'X2', 'X3']), `${lang} ${key}`).not.toMatch(/\$/);
    }
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s is translated (only names and short words may equal English)', (lang) => {
    const messages = loadMessages(lang);
    const same = Object.keys(en).filter((key) => messages[key]?.message === en[key]!.message && en[key]!.message.split(' ').length > 2);
    expect(same).toEqual([]);
  });
});

describe('keys used by the code', () => {
  it('every literal key (t(…), getMessage(…), __MSG_…__) is in English', () => {
    const used = new Map<string, string>();
    for (const { file, text } of CODE) {
      for (const m of text.matchAll(/\b(?:t|getMessage)\(\s*['"]([A-Za-z0-9_@]+)['"]/g)) used.set(m[1]!, file);
      for (const m of text.matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)) used.set(m[1]!, file);
    }
    expect(used.size).toBeGreaterThan(30);
    const missing = [...used].filter(([key]) => !(key in en)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it.each(Object.entries(ID_KEYS))('%s… exists for every id', (prefix, ids) => {
    const missing = ids.map((id) => `${prefix}${keyOf(id)}`).filter((key) => !(key in en));
    expect(missing).toEqual([]);
  });

  it('every key built at run time has a known prefix, with at least one message', () => {
    const prefixes = new Set<string>();
    for (const { text } of CODE) {
      for (const m of text.matchAll(/\b(?:t|getMessage)\(\s*`([A-Za-z0-9_@]*)\$\{/g)) prefixes.add(m[1]!);
      for (const m of text.matchAll(/\?\s*`([A-Za-z0-9_@]+)\$\{/g)) prefixes.add(m[1]!);
    }
    expect([...prefixes]).toEqual(expect.arrayContaining(['e2ee_', 'severity_', 'finding_', 'advice_', 'verdict_', 'platform_', 'badge_title_']));
    for (const prefix of prefixes) {
      expect(prefix, 'a key built from nothing but a variable cannot be checked').not.toBe('');
      expect(Object.keys(en).some((key) => key.startsWith(prefix)), prefix).toBe(true);
    }
  });
});
