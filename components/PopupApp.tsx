import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { exportedReport } from '../core/export';
import type { ExtensionMessage } from '../core/messages';
import { effectivePolicy, type EffectivePolicy } from '../core/policy/effective';
import { PLATFORMS } from '../core/platforms/index';
import { STORAGE, userSites } from '../core/storage';
import type { Report } from '../core/types';
import { saveJson } from './download';
import { platformName, t } from './i18n';
import { loadOptionsData, watchOptionsData } from './options-data';
import { ReportView, type RecheckState } from './ReportView';
import { SampleButton } from './SampleButton';
import { requestSiteAccess, sitePatternFor } from './site-access';

/** How long "Check again" waits for the page to answer before saying it did not. */
export const RECHECK_TIMEOUT_MS = 5000;

/**
 * The popup and the side panel: the report of `?tab=<id>`, else of the active tab, kept live
 * from storage.session. The side panel (`beside`) follows the tab the user switches to.
 */
export function PopupApp({ tabParam, beside = false }: { tabParam: string | null; beside?: boolean }) {
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
    if (!beside || tabParam) return;
    const follow = ({ tabId: active }: { tabId: number }) => setTabId(active);
    browser.tabs.onActivated.addListener(follow);
    return () => browser.tabs.onActivated.removeListener(follow);
  }, []);

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

  const settings = useEffectivePolicy();
  if (report === undefined) return <p aria-busy="true">{t('popup_loading')}</p>;
  const sampleTab = tabId !== null && tabId >= 0 ? tabId : undefined;
  if (!report || (!report.inCall && report.phase === 'no-call')) {
    return (
      <>
        <NoCallView watched={report !== null} tabUrl={tabUrl} tabId={sampleTab} />
        <About settings={settings} />
      </>
    );
  }

  const onRecheck = () => {
    recheckFrom.current = report.updatedAt;
    setRecheck('checking');
    browser.runtime.sendMessage({ type: 'recheck', tabId: tabId ?? undefined } satisfies ExtensionMessage).catch(() => setRecheck('no-answer'));
  };
  const onSensitive = (sensitive: boolean) => {
    if (tabId !== null && tabId >= 0) browser.runtime.sendMessage({ type: 'set-sensitive', tabId, sensitive } satisfies ExtensionMessage).catch(() => {});
  };
  return (
    <>
      <ReportView
        report={report}
        onRecheck={onRecheck}
        recheck={recheck}
        onSensitive={onSensitive}
        onOpenBeside={beside || tabId === null || tabId < 0 ? undefined : () => openBeside(tabId)}
        onExport={settings ? (includeNames) => void saveExport(report, includeNames, settings) : undefined}
        namesAllowed={settings?.policy.allowNamesInExport ?? false}
        tabId={sampleTab}
      />
      <About settings={settings} />
    </>
  );
}

/** The effective settings (defaults, the user's, the organisation's), kept live; null while loading. */
function useEffectivePolicy(): EffectivePolicy | null {
  const [settings, setSettings] = useState<EffectivePolicy | null>(null);
  useEffect(() => {
    const load = () => loadOptionsData().then(({ user, admin }) => setSettings(effectivePolicy(user, admin)), () => setSettings(effectivePolicy(undefined, undefined)));
    load();
    return watchOptionsData(load);
  }, []);
  return settings;
}

/** Which CallGuard this is, and whether an organisation manages it (its settings: the options page). */
function About({ settings }: { settings: EffectivePolicy | null }) {
  const managed = (settings?.locked.length ?? 0) > 0;
  return (
    <p class="about" data-field="about">
      {t('popup_version', browser.runtime.getManifest().version)}
      {managed && (
        <>
          {' · '}
          <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener">
            {t('popup_managed')}
          </a>
        </>
      )}
    </p>
  );
}

/** "Export report": the report with placeholders for names unless asked for, as a file on the user's disk. */
async function saveExport(report: Report, includeNames: boolean, policy: EffectivePolicy) {
  const exported = exportedReport(report, {
    includeNames,
    extensionVersion: browser.runtime.getManifest().version,
    browser: await browserName(),
    policy,
    now: new Date(),
  });
  saveJson(`callguard-report-${report.updatedAt.replace(/[:.]/g, '-')}.json`, exported);
}

/** "Firefox 140.3.0" where the browser says (Firefox), else the user agent's own words. */
async function browserName(): Promise<string> {
  const info = await (browser.runtime as { getBrowserInfo?: () => Promise<{ name: string; version: string }> }).getBrowserInfo?.().catch(() => undefined);
  return info ? `${info.name} ${info.version}` : navigator.userAgent;
}

/**
 * The report beside the call, from a click here (both browsers open their panel only from the
 * user's own action, so nothing is awaited first): Chrome and Edge's side panel for this tab,
 * Firefox's sidebar.
 */
function openBeside(tabId: number) {
  if (browser.sidePanel?.open) {
    browser.sidePanel.setOptions({ tabId, path: `sidepanel.html?tab=${tabId}`, enabled: true }).catch(() => {});
    browser.sidePanel.open({ tabId }).then(() => window.close(), () => {});
  } else {
    // Firefox: one sidebar for the window, showing this call's report whichever tab is active.
    const sidebar = (browser as unknown as { sidebarAction?: { setPanel(details: { panel: string }): Promise<void>; open(): Promise<void> } }).sidebarAction;
    sidebar?.setPanel({ panel: browser.runtime.getURL(`/sidepanel.html?tab=${tabId}`) }).catch(() => {});
    sidebar?.open().then(() => window.close(), () => {});
  }
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
