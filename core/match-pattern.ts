/**
 * WebExtension match patterns ("https://*.example.org/*"): the one grammar CallGuard uses for
 * the built-in sites, the sites a user or organisation adds, and host permissions. Pure, so the
 * core can pick a platform and plan permissions without a browser.
 */
interface ParsedPattern {
  scheme: string;
  host: string;
  path: string;
}

function parse(pattern: string): ParsedPattern | null {
  const match = /^(\*|https?|wss?):\/\/(\*|(?:\*\.)?[^/*:]+)(\/.*)$/i.exec(pattern);
  if (!match) return null;
  const [, scheme = '', host = '', path = ''] = match;
  return { scheme: scheme.toLowerCase(), host: host.toLowerCase(), path };
}

export function isValidMatchPattern(pattern: string): boolean {
  return parse(pattern) !== null;
}

/** Whether a URL is one the pattern matches, as the browser matches content scripts. */
export function matchesPattern(pattern: string, url: URL): boolean {
  const parsed = parse(pattern);
  if (!parsed) return false;
  const urlScheme = url.protocol.slice(0, -1);
  if (parsed.scheme === '*' ? urlScheme !== 'http' && urlScheme !== 'https' : parsed.scheme !== urlScheme) return false;
  if (!hostCovers(parsed.host, url.hostname)) return false;
  return globToRegExp(parsed.path).test(url.pathname + url.search);
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

function schemeCovers(outer: string, inner: string): boolean {
  return outer === '*' ? ['*', 'http', 'https'].includes(inner) : outer === inner;
}

/** Whether every host `inner` names (a host or a "*." wildcard) is one `outer` names too. */
function hostCovers(outer: string, inner: string): boolean {
  if (outer === '*') return true;
  if (inner === '*') return false;
  if (!outer.startsWith('*.')) return outer === inner;
  const base = outer.slice(2);
  const innerBase = inner.startsWith('*.') ? inner.slice(2) : inner;
  return innerBase === base || innerBase.endsWith(`.${base}`);
}

function pathCovers(outer: string, inner: string): boolean {
  return outer === '/*' || outer === inner;
}

/**
 * Whether every URL `inner` matches is also matched by `outer` (both match patterns). With
 * `ignorePath`, as for host permissions, only scheme and host count.
 */
export function patternCovers(outer: string, inner: string, { ignorePath = false } = {}): boolean {
  if (outer === '<all_urls>') return parse(inner) !== null;
  const o = parse(outer);
  const i = parse(inner);
  if (!o || !i) return false;
  return schemeCovers(o.scheme, i.scheme) && hostCovers(o.host, i.host) && (ignorePath || pathCovers(o.path, i.path));
}

/** The host permission to ask for so a site's pattern can run scripts: its scheme and host. */
export function accessPatternFor(pattern: string): string | null {
  const parsed = parse(pattern);
  return parsed && !parsed.scheme.startsWith('ws') ? `${parsed.scheme}://${parsed.host}/*` : null;
}
