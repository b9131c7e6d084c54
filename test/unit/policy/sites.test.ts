import { describe, expect, it } from 'vitest';
import { CONFERENCE_MATCHES } from '../../../core/platforms/matches';
import { matchesPattern } from '../../../core/platforms/match-pattern';
import {
  ALL_SITE_SCRIPT_IDS,
  ALL_ADAPTERS_FILE,
  CALL_SCRIPT_FILE,
  PROBE_SCRIPT_FILE,
  accessPatternFor,
  hasAccess,
  patternCovers,
  planSiteScripts,
  sameRegistration,
  siteContentScripts,
} from '../../../core/policy/sites';
import { validatePolicyInput } from '../../../core/policy/validate';
import type { ConferenceSite } from '../../../core/policy/types';

const site = (pattern: string, platform: ConferenceSite['platform'] = 'jitsi'): ConferenceSite => ({ pattern, platform });

describe('patternCovers', () => {
  it.each([
    ['<all_urls>', 'https://meet.example.org/*', true],
    ['*://*/*', 'https://meet.example.org/*', true],
    ['*://*/*', 'http://meet.example.org/rooms/*', true],
    ['*://*/*', '*://*.example.org/*', true],
    ['https://*/*', 'http://meet.example.org/*', false],
    ['https://*/*', '*://meet.example.org/*', false],
    ['https://*.example.org/*', 'https://meet.example.org/*', true],
    ['https://*.example.org/*', 'https://example.org/*', true],
    ['https://*.example.org/*', 'https://*.meet.example.org/*', true],
    ['https://*.example.org/*', 'https://notexample.org/*', false],
    ['https://meet.example.org/*', 'https://*.example.org/*', false],
    ['https://meet.example.org/*', 'https://meet.example.org/rooms/*', true],
    ['https://meet.example.org/rooms/*', 'https://meet.example.org/*', false],
    ['https://meet.example.org/*', 'https://other.example.org/*', false],
    ['https://MEET.example.org/*', 'https://meet.example.org/*', true],
    ['not a pattern', 'https://meet.example.org/*', false],
  ])('%s covers %s: %s', (outer, inner, expected) => {
    expect(patternCovers(outer, inner)).toBe(expected);
  });

  it('ignores paths for host permissions', () => {
    expect(patternCovers('https://meet.example.org/rooms/*', 'https://meet.example.org/*', { ignorePath: true })).toBe(true);
  });

  it('agrees with the URL matcher: a covered pattern\'s URLs are matched by the outer one', () => {
    const urls = ['https://meet.example.org/x', 'http://meet.example.org/', 'https://a.b.example.org/rooms/1', 'https://example.org/'];
    const patterns = ['*://*/*', 'https://*.example.org/*', 'https://meet.example.org/*', '*://meet.example.org/*', 'https://example.org/*'];
    for (const outer of patterns) {
      for (const inner of patterns) {
        if (!patternCovers(outer, inner)) continue;
        for (const url of urls) {
          if (matchesPattern(inner, new URL(url))) expect(matchesPattern(outer, new URL(url)), `${outer} ⊇ ${inner} at ${url}`).toBe(true);
        }
      }
    }
  });
});

describe('accessPatternFor and hasAccess', () => {
  it('asks for the scheme and host only', () => {
    expect(accessPatternFor('https://meet.example.org/rooms/*')).toBe('https://meet.example.org/*');
    expect(accessPatternFor('*://*.example.org/*')).toBe('*://*.example.org/*');
    expect(accessPatternFor('meet.example.org')).toBeNull();
  });

  it('counts broad grants, exact grants and wildcard grants', () => {
    expect(hasAccess('https://meet.example.org/*', ['*://*/*'])).toBe(true);
    expect(hasAccess('https://meet.example.org/*', ['<all_urls>'])).toBe(true);
    expect(hasAccess('https://meet.example.org/rooms/*', ['https://meet.example.org/*'])).toBe(true);
    expect(hasAccess('https://meet.example.org/*', ['https://*.example.org/*'])).toBe(true);
    expect(hasAccess('https://meet.example.org/*', CONFERENCE_MATCHES)).toBe(false);
    expect(hasAccess('https://meet.example.org/*', [])).toBe(false);
  });
});

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
    expect(planSiteScripts([], ['*://*/*'])).toEqual({ register: [], builtIn: [], needAccess: [], access: [] });
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
  it('registers the main-world probe, then the call script, at document_start in every frame', () => {
    const scripts = siteContentScripts(['https://meet.example.org/*']);
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
        id: 'callguard-sites-call',
        matches: ['https://meet.example.org/*'],
        excludeMatches: CONFERENCE_MATCHES,
        js: [ALL_ADAPTERS_FILE, CALL_SCRIPT_FILE],
        runAt: 'document_start',
        allFrames: true,
        matchOriginAsFallback: true,
      },
    ]);
  });

  it('in Chromium, keeps patterns with a narrower path apart (no about:blank fallback for them)', () => {
    const scripts = siteContentScripts(['https://a.example.org/*', 'https://b.example.org/rooms/*']);
    expect(scripts.map((s) => [s.id, s.matches, s.matchOriginAsFallback ?? false])).toEqual([
      ['callguard-sites-probe', ['https://a.example.org/*'], true],
      ['callguard-sites-call', ['https://a.example.org/*'], true],
      ['callguard-sites-probe-paths', ['https://b.example.org/rooms/*'], false],
      ['callguard-sites-call-paths', ['https://b.example.org/rooms/*'], false],
    ]);
    for (const script of scripts) expect(ALL_SITE_SCRIPT_IDS).toContain(script.id);
  });

  it('in Firefox, one pair for every pattern and no Chromium-only keys', () => {
    const scripts = siteContentScripts(['https://a.example.org/*', 'https://b.example.org/rooms/*'], { chromium: false });
    expect(scripts.map((s) => s.id)).toEqual(['callguard-sites-probe', 'callguard-sites-call']);
    for (const script of scripts) expect(script).not.toHaveProperty('matchOriginAsFallback');
  });

  it('registers nothing for no patterns', () => {
    expect(siteContentScripts([])).toEqual([]);
  });
});

describe('sameRegistration', () => {
  it('compares ids and matches, in any order', () => {
    const wanted = siteContentScripts(['https://a.example.org/*', 'https://b.example.org/*']);
    const existing = [...wanted].reverse().map((s) => ({ ...s, matches: [...s.matches].reverse() }));
    expect(sameRegistration(existing, wanted)).toBe(true);
    expect(sameRegistration([], [])).toBe(true);
    expect(sameRegistration(existing, siteContentScripts(['https://a.example.org/*']))).toBe(false);
    expect(sameRegistration(existing, [])).toBe(false);
  });
});
