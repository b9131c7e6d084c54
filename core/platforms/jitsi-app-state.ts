import type { JitsiAppState, JitsiParticipant } from '../types';

/**
 * Jitsi Meet's own state (window.APP, read by the main-world probe): its E2EE, recording and
 * phone-participant indicators are icons without text, so the app's redux store is the reliable
 * source (jitsi-meet react/features/*; docs/evidence/jitsi.md). The probe runs in every page and
 * must stay tiny, so it sends the facts as a positional array (JITSI_FIELDS says which is which);
 * Jitsi's reader in the isolated world turns them back into JitsiAppState, keeping only values of
 * the expected types (parseJitsiWire): they come from the page.
 */
export const JITSI_FIELDS = [
  'joined',
  'e2eeEnabled',
  'participants',
  'fileRecording',
  'liveStreaming',
  'transcribing',
  'lobbyKnocking',
  'lobbyEnabled',
  'passwordLocked',
] as const;

/** Each participant as [name, phone (jigasi), E2EE on, recording locally]. */
export type JitsiParticipantWire = [unknown, unknown, unknown, unknown];

export function readJitsiAppState(win: unknown): { jitsi?: unknown[] } {
  try {
    const app = (win as { APP?: JitsiApp } | null)?.APP;
    const state = app?.store?.getState?.();
    if (!state) return {};
    const feature = (name: string) => state[`features/${name}`] ?? {};
    const remote = feature('base/participants').remote ?? [];
    const sessions: { mode?: string; status?: string }[] = feature('recording').sessionDatas ?? [];
    // A session that is on or about to be (Jitsi's own getActiveSession: status on or pending).
    const running = (mode: string) => sessions.some((s) => s?.mode === mode && s.status != 'off');
    const lobby = feature('lobby');
    const conference = feature('base/conference');
    return {
      jitsi: [
        app?.conference?.isJoined?.() === true,
        feature('e2ee').enabled,
        [...(remote instanceof Map ? remote.values() : Object.values(remote))]
          .filter((p) => p && !p.fakeParticipant)
          .map((p): JitsiParticipantWire => [p.name, p.isJigasi === true, p.e2eeEnabled, p.localRecording === true]),
        running('file'),
        running('stream'),
        feature('transcribing').isTranscribing,
        lobby.knocking,
        lobby.lobbyEnabled,
        !!conference.locked,
      ],
    };
  } catch {
    return {};
  }
}

interface JitsiApp {
  conference?: { isJoined?: () => boolean };
  store?: { getState?: () => Record<string, any> };
}

const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

/** The probe's positional Jitsi facts as JitsiAppState, values of the wrong type dropped; null without any. */
export function parseJitsiWire(wire: unknown[] | undefined): JitsiAppState | null {
  if (!wire) return null;
  // Every field a flag, but the participants: one loop over the names, not a line per field.
  const state: JitsiAppState = Object.fromEntries(JITSI_FIELDS.map((name, i) => [name, bool(wire[i])]));
  const participants = wire[JITSI_FIELDS.indexOf('participants')];
  state.participants = Array.isArray(participants) ? participants.slice(0, 5000).flatMap(parseJitsiParticipant) : undefined;
  return state;
}

function parseJitsiParticipant(raw: unknown): JitsiParticipant[] {
  if (!Array.isArray(raw)) return [];
  const [name, phone, e2ee, localRecording] = raw as unknown[];
  if (typeof name !== 'string' || name.length > 200) return [];
  return [{ name, phone: phone === true, e2ee: bool(e2ee), localRecording: localRecording === true }];
}
