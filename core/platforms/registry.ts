import type { PlatformId } from '../types';
import type { PlatformAdapter } from './adapter';
import { googleMeet } from './google-meet';
import { jitsi } from './jitsi';
import { matchesPattern } from './match-pattern';
import { PLATFORM_MATCHES } from './matches';
import { genericWebrtc } from './webrtc';

const ADAPTERS: Partial<Record<PlatformId, PlatformAdapter>> = {
  'google-meet': googleMeet,
  jitsi,
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

/** The adapter for a platform; platforms without one yet are read by WebRTC alone. */
export function adapterFor(platform: PlatformId): PlatformAdapter {
  return ADAPTERS[platform] ?? genericWebrtc;
}
