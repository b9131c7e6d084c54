// @vitest-environment happy-dom
// A detection sample keeps a call page's structure and drops what its people are called and
// write. On every fixture page, read as its platform's (pages of no platform's folder: as every
// platform's), no participant name and no chat or caption text survives; every selector of the
// declaration that finds something on the page still finds it on the sample, which the platform's
// reader reads as it reads the page itself. Hostile names and chat lines add nothing either.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLATFORM_MODULES, PLATFORMS } from '../../../../core/platforms/index';
import type { Platform } from '../../../../core/platforms/platform';
import { participantRegions, readPage } from '../../../../core/platforms/read';
import { frameSample, maskText, platformWords, type FrameSample } from '../../../../core/platforms/sample';
import { platform as zoom } from '../../../../core/platforms/zoom';
import type { PageRead } from '../../../../core/types';
import { inCallFixtures, TABLE } from '../../support/fixture-table';
import { appStateOf, FIXTURES, fixtureText, parseHtml } from '../../support/fixtures';
import { HOSTILE_TEXT, WRITABLE_REGIONS } from '../../support/hostile';

const URL_OF = new URL('https://call.test/abc-defg-hij?pwd=secret#chat');

/** Every fixture page, with the platforms it is read as. */
const FIXTURE_FILES = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.html') && !file.startsWith('__'))
  .sort();
const platformOfFolder = (file: string) => PLATFORMS.find((p) => p.id === file.split('/')[0]);
const cases = FIXTURE_FILES.flatMap((file) => {
  const own = platformOfFolder(file);
  return (own ? [own] : PLATFORMS).map((platform) => [file, platform.id, platform] as const);
});

/** Text of an element that is its own, not its children's: one line of chat, one name. */
const ownLines = (root: Element) =>
  [root, ...root.querySelectorAll('*')].flatMap((el) =>
    [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.nodeValue!.replace(/\s+/g, ' ').trim()),
  );

/** What participants wrote on a page, as the platform's declaration and the hostile-text corpus place it. */
function participantLines(platform: Platform, doc: Document): string[] {
  const selectors = [...participantRegions(platform.detect), ...(WRITABLE_REGIONS[platform.id] ?? []).map((r) => r.selector)];
  return selectors.flatMap((selector) => [...doc.querySelectorAll(selector)].flatMap(ownLines));
}

/** Every name any fixture shows, read from the pages (and Jitsi's app state) and from the fixture table. */
const CAST = [
  ...new Set(
    PLATFORM_MODULES.flatMap(({ platform }) =>
      Object.entries(TABLE[platform.id] ?? {}).flatMap(([file, want]) => {
        const html = fixtureText(`${platform.id}/${file}`);
        const read = readPage(platform, parseHtml(html), appStateOf(html));
        return [...read.names, ...(want.participants ?? []).map((p) => p.slice(p.indexOf(':') + 1))];
      }),
    ),
  ),
].filter((name) => /\p{L}{3}/u.test(name));

/** The words of a text with 3 letters or more. */
const wordsOf = (text: string) => (text.match(/[\p{L}\p{M}]{3,}/gu) ?? []).map((w) => w.toLowerCase());

/** The redacted page's text: its text nodes and attribute values (classes are the platform's markup, not text). */
function pageTexts(sample: FrameSample): string[] {
  const doc = parseHtml(sample.html);
  const attributes = [...doc.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name !== 'class').map((a) => a.value));
  return [...ownLines(doc.documentElement), ...attributes];
}

