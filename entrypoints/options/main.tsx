import { render } from 'preact';
import { browser } from 'wxt/browser';
import { t } from '../../components/i18n';
import { OptionsApp } from '../../components/OptionsApp';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('options_title');
render(<OptionsApp />, document.getElementById('app')!);
