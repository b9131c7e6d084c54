import { accessPatternFor, isValidMatchPattern, matchesPattern, patternCovers } from '../match-pattern';
import { CONFERENCE_MATCHES } from '../platforms/index';
import type { ConferenceSite } from './types';

/**
 * Self-hosted and extra conference sites (the `conferenceSites` setting): which of them get
 * CallGuard's content scripts registered at run time, which still need the user to grant host
 * access, and which open tabs and frames loaded before the scripts and get them now. Pure: the
 * background feeds in the sites, the granted origins (permissions.getAll) and the open tabs, and
 * applies the plan with browser.scripting.
 */

/** Ids of the two dynamically registered content scripts. */
export const SITE_SCRIPT_IDS = { probe: 'callguard-sites-probe', call: 'callguard-sites-call' } as const;

/** The main-world probe (modules/rtc-probe), and the call script with every platform (entrypoints/sites.content.ts). */
export const PROBE_SCRIPT_FILE = 'rtc-probe.js';
export const SITES_SCRIPT_FILE = 'content-scripts/sites.js';
/** Injected just before the call script into a page that had loaded already (entrypoints/late-start.ts). */
export const LATE_START_SCRIPT_FILE = 'late-start.js';

/** Host permissions that cover every web page. */
export const ALL_SITES_ORIGINS = ['<all_urls>', '*://*/*'];

/** Whether the granted host permissions (permissions.getAll().origins) reach a pattern. */
export function hasAccess(pattern: string, grantedOrigins: readonly string[]): boolean {
  return grantedOrigins.some((origin) => patternCovers(origin, pattern, { ignorePath: true }));
}

export interface SitePlan {
  /** Patterns to register the content scripts for, sorted and unique. */
  register: string[];
  /** Patterns the manifest's own content scripts already cover (nothing to do). */
  builtIn: string[];
  /** Patterns that need host access first; `access` lists the permissions to request. */
  needAccess: string[];
  access: string[];
}

/** Which extra sites to register scripts for, and which need host access first. */
export function planSiteScripts(
  sites: readonly ConferenceSite[],
  grantedOrigins: readonly string[],
  builtInMatches: readonly string[] = CONFERENCE_MATCHES,
): SitePlan {
  const unique = (list: string[]) => [...new Set(list)].sort();
  const register: string[] = [];
  const builtIn: string[] = [];
  const needAccess: string[] = [];
  for (const { pattern } of sites) {
    if (!isValidMatchPattern(pattern)) continue;
    if (builtInMatches.some((match) => patternCovers(match, pattern))) builtIn.push(pattern);
    else if (hasAccess(pattern, grantedOrigins)) register.push(pattern);
    else needAccess.push(pattern);
  }
  const access = needAccess.map(accessPatternFor).filter((p): p is string => p !== null);
  return { register: unique(register), builtIn: unique(builtIn), needAccess: unique(needAccess), access: unique(access) };
}

/** A content script to register, in the shape of browser.scripting.RegisteredContentScript. */
export interface SiteContentScript {
  id: string;
  matches: string[];
  excludeMatches: string[];
  js: string[];
  runAt: 'document_start';
  allFrames: true;
  world?: 'MAIN';
  matchOriginAsFallback?: true;
}

/** Every id siteContentScripts can use, for looking them up and removing them. */
export const ALL_SITE_SCRIPT_IDS = [SITE_SCRIPT_IDS.probe, SITE_SCRIPT_IDS.call].flatMap((id) => [id, `${id}-paths`]);

/**
 * The scripts for the planned patterns, as the manifest declares them for the built-in sites:
 * the main-world probe first, then the isolated call script, at document_start in every frame.
 * The built-in sites are excluded so that no page gets the scripts twice. In Chromium, frames
 * without an origin of their own (about:blank) get them too, which Chromium allows only for
 * patterns whose path is "/*"; patterns with a narrower path get a second pair without it.
 * None when there is nothing to register.
 */
