import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ExtensionMessage } from '../core/messages';
import type { Report } from '../core/types';
import { t } from './i18n';
import { ReportView } from './ReportView';

/** The popup: the report of the active tab, or of `?tab=<id>`, kept live from storage.session. */
export function PopupApp({ tabParam }: { tabParam: string | null }) {
  const [tabId, setTabId] = useState<number | null>(tabParam ? Number(tabParam) : null);
  const [report, setReport] = useState<Report | null | undefined>(undefined);

  useEffect(() => {
    if (tabId !== null) return;
    browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => setTabId(tab?.id ?? -1));
  }, [tabId]);

  useEffect(() => {
    if (tabId === null) return;
    const key = `report:${tabId}`;
    browser.storage.session.get(key).then((items) => setReport((items[key] as Report | undefined) ?? null));
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && key in changes) setReport((changes[key]?.newValue as Report | undefined) ?? null);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [tabId]);

  if (report === undefined) return <p aria-busy="true">{t('popup_loading')}</p>;
  const recheck = () => void browser.runtime.sendMessage({ type: 'recheck', tabId: tabId ?? undefined } satisfies ExtensionMessage);
  return <ReportView report={report} onRecheck={recheck} />;
}
