import { describe, expect, it } from 'vitest';
import { isTrustedInterceptionRoot, normaliseFingerprint, tlsFactsFromSecurityInfo, worseTls, type SecurityInfoLike } from '../../../../core/network/tls';

const SHA = 'B5:55:B5:93:19:0D:3E:21:7F:38:72:D6:8D:3F:30:C4:2C:C5:F2:90:67:64:CF:8A:5C:0B:5F:83:56:5F:23:0D';
const SHA_HEX = 'b555b593190d3e217f3872d68d3f30c42cc5f2906764cf8a5c0b5f83565f230d';

/** The shape Firefox gives (MDN webRequest.SecurityInfo / CertificateInfo), trimmed. */
function securityInfo(root: { subject: string; sha256: string; isBuiltInRoot: boolean }, state = 'secure'): SecurityInfoLike {
  return {
    state,
    certificates: [
      { subject: 'CN=meet.google.com', fingerprint: { sha256: 'AA:'.repeat(31) + 'AA' }, isBuiltInRoot: false },
      { subject: 'CN=WR2,O=Google Trust Services,C=US', fingerprint: { sha256: 'BB:'.repeat(31) + 'BB' }, isBuiltInRoot: false },
      { subject: root.subject, fingerprint: { sha256: root.sha256 }, isBuiltInRoot: root.isBuiltInRoot },
    ],
  };
}

describe('tlsFactsFromSecurityInfo', () => {
  it('a chain to a built-in root', () => {
    expect(tlsFactsFromSecurityInfo(securityInfo({ subject: 'CN=GTS Root R1,O=Google Trust Services LLC,C=US', sha256: SHA, isBuiltInRoot: true }), 'meet.google.com')).toEqual({
      checked: true,
      host: 'meet.google.com',
      rootFingerprint: SHA_HEX,
      rootIsBuiltIn: true,
      rootSubject: 'CN=GTS Root R1,O=Google Trust Services LLC,C=US',
    });
  });

  it('a chain to a locally added root (the last certificate is the root)', () => {
    const facts = tlsFactsFromSecurityInfo(securityInfo({ subject: 'CN=Corp Inspection CA', sha256: SHA, isBuiltInRoot: false }), 'meet.google.com');
    expect(facts).toMatchObject({ checked: true, rootIsBuiltIn: false, rootSubject: 'CN=Corp Inspection CA', rootFingerprint: SHA_HEX });
  });

  it('a self-signed site certificate is its own root', () => {
    const facts = tlsFactsFromSecurityInfo(
      { state: 'broken', certificates: [{ subject: 'CN=self', fingerprint: { sha256: SHA }, isBuiltInRoot: false }] },
      'meet.example.org',
    );
    expect(facts).toMatchObject({ checked: true, rootIsBuiltIn: false, rootSubject: 'CN=self' });
  });

  it.each<[string, SecurityInfoLike | null | undefined]>([
    ['plain HTTP', { state: 'insecure', certificates: [] }],
    ['no certificates', { state: 'secure', certificates: [] }],
    ['no certificates field', { state: 'secure' }],
    ['nothing at all', undefined],
    ['null', null],
  ])('%s: not checked', (_name, info) => {
    expect(tlsFactsFromSecurityInfo(info, 'meet.google.com')).toEqual({ checked: false, host: 'meet.google.com' });
  });

  it('a certificate exception (as Firefox reports it: untrusted, empty chain): not checked, untrusted said', () => {
    const info: SecurityInfoLike = { state: 'secure', isUntrusted: true, overridableErrorCategory: 'trust_error', certificates: [] };
    expect(tlsFactsFromSecurityInfo(info, 'meet.jit.si')).toEqual({ checked: false, host: 'meet.jit.si', untrusted: true, certificateError: 'trust_error' });
  });

  // Without a verified chain Firefox lists only the site's own certificate (isBuiltInRoot false):
  // it must not pass for a root that is not built in, nor be matched against the policy's roots.
  const leafOnly = [{ subject: 'CN=meet.jit.si', fingerprint: { sha256: SHA }, isBuiltInRoot: false }];
  it.each<[string, SecurityInfoLike, string]>([
    ['untrusted issuer, only the leaf given', { state: 'secure', isUntrusted: true, overridableErrorCategory: 'trust_error', certificates: leafOnly }, 'trust_error'],
    ['untrusted, no category', { state: 'secure', isUntrusted: true, certificates: [{}] }, 'trust_error'],
    ['another name\'s certificate', { state: 'secure', isDomainMismatch: true, overridableErrorCategory: 'domain_mismatch', certificates: leafOnly }, 'domain_mismatch'],
    ['an expired certificate', { state: 'weak', isNotValidAtThisTime: true, overridableErrorCategory: 'expired_or_not_yet_valid', certificates: leafOnly }, 'expired_or_not_yet_valid'],
    ['only the category said', { state: 'secure', overridableErrorCategory: 'domain_mismatch', certificates: leafOnly }, 'domain_mismatch'],
  ])('a certificate warning bypassed (%s): untrusted, never a root', (_name, info, certificateError) => {
    expect(tlsFactsFromSecurityInfo(info, 'meet.jit.si')).toEqual({ checked: false, host: 'meet.jit.si', untrusted: true, certificateError });
  });

  it('an unknown error category alone is no exception', () => {
    expect(tlsFactsFromSecurityInfo({ state: 'secure', overridableErrorCategory: 'unset', certificates: [] }, 'h')).toEqual({ checked: false, host: 'h' });
  });

  it('leaves out what the browser did not say (never guesses built-in)', () => {
    expect(tlsFactsFromSecurityInfo({ state: 'secure', certificates: [{}] }, 'h')).toEqual({ checked: true, host: 'h' });
  });
});