export function siteContentScripts(
  register: readonly string[],
  { chromium = true, builtInMatches = CONFERENCE_MATCHES }: { chromium?: boolean; builtInMatches?: readonly string[] } = {},
): SiteContentScript[] {
  const wholeSite = register.filter((pattern) => /^[^:]+:\/\/[^/]+\/\*$/.test(pattern));
  const groups: [string[], boolean, string][] = chromium
    ? [
        [wholeSite, true, ''],
        [register.filter((pattern) => !wholeSite.includes(pattern)), false, '-paths'],
      ]
    : [[[...register], false, '']];
  return groups
    .filter(([matches]) => matches.length > 0)
    .flatMap(([matches, fallback, suffix]) => {
      const common = (id: string, js: string[]): SiteContentScript => ({
        id,
        matches: [...matches],
        excludeMatches: [...builtInMatches],
        js,
        runAt: 'document_start',
        allFrames: true,
        ...(fallback ? { matchOriginAsFallback: true as const } : {}),
      });
      return [
        { ...common(`${SITE_SCRIPT_IDS.probe}${suffix}`, [PROBE_SCRIPT_FILE]), world: 'MAIN' as const },
        common(`${SITE_SCRIPT_IDS.call}${suffix}`, [SITES_SCRIPT_FILE]),
      ];
    });
}

/** Whether registered scripts already match what is wanted (same ids and matches). */
export function sameRegistration(
  existing: readonly { id: string; matches?: string[] | undefined }[],
  wanted: readonly { id: string; matches: string[] }[],
): boolean {
  const key = (list: readonly { id: string; matches?: string[] | undefined }[]) =>
    JSON.stringify(
      list
        .map((s) => [s.id, [...(s.matches ?? [])].sort()] as const)
        .sort(([a], [b]) => a.localeCompare(b)),
    );
  return key(existing) === key(wanted);
}

/** An open tab as tabs.query gives it: its address only where CallGuard has host access. */
export interface OpenTab {
  id?: number;
  url?: string;
  discarded?: boolean;
}

/** One frame of an open tab, as CallGuard looked at it (lookAtFrame in entrypoints/call/world.ts). */
export interface FrameLook {
  frameId: number;
  url: string;
  /** The frame's origin: for about:blank and similar frames, that of the page that made them. */
  origin: string;
  /** A copy of CallGuard's call script already runs there. */
  watched: boolean;
}

/**
 * Whether the browser runs a registered script in a frame with this address: a pattern matches
 * and no excluded one does. With matchOriginAsFallback (Chromium), a frame without an address of
 * its own (about:blank, blob:) is matched by the origin of the page that made it.
 */
function scriptRunsAt(script: SiteContentScript, url: string, origin?: string): boolean {
  let address: URL;
  try {
    address = new URL(url);
    if (script.matchOriginAsFallback && origin && !/^https?:$/.test(address.protocol)) address = new URL(`${origin}/`);
  } catch {
    return false; // not an address, or an opaque origin ("null"): no pattern covers it
  }
  const matches = (pattern: string) => matchesPattern(pattern, address);
  return script.matches.some(matches) && !script.excludeMatches.some(matches);
}

/**
 * The open tabs showing a page the registered scripts would have run in, had they been there
 * when it loaded. Unloaded (discarded) tabs are left: they get the registered scripts when they load.
 */
export function tabsToCover(tabs: readonly OpenTab[], scripts: readonly SiteContentScript[]): number[] {
  return tabs.flatMap(({ id, url, discarded }) => (id !== undefined && url && !discarded && scripts.some((s) => scriptRunsAt(s, url)) ? [id] : []));
}

/** The frames of an open tab to give the scripts now: those they cover that no copy of CallGuard watches yet. */
export function framesToCover(frames: readonly FrameLook[], scripts: readonly SiteContentScript[]): number[] {
  return frames.filter((f) => !f.watched && scripts.some((script) => scriptRunsAt(script, f.url, f.origin))).map((f) => f.frameId);
}
