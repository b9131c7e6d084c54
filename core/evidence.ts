/**
 * Every sentence CallGuard writes as evidence or as a network reason, in English, with positional
 * placeholders ($1, $2 …) filled by say(). Reports keep the English sentence (docs/report-format.md);
 * the UI reads it back against these templates and shows public/_locales' evidence_<name> message
 * instead, with the values as they were (components/evidence.ts). Each template is its own export,
 * so a content script carries only the ones it uses. A template's placeholders appear once each.
 */

/** The template with $1, $2 … replaced by the values, as they are. */
export function say(template: string, ...values: (string | number)[]): string {
  return template.replace(/\$(\d)/g, (_, n: string) => `${values[Number(n) - 1]}`);
}

// How the page showed a signal (core/platforms/page.ts): the platform's element, text, button or label.
export const FOUND_ELEMENT = 'element $1';
export const FOUND_TEXT = 'text $1';
export const FOUND_BUTTON = 'button $1';
export const FOUND_LABEL = 'label $1';

// What a platform's page shows (core/platforms/read.ts): $1 the platform, $2 how it was seen.
export const SHOWS_RECORDING = '$1 shows recording: $2';
export const SHOWS_LIVE_STREAM = '$1 shows a live stream (a recording anyone may watch): $2';
export const SHOWS_TRANSCRIPTION = '$1 shows transcription: $2';
export const SHOWS_NOTICE = '$1 shows $2';
export const SHOWS_NOT_E2EE = '$1 shows it is not end-to-end encrypted: $2';
export const SHOWS_E2EE = '$1 shows end-to-end encryption: $2';
export const PHASE_LOBBY = '$1 lobby: $2';
export const PHASE_PRE_JOIN = '$1 pre-join: $2';
export const PHASE_IN_CALL = '$1 in call: $2';
export const PHASE_NO_CALL = '$1 no call on this page: $2';
export const HOST_PAGE = 'host page of the $1 meeting frame ($2): the call is read inside the frame';
/** A platform and what it shows (an open meeting), or a participant's name and why they are flagged. */
export const LABELLED = '$1: $2';
export const CHOICE = '$1 is $2';
export const TOGGLE_OFF = '$1 is off';
export const TOGGLES_OFF = '$1 and $2 are off';
export const MEET_NO_CSE_INDICATOR = 'no client-side encryption indicator on the page';
export const DISCORD_STAGE = 'this is a Stage channel, which Discord does not end-to-end encrypt ($1)';

// Participants (core/platforms/roster.ts, names.ts): the mark or the name, and ($2) the list it was read in.
export const SEEN_IN = '$1 ($2)';
export const PHONE_MARKER = 'phone marker $1';
export const PHONE_LABEL = 'phone label $1';
export const MARKER = 'marker $1';
export const NAME_PHONE_NUMBER = 'name is a phone number';
export const NAME_MASKED_PHONE = 'name is a masked phone number';
export const NAME_DEFAULT_PHONE = 'name is the default name of a phone participant';
export const NAME_NOTETAKER = 'name matches a note-taking bot ("$1")';
export const NAME_NOTETAKER_DISGUISED = 'name matches a note-taking bot ("$1", written with look-alike or invisible characters)';
export const NAME_RECORDER = 'name says it records ("$1")';
export const NAME_RECORDER_DISGUISED = 'name says it records ("$1", written with look-alike or invisible characters)';
export const WHERE_BIGBLUEBUTTON = 'BigBlueButton user list';
export const WHERE_DISCORD = 'Discord voice channel';
export const WHERE_ELEMENT_CALL = 'Element Call tiles';
export const WHERE_GOTO = 'GoTo attendee list';
export const WHERE_JITSI = 'Jitsi participants';
export const WHERE_MEET = 'Meet participants';
export const WHERE_SLACK = 'Slack huddle participants';
export const WHERE_TEAMS = 'Teams participants';
export const WHERE_WEBEX = 'Webex participant list';
export const WHERE_WHEREBY = 'Whereby participants';
export const WHERE_ZOOM = 'Zoom participant list';

// Jitsi Meet's own state (core/platforms/jitsi.ts).
export const JITSI_JOINED = 'Jitsi in-call: app state APP.conference.isJoined()';
export const JITSI_KNOCKING = 'Jitsi lobby: app state features/lobby.knocking';
export const JITSI_FILE_RECORDING = 'Jitsi app state: a recording to a file is on (features/recording)';
export const JITSI_LIVE_STREAM = 'Jitsi app state: a live stream is on, a recording anyone may watch (features/recording)';
export const JITSI_LOCAL_RECORDING = 'Jitsi app state: $1 is recording the call on their own computer';
export const JITSI_TRANSCRIBER = 'Jitsi app state: a transcriber is in the call (features/transcribing.isTranscribing)';
export const JITSI_PHONE = 'Jitsi app state: a phone (jigasi) participant';
export const JITSI_OPEN_ROOM = 'Jitsi app state: no lobby and no password on this room';
export const JITSI_E2EE_OFF = 'Jitsi app state: end-to-end encryption is off (features/e2ee.enabled = false)';
export const JITSI_E2EE_NOT_EVERYONE =
  'Jitsi app state: end-to-end encryption is on here, but $1 participant(s) do not have it ($2); Jitsi itself shows no E2EE label then';
export const JITSI_E2EE_ON = 'Jitsi app state: end-to-end encryption is on for every participant (features/e2ee.enabled, no participant without it)';

// Encryption (core/encryption.ts, core/rtc/media.ts).
export const E2EE_PARTIAL =
  'partial: some live media has no encoded transform (senders: $1 of $2; receivers: $3 of $4), so that media is not end-to-end encrypted';
