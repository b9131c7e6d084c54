import type { ComponentChildren } from 'preact';
import { SETTING_MESSAGE_NAMES, type FieldError } from '../core/policy/form';
import type { PolicyKey } from '../core/policy/types';
import { t } from './i18n';
import { LockedNote } from './LockedNote';

/** What a setting's control needs to be labelled, described and disabled properly. */
export interface FieldControl {
  id: string;
  /** Ids of the help text, the locked note and the error, for aria-describedby. */
  describedBy: string;
  disabled: boolean;
  invalid: boolean;
}

export const settingLabel = (key: PolicyKey) => t(`options_setting_${SETTING_MESSAGE_NAMES[key]}`);
export const settingHelp = (key: PolicyKey) => t(`options_help_${SETTING_MESSAGE_NAMES[key]}`);

/**
 * One setting: its label, help, "Set by your organisation" when locked, the control, and the
 * error of the last save. `kind` decides the markup: a checkbox has its label after it; a group
 * (radio buttons, checkboxes, rows) is a fieldset whose legend names it; other controls get a
 * label above them.
 */
export function SettingField({
  name,
  kind,
  locked,
  error,
  children,
}: {
  name: PolicyKey;
  kind: 'checkbox' | 'input' | 'group';
  locked: boolean;
  error?: FieldError | undefined;
  children: (control: FieldControl) => ComponentChildren;
}) {
  const id = `setting-${name}`;
  const ids = { help: `${id}-help`, locked: `${id}-locked`, error: `${id}-error` };
  const describedBy = [ids.help, locked ? ids.locked : '', error ? ids.error : ''].filter(Boolean).join(' ');
  const control: FieldControl = { id, describedBy, disabled: locked, invalid: error !== undefined };
  const common = {
    class: `setting setting-${kind}${locked ? ' is-locked' : ''}${error ? ' has-error' : ''}`,
    'data-setting': name,
    'data-locked': locked ? 'true' : undefined,
  };
  const help = (
    <p class="help" id={ids.help}>
      {settingHelp(name)}
    </p>
  );
  const note = locked ? <LockedNote id={ids.locked} /> : null;
  const problem = error ? (
    <p class="error" id={ids.error} role="alert">
      {t(error.message, error.items.join(', '))}
    </p>
  ) : null;

  if (kind === 'group') {
    return (
      <fieldset {...common} disabled={locked} aria-describedby={describedBy}>
        <legend>{settingLabel(name)}</legend>
        {help}
        {note}
        {children(control)}
        {problem}
      </fieldset>
    );
  }
  if (kind === 'checkbox') {
    return (
      <div {...common}>
        <div class="checkbox-row">
          {children(control)}
          <label for={id}>{settingLabel(name)}</label>
        </div>
        {help}
        {note}
        {problem}
      </div>
    );
  }
  return (
    <div {...common}>
      <label for={id}>{settingLabel(name)}</label>
      {help}
      {note}
      {children(control)}
      {problem}
    </div>
  );
}
