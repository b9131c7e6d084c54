import type { BrowserNetworkFacts } from '../types';

export type TlsFacts = NonNullable<BrowserNetworkFacts['tls']>;

/** The parts of Firefox's webRequest SecurityInfo that CallGuard reads (MDN: webRequest.SecurityInfo). */
export interface SecurityInfoLike {
  /** "insecure" (no TLS), "weak", "broken" or "secure". */
  state?: string;
  /** The certificate is not trusted: an exception (or automation) let the connection through. */
  isUntrusted?: boolean;
  certificates?: CertificateInfoLike[];
}
export interface CertificateInfoLike {
  subject?: string;
  fingerprint?: { sha256?: string };
  /** true when the certificate is a root that ships with the browser. */
  isBuiltInRoot?: boolean;
}

/** SHA-256 fingerprints as CallGuard stores them: lowercase hex, no colons or spaces. */
export function normaliseFingerprint(fingerprint: string): string {
  return fingerprint.toLowerCase().replace(/[^0-9a-f]/g, '');
}

/**
 * The TLS facts of one response from its SecurityInfo (asked for with certificateChain: true,
 * so `certificates` runs from the site's certificate to the root the browser trusted it by).
 * No TLS (plain HTTP) or no chain: not checked.
 */
export function tlsFactsFromSecurityInfo(info: SecurityInfoLike | null | undefined, host: string): TlsFacts {
  const chain = info?.certificates ?? [];
  const root = chain[chain.length - 1];
  if (!info || info.state === 'insecure') return { checked: false, host };
  // A certificate exception: Firefox gives no verified chain, only that it does not trust it.
  if (info.isUntrusted && !root) return { checked: false, host, untrusted: true };
  if (!root) return { checked: false, host };
  const facts: TlsFacts = { checked: true, host };
  const fingerprint = root.fingerprint?.sha256 ? normaliseFingerprint(root.fingerprint.sha256) : '';
  if (fingerprint) facts.rootFingerprint = fingerprint;
  if (typeof root.isBuiltInRoot === 'boolean') facts.rootIsBuiltIn = root.isBuiltInRoot;
  if (root.subject) facts.rootSubject = root.subject;
  return facts;
}

/**
 * The facts that matter most of two, for one tab whose frames load from several TLS sites: a
 * root that is not built in, then a certificate exception, then a built-in root, then nothing.
 */
export function worseTls(a: TlsFacts | undefined, b: TlsFacts | undefined): TlsFacts | undefined {
  if (!a || !b) return a ?? b;
  const rank = (t: TlsFacts) => (t.checked ? (t.rootIsBuiltIn === false ? 3 : 1) : t.untrusted ? 2 : 0);
  return rank(b) > rank(a) ? b : a;
}

/** Is this root one of the organisation's TLS-inspection roots (policy trustedInterceptionRoots)? */
export function isTrustedInterceptionRoot(fingerprint: string | undefined, trustedRoots: readonly string[]): boolean {
  const wanted = normaliseFingerprint(fingerprint ?? '');
  return wanted.length === 64 && trustedRoots.some((root) => normaliseFingerprint(root) === wanted);
}