export const E2EE_NO_TRANSFORM =
  'no encoded transform on any live media (senders: $1 of $2; receivers: $3 of $4): media is not end-to-end encrypted in this browser';
export const MEDIA_AGREES = 'the media path agrees: encoded transforms on all live media ($1 sent, $2 received)';
export const MEDIA_AGREES_NOT_PROOF =
  'the media path agrees: encoded transforms on all live media ($1 sent, $2 received); that is consistent with end-to-end encryption, not proof of it';
export const NO_LIVE_MEDIA = 'missing half: no live media was seen in this call, so the media path could not confirm end-to-end encryption';
/** Why "on" cannot be confirmed in a page CallGuard started in after it had loaded. */
export const STARTED_LATE =
  'CallGuard started after this page had loaded: connections made before then were not seen, so end-to-end encryption cannot be confirmed; reload the page to check the whole call';
/** Until the organisation's policy is read (it may block the platform or require more), nothing is "on". */
export const POLICY_PENDING = "your organisation's policy has not been read yet: end-to-end encryption is not confirmed until it is";
export const NO_PLATFORM_STATE = "missing half: the platform's own state or encryption indicator, which CallGuard could not read on this page";
/** The vendor's statement (a quotation, shown in English) and its source. */
export const VENDOR_FACT = '$1 (source: $2)';
export const CALL_SHOWN = 'the page shows a call and nothing on it contradicts that';
export const CLAIM_OVERRULED = 'the page claims end-to-end encryption ($1), but $2 (source: $3): the claim is ignored';
export const TRACKS_NONE = 'none';
export const TRACKS_AUDIO = '$1 audio';
export const TRACKS_VIDEO = '$1 video';
export const TRACKS_AUDIO_VIDEO = '$1 audio, $2 video';
export const E2EE_NOW = 'end-to-end encryption is now $1';

// Policy and where this computer is (core/checks/*.ts).
export const PLATFORM_BLOCKED = '$1 is blocked by your organisation';
export const PLATFORM_NOT_ALLOWED = '$1 is not one of the platforms your organisation allows ($2)';
export const CAPTIVE_LOCKED =
  'the browser reports a captive portal that is not logged in yet (locked_portal): a hotel, airport or café network';
export const CAPTIVE_UNLOCKED =
  'the browser reports a captive portal that was logged in to (unlocked_portal): a hotel, airport or café network';
export const CAPTIVE_SOURCE = "read from the browser's captive-portal detection (Firefox captivePortal API)";
export const TLS_UNTRUSTED =
  'the certificate of $1 is not trusted by the browser, and a certificate warning was bypassed: the page was loaded anyway, through a certificate exception';
export const TLS_UNTRUSTED_BECAUSE =
  'the certificate of $1 is not trusted by the browser ($2), and a certificate warning was bypassed: the page was loaded anyway, through a certificate exception';
export const CERTIFICATE_UNTRUSTED_ISSUER = 'issued by an authority it does not trust';
export const CERTIFICATE_WRONG_NAME = "not valid for this site's name";
export const CERTIFICATE_EXPIRED = 'expired or not valid yet';
export const THE_CONFERENCE_SITE = 'the conference site';
export const TLS_MAN_IN_THE_MIDDLE =
  'someone may be intercepting the connection and reading the traffic: a certificate warning on a conference site is what a man-in-the-middle looks like';
export const TLS_NO_CHAIN = 'the browser verified no certificate chain, so there is no root that trustedInterceptionRoots could allow';
export const TLS_FOREIGN_ROOT = 'the certificate of $1 chains to a root that is not built into the browser: $2 (SHA-256 $3)';
export const UNNAMED_ROOT = 'unnamed root';
export const UNKNOWN_FINGERPRINT = 'unknown';
export const TLS_READABLE = 'something between this computer and the service can read the traffic (a TLS-inspection proxy, antivirus or an attacker)';
export const TLS_SOURCE = "read from the browser's own TLS connection to the site (Firefox webRequest security info)";
export const TRAVEL_TIME_ZONE = 'device time zone $1 is not one of the home time zones ($2)';
export const TRAVEL_HINT = 'the time zone is set on this computer: a hint of travel, not proof of where it is';
export const NETWORK_TYPE = 'network type: $1';
export const RELAYED_OVER = 'relayed over $1 (UDP may be blocked on this network)';
export const THIS_COMPUTER_ONLY = "this is about this computer's connection only, not the other participants'";
export const DTLS_STATE = 'DTLS state is $1, not connected';
export const UNEXPECTED_SRTP_CIPHER = 'unexpected SRTP cipher $1';
export const UNEXPECTED_DTLS_CIPHER = 'unexpected DTLS cipher $1';

// Network reasons (core/network/report.ts).
export const TRUSTED_VPN = 'connected through a VPN, which the policy trusts';
export const NO_TRUSTED_NETWORKS = 'no trusted networks are set by policy';
export const NO_USABLE_NETWORKS = 'no usable trusted networks in the policy';
/** $1: the reason, $2: the entries of trustedNetworks that are not CIDRs. */
export const NOT_CIDRS_IGNORED = '$1 (ignored, not CIDRs: $2)';
export const NOT_AN_ADDRESS = 'the public address "$1" is not an IP address';
export const INSIDE_TRUSTED = 'public address $1 is inside the trusted networks';
export const OUTSIDE_TRUSTED = 'public address $1 is outside the trusted networks ($2)';
export const NO_STATS = 'no public address seen: no connection statistics yet';
export const RELAY_ONLY =
  'no public address seen: the call is relayed through a TURN server and the browser does not show the address it connects from (relay-only connections hide it)';
export const HOST_ONLY = 'no public address seen: the call uses only local (host) candidates, no STUN/TURN server answered';
