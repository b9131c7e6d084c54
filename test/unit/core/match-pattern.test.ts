import { describe, expect, it } from 'vitest';
import { accessPatternFor, matchesPattern, patternCovers } from '../../../core/match-pattern';
import { CONFERENCE_MATCHES } from '../../../core/platforms/index';
import { hasAccess } from '../../../core/policy/sites';

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

