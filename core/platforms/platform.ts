import type { AppState, CallPhase, PageRead, PlatformId } from '../types';
import type { Marker } from './page';
import type { RosterSpec } from './roster';

/**
 * What one platform is, declared in one module (core/platforms/<id>.ts) as three exports: the
 * platform (names, sites, how its pages show each signal), its vendor `fact`, and its `coverage`
 * (which signals are proven on which fixtures). The content script imports only `platform`, so
 * the page carries neither the vendor statements nor the coverage notes. One generic reader
 * (read.ts) runs any declaration; the list in index.ts is the only registry.
 */
export interface Platform {
  id: PlatformId;
  /** Display name in English (the UI's own names are in public/_locales). */
  name: string;
  /** 1: every signal is read; 2: at least call state and encryption. */
  tier: 1 | 2;
  /** WebExtension match patterns of the service's own sites; none for self-hosted-only software. */
  matches: readonly string[];
  /** Beyond `matches`: whether a URL is one where a call can happen (default: every URL). */
  isCallUrl?: (url: URL) => boolean;
  detect: DetectionSpec;
  /** Only where a platform truly needs code: the app's own state (read by the main-world probe). */
  readAppState?: (app: AppState, read: PageRead) => void;
}

/**
 * What is known about a service's encryption in the browser, with the vendor's own source.
 * "never": the browser client cannot do E2EE at all; "optional": E2EE exists and must be shown
 * by the page; "always": E2EE by design (still only one of the two sources "on" needs);
 * "unknown": the vendor makes no claim either way.
 */
export interface PlatformFact {
  e2eeInBrowser: 'never' | 'optional' | 'always' | 'unknown';
  statement: string;
  source: string;
}

export type PagePhase = Exclude<CallPhase, 'unknown'>;

/** How a platform's pages show each signal. Markers are data; the reader runs them. */
export interface DetectionSpec {
  /**
   * The call runs inside one of these iframes (Zoom, Webex): a page holding one is the host
   * page, "no call", unless it shows the call itself. The frame's own document is read too.
   */
  callFrames?: readonly string[];
  /**
   * Regions whose text participants write: chat, captions, reactions, names on tiles and in
   * lists, shared-screen titles. Nothing inside them is read as an indicator or as call state.
   * The roster's rows and name elements are added to these by the reader.
   */
  participantText: readonly string[];
  /** Phases in the order they are tried: the first whose marker matches is the page's phase. */
  phases: readonly { phase: PagePhase; marker: Marker }[];
  /** The platform's own encryption control or indicator. */
  encryption?: {
    on?: Marker;
    off?: Marker;
    /** Evidence (from core/evidence.ts) when no "on" indicator shows: its absence means off (Meet's client-side encryption). */
    offWithoutOn?: string;
    /** Something that rules an "always" fact out (Discord's Stage channels), with what it means: a template of core/evidence.ts, $1 how it was seen. */
    notCovered?: { marker: Marker; meaning: string };
  };
  recording?: Marker;
  /** A live stream is a recording to the world: it raises `recording`. */
  liveStream?: Marker;
  transcription?: Marker;
  roster?: RosterSpec;
  /** A notice that external or guest participants are present, without saying who (Meet's "External" label). */
  externalNotice?: Marker;
  /**
   * The platform's own button that joins the call from the pre-join or lobby screen: where the
   * organisation asks for it (confirmBeforeJoin), CallGuard holds its click until confirmed.
   */
  joinControl?: Pick<Marker, 'selectors' | 'controls'>;
  /** No lobby, lock or password where the platform offers one. */
  meetingOpen?: Marker & {
    /** Labelled toggles (menu checkboxes, switches) that, all off, mean the meeting is open. */
    togglesOff?: readonly (readonly RegExp[])[];
    /** A labelled choice (select, combobox) whose chosen value means the meeting is open. */
    choices?: readonly { label: readonly RegExp[]; value: readonly RegExp[] }[];
  };
}
