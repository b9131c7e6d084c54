import type { NetworkReport } from '../core/types';
import { localizeEvidence } from './evidence';
import { t } from './i18n';

/**
 * "This computer's connection": what CallGuard saw of this browser's own network, and plainly
 * that it is not about the other participants. TLS certificate and captive portal are read only
 * in Firefox; other browsers say "not checked in this browser".
 */
export function NetworkSection({ network }: { network: NetworkReport }) {
  // Firefox always reports a captive-portal state (at worst "unsupported"); null means a
  // browser without these APIs at all.
  const browserChecks = network.captivePortal !== null;
  return (
    <section aria-labelledby="network-heading" class="network">
      <h2 id="network-heading">{t('popup_network')}</h2>
      <p class="reach">{t('popup_reach')}</p>
      <p data-field="network-reason">{localizeEvidence(network.reason)}</p>
      <dl>
        <dt>{t('popup_public_address')}</dt>
        <dd data-field="public-address">{network.publicAddress ?? '—'}</dd>
        <dt>{t('popup_trusted_network')}</dt>
        <dd data-field="trusted" data-value={String(network.trusted)}>
          {network.trusted === true ? t('popup_trusted_yes') : network.trusted === false ? t('popup_trusted_no') : t('popup_trusted_unknown')}
        </dd>
        <dt>{t('popup_network_type')}</dt>
        <dd data-field="network-type">{network.networkType ? networkTypeName(network.networkType) : t('popup_not_exposed')}</dd>
        {network.relayProtocol && (
          <>
            <dt>{t('popup_relay')}</dt>
            <dd data-field="relay">{network.relayProtocol.toUpperCase()}</dd>
          </>
        )}
        <dt>{t('popup_tls')}</dt>
        <dd data-field="tls" data-value={tlsValue(network)}>
          {tlsText(network, browserChecks)}
        </dd>
        <dt>{t('popup_captive_portal')}</dt>
        <dd data-field="captive-portal" data-value={network.captivePortal ?? 'not-checked'}>
          {captiveText(network.captivePortal)}
        </dd>
        <dt>{t('popup_time_zone')}</dt>
        <dd data-field="time-zone">{network.timeZone ?? '—'}</dd>
      </dl>
    </section>
  );
}

/** "wifi" → "Wi-Fi" where a name is known; the browser's word otherwise. */
function networkTypeName(type: string): string {
  const safe = type.replace(/[^a-z0-9_]/gi, '_');
  const name = t(`network_type_${safe}`);
  return name === `network_type_${safe}` ? type : name;
}

function tlsValue(network: NetworkReport): string {
  const root = network.tlsRoot;
  if (network.tlsUntrusted) return 'untrusted';
  if (network.tls !== 'checked' || !root) return 'not-checked';
  if (root.builtIn === true) return 'built-in';
  if (root.builtIn === false) return root.trustedByPolicy ? 'trusted-by-policy' : 'not-built-in';
  return 'checked';
}

function tlsText(network: NetworkReport, browserChecks: boolean): string {
  const root = network.tlsRoot;
  const subject = root?.subject ?? root?.sha256 ?? '?';
  switch (tlsValue(network)) {
    case 'built-in':
      return t('popup_tls_built_in', subject);
    case 'trusted-by-policy':
      return t('popup_tls_trusted_root', subject);
    case 'not-built-in':
      return t('popup_tls_not_built_in', subject);
    case 'checked':
      return t('popup_tls_checked');
    case 'untrusted':
      return t('popup_tls_untrusted');
    default:
      return browserChecks ? t('popup_tls_not_checked_page') : t('popup_not_checked_browser');
  }
}

function captiveText(state: string | null): string {
  switch (state) {
    case null:
      return t('popup_not_checked_browser');
    case 'not_captive':
      return t('popup_captive_none');
    case 'locked_portal':
      return t('popup_captive_locked');
    case 'unlocked_portal':
      return t('popup_captive_unlocked');
    case 'unsupported':
      return t('popup_captive_unsupported');
    default:
      return t('popup_captive_unknown');
  }
}
