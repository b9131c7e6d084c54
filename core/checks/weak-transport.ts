import { DTLS_STATE, say, UNEXPECTED_DTLS_CIPHER, UNEXPECTED_SRTP_CIPHER } from '../evidence';
import { callConnectionStats } from '../network/report';
import type { Check } from './context';

/** Ciphers WebRTC negotiates in current browsers; anything else deserves a look. */
// SRTP names as browsers report them: Chromium "SRTP_AES128_CM_HMAC_SHA1_80", RFC 4568 "AES_CM_128_HMAC_SHA1_80".
const EXPECTED_SRTP = /^(SRTP_)?(AES_?(CM_)?128_(CM_)?HMAC_SHA1_(80|32)|AEAD_AES_(128|256)_GCM)$/i;
const EXPECTED_DTLS = /^TLS_(ECDHE_(ECDSA|RSA)_WITH_(AES_(128|256)_GCM_SHA(256|384)|CHACHA20_POLY1305_SHA256)|AES_(128|256)_GCM_SHA(256|384)|CHACHA20_POLY1305_SHA256)$/i;

export const weakTransport: Check = ({ connections }) => {
  const stats = callConnectionStats(connections);
  if (!stats?.dtlsState) return null;
  const problems: string[] = [];
  if (stats.dtlsState !== 'connected') problems.push(say(DTLS_STATE, stats.dtlsState));
  if (stats.srtpCipher && !EXPECTED_SRTP.test(stats.srtpCipher)) problems.push(say(UNEXPECTED_SRTP_CIPHER, stats.srtpCipher));
  if (stats.dtlsCipher && !EXPECTED_DTLS.test(stats.dtlsCipher)) problems.push(say(UNEXPECTED_DTLS_CIPHER, stats.dtlsCipher));
  return problems.length ? { id: 'weak-transport', severity: 'danger', source: 'rtc', evidence: problems } : null;
};
