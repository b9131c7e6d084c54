import type { PlatformId } from '../types';
import { pageView, type Marker } from './page';
import type { DetectionSpec, Platform } from './platform';
import { isCallUrl, participantRegions, readPage } from './read';
import { BOT_LABELS, EXTERNAL_ICON_LABELS, EXTERNAL_LABELS, PHONE_ICON_LABELS, rosterRows } from './roster';

/**
 * A detection sample: one frame of a call page as its platform's markup, without what the people
 * in the call are called or wrote, and what each signal of the platform's declaration matched on
 * it. An admin saves it from the popup when CallGuard reads a call wrongly; a maintainer turns it
 * into a fixture (docs/platforms.md, "Detection samples"). Nothing here sends anything.
 *
 * What is kept and what is masked:
 * - Tags, classes, roles and attribute names, as they are: the platform's own markup.
 * - Words: a word is kept only when the platform's declaration (its selectors, patterns, labels)
 *   or the roster's labels use it, and no participant listed on the page is called it. Every
 *   other word becomes "x" per letter, every digit "9", other symbols "#"; punctuation stays,
 *   so "Recording", "(Guest)" and "+99 99 ****9999" still read as what they are.
 * - In the regions where participants write (chat, captions, names: participantRegions), text
 *   is masked whole, the marks next to a name with it ("Guest" may be a name); attribute text and
 *   data-* values keep only the words the declaration's selectors use (`[aria-label="Participants"]`).
 * - ids, data-* values and other identifiers elsewhere stay, but for participants' names and
 *   runs of 4+ digits (meeting and user numbers); a value with spaces, "@", "?", "=", "&" or "%"
 *   is text.
 * - URLs (in any attribute) keep their origin and the path's shape, never a query or fragment.
 * - Scripts, styles, inline styles, event handlers, srcdoc, srcset and comments are left out.
 */

export const SAMPLE_FORMAT = 'callguard-detection-sample/1';

/** Elements after this many are left out (the sample says so): a sample is not a full copy of a huge page. */
const MAX_ELEMENTS = 50_000;
/** Masked text longer than this is cut: its shape says enough. */
const MAX_TEXT = 200;

export interface FrameSample {
  /** Origin and the path's shape. */
  url: string;
  platform: PlatformId;
  /** Whether CallGuard reads this URL as one where a call can happen (Platform.isCallUrl). */
  callUrl: boolean;
  /** The frame's document, redacted, as HTML that a fixture can start from. */
  html: string;
  elements: number;
  truncated: boolean;
  /** What the platform's reader made of this frame, names left out. */
  read: SampleRead;
  /** Each signal of the declaration: the first way it matched (or null), and each of its selectors' counts. */
  markers: { signal: string; matched: string | null; selectors: SelectorCounts }[];
  /** Counts of the declaration's structural selectors: where participants write, the roster, the call frames. */
  selectors: { participantRegions: SelectorCounts; rosterRows?: SelectorCounts; rosterNames?: SelectorCounts; rosterRowsRead?: number; callFrames?: SelectorCounts };
  /** Said when the platform is also read from the app's own state, which a sample does not see. */
  note?: string;
}

/** How many elements each selector matches; null for a selector the browser rejects. */
export type SelectorCounts = Record<string, number | null>;

export interface SampleRead {
  phase: string;
  phaseEvidence: string[];
  e2ee: { state: string; source: string; evidence: string[] } | null;
  recording: string[] | null;
  transcription: string[] | null;
  meetingOpen: string[] | null;
  /** Participants the page marks, by kind and evidence: never their names. */
  participants: { kind: string; evidence: string }[];
  /** How many names the roster listed. */
  names: number;
  namesFrom: string;
  unreadable: string[];
}

/** A frame whose sample could not be made, and why. */
export interface SampleFailure {
  url: string;
  error: string;
}

/** The file the popup saves: every sampled frame of the tab. */
export interface SampleFile {
  format: typeof SAMPLE_FORMAT;
  createdAt: string;
  extensionVersion: string;
  frames: ((FrameSample | SampleFailure) & { frameId: number })[];
}

