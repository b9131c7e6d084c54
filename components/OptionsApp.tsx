import { browser } from 'wxt/browser';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { effectivePolicy, type EffectivePolicy } from '../core/policy/effective';
import {
  formFromPolicy,
  parseForm,
  userSettingsToSave,
  withLockedValues,
  SETTING_MESSAGE_NAMES,
  type FormErrors,
  type PolicyForm,
} from '../core/policy/form';
import { CONFIRM_LEVELS, type BannerMode, type PolicyKey } from '../core/policy/types';
import { FINDING_IDS, PLATFORM_IDS, SEVERITIES, type PlatformId, type Severity } from '../core/types';
import { findingTitle, t } from './i18n';
import { loadOptionsData, saveUserSettings, watchOptionsData, type OptionsData } from './options-data';
import { OptionsDiagnostics } from './OptionsDiagnostics';
import { OptionsSites, platformLabel } from './OptionsSites';
import { SettingField } from './SettingField';

type SaveStatus = 'idle' | 'saved' | 'invalid' | 'failed';
type Update = <K extends keyof PolicyForm>(key: K, value: PolicyForm[K]) => void;

const BANNER_MODES: BannerMode[] = ['always', 'risk', 'off'];

/**
 * The options page: every setting, editable unless the organisation set it (then disabled and
 * marked "Set by your organisation"), the problems found in the stored settings, and the sites
 * CallGuard covers. Saving validates everything and writes the user's settings to storage.local.
 */
export function OptionsApp({ load = loadOptionsData }: { load?: () => Promise<OptionsData> }) {
  const [data, setData] = useState<OptionsData | null>(null);
  const [form, setForm] = useState<PolicyForm | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const [status, setStatus] = useState<SaveStatus>('idle');
  const dirty = useRef(false);
  const effective = useMemo(() => (data ? effectivePolicy(data.user, data.admin) : null), [data]);

  useEffect(() => {
    let alive = true;
    const reload = () => void load().then((next) => alive && setData(next), () => {});
    reload();
    const stop = watchOptionsData(reload);
    return () => {
      alive = false;
      stop();
    };
  }, [load]);

  // A form nobody touched follows the stored settings; an edited one keeps its edits, but the
  // organisation's values always show in the locked settings.
  useEffect(() => {
    if (!effective) return;
    setForm((previous) =>
      previous && dirty.current ? withLockedValues(previous, effective.policy, effective.locked) : formFromPolicy(effective.policy),
    );
  }, [effective]);

  if (!data || !effective || !form) return <p aria-busy="true">{t('options_loading')}</p>;

  const update: Update = (key, value) => {
    dirty.current = true;
    setStatus('idle');
    setForm((previous) => (previous ? { ...previous, [key]: value } : previous));
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const parsed = parseForm(form, effective.policy, effective.locked);
    setErrors(parsed.errors);
    const invalid = Object.keys(parsed.errors) as PolicyKey[];
    if (invalid.length > 0) {
      setStatus('invalid');
      const first = document.querySelector<HTMLElement>(
        `[data-setting="${invalid[0]}"] :is(input, textarea, select):not(:disabled)`,
      );
      first?.focus();
      return;
    }
    try {
      await saveUserSettings(userSettingsToSave(parsed.values, effective.locked, data.user));
      dirty.current = false;
      setStatus('saved');
    } catch {
      setStatus('failed');
    }
  };

  const fields = { form, errors, effective, update };
  return (
    <main class="options">
      <h1>{t('options_title')}</h1>
      <p>{t('options_intro')}</p>
      <p class="about" data-field="about">
        {t('popup_version', browser.runtime.getManifest().version)}
        {effective.locked.length > 0 && ` · ${t('popup_managed')}`}
      </p>
      {effective.locked.length > 0 && (
        <p class="managed-summary" data-managed-summary>
          {t('options_managed_summary', String(effective.locked.length))}
        </p>
      )}
      <form onSubmit={save} noValidate aria-describedby="save-status">
        <section aria-labelledby="section-calls">
          <h2 id="section-calls">{t('options_section_calls')}</h2>
          <Checkbox name="requireE2EE" {...fields} />
          <Choice name="banner" values={BANNER_MODES} {...fields} />
          <Checkbox name="acknowledgeDanger" {...fields} />
          <Choice name="confirmBeforeJoin" values={CONFIRM_LEVELS} {...fields} />
        </section>
        <section aria-labelledby="section-network">
          <h2 id="section-network">{t('options_section_network')}</h2>
          <Lines name="trustedNetworks" {...fields} />
          <Checkbox name="trustVpn" {...fields} />
          <Lines name="homeTimeZones" {...fields} hint={t('options_timezone_here', deviceTimeZone())} />
          <Lines name="trustedInterceptionRoots" {...fields} />
        </section>
        <section aria-labelledby="section-platforms">
          <h2 id="section-platforms">{t('options_section_platforms')}</h2>
          <PlatformList name="allowedPlatforms" {...fields} />
          <PlatformList name="blockedPlatforms" {...fields} />
          <PlatformList name="acceptProviderEncryption" {...fields} />
          <SiteRows {...fields} />
        </section>
        <section aria-labelledby="section-severity">
          <h2 id="section-severity">{t('options_section_severity')}</h2>
          <SeverityChoice {...fields} />
        </section>
        <section aria-labelledby="section-support">
          <h2 id="section-support">{t('options_section_support')}</h2>
          <Checkbox name="allowNamesInExport" {...fields} />
          <Text name="supportMessage" {...fields} />
          <Text name="supportUrl" type="url" {...fields} />
        </section>
        <div class="save-row">
          <button type="submit" class="primary">
            {t('options_save')}
          </button>
          <p id="save-status" role="status" data-save-status={status}>
            {status === 'idle' ? '' : t(`options_status_${status}`)}
          </p>
        </div>
      </form>
      <OptionsDiagnostics diagnostics={effective.diagnostics} />
      <OptionsSites sites={effective.policy.conferenceSites} granted={data.granted} />
    </main>
  );
}

