import {
  CHOICE,
  HOST_PAGE,
  LABELLED,
  PHASE_IN_CALL,
  PHASE_LOBBY,
  PHASE_NO_CALL,
  PHASE_PRE_JOIN,
  say,
  SHOWS_E2EE,
  SHOWS_LIVE_STREAM,
  SHOWS_NOT_E2EE,
  SHOWS_NOTICE,
  SHOWS_RECORDING,
  SHOWS_TRANSCRIPTION,
  TOGGLE_OFF,
  TOGGLES_OFF,
} from '../evidence';
import type { AppState, PageRead, PlatformId } from '../types';
import { collapse, pageView, quote, type PageView } from './page';
import type { DetectionSpec, Platform } from './platform';
import { readRoster, rosterRows, type RowMemo } from './roster';

export function emptyRead(platform: PlatformId): PageRead {
  return {
    platform,
    phase: 'unknown',
    phaseEvidence: [],
    e2ee: null,
    recording: null,
    transcription: null,
    participants: [],
    names: [],
    namesFrom: '',
    phoneNames: true,
    meetingOpen: null,
    unreadable: [],
    joinControl: false,
  };
}

/** Whether a URL of the platform's sites is one where a call can happen. */
export function isCallUrl(platform: Platform, url: URL): boolean {
  return platform.isCallUrl ? platform.isCallUrl(url) : true;
}

/**
 * Reads one document with a platform's declaration: phase, the platform's own encryption
 * indicator (weighed against its vendor fact), recording, live stream, transcription, flagged
 * participants and an open meeting. Never throws for any DOM the page can build (callers still
 * guard). The regions where participants write are excluded from every text match. `memo`: the
 * roster rows read before on this page (rowMemo), for a page read again and again.
 */
export function readPage(platform: Platform, doc: Document, app: AppState, memo?: RowMemo): PageRead {
  const spec = platform.detect;
  const read = emptyRead(platform.id);
  const roster = spec.roster;
  const rows = roster ? rosterRows(doc, roster) : [];
  const view = pageView(doc, participantRegions(spec), rows);

  readPhase(platform, view, read);
  if (read.phase === 'no-call') {
    platform.readAppState?.(app, read);
    return read;
  }
  if (read.phase !== 'in-call' && spec.joinControl) read.joinControl = view.find(spec.joinControl) !== null;

  // What the page shows; the background weighs it against the vendor's fact and the media path.
  const uncovered = notCovered(platform, view);
  read.e2ee = uncovered ? { state: 'off', source: 'ui', evidence: [uncovered] } : shownEncryption(platform, view, read.phase === 'in-call');

  const recording = view.find(spec.recording);
  const liveStream = view.find(spec.liveStream);
  if (recording || liveStream) {
    read.recording = {
      evidence: [
        ...(recording ? [say(SHOWS_RECORDING, platform.name, recording)] : []),
        ...(liveStream ? [say(SHOWS_LIVE_STREAM, platform.name, liveStream)] : []),
      ],
    };
  }
  const transcription = view.find(spec.transcription);
  if (transcription) read.transcription = { evidence: [say(SHOWS_TRANSCRIPTION, platform.name, transcription)] };

  if (roster) {
    const list = readRoster(doc, roster, rows, memo);
    read.participants = list.participants;
    read.names = list.names;
    read.namesFrom = roster.where;
    if (read.phase === 'in-call' && list.count === 0) read.unreadable.push('participants');
  }
  const external = view.find(spec.externalNotice);
  if (external) read.participants.push({ kind: 'external', name: '', evidence: say(SHOWS_NOTICE, platform.name, external) });
  const open = meetingOpen(platform, view);
  if (open) read.meetingOpen = { evidence: [say(LABELLED, platform.name, open)] };

  platform.readAppState?.(app, read);
  return read;
}

/** Where participants write: the declared regions, and the roster's rows and names. */
export function participantRegions(spec: DetectionSpec): string[] {
  return [...spec.participantText, ...(spec.roster ? [...spec.roster.rows, ...spec.roster.name] : [])];
}

function readPhase(platform: Platform, view: PageView, read: PageRead): void {
  const spec = platform.detect;
  const frame = spec.callFrames ? view.selector(spec.callFrames) : null;
  const showsCall = () => spec.phases.some(({ phase, marker }) => (phase === 'in-call' || phase === 'lobby') && view.find(marker));
  if (frame && !showsCall()) {
    read.phase = 'no-call';
    read.phaseEvidence = [say(HOST_PAGE, platform.name, frame)];
    return;
  }
  for (const { phase, marker } of spec.phases) {
    const by = view.find(marker);
    if (by) {
      read.phase = phase;
      read.phaseEvidence = [say(PHASE_EVIDENCE[phase], platform.name, by)];
      return;
    }
  }
  read.unreadable.push('call-state');
}

