// What every fixture rebuilt from real-world evidence must give when its platform's declaration
// reads it (test/unit/core/platforms/fixtures.test.ts checks it; other tests pick states from it).
import type { CallPhase, PlatformId } from '../../../core/types';

export interface Want {
  phase: CallPhase;
  /** The platform's half of the encryption verdict (page and vendor fact): null when it says nothing. */
  e2ee?: 'on' | 'off' | null;
  recording?: boolean;
  transcription?: boolean;
  meetingOpen?: boolean;
  /** Every flagged participant, as "kind:name". */
  participants?: string[];
}

const inCall = (more: Omit<Want, 'phase'> = {}): Want => ({ phase: 'in-call', ...more });

export const TABLE: Partial<Record<PlatformId, Record<string, Want>>> = {
  'google-meet': {
    // Meet shows client-side encryption in the call; before joining, its absence says nothing.
    'pre-join.html': { phase: 'pre-join', e2ee: null },
    'lobby.html': { phase: 'lobby', e2ee: null },
    'in-call.html': inCall({ e2ee: 'off' }),
    'e2ee-on.html': inCall({ e2ee: 'on' }),
    'recording.html': inCall({ e2ee: 'off', recording: true }),
    'recording-consent.html': inCall({ e2ee: 'off', recording: true }),
    'live-stream.html': inCall({ e2ee: 'off', recording: true }),
    'transcription.html': inCall({ e2ee: 'off', transcription: true }),
    'transcription-consent.html': inCall({ e2ee: 'off', transcription: true }),
    'dial-in.html': inCall({ e2ee: 'off', participants: ['phone:+1 650-***-**89'] }),
    'external.html': inCall({ e2ee: 'off', participants: ['external:Claire Dubois', 'external:'] }),
    'notetaker.html': inCall({ e2ee: 'off', participants: ['bot:Fireflies.ai Notetaker'] }),
  },
  zoom: {
    'host-page.html': { phase: 'no-call' },
    'webclient-host.html': { phase: 'no-call' },
    'pre-join.html': { phase: 'pre-join', e2ee: 'off' },
    'waiting-for-host.html': { phase: 'lobby', e2ee: 'off' },
    'waiting-room.html': { phase: 'lobby', e2ee: 'off' },
    'in-call.html': inCall({ e2ee: 'off' }),
    'e2ee-off.html': inCall({ e2ee: 'off' }),
    'recording.html': inCall({ e2ee: 'off', recording: true }),
    'local-recording.html': inCall({ e2ee: 'off', recording: true }),
    'live-stream.html': inCall({ e2ee: 'off', recording: true }),
    'transcription.html': inCall({ e2ee: 'off', transcription: true }),
    'ai-companion.html': inCall({ e2ee: 'off', transcription: true }),
    'dial-in.html': inCall({ e2ee: 'off', participants: ['phone:+49 *** *** 4567'] }),
    'external.html': inCall({ e2ee: 'off', participants: ['external:Claire Dubois'] }),
    'notetaker.html': inCall({ e2ee: 'off', recording: true, participants: ['bot:Fireflies.ai Notetaker'] }),
  },
  teams: {
    'pre-join.html': { phase: 'pre-join', e2ee: 'off' },
    'lobby.html': { phase: 'lobby', e2ee: 'off' },
    'in-call.html': inCall({ e2ee: 'off' }),
    'recording.html': inCall({ e2ee: 'off', recording: true }),
    'transcription.html': inCall({ e2ee: 'off', transcription: true }),
    'dial-in.html': inCall({ e2ee: 'off', participants: ['phone:+49 30 12345678'] }),
    'dial-in-masked.html': inCall({ e2ee: 'off', participants: ['phone:+49 30 ••••••78'] }),
    'external.html': inCall({ e2ee: 'off', participants: ['external:Eva Lindqvist'] }),
    'external-trusted.html': inCall({ e2ee: 'off', participants: ['external:David Novak'] }),
    'notetaker.html': inCall({ e2ee: 'off', participants: ['bot:Fireflies.ai Notetaker', 'external:Fireflies.ai Notetaker'] }),
    'open-meeting.html': inCall({ e2ee: 'off', meetingOpen: true }),
    'e2ee-error.html': { phase: 'no-call' },
  },
  webex: {
    'shell.html': { phase: 'no-call' },
    'pre-join.html': { phase: 'pre-join', e2ee: 'off' },
    'lobby.html': { phase: 'lobby', e2ee: 'off' },
    'in-call.html': inCall({ e2ee: 'off' }),
    // The Security tab claims E2EE; the web app cannot do it: the claim is overruled.
    'e2ee-on.html': inCall({ e2ee: 'off' }),
    'e2ee-off.html': inCall({ e2ee: 'off' }),
    'external.html': inCall({ e2ee: 'off', participants: ['external:Claire Dubois'] }),
    'notetaker.html': inCall({ e2ee: 'off', participants: ['bot:Fireflies.ai Notetaker Anna'] }),
  },
  jitsi: {
    'pre-join.html': { phase: 'pre-join', e2ee: 'off' },
    'lobby.html': { phase: 'lobby', e2ee: 'off' },
    'in-call.html': inCall({ e2ee: 'off' }),
    'e2ee-on.html': inCall({ e2ee: 'on' }),
    // E2EE on here, but one participant without it: Jitsi shows no label, and it is off.
    'e2ee-partial.html': inCall({ e2ee: 'off' }),
    'recording.html': inCall({ e2ee: 'off', recording: true }),
    'live-stream.html': inCall({ e2ee: 'off', recording: true }),
    'local-recording.html': inCall({ e2ee: 'off', recording: true }),
    'transcription.html': inCall({ e2ee: 'off', transcription: true }),
    'subtitles-only.html': inCall({ e2ee: 'off', transcription: true }),
    'dial-in.html': inCall({ e2ee: 'off', participants: ['phone:+49 30 1234 5678'] }),
    'open-meeting.html': inCall({ e2ee: 'off', meetingOpen: true }),
    'notetaker.html': inCall({ e2ee: 'off', participants: ['bot:Fireflies.ai Notetaker'] }),
  },
  'element-call': {
    'pre-join.html': { phase: 'pre-join' },
    'guest-auth.html': { phase: 'pre-join' },
    'knock.html': { phase: 'pre-join' },
    'lobby.html': { phase: 'lobby' },
    'in-call.html': inCall({ e2ee: 'on' }),
    'e2ee-on.html': inCall({ e2ee: 'on' }),
    'e2ee-off.html': inCall({ e2ee: 'off' }),
    'e2ee-track-warning.html': inCall({ e2ee: 'off' }),
    // Inside Element Web the call has no header, so no lock: nothing said either way.
    'embedded-in-call.html': inCall({ e2ee: null }),
    'e2ee-unsupported.html': { phase: 'no-call' },
  },
  discord: {
    'not-connected.html': { phase: 'no-call' },
    'in-call.html': inCall({ e2ee: 'on' }),
    'e2ee-on.html': inCall({ e2ee: 'on' }),
    'recording.html': inCall({ e2ee: 'on', participants: ['recorder:![RECORDING] Craig'] }),
  },
  slack: {
    'others-in-huddle.html': { phase: 'no-call' },
    'pre-join.html': { phase: 'pre-join', e2ee: 'off' },
    'in-call.html': inCall({ e2ee: 'off' }),
    'notetaker.html': inCall({ e2ee: 'off', participants: ['bot:Meeting Notetaker'] }),
  },
  bigbluebutton: {
    'pre-join.html': { phase: 'pre-join', e2ee: 'off' },
    'lobby.html': { phase: 'lobby', e2ee: 'off' },
    'in-call.html': inCall({ e2ee: 'off' }),
    'recording.html': inCall({ e2ee: 'off', recording: true }),
    'recording-moderator.html': inCall({ e2ee: 'off', recording: true }),
    // The indicator is there whenever a session may be recorded: its words say it is not.
    'not-recording.html': inCall({ e2ee: 'off' }),
    'not-recording-moderator.html': inCall({ e2ee: 'off' }),
    'dial-in.html': inCall({ e2ee: 'off', participants: ['phone:+49 30 1234567'] }),
    'external.html': inCall({ e2ee: 'off', participants: ['external:David Novak'] }),
    'notetaker.html': inCall({ e2ee: 'off', participants: ['bot:Fireflies.ai Notetaker'] }),
  },
  whereby: {
    'in-call-2020.html': inCall({ e2ee: null }),
    // A third-party page embedding Whereby: the call is in Whereby's own frame.
    'embedded-shell.html': { phase: 'unknown' },
  },
  goto: {
    'pre-join-classic.html': { phase: 'pre-join' },
  },
  whatsapp: {
    'no-call.html': { phase: 'no-call' },
  },
  // Sites added without a platform: the page is not read, WebRTC alone tells (the e2e tests' pages).
  webrtc: {
    'bare.html': { phase: 'unknown' },
    'hostile.html': { phase: 'unknown' },
  },
};


/** The fixtures of a platform that show a live call. */
export function inCallFixtures(platform: PlatformId): string[] {
  return Object.entries(TABLE[platform] ?? {})
    .filter(([, want]) => want.phase === 'in-call')
    .map(([file]) => file);
}
