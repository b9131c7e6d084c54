import type { PlatformId } from '../types';

/**
 * What is known about each service's encryption in the browser, with the vendor's own source.
 * Checks cite these as `platform` evidence. "never": the browser client cannot do E2EE at all;
 * "optional": E2EE exists and must be shown by the page; "always": E2EE by design.
 */
export interface PlatformFact {
  e2eeInBrowser: 'never' | 'optional' | 'always';
  statement: string;
  source: string;
}

export const PLATFORM_FACTS: Partial<Record<PlatformId, PlatformFact>> = {
  'google-meet': {
    e2eeInBrowser: 'optional',
    statement:
      'Google Meet encrypts media in transit only; end-to-end protection needs client-side encryption (CSE), which must be turned on for the meeting',
    source: 'https://support.google.com/meet/answer/11605714',
  },
  jitsi: {
    e2eeInBrowser: 'optional',
    statement: 'Jitsi Meet end-to-end encryption is off unless a participant turns it on in the security options',
    source: 'https://jitsi.org/e2ee-in-jitsi/',
  },
};

export function platformEvidence(fact: PlatformFact): string {
  return `${fact.statement} (source: ${fact.source})`;
}
