import type { PlatformId } from '../types';
import type { PlatformAdapter } from './adapter';
import { bigbluebutton } from './bigbluebutton';
import { discord } from './discord';
import { elementCall } from './element-call';
import { googleMeet } from './google-meet';
import { goto } from './goto';
import { jitsi } from './jitsi';
import { matchesPattern } from './match-pattern';
import { PLATFORM_MATCHES } from './matches';
import { slack } from './slack';
import { teams } from './teams';
import { webex } from './webex';
import { genericWebrtc } from './webrtc';
import { whatsapp } from './whatsapp';
import { whereby } from './whereby';
import { zoom } from './zoom';

const ADAPTERS: Record<PlatformId, PlatformAdapter> = {
  'google-meet': googleMeet,
  zoom,
  teams,
  webex,
  jitsi,
  whereby,
  'element-call': elementCall,
  discord,
  slack,
  bigbluebutton,
  goto,
  whatsapp,
  webrtc: genericWebrtc,
};

export interface ExtraSite {
  pattern: string;
  platform: PlatformId;
}

/** The platform a URL belongs to: the built-in sites first, then sites the user or org added. */
export function platformForUrl(url: URL, extraSites: readonly ExtraSite[] = []): PlatformId | null {
  for (const [id, patterns] of Object.entries(PLATFORM_MATCHES)) {
    if (patterns.some((pattern) => matchesPattern(pattern, url))) return id as PlatformId;
  }
  return extraSites.find((site) => matchesPattern(site.pattern, url))?.platform ?? null;
}

/** The adapter for a platform; sites of no known platform ("webrtc") are read by WebRTC alone. */
export function adapterFor(platform: PlatformId): PlatformAdapter {
  return ADAPTERS[platform] ?? genericWebrtc;
}