const PHASE_EVIDENCE = { lobby: PHASE_LOBBY, 'pre-join': PHASE_PRE_JOIN, 'in-call': PHASE_IN_CALL, 'no-call': PHASE_NO_CALL } as const;

function shownEncryption(platform: Platform, view: PageView, inCall: boolean): PageRead['e2ee'] {
  const encryption = platform.detect.encryption;
  if (!encryption) return null;
  const shown = (state: 'on' | 'off', evidence: string, source: 'ui' | 'platform' = 'ui'): PageRead['e2ee'] => ({ state, source, evidence: [evidence] });
  const off = view.find(encryption.off);
  if (off) return shown('off', say(SHOWS_NOT_E2EE, platform.name, off));
  const on = view.find(encryption.on);
  if (on) return shown('on', say(SHOWS_E2EE, platform.name, on));
  // The platform's encryption is opt-in and shows in the call when on: there its absence is the
  // platform's "off". Before joining, nothing is known to show it: no claim.
  return encryption.offWithoutOn && inCall ? shown('off', encryption.offWithoutOn, 'platform') : null;
}

function notCovered(platform: Platform, view: PageView): string | null {
  const rule = platform.detect.encryption?.notCovered;
  const by = rule ? view.find(rule.marker) : null;
  return by && rule ? say(rule.meaning, by) : null;
}

function meetingOpen(platform: Platform, view: PageView): string | null {
  const spec = platform.detect.meetingOpen;
  if (!spec) return null;
  const by = view.find(spec) ?? chosen(view, spec.choices ?? []);
  if (by) return by;
  if (!spec.togglesOff?.length) return null;
  const toggles = spec.togglesOff.map((labels) => readToggle(view, labels));
  if (toggles.some((t) => !t || t.checked)) return null;
  const labels = toggles.map((t) => t!.label);
  return labels.length > 1 ? say(TOGGLES_OFF, labels.slice(0, -1).join(', '), labels.at(-1)!) : say(TOGGLE_OFF, labels[0]!);
}

/** A labelled choice of the platform's whose current value matches: `"label" is "value"`. */
function chosen(view: PageView, choices: readonly { label: readonly RegExp[]; value: readonly RegExp[] }[]): string | null {
  if (choices.length === 0) return null;
  for (const el of view.search('select, [role="combobox"]')) {
    if (view.isParticipantText(el)) continue;
    const label = fieldLabel(el);
    const value = el.tagName === 'SELECT' ? ((el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '') : (el.getAttribute('aria-valuetext') ?? el.textContent ?? '');
    const shown = collapse(value);
    const choice = choices.find((c) => c.label.some((p) => p.test(label)) && c.value.some((p) => p.test(shown)));
    if (choice) return say(CHOICE, quote(label), quote(shown));
  }
  return null;
}

const TOGGLES = '[role="menuitemcheckbox"], [role="menuitem"][aria-checked], [role="switch"], [role="checkbox"], input[type="checkbox"]';

/** A labelled toggle of the platform's (menu checkbox, switch, checkbox) and whether it is on. */
function readToggle(view: PageView, labels: readonly RegExp[]): { checked: boolean; label: string } | null {
  for (const el of view.search(TOGGLES)) {
    if (view.isParticipantText(el)) continue;
    const label = toggleLabel(el);
    if (!label || !labels.some((p) => p.test(label))) continue;
    const checked =
      el.tagName === 'INPUT' ? (el as HTMLInputElement).checked || el.hasAttribute('checked') : el.getAttribute('aria-checked') === 'true';
    return { checked, label: quote(label) };
  }
  return null;
}

function toggleLabel(el: Element): string {
  const own = el.getAttribute('aria-label') ?? (el.tagName === 'INPUT' ? '' : (el.textContent ?? ''));
  return own.trim() ? collapse(own) : fieldLabel(el);
}

/** A form field's label: its aria-label, else its <label>'s own words (without the field's). */
function fieldLabel(el: Element): string {
  const own = el.getAttribute('aria-label');
  if (own?.trim()) return collapse(own);
  const byFor = el.id ? [...el.ownerDocument.querySelectorAll('label[for]')].find((l) => l.getAttribute('for') === el.id) : undefined;
  const label = byFor ?? el.closest('label');
  if (!label) return '';
  let text = '';
  for (const node of label.childNodes) if (node !== el && !node.contains(el)) text += node.textContent ?? '';
  return collapse(text);
}
