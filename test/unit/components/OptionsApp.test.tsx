// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '../../../components/OptionsApp';

// English strings the way browser.i18n gives them ($NAME$ placeholders filled from $1…$9).
const messages = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../../public/_locales/en/messages.json'), 'utf8'),
) as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = messages[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : ([] as string[]).concat(substitutions);
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
    const content = Object.entries(entry.placeholders ?? {}).find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1].content;
    return content ? content.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '') : whole;
  });
}

const ADMIN = {
  requireE2EE: true,
  banner: 'off',
  conferenceSites: [{ pattern: 'https://meet.example.org/*', platform: 'jitsi' }],
  notACallGuardSetting: 1,
  trustedNetworks: ['10.0.0.0/8', 'nope'],
};

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.runtime.getManifest = (() => ({ manifest_version: 3, name: 'CallGuard', version: '0.2.0' })) as never;
  fakeBrowser.i18n.getMessage = getMessage as never;
});
afterEach(cleanup);

const userSettings = async () => (await fakeBrowser.storage.local.get('userSettings')).userSettings;
const field = (container: Element, key: string) => container.querySelector<HTMLElement>(`[data-setting="${key}"]`)!;

async function renderOptions() {
  const view = render(<OptionsApp />);
  await screen.findByRole('heading', { level: 1, name: 'CallGuard settings' });
  return view;
}

