import { emptyRead, type PlatformAdapter } from './adapter';
import { findSelector, findText, readNames } from './dom';
import { FACT_JITSI, platformEvidence } from './facts';
import { flagNames, uniqueParticipants } from './participants';

const PRE_JOIN_SELECTORS = ['.premeeting-screen', '#premeeting-name-input', '[data-testid="prejoin.joinMeeting"]'];
const LOBBY_SELECTORS = ['[data-testid="lobby.joiningMessage"]', '.lobby-screen'];
const IN_CALL_SELECTORS = ['[data-testid="toolbox.hangup"]', '.hangup-button', '#largeVideoContainer'];

const RECORDING_TEXT = [/currently being recorded/i, /wird (gerade )?aufgezeichnet/i, /en cours d['’]enregistrement|est enregistrée/i];
const TRANSCRIPTION_TEXT = [/being transcribed/i, /wird transkribiert/i, /est transcrite?|transcription en cours/i];
const RECORDING_LABELS = ['#recordingLabel', '[data-testid="recording-label"]'];
const TRANSCRIPTION_LABELS = ['#transcribingLabel', '[data-testid="transcribing-label"]'];

export const jitsi: PlatformAdapter = {
  id: 'jitsi',
  // The welcome page ("/") is not a room; any other path is a room name (8x8.vc: tenant/room).
  isCallUrl: (url) => url.pathname.length > 1 && !url.pathname.startsWith('/static/'),
  read(doc, app) {
    const read = emptyRead('jitsi');
    const state = app.jitsi;

    const preJoinBy = findSelector(doc, PRE_JOIN_SELECTORS);
    const lobbyBy = state?.lobbyKnocking ? 'app state features/lobby.knocking' : findSelector(doc, LOBBY_SELECTORS);
    const inCallBy = state?.joined ? 'app state APP.conference.isJoined()' : findSelector(doc, IN_CALL_SELECTORS);
    // The pre-join and lobby screens are drawn over the (empty) conference view, so they win.
    if (lobbyBy) {
      read.phase = 'lobby';
      read.phaseEvidence = [`lobby: ${lobbyBy}`];
    } else if (preJoinBy && !state?.joined) {
      read.phase = 'pre-join';
      read.phaseEvidence = [`pre-join screen: ${preJoinBy}`];
    } else if (inCallBy) {
      read.phase = 'in-call';
      read.phaseEvidence = [`in call: ${inCallBy}`];
    }

    // Jitsi's E2EE label is an icon without text: the app's own state is the reliable source.
    const fact = FACT_JITSI;
    if (state?.e2eeEnabled === true) {
      read.e2ee = { state: 'on', source: 'ui', evidence: ['Jitsi app state features/e2ee.enabled = true'] };
    } else if (state?.e2eeEnabled === false) {
      read.e2ee = {
        state: 'off',
        source: 'ui',
        evidence: ['Jitsi app state features/e2ee.enabled = false', platformEvidence(fact)],
      };
    } else {
      read.unreadable.push('e2ee');
    }

    const recordingBy = state?.recording
      ? 'app state features/recording: a file recording is on'
      : (findSelector(doc, RECORDING_LABELS) ?? findText(doc, RECORDING_TEXT));
    if (recordingBy) read.recording = { evidence: [`Jitsi shows recording: ${recordingBy}`] };
    const transcribingBy = state?.transcribing
      ? 'app state features/transcribing.isTranscribing = true'
      : (findSelector(doc, TRANSCRIPTION_LABELS) ?? findText(doc, TRANSCRIPTION_TEXT));
    if (transcribingBy) read.transcription = { evidence: [`Jitsi shows transcription: ${transcribingBy}`] };

    read.participants = uniqueParticipants([
      ...(state?.phoneParticipants ?? []).map((name) => ({
        kind: 'phone' as const,
        name,
        evidence: 'Jitsi marks this participant as a phone (jigasi) participant',
      })),
      ...flagNames(readNames(doc, '.displayname, [id$="_name"], .participant-name'), 'Jitsi participant name'),
    ]);

    // Only a joined client knows the room's settings: before that (pre-join, knocking in the lobby)
    // features/lobby.lobbyEnabled is still its default false, which says nothing about the room.
    if (read.phase === 'in-call' && state && state.lobbyEnabled === false && state.passwordLocked === false) {
      read.meetingOpen = { evidence: ['Jitsi app state: no lobby and no password on this room'] };
    }
    return read;
  },
};
