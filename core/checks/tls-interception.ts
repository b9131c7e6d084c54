import {
  CERTIFICATE_EXPIRED,
  CERTIFICATE_UNTRUSTED_ISSUER,
  CERTIFICATE_WRONG_NAME,
  say,
  THE_CONFERENCE_SITE,
  TLS_FOREIGN_ROOT,
  TLS_MAN_IN_THE_MIDDLE,
  TLS_NO_CHAIN,
  TLS_READABLE,
  TLS_SOURCE,
  TLS_UNTRUSTED,
  TLS_UNTRUSTED_BECAUSE,
  UNKNOWN_FINGERPRINT,
  UNNAMED_ROOT,
} from '../evidence';
import { isTrustedInterceptionRoot, normaliseFingerprint } from '../network/tls';
import type { BrowserNetworkFacts } from '../types';
import type { Check } from './context';

/** Why the browser did not trust the certificate, in words. */
const WHY: Record<NonNullable<NonNullable<BrowserNetworkFacts['tls']>['certificateError']>, string> = {
  trust_error: CERTIFICATE_UNTRUSTED_ISSUER,
  domain_mismatch: CERTIFICATE_WRONG_NAME,
  expired_or_not_yet_valid: CERTIFICATE_EXPIRED,
};

/**
 * Firefox only, two ways the connection to the conference site can be read on the way:
 * - its certificate is not trusted by the browser and a certificate warning was bypassed (a
 *   certificate exception). That is what a man-in-the-middle looks like. No chain was verified,
 *   so there is no root for policy trustedInterceptionRoots to match: always raised.
 * - its certificate chain ends in a root the browser does not ship (a TLS-inspection proxy,
 *   antivirus, or an attacker's CA), unless the organisation lists that root in
 *   trustedInterceptionRoots.
 * Browsers that cannot read the chain never raise it.
 */
export const tlsInterception: Check = ({ browserNetwork, policy }) => {
  const tls = browserNetwork.tls;
  const host = tls?.host || THE_CONFERENCE_SITE;
  if (tls?.untrusted) {
    const why = tls.certificateError ? WHY[tls.certificateError] : undefined;
    return {
      id: 'tls-interception',
      severity: 'danger',
      source: 'network',
      evidence: [why ? say(TLS_UNTRUSTED_BECAUSE, host, why) : say(TLS_UNTRUSTED, host), TLS_MAN_IN_THE_MIDDLE, TLS_NO_CHAIN, TLS_SOURCE],
    };
  }
  if (!tls?.checked || tls.rootIsBuiltIn !== false) return null;
  // The policy allows colons and either case, as admins copy fingerprints from certificate viewers.
  if (isTrustedInterceptionRoot(tls.rootFingerprint, policy.trustedInterceptionRoots)) return null;
  const fingerprint = normaliseFingerprint(tls.rootFingerprint ?? '');
  return {
    id: 'tls-interception',
    severity: 'danger',
    source: 'network',
    evidence: [say(TLS_FOREIGN_ROOT, host, tls.rootSubject ?? UNNAMED_ROOT, fingerprint || UNKNOWN_FINGERPRINT), TLS_READABLE, TLS_SOURCE],
  };
};
