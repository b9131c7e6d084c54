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

/** A finding as the report keeps it: when this call first and last showed it. */
export interface ReportFinding extends Finding {
  /** ISO time this call first showed the finding. */
  firstSeen: string;
  /** ISO time this call last showed it (the report's time while it still shows). */
  lastSeen: string;
  /** false once the page no longer shows it (a caller who hung up, a recording that stopped): it stays until the call ends. */
  active: boolean;
  /** A participant should act on it: it brings the full banner (core/attention.ts). */
  attention: boolean;
}

/** Where the page is in the life of a call, as far as the page itself shows. */
export type CallPhase = 'no-call' | 'pre-join' | 'lobby' | 'in-call' | 'unknown';

/** Something the page shows (or does not), with the evidence for it. */
export interface Seen {
  evidence: string[];
}

/** A phone line, a guest or external, a note-taking bot, a recording bot. */
export type ParticipantKind = 'phone' | 'external' | 'bot' | 'recorder';
export interface FlaggedParticipant {
  kind: ParticipantKind;
  /** Display name as the page shows it (invisible characters removed). Kept only in session storage. */
  name: string;
  evidence: string;
}

/** A flagged participant as the report keeps it, for the whole call. */
export interface ReportParticipant extends FlaggedParticipant {
  firstSeen: string;
  lastSeen: string;
  /** Still in the call at the report's time. */
  present: boolean;
}

export type TimelineEvent =
  | 'call-joined'
  | 'call-left'
  | 'finding-raised'
  | 'finding-cleared'
  | 'participant-joined'
  | 'participant-left'
  | 'e2ee-confirmed'
  | 'e2ee-dropped';

/** One thing that happened in this call, for the report's timeline. */
export interface TimelineEntry {
  at: string;
  event: TimelineEvent;
  findingId?: FindingId;
  /** The kind of participant who joined or left. */
  participant?: ParticipantKind;
  /** Short words: the finding's first evidence, the participant's name (may be empty). */
  detail: string;
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
  /** Participants the platform itself marks: phone lines, externals, bots. */
  participants: FlaggedParticipant[];
  /** Every participant's name as the page (or the app) lists it, to be classified by name. */
  names: string[];
  /** Where the names were read, for evidence ("Zoom participant list"). */
  namesFrom: string;
  /** Whether a name that is a phone number counts as a phone line (not where the app says who is one). */
  phoneNames: boolean;
  /** No lobby, lock or password where the platform offers one. */
  meetingOpen: Seen | null;
  /** Signals this adapter could not read at all (page changed?), so their absence means nothing. */
  unreadable: string[];
  /** Before joining: the platform's join button is on the page, where CallGuard can hold it (confirmBeforeJoin). */
  joinControl: boolean;
}

/**
 * An app's own state, which only a page-world script can read, as the probe passes it on:
 * untrusted page data, parsed by the one platform that reads it (Jitsi: its positional facts,
 * core/platforms/jitsi-app-state.ts), so no other platform's script carries that parser.
 */
export interface AppState {
  jitsi?: unknown[];
}

/** Jitsi Meet's own state (its redux store), as far as privacy goes. */
export interface JitsiAppState {
  joined?: boolean;
  /** This participant's E2EE toggle (features/e2ee.enabled). */
  e2eeEnabled?: boolean;
  /** The other participants, as the app knows them. */
  participants?: JitsiParticipant[];
  /** A recording to a file (Jibri) is on. */
  fileRecording?: boolean;
  /** A live stream is on. */
  liveStreaming?: boolean;
  transcribing?: boolean;
  lobbyKnocking?: boolean;
  lobbyEnabled?: boolean;
  passwordLocked?: boolean;
}

export interface JitsiParticipant {
  name: string;
  /** A phone (jigasi) or SIP participant. */
  phone: boolean;
  /** Whether this participant has E2EE on; undefined when the app does not say. */
  e2ee?: boolean;
  /** This participant records the call on their own computer. */
  localRecording?: boolean;
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

/** One getStats() entry as the probe passes it on: its short strings and booleans only. */
export type StatsEntry = Record<string, string | boolean>;

export interface ConnectionFact {
  id: string;
  state: string;
  senders: TrackFact[];
  receivers: TrackFact[];
  /** The locating stats entries, as they arrive from the page; the background replaces them by `stats`. */
  statsEntries?: StatsEntry[];
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
  /**
   * CallGuard came to this frame after its page had loaded (its site's scripts were registered
   * later: a site added or granted while the page was open, a tab opened at browser start): what
   * the page did before, its peer connections included, was not seen.
   */
  startedLate?: true;
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
  findings: ReportFinding[];
  network: NetworkReport;
  /** Flagged participants of this call, also those who left. */
  participants: ReportParticipant[];
  /** What happened in this call, oldest first (empty outside a call). */
  timeline: TimelineEntry[];
  /** When this call began to be watched (its first report), or null outside a call. */
  callStartedAt: string | null;
  /**
   * Signals the page adapters could not read at all (markup changed?): their findings are
   * unknown, not clear. Union over the frames that show (part of) a call.
   */
  unreadable?: string[];
  /** Before joining: a frame shows the platform's join button, which CallGuard can hold (confirmBeforeJoin). */
  joinControlSeen?: boolean;
  /** The user marked this call sensitive (the popup's toggle): E2EE is required for it. */
  sensitive?: boolean;
  /**
   * CallGuard started in (a frame of) this page after it had loaded: connections made before were
   * not seen, so encryption is never confirmed on. Reloading the page checks the whole call.
   */
  startedLate?: true;
  updatedAt: string;
}