interface FieldsProps {
  form: PolicyForm;
  errors: FormErrors;
  effective: EffectivePolicy;
  update: Update;
}

const isLocked = (effective: EffectivePolicy, key: PolicyKey) => effective.locked.includes(key);

function Checkbox({ name, form, errors, effective, update }: FieldsProps & { name: 'requireE2EE' | 'trustVpn' | 'acknowledgeDanger' | 'allowNamesInExport' }) {
  return (
    <SettingField name={name} kind="checkbox" locked={isLocked(effective, name)} error={errors[name]}>
      {(c) => (
        <input
          type="checkbox"
          id={c.id}
          checked={form[name]}
          disabled={c.disabled}
          aria-describedby={c.describedBy}
          onChange={(e) => update(name, e.currentTarget.checked)}
        />
      )}
    </SettingField>
  );
}

function Lines({
  name,
  hint,
  form,
  errors,
  effective,
  update,
}: FieldsProps & { name: 'trustedNetworks' | 'homeTimeZones' | 'trustedInterceptionRoots'; hint?: string }) {
  return (
    <SettingField name={name} kind="input" locked={isLocked(effective, name)} error={errors[name]}>
      {(c) => (
        <>
          <textarea
            id={c.id}
            rows={3}
            spellcheck={false}
            autocomplete="off"
            value={form[name]}
            disabled={c.disabled}
            aria-invalid={c.invalid}
            aria-describedby={hint ? `${c.describedBy} ${c.id}-hint` : c.describedBy}
            onInput={(e) => update(name, e.currentTarget.value)}
          />
          {hint && (
            <p class="hint" id={`${c.id}-hint`}>
              {hint}
            </p>
          )}
        </>
      )}
    </SettingField>
  );
}

function Text({ name, type = 'text', form, errors, effective, update }: FieldsProps & { name: 'supportMessage' | 'supportUrl'; type?: string }) {
  return (
    <SettingField name={name} kind="input" locked={isLocked(effective, name)} error={errors[name]}>
      {(c) => (
        <input
          type={type}
          id={c.id}
          value={form[name]}
          disabled={c.disabled}
          aria-invalid={c.invalid}
          aria-describedby={c.describedBy}
          onInput={(e) => update(name, e.currentTarget.value)}
        />
      )}
    </SettingField>
  );
}

/** A setting with a few named values, as radio buttons: options_<name>_<value> says each. */
function Choice<K extends 'banner' | 'confirmBeforeJoin'>({ name, values, form, errors, effective, update }: FieldsProps & { name: K; values: readonly PolicyForm[K][] }) {
  return (
    <SettingField name={name} kind="group" locked={isLocked(effective, name)} error={errors[name]}>
      {(c) => (
        <div class="choices">
          {values.map((value) => (
            <label key={value}>
              <input type="radio" name={name} value={value} checked={form[name] === value} disabled={c.disabled} onChange={() => update(name, value)} />{' '}
              {t(`options_${SETTING_MESSAGE_NAMES[name]}_${value}`)}
            </label>
          ))}
        </div>
      )}
    </SettingField>
  );
}

