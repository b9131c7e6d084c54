import { describe, expect, it } from 'vitest';
import { CONFERENCE_MATCHES } from '../../../../core/platforms/index';
import {
  ALL_SITE_SCRIPT_IDS,
  PROBE_SCRIPT_FILE,
  callScriptFile,
  framesToCover,
  planSiteScripts,
  sameRegistration,
  siteContentScripts,
  tabsToCover,
} from '../../../../core/policy/sites';
import { validatePolicyInput } from '../../../../core/policy/validate';
import type { ConferenceSite } from '../../../../core/policy/types';

const site = (pattern: string, platform: ConferenceSite['platform'] = 'jitsi'): ConferenceSite => ({ pattern, platform });

describe('planSiteScripts', () => {
  it('registers granted sites, leaves built-in ones to the manifest, and lists what needs access', () => {
    const plan = planSiteScripts(
      [
        site('https://meet.example.org/*'),
        site('https://video.example.com/rooms/*', 'bigbluebutton'),
        site('https://meet.jit.si/*'),
        site('https://*.zoom.us/j/*', 'zoom'),
        site('https://calls.example.net/*', 'webrtc'),
      ],
      [...CONFERENCE_MATCHES, 'https://meet.example.org/*', 'https://video.example.com/*'],
    );
    expect(plan).toEqual({
      register: ['https://meet.example.org/*', 'https://video.example.com/rooms/*'],
      registerSites: [site('https://meet.example.org/*'), site('https://video.example.com/rooms/*', 'bigbluebutton')],
      builtIn: ['https://*.zoom.us/j/*', 'https://meet.jit.si/*'],
      needAccess: ['https://calls.example.net/*'],
      access: ['https://calls.example.net/*'],
    });
  });

  it('with access to every site (enterprise build), registers every extra site', () => {
    const plan = planSiteScripts([site('*://*.example.org/*'), site('http://10.0.0.5/*', 'webrtc')], ['*://*/*']);
    expect(plan.register).toEqual(['*://*.example.org/*', 'http://10.0.0.5/*']);
    expect(plan.needAccess).toEqual([]);
  });

  it('gives the same plan whatever the order, without duplicates', () => {
    const sites = [site('https://b.example.org/*'), site('https://a.example.org/*'), site('https://b.example.org/*', 'webrtc')];
    const one = planSiteScripts(sites, ['*://*/*']);
    expect(one.register).toEqual(['https://a.example.org/*', 'https://b.example.org/*']);
    expect(planSiteScripts([...sites].reverse(), ['*://*/*'])).toEqual(one);
  });

  it('plans nothing for no sites', () => {
    expect(planSiteScripts([], ['*://*/*'])).toEqual({ register: [], registerSites: [], builtIn: [], needAccess: [], access: [] });
  });

  it('accepts every pattern the policy validator accepts', () => {
    for (const pattern of ['https://meet.example.org/*', '*://*.example.org/*', 'http://10.1.2.3/x/*', 'https://*/*']) {
      expect(validatePolicyInput({ conferenceSites: [site(pattern)] }, 'admin').diagnostics).toEqual([]);
      const plan = planSiteScripts([site(pattern)], ['*://*/*'], []);
      expect(plan.register, pattern).toEqual([pattern]);
    }
  });
});

describe('siteContentScripts', () => {
  it('registers the main-world probe, then the call script of the site\'s platform, at document_start in every frame', () => {
    const scripts = siteContentScripts([site('https://meet.example.org/*')]);
    expect(scripts).toEqual([
      {
        id: 'callguard-sites-probe',
        matches: ['https://meet.example.org/*'],
        excludeMatches: CONFERENCE_MATCHES,
        js: [PROBE_SCRIPT_FILE],
        runAt: 'document_start',
        allFrames: true,
        matchOriginAsFallback: true,
        world: 'MAIN',
      },
      {
        id: 'callguard-sites-jitsi',
        matches: ['https://meet.example.org/*'],
        excludeMatches: CONFERENCE_MATCHES,
        js: [callScriptFile('jitsi')],
        runAt: 'document_start',
        allFrames: true,
        matchOriginAsFallback: true,
      },
    ]);
  });

  it('in Chromium, keeps patterns with a narrower path apart (no about:blank fallback for them)', () => {
    const scripts = siteContentScripts([site('https://a.example.org/*'), site('https://b.example.org/rooms/*')]);
    expect(scripts.map((s) => [s.id, s.matches, s.matchOriginAsFallback ?? false])).toEqual([
      ['callguard-sites-probe', ['https://a.example.org/*'], true],
      ['callguard-sites-jitsi', ['https://a.example.org/*'], true],
      ['callguard-sites-probe-paths', ['https://b.example.org/rooms/*'], false],
      ['callguard-sites-jitsi-paths', ['https://b.example.org/rooms/*'], false],
    ]);
    for (const script of scripts) expect(ALL_SITE_SCRIPT_IDS).toContain(script.id);
  });

  it('in Firefox, one pair for every pattern and no Chromium-only keys', () => {
    const scripts = siteContentScripts([site('https://a.example.org/*'), site('https://b.example.org/rooms/*')], { chromium: false });
    expect(scripts.map((s) => s.id)).toEqual(['callguard-sites-probe', 'callguard-sites-jitsi']);
    for (const script of scripts) expect(script).not.toHaveProperty('matchOriginAsFallback');
  });

  it('each site gets the call script of its own platform (so a page loads one reader, within the budget)', () => {
    const scripts = siteContentScripts([site('https://meet.example.org/*'), site('https://bbb.example.org/*', 'bigbluebutton'), site('https://calls.example.net/*', 'webrtc')]);
    expect(scripts.map((s) => [s.id, s.js, s.matches])).toEqual([
      ['callguard-sites-probe', [PROBE_SCRIPT_FILE], ['https://meet.example.org/*', 'https://bbb.example.org/*', 'https://calls.example.net/*']],
      ['callguard-sites-jitsi', ['content-scripts/jitsi.js'], ['https://meet.example.org/*']],
      ['callguard-sites-bigbluebutton', ['content-scripts/bigbluebutton.js'], ['https://bbb.example.org/*']],
      ['callguard-sites-webrtc', ['content-scripts/webrtc.js'], ['https://calls.example.net/*']],
    ]);
    for (const script of scripts) expect(ALL_SITE_SCRIPT_IDS).toContain(script.id);
  });

  it('registers nothing for no patterns', () => {
    expect(siteContentScripts([])).toEqual([]);
  });
});

