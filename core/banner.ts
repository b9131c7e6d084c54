import { severityRank } from './severity';
import type { BannerSettings } from './messages';
import type { FindingId, PlatformId, Report } from './types';

/** What the banner remembers about the current call; reset when the call ends. */
export interface BannerMemory {
  /** The page was already in a call at the last report. */
  inCall: boolean;
  visible: boolean;
  /** Findings the user has already been shown in this call (at warning or above). */
  shown: FindingId[];
}

export const NO_BANNER: BannerMemory = { inCall: false, visible: false, shown: [] };

/**
 * When to show the banner: on entering a call (always, or only at risk), and again when a new
 * warning or danger finding appears mid-call. A dismissal lasts for the rest of the call.
 */
export function nextBanner(memory: BannerMemory, report: Report, settings: BannerSettings): BannerMemory {
  if (!report.inCall || settings.banner === 'off') return NO_BANNER;
  const serious = report.findings.filter((f) => severityRank(f.severity) >= severityRank('warning')).map((f) => f.id);
  const show = memory.inCall
    ? serious.some((id) => !memory.shown.includes(id))
    : settings.banner === 'always' || report.level !== 'ok';
  return {
    inCall: true,
    visible: memory.visible || show,
    shown: [...new Set([...memory.shown, ...serious])],
  };
}

export function dismissBanner(memory: BannerMemory): BannerMemory {
  return { ...memory, visible: false };
}

export type BannerPlacement = 'top' | 'bottom';

/** Platforms whose call controls sit at the top of the stage (Teams' meeting bar). */
const CONTROLS_AT_TOP: ReadonlySet<PlatformId> = new Set<PlatformId>(['teams']);

/**
 * Where the banner goes so that it never covers the call controls: at the top of the page, where
 * most platforms (Meet, Zoom, Webex, Jitsi …) have only the meeting title; at the bottom where the
 * controls are at the top (Teams).
 */
export function bannerPlacement(platform: PlatformId | null): BannerPlacement {
  return platform !== null && CONTROLS_AT_TOP.has(platform) ? 'bottom' : 'top';
}