function PlatformList({ name, form, errors, effective, update }: FieldsProps & { name: 'allowedPlatforms' | 'blockedPlatforms' | 'acceptProviderEncryption' }) {
  const toggle = (id: PlatformId, on: boolean) =>
    update(name, on ? [...form[name], id] : form[name].filter((other) => other !== id));
  return (
    <SettingField name={name} kind="group" locked={isLocked(effective, name)} error={errors[name]}>
      {(c) => (
        <div class="choices columns">
          {PLATFORM_IDS.map((id) => (
            <label key={id}>
              <input
                type="checkbox"
                value={id}
                checked={form[name].includes(id)}
                disabled={c.disabled}
                onChange={(e) => toggle(id, e.currentTarget.checked)}
              />{' '}
              {platformLabel(id)}
            </label>
          ))}
        </div>
      )}
    </SettingField>
  );
}

function SeverityChoice({ form, errors, effective, update }: FieldsProps) {
  const set = (id: (typeof FINDING_IDS)[number], value: string) => {
    const next = { ...form.severity };
    if (value === '') delete next[id];
    else next[id] = value as Severity;
    update('severity', next);
  };
  return (
    <SettingField name="severity" kind="group" locked={isLocked(effective, 'severity')} error={errors.severity}>
      {(c) => (
        <div class="severity-grid">
          {FINDING_IDS.map((id) => (
            <div class="severity-row" key={id}>
              <label for={`${c.id}-${id}`}>{findingTitle(id)}</label>
              <select
                id={`${c.id}-${id}`}
                data-finding={id}
                value={form.severity[id] ?? ''}
                disabled={c.disabled}
                onChange={(e) => set(id, e.currentTarget.value)}
              >
                <option value="">{t('options_severity_builtin')}</option>
                {SEVERITIES.map((severity) => (
                  <option key={severity} value={severity}>
                    {t(`severity_${severity}`)}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
      )}
    </SettingField>
  );
}

function SiteRows({ form, errors, effective, update }: FieldsProps) {
  const rows = form.conferenceSites;
  const change = (index: number, patch: Partial<(typeof rows)[number]>) =>
    update(
      'conferenceSites',
      rows.map((row, i) => (i === index ? { ...row, ...patch } : row)),
    );
  return (
    <SettingField name="conferenceSites" kind="group" locked={isLocked(effective, 'conferenceSites')} error={errors.conferenceSites}>
      {(c) => (
        <>
          {rows.length === 0 && <p class="hint">{t('options_sites_none')}</p>}
          <ul class="site-rows">
            {rows.map((row, index) => (
              <li key={index} class="site-row">
                <label>
                  {t('options_site_pattern', String(index + 1))}
                  <input
                    type="text"
                    spellcheck={false}
                    autocomplete="off"
                    placeholder="https://meet.example.org/*"
                    value={row.pattern}
                    disabled={c.disabled}
                    aria-invalid={c.invalid && errors.conferenceSites?.items.includes(row.pattern.trim())}
                    onInput={(e) => change(index, { pattern: e.currentTarget.value })}
                  />
                </label>
                <label>
                  {t('options_site_platform', String(index + 1))}
                  <select
                    value={row.platform}
                    disabled={c.disabled}
                    onChange={(e) => change(index, { platform: e.currentTarget.value as PlatformId })}
                  >
                    {PLATFORM_IDS.map((id) => (
                      <option key={id} value={id}>
                        {platformLabel(id)}
                      </option>
                    ))}
                  </select>
                </label>
                <button
                  type="button"
                  disabled={c.disabled}
                  onClick={() => update('conferenceSites', rows.filter((_, i) => i !== index))}
                >
                  {t('options_site_remove', String(index + 1))}
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            disabled={c.disabled}
            onClick={() => update('conferenceSites', [...rows, { pattern: '', platform: 'webrtc' }])}
          >
            {t('options_site_add')}
          </button>
        </>
      )}
    </SettingField>
  );
}

function deviceTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? '?';
  } catch {
    return '?';
  }
}
