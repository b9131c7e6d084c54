/**
 * The vocabulary of CallGuard's browser-free core. Platform ids, finding ids and the Report shape
 * are contracts (see docs/report-format.md): renaming one is a breaking change.
 */

export const PLATFORM_IDS = [
  'google-meet',
  'zoom',
  'teams',
  'webex',
  'jitsi',
  'whereby',
  'element-call',
  'discord',
  'slack',
  'bigbluebutton',
  'goto',
  'whatsapp',
  'webrtc',
] as const;
export type PlatformId = (typeof PLATFORM_IDS)[number];

export const FINDING_IDS = [
  'e2ee-off',
  'e2ee-unverified',
  'dial-in-participant',
  'recording',
  'transcription',
  'ai-notetaker',
  'external-participant',
  'meeting-open',
  'untrusted-network',
  'tls-interception',
  'captive-portal',
  'travel',
  'platform-not-allowed',
  'weak-transport',
] as const;
export type FindingId = (typeof FINDING_IDS)[number];

export const SEVERITIES = ['info', 'warning', 'danger'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type Level = 'danger' | 'warning' | 'ok' | 'unknown';
export type E2eeState = 'on' | 'off' | 'unknown';
/** Where a piece of evidence was read. */
export type Source = 'ui' | 'rtc' | 'platform' | 'network' | 'policy';

export interface Finding {
  id: FindingId;
  severity: Severity;
  source: Source;
  /** Human-readable facts that produced the finding: what was read, and where. */
  evidence: string[];
}

/** Where the page is in the life of a call, as far as the page itself shows. */
export type CallPhase = 'no-call' | 'pre-join' | 'lobby' | 'in-call' | 'unknown';

/** Something the page shows (or does not), with the evidence for it. */
export interface Seen {
  evidence: string[];
}

export type ParticipantKind = 'phone' | 'external' | 'bot';
export interface FlaggedParticipant {
  kind: ParticipantKind;
  /** Display name as the page shows it. Kept only in session storage. */
  name: string;
  evidence: string;
}

/** What one platform adapter read from one document. */
export interface PageRead {
  platform: PlatformId;
  phase: CallPhase;
  phaseEvidence: string[];
  /** The platform's own encryption indicator or fact; null when none was found. */
  e2ee: { state: 'on' | 'off'; source: 'ui' | 'platform'; evidence: string[] } | null;
  recording: Seen | null;
  transcription: Seen | null;
  /** Participants that matter for privacy: phone lines, externals, bots. */
  participants: FlaggedParticipant[];
  /** No lobby, lock or password where the platform offers one. */
  meetingOpen: Seen | null;
  /** Signals this adapter could not read at all (page changed?), so their absence means nothing. */
  unreadable: string[];
}

/** Facts a main-world page script can only tell us (the app's own state). */
export interface AppState {
  jitsi?: {
    joined?: boolean;
    e2eeEnabled?: boolean;
    /** Display names of participants the app marks as phone (jigasi) or SIP. */
    phoneParticipants?: string[];
    recording?: boolean;
    transcribing?: boolean;
    lobbyKnocking?: boolean;
    lobbyEnabled?: boolean;
    passwordLocked?: boolean;
  };
}

export type MediaKind = 'audio' | 'video';
export interface TrackFact {
  kind: MediaKind;
  /** A live track is attached (sender) or media is flowing in (receiver). */
  live: boolean;
  /** An encoded transform (RTCRtpScriptTransform or createEncodedStreams) is attached. */
  transformed: boolean;
}

/** Summary of getStats() for one connection; never raw stats. */
export interface ConnectionStats {
  localCandidateType?: 'host' | 'srflx' | 'prflx' | 'relay';
  networkType?: string;
  relayProtocol?: string;
  /** This browser's public address as a STUN/TURN server saw it. */
  publicAddress?: string;
  dtlsState?: string;
  dtlsCipher?: string;
  srtpCipher?: string;
  tlsVersion?: string;
}

export interface ConnectionFact {
  id: string;
  state: string;
  senders: TrackFact[];
  receivers: TrackFact[];
  stats?: ConnectionStats;
}

/** What the main-world probe saw in one frame. */
export interface RtcFacts {
  connections: ConnectionFact[];
}

/** Everything one frame reports to the background. */
export interface FrameSignals {
  url: string;
  page: PageRead | null;
  rtc: RtcFacts | null;
  readError?: string;
}

/** Browser-level network facts gathered by the background (Firefox only for TLS/captive portal). */
export interface BrowserNetworkFacts {
  tls?: {
    checked: boolean;
    /** SHA-256 fingerprint of the chain's root, and whether the browser ships it. */
    rootFingerprint?: string;
    rootIsBuiltIn?: boolean;
    rootSubject?: string;
    host?: string;
    /**
     * The browser does not trust the site's certificate and was told to accept it anyway (a
     * certificate warning bypassed, a certificate exception): no chain was verified, so there is
     * no root to judge, and tls-interception is raised whatever the policy lists.
     */
    untrusted?: boolean;
    /** Which certificate error was overridden, in Firefox's words (with `untrusted`). */
    certificateError?: 'trust_error' | 'domain_mismatch' | 'expired_or_not_yet_valid';
  };
  captivePortal?: 'unknown' | 'not_captive' | 'unlocked_portal' | 'locked_portal' | 'unsupported';
}

export interface NetworkReport {
  publicAddress: string | null;
  /** true inside trustedNetworks, false outside, null when not decided (no address or no policy). */
  trusted: boolean | null;
  reason: string;
  networkType: string | null;
  relayProtocol: string | null;
  localCandidateType: string | null;
  dtlsState: string | null;
  dtlsCipher: string | null;
  srtpCipher: string | null;
  timeZone: string | null;
  tls: 'checked' | 'not-checked';
  /**
   * Firefox: the root the conference site's certificate chains to, when tls is "checked".
   * `trustedByPolicy`: listed in policy trustedInterceptionRoots. null when not checked.
   */
  tlsRoot?: {
    host: string | null;
    subject: string | null;
    sha256: string | null;
    builtIn: boolean | null;
    trustedByPolicy: boolean;
  } | null;
  /**
   * Firefox: the site's certificate is not trusted by the browser and a certificate warning was
   * bypassed (accepted through an exception); raises tls-interception.
   */
  tlsUntrusted?: boolean;
  /**
   * Firefox: captive-portal state ("unsupported" when the browser's detection is switched off);
   * null in browsers without the API (Chromium).
   */
  captivePortal: string | null;
}

export interface Report {
  version: 1;
  url: string;
  platform: PlatformId | null;
  inCall: boolean;
  phase: CallPhase;
  level: Level;
  e2ee: E2eeState;
  e2eeEvidence: string[];
  findings: Finding[];
  network: NetworkReport;
  participants: FlaggedParticipant[];
  /**
   * Signals the page adapters could not read at all (markup changed?): their findings are
   * unknown, not clear. Union over the frames that show (part of) a call.
   */
  unreadable?: string[];
  updatedAt: string;
}
