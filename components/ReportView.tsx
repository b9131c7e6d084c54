import type { Finding, Report } from '../core/types';
import { findingAdvice, findingTitle, levelVerdict, t } from './i18n';

export interface ReportViewProps {
  report: Report | null;
  onRecheck(): void;
}

/** The full report: verdict first, then each finding with its evidence and what to do. */
export function ReportView({ report, onRecheck }: ReportViewProps) {
  if (!report || (!report.inCall && report.phase === 'no-call')) {
    return (
      <section class="no-call">
        <h1>{t('extensionName')}</h1>
        <p>{t('popup_no_call')}</p>
        <p>{t('popup_covers')}</p>
      </section>
    );
  }
  return (
    <article class={`report level-${report.level}`}>
      <header>
        <h1 class="verdict">{levelVerdict(report.level)}</h1>
        <p class="meta">
          {t('popup_platform')}: <span data-field="platform">{report.platform ?? t('popup_unknown_platform')}</span> ·{' '}
          {t('popup_call_state')}: <span data-field="phase">{t(`phase_${report.phase.replace('-', '_')}`)}</span>
        </p>
      </header>
      <section aria-labelledby="encryption-heading">
        <h2 id="encryption-heading">{t('popup_encryption')}</h2>
        <p data-field="e2ee">{t(`e2ee_${report.e2ee}`)}</p>
        <Evidence items={report.e2eeEvidence} />
      </section>
      <section aria-labelledby="findings-heading">
        <h2 id="findings-heading">{t('popup_findings')}</h2>
        {report.findings.length === 0 ? <p>{t('popup_no_findings')}</p> : <FindingList findings={report.findings} />}
      </section>
      <section aria-labelledby="network-heading">
        <h2 id="network-heading">{t('popup_network')}</h2>
        <p>{report.network.reason}</p>
        <dl>
          <dt>{t('popup_public_address')}</dt>
          <dd>{report.network.publicAddress ?? '—'}</dd>
          <dt>{t('popup_network_type')}</dt>
          <dd>{report.network.networkType ?? t('popup_not_exposed')}</dd>
        </dl>
        <p class="reach">{t('popup_reach')}</p>
      </section>
      <footer>
        <button type="button" onClick={onRecheck}>
          {t('popup_check_again')}
        </button>
        <button type="button" onClick={() => exportReport(report)}>
          {t('popup_export')}
        </button>
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
          <p class="advice">{findingAdvice(f.id)}</p>
          <Evidence items={f.evidence} />
        </li>
      ))}
    </ul>
  );
}

function Evidence({ items }: { items: string[] }) {
  if (items.length === 0) return null;
  return (
    <details class="evidence">
      <summary>{t('popup_evidence')}</summary>
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
  const url = URL.createObjectURL(new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `callguard-report-${report.updatedAt.replace(/[:.]/g, '-')}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
