import type { ConferenceSite } from '../policy/types';
import type { PlatformId } from '../types';
import * as bigbluebutton from './bigbluebutton';
import type { Coverage } from './coverage';
import * as discord from './discord';
import * as elementCall from './element-call';
import * as googleMeet from './google-meet';
import * as goto from './goto';
import * as jitsi from './jitsi';
import { matchesPattern } from '../match-pattern';
import type { Platform, PlatformFact } from './platform';
import * as slack from './slack';
import * as teams from './teams';
import * as webex from './webex';
import * as genericWebrtc from './webrtc';
import * as whatsapp from './whatsapp';
import * as whereby from './whereby';
import * as zoom from './zoom';

/** One platform module: what it is, what its vendor says, what CallGuard has proven of it. */
export interface PlatformModule {
  platform: Platform;
  fact: PlatformFact | null;
  coverage: Coverage;
}

/**
 * Every platform CallGuard knows, in the order the docs list them: the only registry. The
 * manifest's sites, the platform ids the settings accept and the coverage table in
 * docs/platforms.md are all derived from this list (test/unit/core/platforms/registry.test.ts).
 */
export const PLATFORM_MODULES: readonly PlatformModule[] = [
  googleMeet,
  zoom,
  teams,
  webex,
  jitsi,
  whereby,
  elementCall,
  discord,
  slack,
  bigbluebutton,
  goto,
  whatsapp,
  genericWebrtc,
];

export const PLATFORMS: readonly Platform[] = PLATFORM_MODULES.map((m) => m.platform);

const BY_ID = new Map<PlatformId, PlatformModule>(PLATFORM_MODULES.map((m) => [m.platform.id, m]));

/** The platform with this id; sites of no known platform ("webrtc") are read by WebRTC alone. */
export function platformById(id: PlatformId): Platform {
  return (BY_ID.get(id) ?? genericWebrtc).platform;
}

export function factOf(id: PlatformId): PlatformFact | null {
  return BY_ID.get(id)?.fact ?? null;
}

/** Every built-in site, as match patterns (the manifest's host permissions and content scripts). */
export const CONFERENCE_MATCHES: readonly string[] = PLATFORMS.flatMap((p) => p.matches);

/** The platform a URL belongs to: the built-in sites first, then sites the user or org added. */
export function platformForUrl(url: URL, extraSites: readonly ConferenceSite[] = []): PlatformId | null {
  return (
    PLATFORMS.find((p) => p.matches.some((pattern) => matchesPattern(pattern, url)))?.id ??
    extraSites.find((site) => matchesPattern(site.pattern, url))?.platform ??
    null
  );
}
