import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp';

document.documentElement.lang = browser.i18n.getUILanguage();
render(<PopupApp tabParam={new URLSearchParams(location.search).get('tab')} />, document.getElementById('app')!);
