
/**
 * Jitsi Meet's own state (window.APP, read by the main-world probe): its E2EE, recording and
 * phone-participant indicators are icons without text, so the app's redux store is the reliable
 * source (jitsi-meet react/features/*; docs/evidence/jitsi.md). The probe runs in every page and
 * must stay tiny, so it sends the facts as a positional array (JITSI_FIELDS says which is which);
 * the isolated world turns them back into JitsiAppState and keeps only values of the expected
 * types (core/channel.ts).
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
