import { Component } from 'preact';
import { bannerPlacement } from '../core/banner';
import type { BannerSettings } from '../core/messages';
import type { Level, Report } from '../core/types';
import { findingTitle, levelVerdict, t } from './i18n';

export interface BannerProps {
  report: Report;
  settings: BannerSettings;
  onDismiss(): void;
  onDetails(): void;
}

export const TOP_FINDINGS = 3;

/** A shape for each level, so the level never rests on colour alone. */
const LEVEL_MARK: Record<Level, string> = { danger: '!', warning: '!', unknown: '?', ok: '✓' };

/** Only web links: the policy validates supportUrl too, this is the last line. */
function safeSupportUrl(url: string): string | null {
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * The in-page warning shown on joining a call. Lives in a closed shadow root (banner-host).
 * It never takes focus: it is announced through a live region (an alert for danger, a status
 * otherwise), its controls are reachable with Tab, and Escape inside it dismisses it when allowed.
 * A class component: it runs on every covered page, and preact/hooks would add 2.5 KB there.
 */
export class Banner extends Component<BannerProps, { acknowledged: boolean }> {
  override state = { acknowledged: false };
  /** Where the keyboard user came from, so dismissing hands focus back to the call. */
  cameFrom: HTMLElement | null = null;

  render({ report, settings, onDismiss, onDetails }: BannerProps) {
    const mustAcknowledge = settings.acknowledgeDanger && report.level === 'danger';
    const { acknowledged } = this.state;
    const setAcknowledged = (value: boolean) => this.setState({ acknowledged: value });
    const canDismiss = !mustAcknowledge || acknowledged;
    const top = report.findings.slice(0, TOP_FINDINGS);
    const more = report.findings.length - top.length;
    const supportUrl = settings.supportUrl ? safeSupportUrl(settings.supportUrl) : null;

    const dismiss = () => {
      if (!canDismiss) return;
      const back = this.cameFrom;
      onDismiss();
      if (back?.isConnected) back.focus();
    };

    return (
      <aside
        class={`banner level-${report.level} place-${bannerPlacement(report.platform)}`}
        aria-label={t('banner_label')}
        data-level={report.level}
        onFocusIn={(event) => {
          const from = event.relatedTarget as HTMLElement | null;
          if (from && !event.currentTarget.contains(from)) this.cameFrom = from;
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          // Escape here is ours: the call page must not also act on it.
          event.stopPropagation();
          dismiss();
        }}
      >
        <div class="message" role={report.level === 'danger' ? 'alert' : 'status'}>
          <p class="verdict">
            <span class="mark" aria-hidden="true">
              {LEVEL_MARK[report.level]}
            </span>
            <span>
              <strong>{t('banner_title')}</strong> {levelVerdict(report.level)}
            </span>
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
          {more > 0 && <p class="more">{t('banner_more', String(more))}</p>}
        </div>
        {settings.supportMessage && (
          <p class="support">
            {settings.supportMessage}
            {supportUrl && (
              <>
                {' '}
                <a href={supportUrl} target="_blank" rel="noopener noreferrer">
                  {t('banner_support_link')}
                </a>
              </>
            )}
          </p>
        )}
        <div class="actions">
          {mustAcknowledge && (
            <label class="acknowledge">
              <input type="checkbox" checked={acknowledged} onChange={(e) => setAcknowledged(e.currentTarget.checked)} />
              {t('banner_acknowledge')}
            </label>
          )}
          <button type="button" onClick={onDetails}>
            {t('banner_details')}
          </button>
          <button type="button" class="dismiss" onClick={dismiss} disabled={!canDismiss}>
            {t('banner_dismiss')}
          </button>
        </div>
      </aside>
    );
  }
}
