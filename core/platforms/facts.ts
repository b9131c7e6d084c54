import type { PageRead, PlatformId } from '../types';

/**
 * What is known about each service's encryption in the browser, with the vendor's own source.
 * Checks cite these as `platform` evidence. "never": the browser client cannot do E2EE at all;
 * "optional": E2EE exists and must be shown by the page; "always": E2EE by design (still only
 * believed while the page shows a call and nothing contradicts it); "unknown": the vendor makes
 * no claim either way, so only the page or WebRTC can tell.
 */
export interface PlatformFact {
  e2eeInBrowser: 'never' | 'optional' | 'always' | 'unknown';
  statement: string;
  source: string;
}

// One constant per platform, so that an adapter's bundle carries only its own fact.
export const FACT_GOOGLE_MEET: PlatformFact = {
  e2eeInBrowser: 'optional',
  statement:
    'Google Meet encrypts media in transit only; end-to-end protection needs client-side encryption (CSE), which must be turned on for the meeting',
  source: 'https://support.google.com/meet/answer/11605714',
};

export const FACT_JITSI: PlatformFact = {
  e2eeInBrowser: 'optional',
  statement: 'Jitsi Meet end-to-end encryption is off unless a participant turns it on in the security options',
  source: 'https://jitsi.org/e2ee-in-jitsi/',
};

export const FACT_ZOOM: PlatformFact = {
  e2eeInBrowser: 'never',
  statement:
    'the Zoom web client cannot join end-to-end encrypted meetings: E2EE needs the Zoom desktop or mobile app or Zoom Rooms, and the Meeting SDK for web lists E2EE as unsupported in every browser',
  source:
    'https://support.zoom.com/hc/en/article?id=zm_kb&sysparm_article=KB0065408 and https://developers.zoom.us/docs/meeting-sdk/web/browser-support/',
};

export const FACT_TEAMS: PlatformFact = {
  e2eeInBrowser: 'never',
  statement:
    'Microsoft Teams does not support end-to-end encryption in the browser: browser participants are blocked from end-to-end encrypted meetings, and 1:1 E2EE calls need the desktop or mobile client',
  source:
    'https://learn.microsoft.com/en-us/microsoftteams/end-to-end-encrypted-meetings and https://learn.microsoft.com/en-us/microsoftteams/teams-end-to-end-encryption',
};

export const FACT_WEBEX: PlatformFact = {
  e2eeInBrowser: 'never',
  statement:
    'the Webex web app is not documented as able to join end-to-end encrypted meetings: Cisco describes the E2EE status only for the Webex desktop app and Cisco video devices (an inference from the vendor docs, not a vendor statement about the web app)',
  source: 'https://help.webex.com/article/rzam8 and https://help.webex.com/article/5h5d8ab',
};

export const FACT_WHEREBY: PlatformFact = {
  e2eeInBrowser: 'optional',
  statement:
    'Whereby end-to-end encrypts only small rooms (media sent peer-to-peer); in large rooms media is decrypted on Whereby\'s servers, and the page does not show which mode a room uses',
  source: 'https://whereby.com/information/security',
};

export const FACT_ELEMENT_CALL: PlatformFact = {
  e2eeInBrowser: 'optional',
  statement:
    'Element Call can run with no encryption, per-participant keys or a shared key (E2eeType NONE, PER_PARTICIPANT, SHARED_KEY), so a call is not end-to-end encrypted unless it shows "Encrypted"',
  source: 'https://github.com/element-hq/element-call/blob/livekit/src/e2ee/e2eeType.ts',
};

export const FACT_DISCORD: PlatformFact = {
  e2eeInBrowser: 'always',
  statement:
    'Discord end-to-end encrypts voice and video in DMs, group DMs, voice channels and Go Live with its DAVE protocol, also in browsers; Stage channels are excluded',
  source: 'https://discord.com/blog/bringing-dave-to-all-discord-platforms and https://support.discord.com/hc/en-us/articles/25968222946071',
};

export const FACT_SLACK: PlatformFact = {
  e2eeInBrowser: 'never',
  statement:
    'Slack huddle media is encrypted in transit (SRTP with a DTLS-SRTP key exchange) to Slack\'s media server; Slack does not describe huddles as end-to-end encrypted',
  source: 'https://slack.com/help/articles/115003560786',
};