describe('options page', () => {
  it('shows the organisation\'s settings locked, with the reason, and the others editable', async () => {
    await fakeBrowser.storage.managed.set(ADMIN);
    const { container } = await renderOptions();
    const locked = [...container.querySelectorAll('[data-locked="true"]')].map((n) => n.getAttribute('data-setting'));
    expect(locked).toEqual(['requireE2EE', 'banner', 'trustedNetworks', 'conferenceSites']);

    const requireE2EE = screen.getByLabelText<HTMLInputElement>('Require end-to-end encryption');
    expect(requireE2EE.disabled).toBe(true);
    expect(requireE2EE.checked).toBe(true);
    const note = document.getElementById(requireE2EE.getAttribute('aria-describedby')!.split(' ')[1]!)!;
    expect(note.textContent).toContain('Set by your organisation');
    expect((field(container, 'banner') as HTMLFieldSetElement).disabled).toBe(true);
    expect(screen.getByLabelText<HTMLInputElement>('Never (the toolbar button still shows the report)').checked).toBe(true);
    expect(screen.getByLabelText<HTMLTextAreaElement>('Home time zones').disabled).toBe(false);
    screen.getByText('Your organisation sets 4 of these settings; they are locked.');
    expect(document.querySelector('[data-field="about"]')!.textContent).toBe('CallGuard 0.2.0 · Managed by your organisation');
  });

  it('lists what was ignored in the policy, and the covered sites with their access', async () => {
    await fakeBrowser.storage.managed.set(ADMIN);
    const { container } = await renderOptions();
    const diagnostics = [...container.querySelectorAll('[data-diagnostic]')].map((n) => n.textContent);
    expect(diagnostics).toEqual([
      'Organisation policy, notACallGuardSetting: not a CallGuard setting; ignored',
      'Organisation policy, trustedNetworks: item 1, "nope", is not a CIDR such as "203.0.113.0/24" or "2001:db8::/32"; ignored',
    ]);
    expect(container.querySelector('[data-platform="google-meet"]')!.textContent).toContain('meet.google.com');
    const site = container.querySelector('[data-site="https://meet.example.org/*"]')!;
    expect(site.getAttribute('data-site-status')).toBe('needed');
    expect(site.textContent).toContain('needs your permission');
  });

  it('asks for access to the sites that need it, in one request', async () => {
    await fakeBrowser.storage.managed.set(ADMIN);
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false as never);
    await renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Allow CallGuard on these sites' }));
    expect(request).toHaveBeenCalledWith({ origins: ['https://meet.example.org/*'] });
    await screen.findByText('Access was not granted: CallGuard cannot watch calls on these sites.');
  });

  it('says when nothing is wrong with the settings', async () => {
    await renderOptions();
    screen.getByText('None: every setting was read.');
    expect(document.querySelector('[data-locked]')).toBeNull();
  });

  it('refuses invalid input with an error next to the field, saving nothing', async () => {
    const { container } = await renderOptions();
    const zones = screen.getByLabelText<HTMLTextAreaElement>('Home time zones');
    fireEvent.input(zones, { target: { value: 'Europe/Paris\nMars/Olympus' } });
    fireEvent.submit(container.querySelector('form')!);
    const error = await screen.findByRole('alert');
    expect(error.textContent).toBe('Not a time zone name (such as Europe/Paris): Mars/Olympus');
    expect(zones.getAttribute('aria-invalid')).toBe('true');
    expect(zones.getAttribute('aria-describedby')).toContain(error.id);
    expect(document.activeElement).toBe(zones);
    screen.getByText('Not saved: correct the marked settings.');
    expect(await userSettings()).toBeUndefined();
  });

  it('saves valid settings to storage.local, without the organisation\'s values', async () => {
    await fakeBrowser.storage.managed.set(ADMIN);
    await fakeBrowser.storage.local.set({ userSettings: { banner: 'always' } });
    const { container } = await renderOptions();
    fireEvent.input(screen.getByLabelText('Home time zones'), { target: { value: 'Europe/Paris' } });
    fireEvent.click(screen.getByLabelText('Confirm danger warnings'));
    fireEvent.change(screen.getByLabelText('The call is being recorded'), { target: { value: 'danger' } });
    fireEvent.click(screen.getByLabelText(/^zoom$/i, { selector: '[data-setting="blockedPlatforms"] input' }));
    fireEvent.submit(container.querySelector('form')!);
    await screen.findByText('Saved.');
    expect(await userSettings()).toEqual({
      // The user's own banner choice stays stored under the lock; it applies if the lock goes.
      banner: 'always',
      homeTimeZones: ['Europe/Paris'],
      blockedPlatforms: ['zoom'],
      severity: { recording: 'danger' },
      acknowledgeDanger: true,
    });
  });

  it('adds and removes self-hosted sites', async () => {
    const { container } = await renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Add a site' }));
    fireEvent.input(screen.getByLabelText('Site 1 address pattern'), { target: { value: 'https://jitsi.example.org/*' } });
    fireEvent.change(screen.getByLabelText('Site 1 platform'), { target: { value: 'jitsi' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a site' }));
    fireEvent.input(screen.getByLabelText('Site 2 address pattern'), { target: { value: 'jitsi.example.org:8443' } });
    fireEvent.submit(container.querySelector('form')!);
    expect((await screen.findByRole('alert')).textContent).toContain('jitsi.example.org:8443');
    fireEvent.click(screen.getByRole('button', { name: 'Remove site 2' }));
    fireEvent.submit(container.querySelector('form')!);
    await screen.findByText('Saved.');
    expect(await userSettings()).toEqual({ conferenceSites: [{ pattern: 'https://jitsi.example.org/*', platform: 'jitsi' }] });
    await waitFor(() => expect(container.querySelector('[data-site="https://jitsi.example.org/*"]')).not.toBeNull());
  });

  it('follows a policy change live, keeping unsaved edits', async () => {
    await renderOptions();
    fireEvent.input(screen.getByLabelText('Home time zones'), { target: { value: 'Europe/Paris' } });
    await fakeBrowser.storage.managed.set({ requireE2EE: true });
    await waitFor(() => {
      const requireE2EE = screen.getByLabelText<HTMLInputElement>('Require end-to-end encryption');
      expect([requireE2EE.disabled, requireE2EE.checked]).toEqual([true, true]);
    });
    expect(screen.getByLabelText<HTMLTextAreaElement>('Home time zones').value).toBe('Europe/Paris');
  });

  it('gives every control an accessible name', async () => {
    await fakeBrowser.storage.managed.set(ADMIN);
    const { container } = await renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Add a site' }));
    for (const control of container.querySelectorAll<HTMLElement>('input, select, textarea, button')) {
      const labelled =
        control.closest('label') !== null ||
        (control.id !== '' && container.querySelector(`label[for="${control.id}"]`) !== null) ||
        (control.tagName === 'BUTTON' && control.textContent!.trim() !== '');
      expect(labelled, control.outerHTML.slice(0, 120)).toBe(true);
    }
    // Groups of controls are fieldsets named by their legend.
    for (const key of ['banner', 'allowedPlatforms', 'blockedPlatforms', 'severity', 'conferenceSites']) {
      const group = field(container, key);
      expect(group.tagName).toBe('FIELDSET');
      expect(group.querySelector('legend')!.textContent).not.toBe('');
    }
  });
});
