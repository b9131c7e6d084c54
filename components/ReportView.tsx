import type { Finding, Level, Report, Source } from '../core/types';
import { saveJson } from './download';
import { findingAdvice, findingTitle, formatTime, levelVerdict, messageKey, platformName, t } from './i18n';
import { NetworkSection } from './NetworkSection';
import { SampleButton } from './SampleButton';

/** Where "Check again" stands: idle, waiting for the page's answer, or the page did not answer. */
export type RecheckState = 'idle' | 'checking' | 'no-answer';

export interface ReportViewProps {
  report: Report;
  onRecheck(): void;
  recheck?: RecheckState;
  /** The tab the report is of: offers "Save a detection sample" of it. */
  tabId?: number;
}

const LEVEL_MARK: Record<Level, string> = { danger: '!', warning: '!', unknown: '?', ok: '✓' };

/** The full report: verdict first, then each finding with its evidence and what to do. */
export function ReportView({ report, onRecheck, recheck = 'idle', tabId }: ReportViewProps) {
  return (
    <article class={`report level-${report.level}`}>
      <header class="verdict-box">
        <span class="mark" aria-hidden="true">
          {LEVEL_MARK[report.level]}
        </span>
        <div>
          <h1 class="verdict" data-level={report.level}>
            {levelVerdict(report.level)}
          </h1>
          <p class="meta">
            {t('popup_platform')}:{' '}
            <span data-field="platform">{report.platform ? platformName(report.platform) : t('popup_unknown_platform')}</span> ·{' '}
            {t('popup_call_state')}: <span data-field="phase">{t(`phase_${messageKey(report.phase)}`)}</span>
          </p>
        </div>
      </header>
      <section aria-labelledby="findings-heading">
        <h2 id="findings-heading">{t('popup_findings')}</h2>
        {report.findings.length === 0 ? <p>{t('popup_no_findings')}</p> : <FindingList findings={report.findings} />}
      </section>
      <section aria-labelledby="encryption-heading">
        <h2 id="encryption-heading">{t('popup_encryption')}</h2>
        <p data-field="e2ee">{t(`e2ee_${report.e2ee}`)}</p>
        <Evidence items={report.e2eeEvidence} />
      </section>
      <NetworkSection network={report.network} />
      <footer>
        <div class="buttons">
          <button type="button" onClick={onRecheck}>
            {t('popup_check_again')}
          </button>
          <button type="button" onClick={() => exportReport(report)}>
            {t('popup_export')}
          </button>
        </div>
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

function FindingList({ findings }: { findings: Finding[] }) {
  return (
    <ul class="findings">
      {findings.map((f) => (
        <li key={f.id} class={`severity-${f.severity}`} data-finding={f.id}>
          <h3>
            <span class="severity">{t(`severity_${f.severity}`)}</span> {findingTitle(f.id)}
          </h3>
          <p class="advice">
            <span class="label">{t('popup_what_to_do')}</span> {findingAdvice(f.id)}
          </p>
          <Evidence items={f.evidence} source={f.source} />
        </li>
      ))}
    </ul>
  );
}

function Evidence({ items, source }: { items: string[]; source?: Source }) {
  if (items.length === 0) return null;
  return (
    <details class="evidence">
      <summary>{source ? t('popup_evidence_from', t(`source_${source}`)) : t('popup_evidence')}</summary>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </details>
  );
}

/** "Export report": the same JSON that is kept in storage.session. */
function exportReport(report: Report) {
  saveJson(`callguard-report-${report.updatedAt.replace(/[:.]/g, '-')}.json`, report);
}
