import type { AppState, PageRead, PlatformId } from '../types';
import { pageView, quote, type PageView } from './page';
import type { DetectionSpec, Platform } from './platform';
import { readRoster, rosterRows } from './roster';

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
 * guard). The regions where participants write are excluded from every text match.
 */
export function readPage(platform: Platform, doc: Document, app: AppState): PageRead {
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

  // What the page shows; the background weighs it against the vendor's fact and the media path.
  const uncovered = notCovered(platform, view);
  read.e2ee = uncovered ? { state: 'off', source: 'ui', evidence: [uncovered] } : shownEncryption(platform, view);

  const recording = view.find(spec.recording);
  const liveStream = view.find(spec.liveStream);
  if (recording || liveStream) {
    read.recording = {
      evidence: [
        ...(recording ? [`${platform.name} shows recording: ${recording}`] : []),
        ...(liveStream ? [`${platform.name} shows a live stream (a recording anyone may watch): ${liveStream}`] : []),
      ],
    };
  }
  const transcription = view.find(spec.transcription);
  if (transcription) read.transcription = { evidence: [`${platform.name} shows transcription: ${transcription}`] };

  if (roster) {
    const list = readRoster(doc, roster, rows);
    read.participants = list.participants;
    read.names = list.names;
    read.namesFrom = roster.where;
    if (read.phase === 'in-call' && list.count === 0) read.unreadable.push('participants');
  }
  const external = view.find(spec.externalNotice);
  if (external) read.participants.push({ kind: 'external', name: '', evidence: `${platform.name} shows ${external}` });
  const open = meetingOpen(platform, view);
  if (open) read.meetingOpen = { evidence: [`${platform.name}: ${open}`] };

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
    read.phaseEvidence = [`host page of the ${platform.name} meeting frame (${frame}): the call is read inside the frame`];
    return;
  }
  for (const { phase, marker } of spec.phases) {
    const by = view.find(marker);
    if (by) {
      read.phase = phase;
      read.phaseEvidence = [`${platform.name} ${PHASE_WORDS[phase]}: ${by}`];
      return;
    }
  }
  read.unreadable.push('call-state');
}

const PHASE_WORDS = { lobby: 'lobby', 'pre-join': 'pre-join', 'in-call': 'in call', 'no-call': 'no call on this page' } as const;

function shownEncryption(platform: Platform, view: PageView): PageRead['e2ee'] {
  const encryption = platform.detect.encryption;
  if (!encryption) return null;
  const shown = (state: 'on' | 'off', evidence: string, source: 'ui' | 'platform' = 'ui'): PageRead['e2ee'] => ({ state, source, evidence: [evidence] });
  const off = view.find(encryption.off);
  if (off) return shown('off', `${platform.name} shows it is not end-to-end encrypted: ${off}`);
  const on = view.find(encryption.on);
  if (on) return shown('on', `${platform.name} shows end-to-end encryption: ${on}`);
  // The platform's encryption is opt-in and shows when on: its absence is the platform's "off".
  return encryption.offWithoutOn ? shown('off', encryption.offWithoutOn, 'platform') : null;
}

function notCovered(platform: Platform, view: PageView): string | null {
  const rule = platform.detect.encryption?.notCovered;
  const by = rule ? view.find(rule.marker) : null;
  return by && rule ? `${rule.meaning} (${by})` : null;
}

function meetingOpen(platform: Platform, view: PageView): string | null {
  const spec = platform.detect.meetingOpen;
  if (!spec) return null;
  const by = view.find(spec) ?? chosen(view, spec.choices ?? []);
  if (by) return by;
  if (!spec.togglesOff?.length) return null;
  const toggles = spec.togglesOff.map((labels) => readToggle(view, labels));
  if (toggles.some((t) => !t || t.checked)) return null;
  return `${toggles.map((t) => t!.label).join(' and ')} ${toggles.length > 1 ? 'are' : 'is'} off`;
}

/** A labelled choice of the platform's whose current value matches: `"label" is "value"`. */
function chosen(view: PageView, choices: readonly { label: readonly RegExp[]; value: readonly RegExp[] }[]): string | null {
  if (choices.length === 0) return null;
  for (const el of view.search('select, [role="combobox"]')) {
    if (view.isParticipantText(el)) continue;
    const label = fieldLabel(el);
    const value = el.tagName === 'SELECT' ? ((el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '') : (el.getAttribute('aria-valuetext') ?? el.textContent ?? '');
    const shown = value.replace(/\s+/g, ' ').trim();
    const choice = choices.find((c) => c.label.some((p) => p.test(label)) && c.value.some((p) => p.test(shown)));
    if (choice) return `${quote(label)} is ${quote(shown)}`;
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
  return own.trim() ? own.replace(/\s+/g, ' ').trim() : fieldLabel(el);
}

/** A form field's label: its aria-label, else its <label>'s own words (without the field's). */
function fieldLabel(el: Element): string {
  const own = el.getAttribute('aria-label');
  if (own?.trim()) return own.replace(/\s+/g, ' ').trim();
  const byFor = el.id ? [...el.ownerDocument.querySelectorAll('label[for]')].find((l) => l.getAttribute('for') === el.id) : undefined;
  const label = byFor ?? el.closest('label');
  if (!label) return '';
  let text = '';
  for (const node of label.childNodes) if (node !== el && !node.contains(el)) text += node.textContent ?? '';
  return text.replace(/\s+/g, ' ').trim();
}
