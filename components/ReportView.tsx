import { useState } from 'preact/hooks';
import { bannerContent } from '../core/banner';
import type { Level, PlatformId, Report, ReportFinding, Source, TimelineEntry } from '../core/types';
import { headlineText } from './Banner';
import { localizeEvidence } from './evidence';
import { findingAdvice, findingTitle, formatTime, levelVerdict, messageKey, platformName, t } from './i18n';
import { NetworkSection } from './NetworkSection';
import { SampleButton } from './SampleButton';

/** Where "Check again" stands: idle, waiting for the page's answer, or the page did not answer. */
export type RecheckState = 'idle' | 'checking' | 'no-answer';

export interface ReportViewProps {
  report: Report;
  onRecheck(): void;
  recheck?: RecheckState;
  /** "This call is sensitive": E2EE required for this call only. */
  onSensitive?(sensitive: boolean): void;
  /** The popup's "Show beside the call" (the side panel or sidebar); absent in the panel itself. */
  onOpenBeside?(): void;
  /** Saves the report; names only when asked for. */
  onExport?(includeNames: boolean): void;
  /** The organisation allows names in exports (allowNamesInExport). */
  namesAllowed?: boolean;
  /** The tab the report is of: offers "Save a detection sample" of it. */
  tabId?: number;
}

const LEVEL_MARK: Record<Level, string> = { danger: '!', warning: '!', unknown: '?', ok: '✓' };

/** The full report: verdict first, then each finding with its evidence and what to do, then what happened. */
export function ReportView({ report, onRecheck, recheck = 'idle', onSensitive, onOpenBeside, onExport, namesAllowed = true, tabId }: ReportViewProps) {
  const [includeNames, setIncludeNames] = useState(false);
  const active = report.findings.filter((f) => f.active);
  const earlier = report.findings.filter((f) => !f.active);
  return (
    <article class={`report level-${report.level}`}>
      <header class="verdict-box">
        <span class="mark" aria-hidden="true">
          {LEVEL_MARK[report.level]}
        </span>
        <div>
          <h1 class="verdict" data-level={report.level}>
            {headlineText(bannerContent(report).headline)}
          </h1>
          <p class="level-words">{levelVerdict(report.level, report.e2ee)}</p>
          <p class="meta">
            {t('popup_platform')}:{' '}
            <span data-field="platform">{report.platform ? platformName(report.platform) : t('popup_unknown_platform')}</span> ·{' '}
            {t('popup_call_state')}: <span data-field="phase">{t(`phase_${messageKey(report.phase)}`)}</span>
          </p>
        </div>
      </header>
      {onSensitive && (
        <label class="sensitive">
          <input type="checkbox" checked={report.sensitive === true} onChange={(e) => onSensitive(e.currentTarget.checked)} />
          <span>
            {t('popup_sensitive')}
            <span class="hint">{t('popup_sensitive_hint')}</span>
          </span>
        </label>
      )}
      <section aria-labelledby="findings-heading">
        <h2 id="findings-heading">{t('popup_findings')}</h2>
        {active.length === 0 ? <p>{t('popup_no_findings')}</p> : <FindingList findings={active} platform={report.platform} />}
      </section>
      {earlier.length > 0 && (
        <section aria-labelledby="earlier-heading">
          <h2 id="earlier-heading">{t('popup_earlier')}</h2>
          <FindingList findings={earlier} platform={report.platform} />
        </section>
      )}
      <section aria-labelledby="encryption-heading">
        <h2 id="encryption-heading">{t('popup_encryption')}</h2>
        <p data-field="e2ee">{t(`e2ee_${report.e2ee}`)}</p>
        <Evidence items={report.e2eeEvidence} />
      </section>
      <NetworkSection network={report.network} />
      {report.timeline.length > 0 && <Timeline entries={report.timeline} />}
      <footer>
        <div class="buttons">
          <button type="button" onClick={onRecheck}>
            {t('popup_check_again')}
          </button>
          {onOpenBeside && (
            <button type="button" onClick={onOpenBeside}>
              {t('popup_open_beside')}
            </button>
          )}
          {onExport && (
            <button type="button" onClick={() => onExport(includeNames && namesAllowed)}>
              {t('popup_export')}
            </button>
          )}
        </div>
        {onExport && (
          <label class="include-names">
            <input type="checkbox" checked={includeNames && namesAllowed} disabled={!namesAllowed} onChange={(e) => setIncludeNames(e.currentTarget.checked)} />{' '}
            {t('popup_include_names')}
            {!namesAllowed && <span class="hint">{t('popup_names_not_allowed')}</span>}
          </label>
        )}
        <p class="checked" role="status" data-field="checked">
          {recheck === 'checking'
            ? t('popup_checking')
            : recheck === 'no-answer'
              ? t('popup_no_answer')
              : t('popup_checked_at', formatTime(report.updatedAt))}
        </p>
        {tabId !== undefined && <SampleButton tabId={tabId} />}
      </footer>
    </article>
  );
}

function FindingList({ findings, platform }: { findings: ReportFinding[]; platform: PlatformId | null }) {
  return (
    <ul class="findings">
      {findings.map((f) => (
        <li key={f.id} class={`severity-${f.severity}`} data-finding={f.id} data-active={String(f.active)}>
          <h3>
            <span class="severity">{t(`severity_${f.severity}`)}</span> {findingTitle(f.id)}
          </h3>
          {!f.active && <p class="seen">{t('popup_seen_between', [formatTime(f.firstSeen), formatTime(f.lastSeen)])}</p>}
          <p class="advice">
            <span class="label">{t('popup_what_to_do')}</span> {findingAdvice(f.id, platform)}
          </p>
          <Evidence items={f.evidence} source={f.source} />
        </li>
      ))}
    </ul>
  );
}

/** What happened in this call, newest first: the participant's kind and name, the finding's title. */
function Timeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('popup_timeline')}</h2>
      <ol class="timeline" reversed>
        {[...entries].reverse().map((entry, i) => (
          <li key={`${entry.at}-${i}`} data-event={entry.event}>
            <time dateTime={entry.at}>{formatTime(entry.at)}</time> {timelineText(entry)}
          </li>
        ))}
      </ol>
    </section>
  );
}

function timelineText(entry: TimelineEntry): string {
  const key = `timeline_${messageKey(entry.event)}`;
  if (entry.findingId) return t(key, findingTitle(entry.findingId));
  if (entry.participant) {
    const kind = t(`participant_${entry.participant}`);
    return t(key, entry.detail ? `${kind}: ${entry.detail}` : kind);
  }
  return t(key);
}

function Evidence({ items, source }: { items: string[]; source?: Source }) {
  if (items.length === 0) return null;
  return (
    <details class="evidence">
      <summary>{source ? t('popup_evidence_from', t(`source_${source}`)) : t('popup_evidence')}</summary>
      <ul>
        {items.map((item) => (
          <li key={item}>{localizeEvidence(item)}</li>
        ))}
      </ul>
    </details>
  );
}
