import { isTrustedInterceptionRoot, normaliseFingerprint } from '../network/tls';
import type { BrowserNetworkFacts } from '../types';
import type { Check } from './context';

const SOURCE = 'read from the browser\'s own TLS connection to the site (Firefox webRequest security info)';

/** Why the browser did not trust the certificate, in words. */
const WHY: Record<NonNullable<NonNullable<BrowserNetworkFacts['tls']>['certificateError']>, string> = {
  trust_error: 'issued by an authority it does not trust',
  domain_mismatch: 'not valid for this site\'s name',
  expired_or_not_yet_valid: 'expired or not valid yet',
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
  const host = tls?.host || 'the conference site';
  if (tls?.untrusted) {
    const why = tls.certificateError ? WHY[tls.certificateError] : undefined;
    return {
      id: 'tls-interception',
      severity: 'danger',
      source: 'network',
      evidence: [
        `the certificate of ${host} is not trusted by the browser${why ? ` (${why})` : ''}, and a certificate warning was bypassed: the page was loaded anyway, through a certificate exception`,
        'someone may be intercepting the connection and reading the traffic: a certificate warning on a conference site is what a man-in-the-middle looks like',
        'the browser verified no certificate chain, so there is no root that trustedInterceptionRoots could allow',
        SOURCE,
      ],
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
    evidence: [
      `the certificate of ${host} chains to a root that is not built into the browser: ${tls.rootSubject ?? 'unnamed root'} (SHA-256 ${fingerprint || 'unknown'})`,
      'something between this computer and the service can read the traffic (a TLS-inspection proxy, antivirus or an attacker)',
      SOURCE,
    ],
  };
};
