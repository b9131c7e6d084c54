// @vitest-environment happy-dom
// The banner and the popup in every language: every string resolves (no message key shows), and
// substitutions arrive in the text.
import { cleanup, render } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Banner } from '../../../components/Banner';
import { NoCallView } from '../../../components/PopupApp';
import { ReportView } from '../../../components/ReportView';
import { formatMessage, LANGUAGES, loadMessages } from '../support/locale';
import { DANGER, finding, report, settings } from '../support/reports';

afterEach(cleanup);

/** Text that looks like a message key (snake_case with a known prefix) or an unfilled $…$. */
const LEAK = /\b(?:banner|popup|finding|advice|verdict|severity|phase|e2ee|source|platform|badge_title|network_type|options)_[a-z_]+\b|\$[A-Z0-9_]+\$|\$\d/;

describe.each(LANGUAGES)('%s', (lang) => {
  const messages = loadMessages(lang);
  beforeEach(() => {
    fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) => formatMessage(messages, key, subs)) as never;
    fakeBrowser.i18n.getUILanguage = (() => lang) as never;
  });

  it('the banner shows no message keys', () => {
    const many = report('danger', [
      finding('platform-not-allowed', 'danger'),
      finding('e2ee-off', 'warning'),
      finding('recording', 'warning'),
      finding('travel', 'info'),
    ]);
    const { container } = render(
      <Banner report={many} settings={settings({ acknowledgeDanger: true, supportMessage: 'x', supportUrl: 'https://example.org/' })} onDismiss={vi.fn()} onDetails={vi.fn()} />,
    );
    expect(container.textContent).not.toMatch(LEAK);
    expect(container.textContent).toContain(formatMessage(messages, 'banner_more', '1'));
  });

  it('the popup shows no message keys, in or out of a call', () => {
    const { container } = render(
      <ReportView report={{ ...DANGER, findings: [...DANGER.findings, finding('travel', 'info', 'network')] }} onRecheck={vi.fn()} tabId={7} />,
    );
    expect(container.textContent).not.toMatch(LEAK);
    expect(container.textContent).toContain(formatMessage(messages, 'popup_sample'));
    cleanup();
    const noCall = render(<NoCallView watched={false} tabUrl="https://meet.example.org/room" />);
    expect(noCall.container.textContent).not.toMatch(LEAK);
    expect(noCall.container.textContent).toContain('meet.example.org');
  });
});
