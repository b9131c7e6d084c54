import type { BrowserNetworkFacts } from '../types';

export type TlsFacts = NonNullable<BrowserNetworkFacts['tls']>;

/** The parts of Firefox's webRequest SecurityInfo that CallGuard reads (MDN: webRequest.SecurityInfo). */
export interface SecurityInfoLike {
  /** "insecure" (no TLS), "weak", "broken" or "secure". */
  state?: string;
  /**
   * Set when a certificate error was overridden (a warning clicked through, a stored exception,
   * or automation's acceptInsecureCerts) and the connection went ahead anyway: "trust_error",
   * "domain_mismatch" or "expired_or_not_yet_valid", with the matching flag below.
   */
  overridableErrorCategory?: string;
  /** The certificate is not trusted (unknown or untrusted issuer), and it was accepted anyway. */
  isUntrusted?: boolean;
  /** The certificate is not valid for the site's name, and it was accepted anyway. */
  isDomainMismatch?: boolean;
  /** The certificate has expired or is not valid yet, and it was accepted anyway. */
  isNotValidAtThisTime?: boolean;
  certificates?: CertificateInfoLike[];
}

const OVERRIDDEN_ERRORS = ['trust_error', 'domain_mismatch', 'expired_or_not_yet_valid'] as const;
type OverriddenError = (typeof OVERRIDDEN_ERRORS)[number];

/** Which certificate error the browser was told to accept, if any. */
function overriddenError(info: SecurityInfoLike): OverriddenError | undefined {
  const said = OVERRIDDEN_ERRORS.find((category) => category === info.overridableErrorCategory);
  if (said) return said;
  if (info.isUntrusted) return 'trust_error';
  if (info.isDomainMismatch) return 'domain_mismatch';
  if (info.isNotValidAtThisTime) return 'expired_or_not_yet_valid';
  return undefined;
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
  // A certificate warning bypassed (an exception): no chain was verified. Firefox then gives an
  // empty chain, or only the site's own certificate (marked not built in); either way there is no
  // root to judge, and the leaf must never pass for one (nor be matched against the policy).
  const overridden = overriddenError(info);
  if (overridden) return { checked: false, host, untrusted: true, certificateError: overridden };
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
 * certificate warning bypassed (which no policy can excuse), then a root that is not built in
 * (which policy trustedInterceptionRoots may), then a built-in root, then nothing.
 */
export function worseTls(a: TlsFacts | undefined, b: TlsFacts | undefined): TlsFacts | undefined {
  if (!a || !b) return a ?? b;
  const rank = (t: TlsFacts) => (t.untrusted ? 3 : t.checked ? (t.rootIsBuiltIn === false ? 2 : 1) : 0);
  return rank(b) > rank(a) ? b : a;
}

/** Is this root one of the organisation's TLS-inspection roots (policy trustedInterceptionRoots)? */
export function isTrustedInterceptionRoot(fingerprint: string | undefined, trustedRoots: readonly string[]): boolean {
  const wanted = normaliseFingerprint(fingerprint ?? '');
  return wanted.length === 64 && trustedRoots.some((root) => normaliseFingerprint(root) === wanted);
}