/** Which words of a page may stay: the platform's own, unless a participant is called so. */
interface Words {
  /** Outside participants' regions: any word of the declaration. */
  keep(word: string): boolean;
  /** Inside them (attributes only): the words its markup is found by, as `[aria-label="Participants"]`. */
  keepInRegion(word: string): boolean;
  isName(word: string): boolean;
}

/** The sample of one frame, read as `platform`'s (the page only: no app state). */
export function frameSample(doc: Document, url: URL, platform: Platform): FrameSample {
  const spec = platform.detect;
  const read = readPage(platform, doc, {});
  const names = new Set(read.names.flatMap(letterRuns).map((word) => word.toLowerCase()));
  const isName = (word: string) => names.has(word.toLowerCase());
  const own = platformWords(platform);
  const allowed = (list: Set<string>) => (word: string) => list.has(word.toLowerCase()) && !isName(word);
  const words: Words = { keep: allowed(own.all), keepInRegion: allowed(own.markup), isName };
  const quoted = (evidence: string) => evidence.replace(/"([^"]*)"/g, (_, text: string) => `"${maskText(text, words.keep)}"`);
  const regions = participantRegions(spec);
  const rows = spec.roster ? rosterRows(doc, spec.roster) : [];
  const view = pageView(doc, regions, rows);
  const { html, elements, truncated } = redactedHtml(doc, url.href, regions.join(', '), words);

  return {
    url: maskUrl(url.href, url.href, words) ?? url.protocol,
    platform: platform.id,
    callUrl: isCallUrl(platform, url),
    html,
    elements,
    truncated,
    read: {
      phase: read.phase,
      phaseEvidence: read.phaseEvidence.map(quoted),
      e2ee: read.e2ee && { ...read.e2ee, evidence: read.e2ee.evidence.map(quoted) },
      recording: read.recording && read.recording.evidence.map(quoted),
      transcription: read.transcription && read.transcription.evidence.map(quoted),
      meetingOpen: read.meetingOpen && read.meetingOpen.evidence.map(quoted),
      participants: read.participants.map((p) => ({ kind: p.kind, evidence: quoted(p.evidence) })),
      names: read.names.length,
      namesFrom: read.namesFrom,
      unreadable: read.unreadable,
    },
    markers: declaredMarkers(spec).map(([signal, marker]) => {
      const matched = view.find(marker);
      return { signal, matched: matched && quoted(matched), selectors: counts(doc, marker.selectors ?? []) };
    }),
    selectors: {
      participantRegions: counts(doc, spec.participantText),
      ...(spec.roster
        ? { rosterRows: counts(doc, spec.roster.rows), rosterNames: counts(doc, spec.roster.name), rosterRowsRead: rows.length }
        : {}),
      ...(spec.callFrames ? { callFrames: counts(doc, spec.callFrames) } : {}),
    },
    ...(platform.readAppState ? { note: `${platform.name} is also read from the app's own state, which a sample does not include: only the page is read here.` } : {}),
  };
}

/** The file of a tab's samples, one per frame that had one. */
export function sampleFile(frames: SampleFile['frames'], createdAt: Date, extensionVersion: string): SampleFile {
  return { format: SAMPLE_FORMAT, createdAt: createdAt.toISOString(), extensionVersion, frames };
}

/** Every signal the declaration looks for, with its marker. */
function declaredMarkers(spec: DetectionSpec): [string, Marker][] {
  const signals: [string, Marker | undefined][] = [
    ...spec.phases.map(({ phase, marker }): [string, Marker] => [`phase ${phase}`, marker]),
    ['encryption on', spec.encryption?.on],
    ['encryption off', spec.encryption?.off],
    ['encryption not covered', spec.encryption?.notCovered?.marker],
    ['recording', spec.recording],
    ['live stream', spec.liveStream],
    ['transcription', spec.transcription],
    ['external notice', spec.externalNotice],
    ['meeting open', spec.meetingOpen],
  ];
  return signals.filter((signal): signal is [string, Marker] => !!signal[1]);
}

