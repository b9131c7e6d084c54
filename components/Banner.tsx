import { Component } from 'preact';
import { bannerContent, bannerPlacement, type BannerView, type Headline } from '../core/banner';
import type { BannerSettings } from '../core/messages';
import type { Level, Report } from '../core/types';
import { findingTitle, platformName, t } from './i18n';

/**
 * The join button's state, where the organisation asks for a confirmation before joining:
 * - guarded: CallGuard will hold the platform's join button and ask here;
 * - held: the user pressed it; the click waits for "Join anyway";
 * - unguarded: CallGuard did not recognise the join button, so it cannot ask (and says so).
 */
export type JoinState = 'none' | 'guarded' | 'held' | 'unguarded';

export interface BannerProps {
  report: Report;
  settings: BannerSettings;
  view: Exclude<BannerView, 'none'>;
  join: JoinState;
  onDismiss(): void;
  onDetails(): void;
  onExpand(): void;
  /** The user confirmed the held join with a real click. */
  onJoin(): void;
}

export const TOP_FINDINGS = 3;

/** A shape for each level, so the level never rests on colour alone (banner.css draws the outline). */
const LEVEL_MARK: Record<Level, string> = { danger: '!', warning: '!', unknown: '?', ok: '✓' };

/** Only web links: the policy validates supportUrl too, this is the last line. */
function safeSupportUrl(url: string): string | null {
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The banner's headline in the user's language (core/banner.ts decides what it is about). */
export function headlineText(headline: Headline): string {
  if ('finding' in headline) return findingTitle(headline.finding);
  if (headline.e2ee === 'on') return t('headline_e2ee_on');
  if (headline.e2ee === 'unknown') return t('headline_e2ee_unknown');
  return headline.platform ? t('headline_provider_access', platformName(headline.platform)) : t('headline_provider_access_generic');
}

/**
 * The in-page banner: full, compact or a pill (core/banner.ts says which). Lives in a closed
 * shadow root (banner-host). It never takes focus: the message is a live region (an alert for
 * danger, a status otherwise), its controls are reachable with Tab, and Escape inside it
 * dismisses it when allowed. A class component: it runs on every covered page, and preact/hooks
 * would add 2.5 KB there.
 */
export class Banner extends Component<BannerProps, { acknowledged: boolean }> {
  override state = { acknowledged: false };
  /** Where the keyboard user came from, so dismissing hands focus back to the call. */
  cameFrom: HTMLElement | null = null;

  render({ report, settings, view, join, onDismiss, onDetails, onExpand, onJoin }: BannerProps) {
    const { level } = report;
    const content = bannerContent(report);
    const headline = headlineText(content.headline);
    const mark = (
      <span class="mark" aria-hidden="true">
        {LEVEL_MARK[level]}
      </span>
    );
    const shape = `level-${level} place-${bannerPlacement(report.platform)}`;
    if (view === 'pill') {
      return (
        <button type="button" class={`pill ${shape}`} data-level={level} aria-label={t('banner_pill_label', headline)} onClick={onExpand}>
          {mark}
          <span class="headline">{headline}</span>
        </button>
      );
    }

    const full = view === 'full';
    const mustAcknowledge = full && settings.acknowledgeDanger && level === 'danger';
    const canDismiss = !mustAcknowledge || this.state.acknowledged;
    const listed = full ? content.listed : [];
    const top = listed.slice(0, TOP_FINDINGS);
    const supportUrl = full && settings.supportUrl ? safeSupportUrl(settings.supportUrl) : null;
    const dismiss = () => {
      if (!canDismiss) return;
      const back = this.cameFrom;
      onDismiss();
      if (back?.isConnected) back.focus();
    };

    return (
      <aside
        class={`banner ${view} ${shape}`}
        aria-label={t('banner_label')}
        data-level={level}
        data-view={view}
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
        <div class="message" role={level === 'danger' ? 'alert' : 'status'}>
          <p class="verdict">
            {mark}
            <span>
              <strong>{t('banner_title')}</strong> {headline}
            </span>
          </p>
          {top.length > 0 && (
            <ul class="findings">
              {top.map((f) => (
                <li key={f.id}>
                  {findingTitle(f.id)}
                </li>
              ))}
            </ul>
          )}
          {listed.length > top.length && <p class="more">{t('banner_more', String(listed.length - top.length))}</p>}
          {join !== 'none' && <p class="join">{t(`banner_join_${join}`)}</p>}
        </div>
        {full && settings.supportMessage && (
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
              <input type="checkbox" checked={this.state.acknowledged} onChange={(e) => this.setState({ acknowledged: e.currentTarget.checked })} />
              {t('banner_acknowledge')}
            </label>
          )}
          {join === 'held' && (
            <button
              type="button"
              class="join-anyway"
              disabled={!canDismiss}
              // A page can click inside the banner with synthetic events: only the user's own click confirms.
              onClick={(event) => event.isTrusted && onJoin()}
            >
              {t('banner_join_anyway')}
            </button>
          )}
          <button type="button" onClick={onDetails}>
            {t('banner_details')}
          </button>
          {full && (
            <button type="button" class="dismiss" onClick={dismiss} disabled={!canDismiss}>
              {t('banner_dismiss')}
            </button>
          )}
        </div>
      </aside>
    );
  }
}
