import type { PlatformId } from '../types';
import { matchesPattern } from './match-pattern';
import { PLATFORM_MATCHES } from './matches';

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
