import { coverage as bigbluebutton } from './bigbluebutton';
import type { AppState } from '../types';
import type { PlatformCoverage } from './coverage';
import { coverage as discord } from './discord';
import { coverage as elementCall } from './element-call';
import { coverage as goto } from './goto';
import { coverage as slack } from './slack';
import { coverage as teams } from './teams';
import { coverage as webex } from './webex';
import { coverage as whatsapp } from './whatsapp';
import { coverage as whereby } from './whereby';
import { coverage as zoom } from './zoom';

/** Jitsi's app state as the main-world probe reads it from a joined conference. */
const jitsiApp = (over: NonNullable<AppState['jitsi']>): AppState => ({
  jitsi: {
    joined: true,
    e2eeEnabled: false,
    phoneParticipants: [],
    recording: false,
    transcribing: false,
    lobbyKnocking: false,
    lobbyEnabled: true,
    passwordLocked: false,
    ...over,
  },
});

/**
 * Every platform's coverage, in the order of DESIGN.md. Meet and Jitsi predate the per-adapter
 * declarations, so theirs are written here, proven on their fixtures like the others.
 */
export const PLATFORM_COVERAGE: readonly PlatformCoverage[] = [
  {
    platform: 'google-meet',
    name: 'Google Meet',
    tier: 1,
    coverage: {
      'call-state': { how: 'page', fixtures: ['in-call.html', 'in-call-de.html', 'in-call-fr.html'] },
      lobby: { how: 'page', fixtures: ['lobby.html'] },
      e2ee: { how: 'page+fact', fixtures: ['in-call.html', 'in-call-cse.html'], note: 'client-side encryption (CSE) indicator, else off by the platform fact' },
      recording: { how: 'page', fixtures: ['recording.html', 'in-call-de.html'] },
      transcription: { how: 'page', fixtures: ['transcription.html', 'in-call-fr.html'], note: 'also "Gemini is taking notes"' },
      'dial-in': { how: 'names', fixtures: ['dial-in.html'] },
      external: { how: 'page', fixtures: ['external.html'] },
      notetaker: { how: 'names', fixtures: ['notetaker.html'] },
    },
  },
  { platform: 'zoom', name: 'Zoom web client', tier: 1, coverage: zoom },
  { platform: 'teams', name: 'Microsoft Teams', tier: 1, coverage: teams },
  { platform: 'webex', name: 'Webex web app', tier: 1, coverage: webex },
  {
    platform: 'jitsi',
    name: 'Jitsi Meet',
    tier: 1,
    coverage: {
      'call-state': { how: 'page', fixtures: ['in-call.html', 'in-call-de.html'] },
      lobby: { how: 'page', fixtures: ['lobby.html'] },
      e2ee: { how: 'app', fixtures: ['in-call-e2ee.html'], app: jitsiApp({ e2eeEnabled: true }), note: 'features/e2ee.enabled' },
      recording: { how: 'app', fixtures: ['recording.html'], app: jitsiApp({ recording: true }) },
      transcription: { how: 'app', fixtures: ['in-call.html'], app: jitsiApp({ transcribing: true }) },
      'dial-in': { how: 'app', fixtures: ['dial-in.html'], app: jitsiApp({ phoneParticipants: ['+49 30 1234567'] }), note: 'jigasi participants' },
      'meeting-open': { how: 'app', fixtures: ['open-meeting.html'], app: jitsiApp({ lobbyEnabled: false }), note: 'no lobby and no password' },
    },
  },
  { platform: 'whereby', name: 'Whereby', tier: 2, coverage: whereby },
  { platform: 'element-call', name: 'Element Call', tier: 2, coverage: elementCall },
  { platform: 'discord', name: 'Discord', tier: 2, coverage: discord },
  { platform: 'slack', name: 'Slack huddles', tier: 2, coverage: slack },
  { platform: 'bigbluebutton', name: 'BigBlueButton', tier: 2, coverage: bigbluebutton },
  { platform: 'goto', name: 'GoTo Meeting', tier: 2, coverage: goto },
  { platform: 'whatsapp', name: 'WhatsApp Web', tier: 2, coverage: whatsapp },
];
