// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Banner, TOP_FINDINGS } from '../../../components/Banner';
import { bannerPlacement } from '../../../core/banner';
import { PLATFORM_IDS } from '../../../core/types';
import type { BannerSettings } from '../../../core/messages';
import type { Report } from '../../../core/types';
import { useLocale } from '../support/locale';
import { DANGER, DIAL_IN, finding, OK, report, settings, UNKNOWN } from '../support/reports';

useLocale('en');
afterEach(cleanup);

function show(r: Report, s: BannerSettings = settings()) {
  const onDismiss = vi.fn();
  const onDetails = vi.fn();
  const view = render(<Banner report={r} settings={s} onDismiss={onDismiss} onDetails={onDetails} />);
  return { ...view, onDismiss, onDetails, banner: screen.getByRole('complementary', { name: 'CallGuard call privacy check' }) };
}

describe('Banner', () => {
  it('says the verdict and the top findings in plain words', () => {
    const { banner } = show(DIAL_IN);
    expect(banner.textContent).toContain('CallGuard: This call is not private.');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Not end-to-end encrypted', 'Someone is on a phone line']);
    expect(screen.queryByText(/more: see Details/)).toBeNull();
  });

  it(`shows at most ${TOP_FINDINGS} findings and counts the rest`, () => {
    const many = report('warning', [
      finding('e2ee-off', 'warning'),
      finding('recording', 'warning'),
      finding('transcription', 'warning'),
      finding('dial-in-participant', 'warning'),
      finding('external-participant', 'info'),
    ]);
    show(many);
    expect(screen.getAllByRole('listitem')).toHaveLength(TOP_FINDINGS);
    screen.getByText('and 2 more: see Details');
  });

  it.each<[Report, string]>([
    [DANGER, 'alert'],
    [DIAL_IN, 'status'],
    [OK, 'status'],
    [UNKNOWN, 'status'],
  ])('level %#: the message is a live region with role %s', (r, role) => {
    show(r);
    const region = screen.getByRole(role);
    expect(region.textContent).toContain('CallGuard:');
    // Only the message is live: the buttons are not read out with every update.
    expect(region.querySelector('button')).toBeNull();
  });

  it('the level is shown by a shape too, hidden from screen readers', () => {
    const marks = (r: Report) => {
      const { container, unmount } = show(r);
      const mark = container.querySelector('.mark')!;
      expect(mark.getAttribute('aria-hidden')).toBe('true');
      const text = mark.textContent;
      unmount();
      return text;
    };
    expect([marks(DANGER), marks(DIAL_IN), marks(UNKNOWN), marks(OK)]).toEqual(['!', '!', '?', '✓']);
  });

  it('Details and Dismiss are buttons that do what they say', () => {
    const { onDismiss, onDetails } = show(DIAL_IN);
    fireEvent.click(screen.getByRole('button', { name: 'Details' }));
    expect(onDetails).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('Escape inside the banner dismisses it, and the call page does not see that Escape', () => {
    const pageHeard = vi.fn();
    document.addEventListener('keydown', pageHeard);
    try {
      const { onDismiss } = show(DIAL_IN);
      fireEvent.keyDown(screen.getByRole('button', { name: 'Details' }), { key: 'Escape' });
      expect(onDismiss).toHaveBeenCalledOnce();
      expect(pageHeard).not.toHaveBeenCalled();
      fireEvent.keyDown(screen.getByRole('button', { name: 'Details' }), { key: 'Enter' });
      expect(onDismiss).toHaveBeenCalledOnce();
    } finally {
      document.removeEventListener('keydown', pageHeard);
    }
  });

  it('never takes the focus from the call, and gives it back when dismissed from the keyboard', () => {
    const outside = document.createElement('button');
    outside.textContent = 'Mute';
    document.body.append(outside);
    try {
      outside.focus();
      const { onDismiss } = show(DIAL_IN);
      expect(document.activeElement).toBe(outside);
      // Tab into the banner, then Escape: focus returns to the call's control.
      const details = screen.getByRole('button', { name: 'Details' });
      fireEvent.focusIn(details, { relatedTarget: outside });
      details.focus();
      fireEvent.keyDown(details, { key: 'Escape' });
      expect(onDismiss).toHaveBeenCalledOnce();
      expect(document.activeElement).toBe(outside);
    } finally {
      outside.remove();
    }
  });

  describe('with acknowledgeDanger', () => {
    const acknowledge = settings({ acknowledgeDanger: true });

    it('a danger banner cannot be dismissed (button or Escape) until the risk is confirmed', () => {
      const { onDismiss } = show(DANGER, acknowledge);
      const dismiss = screen.getByRole('button', { name: 'Dismiss' }) as HTMLButtonElement;
      expect(dismiss.disabled).toBe(true);
      fireEvent.keyDown(screen.getByRole('button', { name: 'Details' }), { key: 'Escape' });
      fireEvent.click(dismiss);
      expect(onDismiss).not.toHaveBeenCalled();

      fireEvent.click(screen.getByRole('checkbox', { name: 'I understand the risk' }));
      expect(dismiss.disabled).toBe(false);
      fireEvent.keyDown(screen.getByRole('checkbox'), { key: 'Escape' });
      expect(onDismiss).toHaveBeenCalledOnce();
    });

    it('a warning banner needs no confirmation', () => {
      const { onDismiss } = show(DIAL_IN, acknowledge);
      expect(screen.queryByRole('checkbox')).toBeNull();
      fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
      expect(onDismiss).toHaveBeenCalledOnce();
    });
  });

  describe("the organisation's support message", () => {
    it('shows the message and a link that opens apart from the call', () => {
      show(DIAL_IN, settings({ supportMessage: 'Questions? Call the security desk on 1234.', supportUrl: 'https://intranet.example.org/callguard' }));
      screen.getByText(/Questions\? Call the security desk on 1234\./);
      const link = screen.getByRole('link', { name: 'Get help' });
      expect(link.getAttribute('href')).toBe('https://intranet.example.org/callguard');
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toContain('noopener');
    });

    it('shows the message without a link when there is no URL, and never a non-https link', () => {
      show(DIAL_IN, settings({ supportMessage: 'Call 1234.', supportUrl: 'javascript:alert(1)' }));
      screen.getByText('Call 1234.');
      expect(screen.queryByRole('link')).toBeNull();
    });

    it('shows nothing when the organisation set no message', () => {
      const { container } = show(DIAL_IN, settings({ supportUrl: 'https://intranet.example.org/' }));
      expect(container.querySelector('.support')).toBeNull();
    });
  });

  describe('placement: never over the call controls', () => {
    it('top by default, bottom on Teams (its controls are at the top)', () => {
      expect(PLATFORM_IDS.filter((id) => bannerPlacement(id) === 'bottom')).toEqual(['teams']);
      expect(bannerPlacement(null)).toBe('top');
      expect(show(DIAL_IN).banner.className).toContain('place-top');
      cleanup();
      expect(show(report('warning', [], { platform: 'teams' })).banner.className).toContain('place-bottom');
    });
  });
});

describe('banner.css', () => {
  const css = fs.readFileSync(path.resolve(import.meta.dirname, '../../../components/banner.css'), 'utf8');

  it('animates only for people who have not asked for reduced motion', () => {
    const reduced = css.indexOf('@media (prefers-reduced-motion: no-preference)');
    expect(reduced).toBeGreaterThan(-1);
    const before = css.slice(0, reduced);
    expect(before).not.toMatch(/animation|transition/);
  });

  it('is compact: a capped height, so it never reaches the centre of the stage', () => {
    const rule = /\.banner \{([^}]*)\}/.exec(css)![1]!;
    expect(rule).toMatch(/max-height: min\(30vh, \d+px\)/);
    expect(rule).toMatch(/overflow: auto/);
    expect(css).toMatch(/\.place-top \{ top: 8px; \}/);
    expect(css).toMatch(/\.place-bottom \{ bottom: 8px; \}/);
  });
});
