import type { Policy } from './policy/types';
import type { FrameSignals, Report } from './types';

/** Settings the page-side banner needs; the rest of the policy stays in the background. */
export type BannerSettings = Pick<Policy, 'banner' | 'acknowledgeDanger' | 'supportMessage' | 'supportUrl'>;

/** Messages between the extension's contexts (runtime and tabs messaging). */
export type ExtensionMessage =
  | { type: 'frame-signals'; signals: FrameSignals }
  | { type: 'report'; report: Report; settings: BannerSettings }
  | { type: 'recheck'; tabId?: number }
  | { type: 'open-details' }
  /** From a content script: the extra conference sites (answered with ConferenceSite[]). */
  | { type: 'conference-sites' };
