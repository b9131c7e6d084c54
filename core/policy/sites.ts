import { accessPatternFor, isValidMatchPattern, matchesPattern, patternCovers } from '../match-pattern';
import { CONFERENCE_MATCHES } from '../platforms/index';
import { PLATFORM_IDS, type PlatformId } from '../types';
import type { ConferenceSite } from './types';

/**
 * Self-hosted and extra conference sites (the `conferenceSites` setting): which of them get
 * CallGuard's content scripts registered at run time, which still need the user to grant host
 * access, and which open tabs and frames loaded before the scripts and get them now. Pure: the
 * background feeds in the sites, the granted origins (permissions.getAll) and the open tabs, and
 * applies the plan with browser.scripting.
 */

/** Ids of the dynamically registered content scripts: the probe, and each platform's call script. */
export const SITE_SCRIPT_IDS = { probe: 'callguard-sites-probe', call: (platform: PlatformId) => `callguard-sites-${platform}` } as const;

/** The main-world probe (modules/rtc-probe). */
export const PROBE_SCRIPT_FILE = 'rtc-probe.js';
/**
 * A platform's own call script (entrypoints/<platform>.content.ts), the one its built-in sites
 * load: an added site named as that platform gets the same, and so stays within its budget.
 */
export const callScriptFile = (platform: PlatformId) => `content-scripts/${platform}.js`;
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
  /** The same, each with the platform that reads it (the first one named for the pattern). */
  registerSites: ConferenceSite[];
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
  // A pattern named twice is read as one platform whatever the order: a platform of ours before
  // the generic reader, then the first in PLATFORM_IDS.
  const platformOf = (pattern: string) =>
    PLATFORM_IDS.find((id) => sites.some((site) => site.pattern === pattern && site.platform === id))!;
  const registerSites = unique(register).map((pattern) => ({ pattern, platform: platformOf(pattern) }));
  return { register: unique(register), registerSites, builtIn: unique(builtIn), needAccess: unique(needAccess), access: unique(access) };
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
export const ALL_SITE_SCRIPT_IDS = [SITE_SCRIPT_IDS.probe, ...PLATFORM_IDS.map(SITE_SCRIPT_IDS.call)].flatMap((id) => [id, `${id}-paths`]);

/**
 * The scripts for the planned sites, as the manifest declares them for the built-in sites: the
 * main-world probe first, then each site's platform call script, at document_start in every frame.
 * The built-in sites are excluded so that no page gets the scripts twice. In Chromium, frames
 * without an origin of their own (about:blank) get them too, which Chromium allows only for
 * patterns whose path is "/*"; patterns with a narrower path get their own registrations without it.
 * None when there is nothing to register.
 */
export function siteContentScripts(
  sites: readonly ConferenceSite[],
  { chromium = true, builtInMatches = CONFERENCE_MATCHES }: { chromium?: boolean; builtInMatches?: readonly string[] } = {},
): SiteContentScript[] {
  const wholeSite = (site: ConferenceSite) => /^[^:]+:\/\/[^/]+\/\*$/.test(site.pattern);
  const groups: [ConferenceSite[], boolean, string][] = chromium
    ? [
        [sites.filter(wholeSite), true, ''],
        [sites.filter((site) => !wholeSite(site)), false, '-paths'],
      ]
    : [[[...sites], false, '']];
  return groups
    .filter(([group]) => group.length > 0)
    .flatMap(([group, fallback, suffix]) => {
      const script = (id: string, matches: string[], js: string): SiteContentScript => ({
        id: `${id}${suffix}`,
        matches,
        excludeMatches: [...builtInMatches],
        js: [js],
        runAt: 'document_start',
        allFrames: true,
        ...(fallback ? { matchOriginAsFallback: true as const } : {}),
      });
      const platforms = PLATFORM_IDS.filter((id) => group.some((site) => site.platform === id));
      return [
        { ...script(SITE_SCRIPT_IDS.probe, group.map((site) => site.pattern), PROBE_SCRIPT_FILE), world: 'MAIN' as const },
        ...platforms.map((id) => script(SITE_SCRIPT_IDS.call(id), group.filter((site) => site.platform === id).map((site) => site.pattern), callScriptFile(id))),
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

/** A frame of an open tab to give the scripts now, and the call script that is its platform's. */
export interface FrameToCover {
  frameId: number;
  callScript: string;
}

/** The frames of an open tab to give the scripts now: those they cover that no copy of CallGuard watches yet. */
export function framesToCover(frames: readonly FrameLook[], scripts: readonly SiteContentScript[]): FrameToCover[] {
  const callScripts = scripts.filter((script) => script.world !== 'MAIN');
  return frames.flatMap((f) => {
    const script = f.watched ? undefined : callScripts.find((s) => scriptRunsAt(s, f.url, f.origin));
    return script ? [{ frameId: f.frameId, callScript: script.js[0]! }] : [];
  });
}
