import { useState } from 'preact/hooks';
import type { BannerSettings } from '../core/messages';
import type { Report } from '../core/types';
import { findingTitle, levelVerdict, t } from './i18n';

export interface BannerProps {
  report: Report;
  settings: BannerSettings;
  onDismiss(): void;
  onDetails(): void;
}

const TOP_FINDINGS = 3;

/** The in-page warning shown on joining a call. Lives in a closed shadow root (banner-host). */
export function Banner({ report, settings, onDismiss, onDetails }: BannerProps) {
  const mustAcknowledge = settings.acknowledgeDanger && report.level === 'danger';
  const [acknowledged, setAcknowledged] = useState(false);
  const canDismiss = !mustAcknowledge || acknowledged;
  const top = report.findings.slice(0, TOP_FINDINGS);
  return (
    <section
      class={`banner level-${report.level}`}
      role={report.level === 'danger' ? 'alert' : 'status'}
      aria-live={report.level === 'danger' ? 'assertive' : 'polite'}
      aria-label={t('extensionName')}
      onKeyDown={(event) => event.key === 'Escape' && canDismiss && onDismiss()}
    >
      <p class="verdict">
        <strong>{t('extensionName')}:</strong> {levelVerdict(report.level)}
      </p>
      {top.length > 0 && (
        <ul class="findings">
          {top.map((f) => (
            <li key={f.id} class={`severity-${f.severity}`} data-finding={f.id}>
              {findingTitle(f.id)}
            </li>
          ))}
        </ul>
      )}
      {settings.supportMessage && (
        <p class="support">
          {settings.supportMessage}{' '}
          {settings.supportUrl && (
            <a href={settings.supportUrl} target="_blank" rel="noopener noreferrer">
              {t('banner_support_link')}
            </a>
          )}
        </p>
      )}
      <div class="actions">
        {mustAcknowledge && (
          <label class="acknowledge">
            <input type="checkbox" checked={acknowledged} onChange={(e) => setAcknowledged(e.currentTarget.checked)} />{' '}
            {t('banner_acknowledge')}
          </label>
        )}
        <button type="button" onClick={onDetails}>
          {t('banner_details')}
        </button>
        <button type="button" onClick={onDismiss} disabled={!canDismiss}>
          {t('banner_dismiss')}
        </button>
      </div>
    </section>
  );
}
