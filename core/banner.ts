import type { BannerSettings } from './messages';
import type { ConfirmBeforeJoin } from './policy/types';
import type { FindingId, PlatformId, Report, ReportFinding } from './types';

/**
 * How much of the banner shows:
 * - full: what a participant should act on (core/attention.ts), with the findings and actions;
 * - compact: one line on entering a call (or before joining, when something is already known);
 *   it settles into the pill by itself after SETTLE_AFTER_MS;
 * - pill: a small status button, there for the whole call; it opens the full banner.
 */
export type BannerView = 'none' | 'full' | 'compact' | 'pill';

/** Where the page is: before joining (pre-join or lobby), or in the call. */
type Stage = 'none' | 'before' | 'call';

/** What the banner remembers about the current call; reset when the call ends. */
export interface BannerMemory {
  view: BannerView;
  stage: Stage;
  /** Findings that asked for attention and were shown in full in this call. */
  shown: FindingId[];
}

export const NO_BANNER: BannerMemory = { view: 'none', stage: 'none', shown: [] };

/** How long the compact banner stays before it settles into the pill, without a click. */
export const SETTLE_AFTER_MS = 6000;

/**
 * The banner for a new report: the full banner when a finding that asks for attention appears
 * (again after a dismissal, and mid-call); otherwise what it was. Entering a stage opens it:
 * compact in the call (the pill straight away for a call confirmed end-to-end encrypted, unless
 * the banner is set to "always"), and before joining only when something is already known.
 */
export function nextBanner(memory: BannerMemory, report: Report, settings: BannerSettings): BannerMemory {
  const stage: Stage = report.inCall ? 'call' : report.phase === 'pre-join' || report.phase === 'lobby' ? 'before' : 'none';
  if (stage === 'none' || settings.banner === 'off') return NO_BANNER;
  const loud = report.findings.filter((f) => f.attention && f.active).map((f) => f.id);
  const shown = [...new Set([...memory.shown, ...loud])];
  if (loud.some((id) => !memory.shown.includes(id))) return { view: 'full', stage, shown };
  // The organisation asks for a confirmation before joining: say so before the click, in full.
  if (settings.confirmJoin && (memory.view === 'none' || memory.view === 'compact')) return { view: 'full', stage, shown };
  // A call confirmed end-to-end encrypted while the compact banner still shows: nothing to say at length.
  if (memory.view === 'compact' && stage === 'call' && memory.stage === 'call' && settings.banner === 'risk' && report.level === 'ok') return { view: 'pill', stage, shown };
  if (memory.view === 'full' || (stage === memory.stage && memory.view !== 'none')) return { ...memory, stage, shown };
  return { view: opening(report, settings, stage), stage, shown };
}

function opening(report: Report, settings: BannerSettings, stage: Stage): BannerView {
  if (stage === 'before') return report.findings.some((f) => f.active) ? 'compact' : 'none';
  return settings.banner === 'risk' && report.level === 'ok' ? 'pill' : 'compact';
}

/**
 * Whether the platform's join button waits for a confirmation: before joining, when what is
 * already known reaches the organisation's level (confirmBeforeJoin).
 */
export function joinNeedsConfirmation(report: Report, confirmBeforeJoin: ConfirmBeforeJoin): boolean {
  if (confirmBeforeJoin === 'off' || report.inCall || (report.phase !== 'pre-join' && report.phase !== 'lobby')) return false;
  return report.level === 'danger' || (confirmBeforeJoin === 'warning' && report.level === 'warning');
}

/** The compact banner's time is up. */
export const settleBanner = (memory: BannerMemory): BannerMemory => (memory.view === 'compact' ? { ...memory, view: 'pill' } : memory);
/** The user dismissed the banner: the pill stays, so the verdict is one key press away. */
export const dismissBanner = (memory: BannerMemory): BannerMemory => (memory.view === 'none' ? memory : { ...memory, view: 'pill' });
/** The user opened the pill. */
export const expandBanner = (memory: BannerMemory): BannerMemory => (memory.view === 'none' ? memory : { ...memory, view: 'full' });

/**
 * What the banner's headline says: the most serious finding a participant should act on, else
 * what encryption is (end-to-end, the provider can access the media, or not confirmed).
 */
export type Headline = { finding: FindingId } | { e2ee: Report['e2ee']; platform: PlatformId | null };

/** The headline, and the rest of what matters now for the full banner's list (without repeating the headline). */
export function bannerContent(report: Report): { headline: Headline; listed: ReportFinding[] } {
  const loud = report.findings.find((f) => f.attention && f.active);
  const headline: Headline = loud ? { finding: loud.id } : { e2ee: report.e2ee, platform: report.platform === 'webrtc' ? null : report.platform };
  const listed = report.findings.filter(
    (f) => f.active && (f.attention || f.severity !== 'info') && f !== loud && (loud !== undefined || !f.id.startsWith('e2ee')),
  );
  return { headline, listed };
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
