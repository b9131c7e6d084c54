import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ExtensionMessage } from '../core/messages';
import { PLATFORMS } from '../core/platforms/index';
import { STORAGE, userSites } from '../core/storage';
import type { Report } from '../core/types';
import { platformName, t } from './i18n';
import { ReportView, type RecheckState } from './ReportView';
import { SampleButton } from './SampleButton';
import { requestSiteAccess, sitePatternFor } from './site-access';

/** How long "Check again" waits for the page to answer before saying it did not. */
export const RECHECK_TIMEOUT_MS = 5000;

/** The popup: the report of the active tab, or of `?tab=<id>`, kept live from storage.session. */
export function PopupApp({ tabParam }: { tabParam: string | null }) {
  const [tabId, setTabId] = useState<number | null>(tabParam ? Number(tabParam) : null);
  const [tabUrl, setTabUrl] = useState<string | undefined>(undefined);
  const [report, setReport] = useState<Report | null | undefined>(undefined);
  const [recheck, setRecheck] = useState<RecheckState>('idle');
  /** updatedAt of the report when "Check again" was pressed: a newer one is the answer. */
  const recheckFrom = useRef<string | null>(null);

  useEffect(() => {
    if (tabId !== null) {
      // The URL is there only where CallGuard may see it (its sites, or activeTab on a click).
      // (Chromium throws at once, not in the promise, for an id that cannot be a tab.)
      Promise.resolve(tabId)
        .then((id) => browser.tabs.get(id))
        .then((tab) => setTabUrl(tab?.url), () => {});
      return;
    }
    browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      setTabId(tab?.id ?? -1);
      setTabUrl(tab?.url);
    });
  }, [tabId]);

  useEffect(() => {
    if (tabId === null) return;
    const key = STORAGE.report(tabId);
    browser.storage.session.get(key).then((items) => setReport((items[key] as Report | undefined) ?? null));
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && key in changes) setReport((changes[key]?.newValue as Report | undefined) ?? null);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [tabId]);

  // A report newer than the one on screen when "Check again" was pressed is its answer.
  useEffect(() => {
    if (recheck !== 'idle' && report && report.updatedAt !== recheckFrom.current) setRecheck('idle');
  }, [report?.updatedAt]);

  useEffect(() => {
    if (recheck !== 'checking') return;
    const timer = setTimeout(() => setRecheck('no-answer'), RECHECK_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [recheck]);

  if (report === undefined) return <p aria-busy="true">{t('popup_loading')}</p>;
  const sampleTab = tabId !== null && tabId >= 0 ? tabId : undefined;
  if (!report || (!report.inCall && report.phase === 'no-call')) return <NoCallView watched={report !== null} tabUrl={tabUrl} tabId={sampleTab} />;

  const onRecheck = () => {
    recheckFrom.current = report.updatedAt;
    setRecheck('checking');
    browser.runtime.sendMessage({ type: 'recheck', tabId: tabId ?? undefined } satisfies ExtensionMessage).catch(() => setRecheck('no-answer'));
  };
  return <ReportView report={report} onRecheck={onRecheck} recheck={recheck} tabId={sampleTab} />;
}

type AddState = 'idle' | 'asking' | 'added' | 'already' | 'denied';

/**
 * No call here: say so, list what CallGuard covers, and offer to cover this site. On a site
 * CallGuard watches, a call it does not see is a page it reads wrongly: offer a detection sample.
 */
export function NoCallView({ watched, tabUrl, tabId }: { watched: boolean; tabUrl: string | undefined; tabId?: number }) {
  // A site CallGuard already runs on (watched) needs nothing; otherwise a web page can be added.
  const pattern = !watched && tabUrl ? sitePatternFor(tabUrl) : null;
  const host = pattern ? new URL(tabUrl!).hostname : null;
  const [state, setState] = useState<AddState>('idle');

  useEffect(() => {
    if (!pattern) return;
    userSites(browser.storage.local).then(
      (sites) => sites.some((s) => s.pattern === pattern) && setState((s) => (s === 'idle' ? 'already' : s)),
      () => {},
    );
  }, [pattern]);

  const add = async () => {
    setState('asking');
    try {
      setState((await requestSiteAccess(tabUrl!)) ? 'added' : 'denied');
    } catch {
      setState('denied');
    }
  };

  return (
    <section class="no-call" aria-labelledby="no-call-heading">
      <h1 id="no-call-heading">{t('popup_no_call')}</h1>
      <p>{watched ? t('popup_no_call_watching') : t('popup_no_call_hint')}</p>
      {watched && tabId !== undefined && <SampleButton tabId={tabId} />}
      {pattern && host && (
        <section class="add-site" aria-labelledby="add-site-heading">
          <h2 id="add-site-heading">{t('popup_add_site_heading')}</h2>
          {state === 'added' || state === 'already' ? null : (
            <>
              <p>{t('popup_add_site_hint', host)}</p>
              <button type="button" onClick={add} disabled={state === 'asking'}>
                {t('popup_add_site', host)}
              </button>
            </>
          )}
          <p role="status" class="add-result">
            {state === 'added' || state === 'already'
              ? t('popup_site_added', host)
              : state === 'denied'
                ? t('popup_site_denied')
                : ''}
          </p>
        </section>
      )}
      <h2 id="covered-heading">{t('popup_covered_sites')}</h2>
      <ul class="covered" aria-labelledby="covered-heading">
        {PLATFORMS.filter((p) => p.matches.length > 0).map(({ id, matches: patterns }) => (
          <li key={id} data-platform={id}>
            <span class="platform">{platformName(id)}</span> <span class="hosts">{patterns.map(hostOf).join(', ')}</span>
          </li>
        ))}
      </ul>
      <p class="covers-more">{t('popup_covers_more')}</p>
    </section>
  );
}

const hostOf = (pattern: string) => pattern.replace(/^[a-z*]+:\/\//, '').replace(/\/.*$/, '');