function counts(doc: Document, selectors: readonly string[]): SelectorCounts {
  return Object.fromEntries(
    selectors.map((selector) => {
      try {
        return [selector, doc.querySelectorAll(selector).length];
      } catch {
        return [selector, null];
      }
    }),
  );
}

export interface PlatformWords {
  /** Every word of the declaration and of the roster's labels, lower-cased. */
  all: Set<string>;
  /** The words of its strings only (selectors, names): what its markup is found by. */
  markup: Set<string>;
}

const cache = new WeakMap<Platform, PlatformWords>();

/**
 * The words a platform's declaration uses (its name, sites, selectors, patterns, labels) and the
 * roster's labels: the page's words that a sample may keep. Regular expressions give their
 * literal words (escapes such as \b and \S are not words).
 */
export function platformWords(platform: Platform): PlatformWords {
  const known = cache.get(platform);
  if (known) return known;
  const words: PlatformWords = { all: new Set(), markup: new Set() };
  const add = (text: string, to: Set<string>[], shortest: number) => {
    for (const word of letterRuns(text)) if (word.length >= shortest) for (const set of to) set.add(word.toLowerCase());
  };
  const visit = (value: unknown): void => {
    if (typeof value === 'string') add(value, [words.all, words.markup], 1);
    // Single letters of a pattern are character classes ([a-z]) or escapes' remains, not words.
    else if (value instanceof RegExp) add(value.source.replace(/\\[a-zA-Z]/g, ' '), [words.all], 2);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit([platform.name, platform.matches, platform.detect, EXTERNAL_LABELS, BOT_LABELS, EXTERNAL_ICON_LABELS, PHONE_ICON_LABELS]);
  cache.set(platform, words);
  return words;
}

const LETTERS = /[\p{L}\p{M}]+/gu;
const letterRuns = (text: string) => text.match(LETTERS) ?? [];

/** Characters that show as nothing: dropped, so they cannot split a name into kept pieces. */
const INVISIBLE = /\p{Cf}/gu;
/** Letter runs, digit runs, and any one character that is not punctuation, space or a maths sign (emoji, symbols). */
const RUNS = /[\p{L}\p{M}]+|\p{N}+|[^\p{L}\p{M}\p{N}\p{P}\p{Z}\p{Sm}\s]/gu;

/** Free text: kept words stay, other words are "x" per letter, digits "9", symbols "#". */
export function maskText(text: string, keep: (word: string) => boolean): string {
  const masked = text
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .replace(RUNS, (run) => {
      if (/^\p{N}/u.test(run)) return '9'.repeat([...run].length);
      if (/^[\p{L}\p{M}]/u.test(run)) return keep(run) ? run : 'x'.repeat([...run].length);
      return '#';
    });
  return masked.length > MAX_TEXT ? `${masked.slice(0, MAX_TEXT)}…` : masked;
}

/** An identifier (id, class, data-* value): as it is, but for participants' names and long numbers. */
function maskIdentifier(value: string, words: Words): string {
  return value.replace(/[\p{L}\p{M}]+|\p{N}{4,}/gu, (run) =>
    /^\p{N}/u.test(run) ? '9'.repeat([...run].length) : words.isName(run) ? 'x'.repeat([...run].length) : run,
  );
}

/** Origin and the path's shape; no query, no fragment. Other schemes keep only the scheme; unparseable: null. */
function maskUrl(value: string, base: string, words: Words): string | null {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return null;
  }
  if (url.protocol === 'about:') return `about:${url.pathname}`;
  if (!/^(https?|wss?):$/.test(url.protocol)) return url.protocol === 'javascript:' ? null : url.protocol;
  return url.origin + maskText(url.pathname, words.keep);
}

