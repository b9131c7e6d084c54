import type { PlatformId } from '../types';

/**
 * Where each platform's web client lives, as WebExtension match patterns. The manifest's host
 * permissions and content-script matches are built from this list, so CallGuard runs on these
 * sites and nowhere else (plus sites the user or organisation adds). Sources: research/platforms.md.
 */
export const PLATFORM_MATCHES: Record<Exclude<PlatformId, 'webrtc' | 'bigbluebutton'>, string[]> = {
  'google-meet': ['https://meet.google.com/*'],
  zoom: ['https://*.zoom.us/*', 'https://*.zoomgov.com/*'],
  teams: ['https://teams.microsoft.com/*', 'https://teams.live.com/*', 'https://teams.cloud.microsoft/*'],
  webex: ['https://*.webex.com/*'],
  jitsi: ['https://meet.jit.si/*', 'https://8x8.vc/*'],
  whereby: ['https://whereby.com/*', 'https://*.whereby.com/*'],
  'element-call': ['https://call.element.io/*'],
  discord: ['https://discord.com/*'],
  slack: ['https://app.slack.com/*'],
  goto: ['https://meet.goto.com/*', 'https://global.gotomeeting.com/*', 'https://app.gotomeeting.com/*'],
  whatsapp: ['https://web.whatsapp.com/*'],
};

export const CONFERENCE_MATCHES: string[] = Object.values(PLATFORM_MATCHES).flat();
