/**
 * WebExtension match patterns ("https://*.example.org/*") tested against URLs, the way the
 * browser matches content scripts, so the core can pick an adapter without a browser.
 */
export function matchesPattern(pattern: string, url: URL): boolean {
  const parsed = /^(\*|https?|wss?):\/\/(\*|\*\.[^/*]+|[^/*]+)(\/.*)$/.exec(pattern);
  if (!parsed) return false;
  const [, scheme = '', host = '', path = ''] = parsed;
  const urlScheme = url.protocol.slice(0, -1);
  if (scheme === '*' ? urlScheme !== 'http' && urlScheme !== 'https' : scheme !== urlScheme) return false;
  if (!hostMatches(host, url.hostname)) return false;
  return globToRegExp(path).test(url.pathname + url.search);
}

function hostMatches(patternHost: string, hostname: string): boolean {
  if (patternHost === '*') return true;
  if (patternHost.startsWith('*.')) {
    const base = patternHost.slice(2);
    return hostname === base || hostname.endsWith(`.${base}`);
  }
  return hostname === patternHost;
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

export function isValidMatchPattern(pattern: string): boolean {
  return /^(\*|https?|wss?):\/\/(\*|\*\.[^/*]+|[^/*]+)\/.*$/.test(pattern);
}
