import { useState } from 'preact/hooks';
import { PLATFORMS } from '../core/platforms/index';
import { planSiteScripts } from '../core/policy/sites';
import type { ConferenceSite } from '../core/policy/types';
import type { PlatformId } from '../core/types';
import { t } from './i18n';
import { requestSitesAccess } from './options-data';

/** A platform's name; its id where no name is translated yet. */
export function platformLabel(id: PlatformId): string {
  const key = `platform_${id.replace(/-/g, '_')}`;
  const name = t(key);
  return name === key ? id : name;
}

const hostOf = (pattern: string) => pattern.replace(/^[^:]+:\/\//, '').replace(/\/.*$/, '');

/**
 * The sites CallGuard covers: the built-in conference sites, and the sites the user or the
 * organisation added, each with whether CallGuard may run there. Sites still waiting for host
 * access get it with one click (one browser prompt for all of them).
 */
export function OptionsSites({ sites, granted }: { sites: ConferenceSite[]; granted: string[] }) {
  const [denied, setDenied] = useState(false);
  const plan = planSiteScripts(sites, granted);
  const status = (pattern: string) =>
    plan.register.includes(pattern) ? 'granted' : plan.builtIn.includes(pattern) ? 'builtin' : 'needed';
  const grant = async () => {
    // Straight from the click, so the browser sees a user gesture.
    setDenied(!(await requestSitesAccess(plan.needAccess)));
  };
  return (
    <section class="covered" aria-labelledby="section-covered">
      <h2 id="section-covered">{t('options_covered')}</h2>
      <h3>{t('options_covered_builtin')}</h3>
      <ul class="covered-builtin">
        {PLATFORMS.filter((p) => p.matches.length > 0).map(({ id, matches: patterns }) => (
          <li key={id} data-platform={id}>
            {platformLabel(id)}: {patterns.map(hostOf).join(', ')}
          </li>
        ))}
      </ul>
      <h3>{t('options_covered_added')}</h3>
      {sites.length === 0 ? (
        <p>{t('options_sites_none')}</p>
      ) : (
        <ul class="covered-added">
          {sites.map((site) => (
            <li key={site.pattern} data-site={site.pattern} data-site-status={status(site.pattern)}>
              <code>{site.pattern}</code> ({platformLabel(site.platform)}): {t(`options_site_status_${status(site.pattern)}`)}
            </li>
          ))}
        </ul>
      )}
      {plan.needAccess.length > 0 && (
        <p>
          <button type="button" class="primary" data-grant-access onClick={grant}>
            {t('options_grant_access')}
          </button>
        </p>
      )}
      {denied && (
        <p class="error" role="alert">
          {t('options_grant_denied')}
        </p>
      )}
    </section>
  );
}
