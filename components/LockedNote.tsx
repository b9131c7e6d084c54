import { t } from './i18n';

/**
 * Marks a setting the organisation set: the control next to it is disabled, and this note (the
 * control's description, via aria-describedby) says why.
 */
export function LockedNote({ id }: { id: string }) {
  return (
    <p class="locked-note" id={id} data-locked-note>
      <svg class="lock" aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" focusable="false">
        <path
          fill="currentColor"
          d="M8 1a3.5 3.5 0 0 0-3.5 3.5V7H4a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-.5V4.5A3.5 3.5 0 0 0 8 1Zm-2 6V4.5a2 2 0 1 1 4 0V7H6Z"
        />
      </svg>{' '}
      {t('options_locked')}
    </p>
  );
}
