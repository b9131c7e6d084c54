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
import { LABELLED, NAME_PHONE_NUMBER, NO_TRUSTED_NETWORKS, say, SEEN_IN, WHERE_MEET } from '../../../core/evidence';
import type { Report } from '../../../core/types';

afterEach(cleanup);

/** Text that looks like a message key (snake_case with a known prefix) or an unfilled $…$. */
const LEAK = /\b(?:banner|popup|finding|advice|verdict|severity|phase|e2ee|source|platform|badge_title|network_type|options|evidence)_[a-z_]+\b|\$[A-Z0-9_]+\$|\$\d/;

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
      finding('dial-in-participant', 'warning'),
      finding('transcription', 'warning'),
      finding('travel', 'info'),
    ]);
    const actions = { onDismiss: vi.fn(), onDetails: vi.fn(), onExpand: vi.fn(), onJoin: vi.fn() };
    const full = settings({ acknowledgeDanger: true, supportMessage: 'x', supportUrl: 'https://example.org/' });
    const { container } = render(<Banner report={many} settings={full} view="full" join="held" {...actions} />);
    expect(container.textContent).not.toMatch(LEAK);
    expect(container.textContent).toContain(formatMessage(messages, 'banner_more', '1'));
    for (const [view, join, r] of [
      ['compact', 'unguarded', report('warning', [finding('e2ee-off', 'warning')])],
      ['pill', 'none', report('unknown', [])],
      ['compact', 'guarded', report('ok', [])],
      ['pill', 'none', report('warning', [finding('e2ee-off', 'warning')], { platform: 'webrtc' })],
    ] as const) {
      cleanup();
      const other = render(<Banner report={r} settings={full} view={view} join={join} {...actions} />);
      expect(other.container.textContent).not.toMatch(LEAK);
      expect(other.container.innerHTML).not.toMatch(LEAK);
    }
  });

  it('the popup shows no message keys, in or out of a call', () => {
    const timeline: Report['timeline'] = [
      { at: DANGER.updatedAt, event: 'call-joined', detail: 'google-meet' },
      { at: DANGER.updatedAt, event: 'finding-raised', findingId: 'recording', detail: 'x' },
      { at: DANGER.updatedAt, event: 'participant-joined', participant: 'phone', detail: '+49 30 ****4567' },
      { at: DANGER.updatedAt, event: 'participant-left', participant: 'bot', detail: '' },
      { at: DANGER.updatedAt, event: 'e2ee-confirmed', detail: '' },
      { at: DANGER.updatedAt, event: 'e2ee-dropped', detail: '' },
      { at: DANGER.updatedAt, event: 'finding-cleared', findingId: 'recording', detail: 'x' },
      { at: DANGER.updatedAt, event: 'call-left', detail: 'no-call' },
    ];
    const earlier = { ...finding('recording', 'warning'), active: false };
    const phoneLine = say(LABELLED, '+49 30 1234567', say(SEEN_IN, NAME_PHONE_NUMBER, WHERE_MEET));
    const dialIn = finding('dial-in-participant', 'warning', 'ui', [phoneLine]);
    const { container } = render(
      <ReportView
        report={{ ...DANGER, timeline, findings: [...DANGER.findings, finding('travel', 'info', 'network'), dialIn, earlier] }}
        onRecheck={vi.fn()}
        onSensitive={vi.fn()}
        onOpenBeside={vi.fn()}
        tabId={7}
      />,
    );
    expect(container.textContent).not.toMatch(LEAK);
    expect(container.textContent).toContain(formatMessage(messages, 'popup_sample'));
    // Evidence and the network reason in this language, the participant's number as it was.
    const phoneWhy = formatMessage(messages, 'evidence_seen_in', [formatMessage(messages, 'evidence_name_phone_number'), formatMessage(messages, 'evidence_where_meet')]);
    expect(container.textContent).toContain(formatMessage(messages, 'evidence_labelled', ['+49 30 1234567', phoneWhy]));
    expect(DANGER.network.reason).toBe(NO_TRUSTED_NETWORKS);
    expect(container.querySelector('[data-field="network-reason"]')!.textContent).toBe(formatMessage(messages, 'evidence_no_trusted_networks'));
    cleanup();
    const noCall = render(<NoCallView watched={false} tabUrl="https://meet.example.org/room" />);
    expect(noCall.container.textContent).not.toMatch(LEAK);
    expect(noCall.container.textContent).toContain('meet.example.org');
  });
});
