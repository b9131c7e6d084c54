import type { PolicyDiagnostic } from '../core/policy/validate';
import { t } from './i18n';

/** Everything ignored in the user's or the organisation's settings, and why. */
export function OptionsDiagnostics({ diagnostics }: { diagnostics: PolicyDiagnostic[] }) {
  return (
    <section class="diagnostics" aria-labelledby="section-diagnostics">
      <h2 id="section-diagnostics">{t('options_diagnostics')}</h2>
      {diagnostics.length === 0 ? (
        <p data-diagnostics-none>{t('options_diagnostics_none')}</p>
      ) : (
        <ul>
          {diagnostics.map((d, index) => (
            <li key={index} data-diagnostic={d.key} data-origin={d.origin} data-problem={d.problem}>
              {t(`options_diagnostic_${d.origin}`, [d.key === '' ? '—' : d.key, d.detail])}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
