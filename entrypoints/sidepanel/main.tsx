import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp';

// The report beside the call: Chrome and Edge's side panel, Firefox's sidebar.
document.documentElement.lang = browser.i18n.getUILanguage();
render(<PopupApp beside tabParam={new URLSearchParams(location.search).get('tab')} />, document.getElementById('app')!);
