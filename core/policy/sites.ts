import { accessPatternFor, isValidMatchPattern, patternCovers } from '../match-pattern';
import { CONFERENCE_MATCHES } from '../platforms/index';
import type { ConferenceSite } from './types';

/**
 * Self-hosted and extra conference sites (the `conferenceSites` setting): which of them get
 * CallGuard's content scripts registered at run time, and which still need the user to grant
 * host access. Pure: the background feeds in the sites and the granted origins
 * (permissions.getAll) and applies the plan with browser.scripting.
 */

/** Ids of the two dynamically registered content scripts. */
export const SITE_SCRIPT_IDS = { probe: 'callguard-sites-probe', call: 'callguard-sites-call' } as const;

/** The main-world probe (modules/rtc-probe), and the call script with every platform (entrypoints/sites.content.ts). */
export const PROBE_SCRIPT_FILE = 'rtc-probe.js';
export const SITES_SCRIPT_FILE = 'content-scripts/sites.js';

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