/** Attributes whose value is text people read. */
const TEXT_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-valuetext',
  'aria-placeholder',
  'aria-roledescription',
  'aria-braillelabel',
  'title',
  'alt',
  'placeholder',
  'value',
  'content',
  'label',
  'download',
  'abbr',
]);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'cite', 'background', 'xlink:href', 'ping', 'data', 'longdesc', 'manifest']);
/** Left out: styles (they may carry image URLs), other documents, responsive image lists, page secrets, drawing paths. */
const DROPPED_ATTRIBUTES = new Set(['style', 'srcdoc', 'srcset', 'imagesrcset', 'nonce', 'integrity', 'd', 'points']);
/** Left out with their contents: code, styles, and text that is never the page's markup. */
const DROPPED_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'noembed', 'noframes', 'xmp', 'plaintext']);
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

function attributeValue(name: string, value: string, inRegion: boolean, words: Words, base: string): string | null {
  if (DROPPED_ATTRIBUTES.has(name) || name.startsWith('on')) return null;
  if (URL_ATTRIBUTES.has(name) || /^[a-z][a-z\d+.-]*:\/\//i.test(value)) return maskUrl(value, base, words);
  if (name === 'class') return maskIdentifier(value, words);
  const keep = inRegion ? words.keepInRegion : words.keep;
  // Spaces, an address, a query: not an identifier.
  if (TEXT_ATTRIBUTES.has(name) || /[\s@?=&%]/.test(value) || value.length > 100) return maskText(value, keep);
  // Apps name their data-* attributes after what they hold: inside a participant's region, a name.
  return inRegion && name.startsWith('data-') ? maskText(value, keep) : maskIdentifier(value, words);
}

const keepNothing = () => false;
const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');

function openTag(el: Element, inRegion: boolean, words: Words, base: string): string {
  let tag = `<${el.localName}`;
  for (const { name, value } of Array.from(el.attributes)) {
    const kept = attributeValue(name.toLowerCase(), value, inRegion, words, base);
    if (kept !== null) tag += kept === '' ? ` ${name}` : ` ${name}="${escapeAttribute(kept)}"`;
  }
  return `${tag}>`;
}

/**
 * The document as redacted HTML, with open shadow roots as declarative ones; relative URLs are
 * read against the frame's address (`base`). Walked with a stack of its own, not recursion: a
 * hostile page can nest deeper than the call stack.
 */
function redactedHtml(doc: Document, base: string, regionSelector: string, words: Words): { html: string; elements: number; truncated: boolean } {
  const inRegion = (el: Element) => {
    if (!regionSelector) return false;
    try {
      return el.matches(regionSelector);
    } catch {
      return true; // a selector the browser rejects: mask as if it matched
    }
  };
  const out: string[] = ['<!doctype html>'];
  let elements = 0;
  let truncated = false;
  type Step = { node: Node; region: boolean } | string;
  const pushChildren = (steps: Step[], parent: ParentNode, region: boolean) => {
    const children = Array.from(parent.childNodes);
    for (let i = children.length - 1; i >= 0; i--) steps.push({ node: children[i]!, region });
  };
  const steps: Step[] = [];
  if (doc.documentElement) steps.push({ node: doc.documentElement, region: false });
  while (steps.length > 0) {
    const step = steps.pop()!;
    if (typeof step === 'string') {
      out.push(step);
      continue;
    }
    const { node, region } = step;
    if (node.nodeType === 3) {
      out.push(escapeText(maskText(node.nodeValue ?? '', region ? keepNothing : words.keep)));
      continue;
    }
    if (node.nodeType !== 1) continue; // comments, processing instructions
    const el = node as Element;
    if (DROPPED_ELEMENTS.has(el.localName)) continue;
    if (elements >= MAX_ELEMENTS) {
      truncated = true;
      continue;
    }
    elements++;
    const elRegion = region || inRegion(el);
    out.push(openTag(el, elRegion, words, base));
    if (VOID_ELEMENTS.has(el.localName)) continue;
    steps.push(`</${el.localName}>`);
    pushChildren(steps, el, elRegion);
    if (el.shadowRoot) {
      steps.push('</template>');
      pushChildren(steps, el.shadowRoot, elRegion);
      steps.push('<template shadowrootmode="open">');
    }
  }
  return { html: out.join(''), elements, truncated };
}
