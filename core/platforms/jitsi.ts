import {
  JITSI_E2EE_NOT_EVERYONE,
  JITSI_E2EE_OFF,
  JITSI_E2EE_ON,
  JITSI_FILE_RECORDING,
  JITSI_JOINED,
  JITSI_KNOCKING,
  JITSI_LIVE_STREAM,
  JITSI_LOCAL_RECORDING,
  JITSI_OPEN_ROOM,
  JITSI_PHONE,
  JITSI_TRANSCRIBER,
  say,
  WHERE_JITSI,
} from '../evidence';
import type { JitsiAppState, PageRead } from '../types';
import type { Coverage } from './coverage';
import { parseJitsiWire } from './jitsi-app-state';
import type { Platform, PlatformFact } from './platform';

/**
 * Jitsi Meet (meet.jit.si, 8x8.vc, and self-hosted servers the user or organisation adds).
 * Open source: markup from jitsi-meet's own components and UI-test page objects, state from its
 * redux store (test/fixtures/jitsi/SOURCES.md). Its E2EE, REC and phone indicators are icons
 * without text, so the app's state, read by the main-world probe, outranks the page.
 */
export const platform: Platform = {
  id: 'jitsi',
  name: 'Jitsi Meet',
  tier: 1,
  matches: ['https://meet.jit.si/*', 'https://8x8.vc/*'],
  // The welcome page ("/") is not a room; any other path is a room name (8x8.vc: tenant/room).
  isCallUrl: (url) => url.pathname.length > 1 && !url.pathname.startsWith('/static/'),
  detect: {
    // For confirmBeforeJoin: the pre-join screen's join button (jitsi-meet's Prejoin component and UI-test page object).
    joinControl: { selectors: ['[data-testid="prejoin.joinMeeting"]'] },
    participantText: [
      // Tiles and their names, the stage name badge, the participants pane.
      '#remoteVideos',
      'span.videocontainer',
      '.displayname',
      '[data-testid="stage-display-name"]',
      '#participants-pane',
      '#lobby-list',
      // Chat, captions and polls; notifications carry names in their titles.
      '#sideToolbarContainer',
      '#chatconversation',
      '.chatmessage',
      '#chat-input',
      '#cc-tab-panel',
      '#largeVideoContainer p',
      '#polls-tab-panel',
      '#notifications-container',
      // The meeting's subject and the room name are whoever set them.
      '.subject-text--content',
      '.premeeting-screen h1 + span',
      '.lobby-chat-container',
    ],
    phases: [
      {
        // The filmstrip, the conference info and the call toolbox's extra buttons are drawn only
        // once joined; the pre-join and lobby screens have the hang-up button too.
        phase: 'in-call',
        marker: {
          selectors: ['#filmstripLocalVideo', '#localVideoContainer', '#alwaysVisible', '.hangup-menu-button'],
          controls: [
            /^(Open chat|Close chat|Start sharing your screen|More actions menu)$/i,
            /^(Chat öffnen|Chat schließen|Menü „Weitere Einstellungen“)$/i,
            /^(Ouvrir le chat|Fermer la discussion instantanée|Menu d['’]actions supplémentaires)$/i,
          ],
        },
      },
      {
        phase: 'lobby',
        marker: {
          selectors: ['.lobby-screen', '.lobby-screen-content', '[data-testid="lobby.joiningMessage"]', '[data-testid="lobby.knockButton"]', 'input[name="lockKey"]'],
        },
      },
      {
        phase: 'pre-join',
        marker: { selectors: ['[data-testid="prejoin.screen"]', '#premeeting-name-input', '[data-testid="prejoin.joinMeeting"]', '.premeeting-screen'] },
      },
    ],
    // Without the app's state: the labels of older builds, then the tooltip texts.
    recording: {
      selectors: ['#recordingLabel', '[data-testid="recording-label"]'],
      labels: [/^This meeting is being recorded\.?$/i, /^Aufnahme läuft$/i, /^Enregistrement en cours$/i],
    },
    liveStream: { labels: [/^Streaming in progress$/i, /^Streaming läuft$/i, /^Diffusion en direct en cours$/i] },
    transcription: {
      selectors: ['#transcribingLabel', '[data-testid="transcribing-label"]'],
      labels: [/^This meeting is being transcribed\.?$/i, /^Die Konferenz wird transkribiert$/i, /^La transcription de la réunion est en cours$/i],
    },
    roster: {
      rows: ['span.videocontainer', '#localVideoContainer', '[id^="participant-item-"]'],
      name: ['.displayname', '[id$="_name"]'],
      where: WHERE_JITSI,
    },
  },
  readAppState: (app, read) => {
    const state = parseJitsiWire(app.jitsi);
    if (state) readJitsi(state, read);
  },
};

/** The app's own state outranks the page: phase, E2EE, recording, phone lines, an open room. */
function readJitsi(state: JitsiAppState, read: PageRead): void {
  if (state.joined) setPhase(read, 'in-call', JITSI_JOINED);
  else if (state.lobbyKnocking) setPhase(read, 'lobby', JITSI_KNOCKING);
  if (read.phase === 'no-call') return;

  read.e2ee = encryption(state);
  read.unreadable = read.unreadable.filter((u) => u !== 'e2ee' && (u !== 'call-state' || read.phase === 'unknown'));
  if (read.e2ee === null && read.phase === 'in-call') read.unreadable.push('e2ee');

  const participants = state.participants ?? [];
  const recording = [
    ...(state.fileRecording ? [JITSI_FILE_RECORDING] : []),
    ...(state.liveStreaming ? [JITSI_LIVE_STREAM] : []),
    ...participants.filter((p) => p.localRecording).map((p) => say(JITSI_LOCAL_RECORDING, p.name)),
  ];
  if (recording.length) read.recording = { evidence: [...recording, ...(read.recording?.evidence ?? [])] };
  if (state.transcribing) {
    read.transcription = { evidence: [JITSI_TRANSCRIBER, ...(read.transcription?.evidence ?? [])] };
  }

  // The app knows who is in the call and who dialled in (jigasi): its list replaces the page's,
  // and names that look like numbers no longer count.
  if (state.participants) {
    read.participants = participants.filter((p) => p.phone).map((p) => ({ kind: 'phone' as const, name: p.name, evidence: JITSI_PHONE }));
    read.names = participants.map((p) => p.name);
    read.namesFrom = WHERE_JITSI;
    read.phoneNames = false;
    read.unreadable = read.unreadable.filter((u) => u !== 'participants');
  }

  // Only a joined client knows the room's settings: before that features/lobby.lobbyEnabled is
  // still its default false, which says nothing about the room.
  if (read.phase === 'in-call' && state.lobbyEnabled === false && state.passwordLocked === false) {
    read.meetingOpen = { evidence: [JITSI_OPEN_ROOM] };
  }
}

function setPhase(read: PageRead, phase: PageRead['phase'], evidence: string): void {
  read.phase = phase;
  read.phaseEvidence = [evidence];
}

/**
 * On only when this participant has E2EE on and nobody in the call has it off: Jitsi's own rule
 * for its E2EE label (numberOfParticipantsDisabledE2EE === 0; a phone line never has E2EE).
 */
function encryption(state: JitsiAppState): PageRead['e2ee'] {
  const without = (state.participants ?? []).filter((p) => p.e2ee !== true);
  if (state.e2eeEnabled === false) {
    return { state: 'off', source: 'ui', evidence: [JITSI_E2EE_OFF] };
  }
  if (state.e2eeEnabled !== true) return null;
  if (without.length > 0) {
    // Phone lines among them are named by dial-in-participant; here only who lacks E2EE.
    return { state: 'off', source: 'ui', evidence: [say(JITSI_E2EE_NOT_EVERYONE, without.length, without.map((p) => p.name).join(', '))] };
  }
  return { state: 'on', source: 'ui', evidence: [JITSI_E2EE_ON] };
}


/** What the vendor says of end-to-end encryption in the browser (applied by the background). */
export const fact: PlatformFact | null = {
  e2eeInBrowser: 'optional',
  statement: 'Jitsi Meet end-to-end encryption is off unless a participant turns it on in the security options',
  source: 'https://jitsi.org/e2ee-in-jitsi/',
};

/** Which signals are read, and the fixtures that prove it (docs/platforms.md). */
export const coverage: Coverage = {
  'call-state': { how: 'app', fixtures: ['in-call.html', 'e2ee-on.html'], note: 'APP.conference.isJoined(); on the page, the filmstrip (the pre-join screen has the hang-up button too)' },
  lobby: { how: 'app', fixtures: ['lobby.html'], note: 'features/lobby.knocking' },
  e2ee: { how: 'app', fixtures: ['e2ee-on.html', 'e2ee-partial.html'], note: 'on only when every participant has it: Jitsi\'s own rule for its E2EE label' },
  recording: { how: 'app', fixtures: ['recording.html', 'live-stream.html', 'local-recording.html'], note: 'file recording, live stream, and participants recording locally' },
  transcription: { how: 'app', fixtures: ['transcription.html', 'subtitles-only.html'] },
  'dial-in': { how: 'app', fixtures: ['dial-in.html'], note: 'jigasi participants; the app\'s word outranks names' },
  notetaker: { how: 'names', fixtures: ['notetaker.html'] },
  'meeting-open': { how: 'app', fixtures: ['open-meeting.html'], note: 'no lobby and no password' },
  'join-button': { how: 'page', fixtures: ['pre-join.html'] },
};