export const FACT_BIGBLUEBUTTON: PlatformFact = {
  e2eeInBrowser: 'never',
  statement: 'BigBlueButton has no end-to-end encryption: its media server decrypts all media (the feature request is still open)',
  source: 'https://github.com/bigbluebutton/bigbluebutton/issues/9893',
};

export const FACT_GOTO: PlatformFact = {
  e2eeInBrowser: 'unknown',
  statement:
    'GoTo describes encryption between GoTo and its users; CallGuard found no current vendor statement that GoTo Meeting media in the browser is end-to-end encrypted',
  source: 'https://support.goto.com/meeting/help/tips-for-staying-secure-using-gotomeeting',
};

export const FACT_WHATSAPP: PlatformFact = {
  e2eeInBrowser: 'always',
  statement: 'WhatsApp end-to-end encrypts personal calls by default (Signal protocol), including calls from WhatsApp Web',
  source: 'https://faq.whatsapp.com/820124435853543 and https://www.whatsapp.com/security/WhatsApp-Security-Whitepaper.pdf',
};

export const PLATFORM_FACTS: Partial<Record<PlatformId, PlatformFact>> = {
  'google-meet': FACT_GOOGLE_MEET,
  jitsi: FACT_JITSI,
  zoom: FACT_ZOOM,
  teams: FACT_TEAMS,
  webex: FACT_WEBEX,
  whereby: FACT_WHEREBY,
  'element-call': FACT_ELEMENT_CALL,
  discord: FACT_DISCORD,
  slack: FACT_SLACK,
  bigbluebutton: FACT_BIGBLUEBUTTON,
  goto: FACT_GOTO,
  whatsapp: FACT_WHATSAPP,
};

export function platformEvidence(fact: PlatformFact): string {
  return `${fact.statement} (source: ${fact.source})`;
}

/** What the page itself shows about encryption: its indicator, quoted. */
export interface ShownEncryption {
  state: 'on' | 'off';
  evidence: string;
}

export interface FactContext {
  /** The page shows a live call (not pre-join, not the lobby). */
  inCall: boolean;
  /** Something on the page that rules an "always" fact out (Discord: a Stage channel). */
  contradiction?: string | null;
}

/**
 * The platform's known fact applied to what the page shows: an adapter's encryption read.
 * - "never": always off. A page claiming E2EE is overruled, and the evidence says both.
 * - "always": on only while the page shows a call and nothing contradicts it; otherwise unknown.
 * - "optional"/"unknown": only the page's own indicator counts; nothing shown is unknown (null).
 * Anything the page shows as "off" is off, whatever the fact; "on" needs the page to show a call
 * (an indicator on a page CallGuard cannot place in a call is no green light).
 */
export function encryptionWithFact(fact: PlatformFact, shown: ShownEncryption | null, ctx: FactContext): PageRead['e2ee'] {
  const cite = fact ? [platformEvidence(fact)] : [];
  if (shown?.state === 'off') return { state: 'off', source: 'ui', evidence: [shown.evidence, ...cite] };
  if (fact?.e2eeInBrowser === 'never') {
    return shown?.state === 'on'
      ? { state: 'off', source: 'platform', evidence: [overruledClaim(shown.evidence, fact)] }
      : { state: 'off', source: 'platform', evidence: cite };
  }
  if (fact?.e2eeInBrowser === 'always') {
    if (ctx.contradiction) return { state: 'off', source: 'platform', evidence: [ctx.contradiction, ...cite] };
    if (!ctx.inCall) return null;
    if (shown?.state === 'on') return { state: 'on', source: 'ui', evidence: [shown.evidence, ...cite] };
    return { state: 'on', source: 'platform', evidence: [...cite, 'the page shows a call and nothing on it contradicts that'] };
  }
  return shown?.state === 'on' && ctx.inCall ? { state: 'on', source: 'ui', evidence: [shown.evidence] } : null;
}

/** Evidence for a page that claims E2EE on a platform whose browser client cannot do it. */
export function overruledClaim(claim: string, fact: PlatformFact): string {
  return `the page claims end-to-end encryption (${claim}), but ${fact.statement} (source: ${fact.source}): the claim is ignored`;
}
