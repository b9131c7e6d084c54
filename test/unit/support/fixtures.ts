// Fixture pages as the content script sees them: a document, and the app state the main-world
// probe would read from the page's own scripts (Jitsi's window.APP), passed through the same
// channel the probe's message takes.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseProbeMessage } from '../../../core/channel';
import { readJitsiAppState } from '../../../core/platforms/jitsi-app-state';
import type { AppState } from '../../../core/types';

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures');

export const fixtureText = (path: string) => readFileSync(resolve(FIXTURES, path), 'utf8');

/** A fresh document (DOMParser runs no scripts; host pages' iframes get an empty srcdoc, so nothing loads). */
export const parseHtml = (html: string) => new DOMParser().parseFromString(html.replace(/<iframe\b/g, '<iframe srcdoc=""'), 'text/html');

/**
 * The fixture's document and the app state its inline scripts set up. The scripts run against a
 * plain object standing for `window`, as the page would run them; the probe's reading of that
 * window goes through JSON and parseProbeMessage, exactly as in the browser.
 */
export function loadFixture(path: string): { document: Document; app: AppState } {
  const html = fixtureText(path);
  return { document: parseHtml(html), app: appStateOf(html) };
}

loadFixture.sources = (platform: string) => fixtureText(`${platform}/SOURCES.md`);

export function appStateOf(html: string): AppState {
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  if (scripts.length === 0) return {};
  const win: Record<string, unknown> = {};
  for (const script of scripts) {
    try {
      new Function('window', script)(win);
    } catch {
      // A script for the browser (a hostile page's tricks), not app state.
    }
  }
  return parseProbeMessage(JSON.stringify({ rtc: { connections: [] }, app: readJitsiAppState(win) }))?.app ?? {};
}