describe('sameRegistration', () => {
  it('compares ids and matches, in any order', () => {
    const wanted = siteContentScripts([site('https://a.example.org/*'), site('https://b.example.org/*')]);
    const existing = [...wanted].reverse().map((s) => ({ ...s, matches: [...s.matches].reverse() }));
    expect(sameRegistration(existing, wanted)).toBe(true);
    expect(sameRegistration([], [])).toBe(true);
    expect(sameRegistration(existing, siteContentScripts([site('https://a.example.org/*')]))).toBe(false);
    expect(sameRegistration(existing, [])).toBe(false);
  });
});

describe('tabsToCover: open tabs that loaded before the scripts were registered', () => {
  const scripts = siteContentScripts([site('https://meet.example.org/*'), site('https://video.example.com/rooms/*')]);

  it('takes the tabs whose page the registered scripts match, as the browser would have', () => {
    const tabs = [
      { id: 1, url: 'https://meet.example.org/Standup' },
      { id: 2, url: 'https://video.example.com/rooms/42' },
      { id: 3, url: 'https://video.example.com/' },
      { id: 4, url: 'https://www.example.org/' },
      { id: 5, url: 'http://meet.example.org/Standup' },
    ];
    expect(tabsToCover(tabs, scripts)).toEqual([1, 2]);
  });

  it('leaves tabs without an address (no host access), without an id, or unloaded (they get the scripts when they load)', () => {
    const tabs = [{ id: 1 }, { url: 'https://meet.example.org/a' }, { id: 3, url: 'https://meet.example.org/b', discarded: true }];
    expect(tabsToCover(tabs, scripts)).toEqual([]);
  });

  it('leaves the built-in sites to the manifest, also under a pattern for every site', () => {
    const everySite = siteContentScripts([site('https://*/*')]);
    expect(tabsToCover([{ id: 1, url: 'https://meet.jit.si/Room' }, { id: 2, url: 'https://calls.example.net/' }], everySite)).toEqual([2]);
  });

  it('takes nothing when nothing is registered', () => {
    expect(tabsToCover([{ id: 1, url: 'https://meet.example.org/Standup' }], [])).toEqual([]);
  });
});

describe('framesToCover: frames of an open tab to give the scripts now', () => {
  const frame = (frameId: number, url: string, origin = new URL(url).origin, watched = false) => ({ frameId, url, origin, watched });

  it('takes the frames the scripts match that no copy of CallGuard watches yet', () => {
    const frames = [
      frame(0, 'https://meet.example.org/Standup'),
      frame(1, 'https://meet.example.org/embed', undefined, true),
      frame(2, 'https://ads.example.net/banner'),
    ];
    expect(framesToCover(frames, siteContentScripts([site('https://meet.example.org/*')]))).toEqual([{ frameId: 0, callScript: 'content-scripts/jitsi.js' }]);
  });

  it('in Chromium, frames without an address of their own (about:blank) by their origin, as registered', () => {
    const frames = [frame(0, 'https://meet.example.org/Standup', undefined, true), frame(3, 'about:blank', 'https://meet.example.org'), frame(4, 'about:blank', 'null')];
    expect(framesToCover(frames, siteContentScripts([site('https://meet.example.org/*')])).map((f) => f.frameId)).toEqual([3]);
    expect(framesToCover(frames, siteContentScripts([site('https://meet.example.org/*')], { chromium: false }))).toEqual([]);
  });

  it('no about:blank fallback under a pattern with a narrower path, as registered', () => {
    const frames = [frame(0, 'https://video.example.com/rooms/1'), frame(1, 'about:blank', 'https://video.example.com')];
    expect(framesToCover(frames, siteContentScripts([site('https://video.example.com/rooms/*')])).map((f) => f.frameId)).toEqual([0]);
  });
});
