// A page read gathers each list of page texts once (core/platforms/dom.ts readOnce), and the
// adapters installed for the content script read that way. Memoising must change no read, and
// nothing may be remembered from one read to the next.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageTexts, readOnce } from '../../../core/platforms/dom';
import { googleMeet } from '../../../core/platforms/google-meet';
import { installAdapters, installedAdapter } from '../../../core/platforms/installed';
import { adapterFor } from '../../../core/platforms/registry';
import type { PlatformId } from '../../../core/types';
import { FIXTURES, load, parse } from './support';

const PLATFORM_DIRS = readdirSync(FIXTURES).filter((dir) => !dir.startsWith('__') && dir !== 'bench' && dir !== 'hostile' && dir !== 'changed');

describe('readOnce', () => {
  it.each(PLATFORM_DIRS)('reads every %s fixture exactly as an unmemoised read does', (dir) => {
    const adapter = adapterFor(dir as PlatformId);
    expect(adapter.id).toBe(dir);
    const files = readdirSync(resolve(FIXTURES, dir)).filter((file) => file.endsWith('.html'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const plain = adapter.read(load(`${dir}/${file}`), {});
      const memoised = readOnce(() => adapter.read(load(`${dir}/${file}`), {}));
      expect(memoised, `${dir}/${file}`).toEqual(plain);
    }
  });

  it('queries each place once per read, and afresh on the next read', () => {
    const doc = load('google-meet/in-call.html');
    const query = vi.spyOn(doc, 'querySelectorAll');
    googleMeet.read(doc, {});
    const unmemoised = query.mock.calls.length;
    query.mockClear();
    readOnce(() => googleMeet.read(doc, {}));
    const memoised = query.mock.calls.length;
    const selectors = query.mock.calls.map(([selector]) => selector);
    expect(new Set(selectors).size).toBe(selectors.length);
    expect(memoised).toBeLessThan(unmemoised / 2);
    query.mockClear();
    readOnce(() => googleMeet.read(doc, {}));
    expect(query.mock.calls.length).toBe(memoised);
  });

  it('sees what changed between two reads of the same document', () => {
    const doc = parse('<div role="status">Ready to join?</div><button>Join now</button>');
    const url = 'https://meet.google.com/abc-defg-hij';
    expect(googleMeet.isCallUrl(new URL(url))).toBe(true);
    expect(readOnce(() => googleMeet.read(doc, {})).phase).toBe('pre-join');
    doc.body.innerHTML = '<div data-participant-id="p1" aria-label="Anna"></div><div role="status">This call is being recorded</div>';
    const read = readOnce(() => googleMeet.read(doc, {}));
    expect(read.phase).toBe('in-call');
    expect(read.recording).not.toBeNull();
  });

  it('keeps reads of different roots apart', () => {
    const a = parse('<div role="alert">one</div>');
    const b = parse('<div role="alert">two</div>');
    readOnce(() => {
      expect(pageTexts(a, '[role="alert"]', 'text')).toEqual(['one']);
      expect(pageTexts(b, '[role="alert"]', 'text')).toEqual(['two']);
      expect(pageTexts(a, '[role="alert"]', 'small-text')).toEqual(['one']);
    });
  });
});

describe('installed adapters', () => {
  const holder = globalThis as Record<symbol, unknown>;
  const INSTALLED = Symbol.for('callguard.adapters');
  afterEach(() => {
    delete holder[INSTALLED];
  });

  it('read through readOnce, with the same result as the adapter itself', () => {
    installAdapters([googleMeet]);
    const installed = installedAdapter('google-meet');
    expect(installed).not.toBe(googleMeet);
    expect(installed.id).toBe('google-meet');
    const doc = load('google-meet/dial-in.html');
    const query = vi.spyOn(doc, 'querySelectorAll');
    const read = installed.read(doc, {});
    const selectors = query.mock.calls.map(([selector]) => selector);
    expect(new Set(selectors).size).toBe(selectors.length);
    expect(read).toEqual(googleMeet.read(load('google-meet/dial-in.html'), {}));
  });
});