/** What the sample quotes of the page as evidence of each signal. */
function quotedEvidence(sample: FrameSample): string[] {
  const { read } = sample;
  return [
    ...read.phaseEvidence,
    ...(read.e2ee?.evidence ?? []),
    ...(read.recording ?? []),
    ...(read.transcription ?? []),
    ...(read.meetingOpen ?? []),
    ...read.participants.map((p) => p.evidence),
    ...sample.markers.flatMap((m) => (m.matched ? [m.matched] : [])),
  ].flatMap((e) => [...e.matchAll(/"([^"]*)"/g)].map((m) => m[1]!));
}

/**
 * What a read concludes, without its quotes of the page, and without the marks next to names
 * (a row's "Guest", "Bot"): they are masked with the row (the sample's read says which matched).
 */
const summary = (read: PageRead) => ({
  phase: read.phase,
  e2ee: read.e2ee?.state ?? null,
  recording: read.recording !== null,
  transcription: read.transcription !== null,
  meetingOpen: read.meetingOpen !== null,
  names: read.names.length,
  unreadable: read.unreadable,
});

const sampleOf = (platform: Platform, html: string) => frameSample(parseHtml(html), URL_OF, platform);

describe('detection samples of the fixture pages', () => {
  it('covers every fixture page, and the cast of names to look for', () => {
    expect(FIXTURE_FILES.length).toBeGreaterThanOrEqual(100);
    expect(CAST).toEqual(expect.arrayContaining(['Anna Schmidt', 'Claire Dubois', 'Fireflies.ai Notetaker']));
  });

  it.each(cases)('%s as %s: no name or chat text survives; the structure does', (file, _id, platform) => {
    const html = fixtureText(file);
    const page = parseHtml(html);
    const sample = sampleOf(platform, html);
    const serialized = JSON.stringify(sample);
    const textWords = new Set([...pageTexts(sample), ...quotedEvidence(sample)].flatMap(wordsOf));
    const platformOwn = platformWords(platform).all;

    // Every word of a name the page lists is masked wherever it shows, the platform's own words too.
    for (const word of readPage(platform, page, {}).names.flatMap(wordsOf)) expect(textWords.has(word), word).toBe(false);
    for (const name of CAST) {
      expect(serialized, name).not.toContain(name);
      for (const word of wordsOf(name)) if (!platformOwn.has(word)) expect(textWords.has(word), `${word} of ${name}`).toBe(false);
    }
    // What participants wrote: lines that are not all the platform's own labels ("(Host)", "Guest").
    for (const line of participantLines(platform, page)) {
      const own = wordsOf(line).filter((word) => !platformOwn.has(word));
      if (own.length > 0) expect(serialized, line).not.toContain(line);
      for (const word of own) expect(textWords.has(word), `${word} of "${line}"`).toBe(false);
    }
    // Evidence quotes only the platform's own words.
    for (const word of quotedEvidence(sample).flatMap(wordsOf)) if (!/^x+$/.test(word)) expect(platformOwn, word).toContain(word);

    const redacted = parseHtml(sample.html);
    const spec = platform.detect;
    const selectors = [
      ...participantRegions(spec),
      ...(spec.callFrames ?? []),
      ...spec.phases.flatMap((p) => p.marker.selectors ?? []),
      ...[spec.encryption?.on, spec.encryption?.off, spec.recording, spec.liveStream, spec.transcription, spec.externalNotice, spec.meetingOpen].flatMap(
        (m) => m?.selectors ?? [],
      ),
    ];
    for (const selector of selectors) {
      if (page.querySelector(selector)) expect(redacted.querySelector(selector), selector).not.toBeNull();
    }
    // The sample reads as the page does: a fixture can start from it.
    expect(summary(readPage(platform, redacted, {}))).toEqual(summary(readPage(platform, page, {})));
  });
});

describe('hostile names and chat lines', () => {
  const inCall = cases.filter(([file, , platform]) => platformOfFolder(file) === platform && TABLE[platform.id]?.[file.split('/')[1]!]?.phase === 'in-call');

  it('there are in-call pages of every platform with a roster and a call to show', () => {
    const withRoster = PLATFORMS.filter((p) => p.detect.roster && inCallFixtures(p.id).length > 0).map((p) => p.id);
    expect(new Set(inCall.map(([, id]) => id))).toEqual(new Set(withRoster));
  });

  // Each participant takes a hostile name, and every hostile line is written into every chat and
  // caption: the redacted page shows each hostile text no more often than it did before. (The
  // evidence quotes only the platform's own words: checked on every fixture above.)
  it.each(inCall)('%s', (file, _id, platform) => {
    const html = fixtureText(file);
    const offset = FIXTURE_FILES.indexOf(file);
    const names = [...new Set(readPage(platform, parseHtml(html), {}).names)].filter((n) => n.length >= 4 && !/[<>&"'\\]/.test(n));
    const renamed = names.reduce((page, name, i) => page.split(name).join(HOSTILE_TEXT[(offset + i) % HOSTILE_TEXT.length]!), html);
    const doc = parseHtml(renamed);
    for (const { selector, as } of WRITABLE_REGIONS[platform.id] ?? []) {
      for (const region of doc.querySelectorAll(selector)) {
        for (const text of HOSTILE_TEXT) region.append(Object.assign(doc.createElement(as), { textContent: text }));
      }
    }
    const shown = (sample: FrameSample) => pageTexts(sample).join('\n').toLowerCase();
    const before = shown(sampleOf(platform, html));
    const after = shown(frameSample(doc, URL_OF, platform));
    const count = (text: string, inside: string) => inside.split(text.toLowerCase()).length - 1;
    for (const text of HOSTILE_TEXT) expect(count(text, after), text).toBeLessThanOrEqual(count(text, before));
  });
});

describe('what a sample keeps', () => {
  const keepZoomWords = (text: string) => maskText(text, (w) => platformWords(zoom).all.has(w.toLowerCase()));

  it('masks words the platform does not use, digits and symbols; keeps its labels and the punctuation', () => {
    expect(keepZoomWords('Anna Schmidt (Guest)')).toBe('xxxx xxxxxxx (Guest)');
    expect(keepZoomWords('+49 30 ****4567')).toBe('+99 99 ****9999');
    expect(keepZoomWords('Recording… 🔴 Élodie')).toBe('Recording… # xxxxxx');
    // Invisible characters cannot split a name into pieces that are the platform's words.
    expect(keepZoomWords('Rec\u200Bording')).toBe('Recording');
    expect(keepZoomWords('Gu\u200Best')).toBe('Guest');
    expect(keepZoomWords('x'.repeat(500)).length).toBeLessThan(210);
  });

  it('takes literal words from the declaration, not regex escapes', () => {
    const { all, markup } = platformWords(zoom);
    expect(all).toContain('recording');
    expect(all).toContain('guest');
    expect(markup).toContain('participants');
    expect(markup).not.toContain('guest');
    for (const escape of ['b', 's', 'S', 'd']) expect(all.has(escape)).toBe(false);
  });

  it('leaves out scripts, styles, handlers, other documents, URL queries and long numbers; keeps classes, ids and roles', () => {
    const doc = parseHtml(`<!doctype html><html><head><title>Budget review with Anna</title><style>.x{}</style><script>var secret = 1</script></head><body>
      <div id="meeting-123456789" class="footer__leave-btn u6vdEc" role="toolbar" style="background:url(https://cdn/anna.png)" onclick="steal()" data-meeting="987654321">
        <a href="https://zoom.us/j/123456789?pwd=abc#top">join</a><img src="https://cdn.example/u/anna.png?s=1" alt="Anna Schmidt">
        <iframe srcdoc="<p>secret</p>" src="/wc/123456789/join?pwd=abc"></iframe><!-- Anna's comment --></div></body></html>`);
    const sample = frameSample(doc, new URL('https://app.zoom.us/wc/123456789/join?pwd=abc#x'), zoom);
    expect(sample.url).toBe('https://app.zoom.us/wc/999999999/join');
    for (const gone of ['secret', 'steal', 'pwd', 'background', 'Budget', 'Anna', 'comment', '123456789', '987654321']) expect(sample.html).not.toContain(gone);
    expect(sample.html).toContain('id="meeting-999999999"');
    expect(sample.html).toContain('class="footer__leave-btn u6vdEc"');
    expect(sample.html).toContain('role="toolbar"');
    expect(sample.html).toContain('href="https://zoom.us/x/999999999"');
    expect(sample.html).toContain('alt="xxxx xxxxxxx"');
    expect(sample.html).toContain('<iframe src="https://app.zoom.us/wc/999999999/join"></iframe>');
  });

  it('tells what each signal matched, and how many elements each selector finds', () => {
    const sample = sampleOf(zoom, fixtureText('zoom/external.html'));
    expect(sample.read.phase).toBe('in-call');
    expect(sample.read.participants).toEqual([expect.objectContaining({ kind: 'external' })]);
    expect(sample.read.names).toBeGreaterThan(1);
    expect(sample.markers.find((m) => m.signal === 'phase in-call')?.matched).toMatch(/^element /);
    expect(sample.markers.find((m) => m.signal === 'recording')?.matched).toBeNull();
    expect(Object.values(sample.selectors.rosterRows ?? {}).some((n) => (n ?? 0) > 0)).toBe(true);
  });

});