describe('fingerprints', () => {
  it.each([
    [SHA, SHA_HEX],
    [SHA_HEX.toUpperCase(), SHA_HEX],
    [SHA.replace(/:/g, ' '), SHA_HEX],
    ['', ''],
  ])('normalise(%j)', (input, out) => expect(normaliseFingerprint(input)).toBe(out));

  it('a trusted interception root matches in any notation, and only a whole SHA-256', () => {
    expect(isTrustedInterceptionRoot(SHA_HEX, [SHA])).toBe(true);
    expect(isTrustedInterceptionRoot(SHA, [SHA_HEX.toUpperCase()])).toBe(true);
    expect(isTrustedInterceptionRoot(SHA_HEX, ['00'.repeat(32)])).toBe(false);
    expect(isTrustedInterceptionRoot(SHA_HEX, [])).toBe(false);
    expect(isTrustedInterceptionRoot(undefined, [SHA])).toBe(false);
    expect(isTrustedInterceptionRoot('', [''])).toBe(false);
    expect(isTrustedInterceptionRoot('b555', ['b555'])).toBe(false);
  });
});

describe('worseTls: the facts that matter most for a tab', () => {
  const builtIn = { checked: true, host: 'meet.google.com', rootIsBuiltIn: true };
  const local = { checked: true, host: 'frame.example', rootIsBuiltIn: false };
  const unchecked = { checked: false, host: 'x' };
  it.each([
    [builtIn, local, local],
    [local, builtIn, local],
    [unchecked, builtIn, builtIn],
    [builtIn, unchecked, builtIn],
    [undefined, local, local],
    [builtIn, undefined, builtIn],
    [undefined, undefined, undefined],
    [builtIn, { checked: false, host: 'x', untrusted: true }, { checked: false, host: 'x', untrusted: true }],
    // A bypassed warning beats a local root: policy may allow the root, never the exception.
    [{ checked: false, host: 'x', untrusted: true }, local, { checked: false, host: 'x', untrusted: true }],
    [local, { checked: false, host: 'x', untrusted: true }, { checked: false, host: 'x', untrusted: true }],
    [unchecked, { checked: false, host: 'x', untrusted: true }, { checked: false, host: 'x', untrusted: true }],
  ])('%j vs %j', (a, b, worst) => expect(worseTls(a, b)).toEqual(worst));
});
