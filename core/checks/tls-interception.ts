import type { Check } from './context';

/** Firefox only: the conference site's certificate chain ends in a root the browser does not ship. */
export const tlsInterception: Check = ({ browserNetwork, policy }) => {
  const tls = browserNetwork.tls;
  if (!tls?.checked || tls.rootIsBuiltIn !== false) return null;
  const fingerprint = normalise(tls.rootFingerprint ?? '');
  // The Policy type allows colons and either case, as admins copy fingerprints from certificate viewers.
  if (fingerprint && policy.trustedInterceptionRoots.some((root) => normalise(root) === fingerprint)) return null;
  return {
    id: 'tls-interception',
    severity: 'danger',
    source: 'network',
    evidence: [
      `the certificate of ${tls.host ?? 'the conference site'} chains to a root that is not built into the browser: ${tls.rootSubject ?? 'unnamed root'} (SHA-256 ${fingerprint || 'unknown'})`,
      'something between this computer and the service can read the traffic (a TLS-inspection proxy, antivirus or an attacker)',
    ],
  };
};

function normalise(fingerprint: string): string {
  return fingerprint.toLowerCase().replace(/:/g, '');
}
