import { isTrustedInterceptionRoot, normaliseFingerprint } from '../network/tls';
import type { Check } from './context';

/**
 * Firefox only: the conference site's certificate chain ends in a root the browser does not
 * ship (a TLS-inspection proxy, antivirus, or an attacker's CA), unless the organisation lists
 * that root in trustedInterceptionRoots. Browsers that cannot read the chain never raise it.
 */
export const tlsInterception: Check = ({ browserNetwork, policy }) => {
  const tls = browserNetwork.tls;
  if (!tls?.checked || tls.rootIsBuiltIn !== false) return null;
  // The policy allows colons and either case, as admins copy fingerprints from certificate viewers.
  if (isTrustedInterceptionRoot(tls.rootFingerprint, policy.trustedInterceptionRoots)) return null;
  const fingerprint = normaliseFingerprint(tls.rootFingerprint ?? '');
  return {
    id: 'tls-interception',
    severity: 'danger',
    source: 'network',
    evidence: [
      `the certificate of ${tls.host ?? 'the conference site'} chains to a root that is not built into the browser: ${tls.rootSubject ?? 'unnamed root'} (SHA-256 ${fingerprint || 'unknown'})`,
      'something between this computer and the service can read the traffic (a TLS-inspection proxy, antivirus or an attacker)',
      'read from the browser\'s own TLS connection to the site (Firefox webRequest security info)',
    ],
  };
};
