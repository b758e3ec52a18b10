import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { PopupScreen } from '@/components/PopupScreen';
import { createPopupStore } from '@/components/popup-store';
import { useDatabase } from '@/components/use-database';
import { useSettings } from '@/components/settings-store';
import { browserConsoleTabs } from '@/lib/console-tabs';
import { detailUrl, ORDER_LIST_URL } from '@/lib/console-urls';
import { openDatabase } from '@/lib/db/open';
import { logFailure } from '@/lib/errors/error-message';
import { showOnConsole } from '@/lib/notifications/open-from-notification';

// Started when the page's script runs, before React's first render: the database's open and the mutes (in
// the store) run while the page is drawn, and the first read starts the moment the database is open, not a
// render later. The popup's page lives as long as the store, so nothing stops it.
const opening = openDatabase();
const openOnce = () => opening;
const store = createPopupStore();
void opening.then((result) => {
  if (result.ok) store.getState().start(result.db);
});

const links = {
  openConsole(url: string) {
    showOnConsole(browserConsoleTabs, url).catch(logFailure('opening the console'));
  },
  openOptions() {
    browser.runtime.openOptionsPage().catch(logFailure('opening the settings'));
  },
  openDashboard() {
    // Relative to the popup, so the extension's own /dashboard.html.
    browser.tabs.create({ url: '/dashboard.html' }).catch(logFailure('opening the dashboard'));
  },
  orderListUrl: ORDER_LIST_URL,
  detailUrl,
};

export function Popup() {
  const database = useDatabase(openOnce);
  const { lang, load, settings } = useSettings();
  useEffect(() => void load(), [load]);
  return (
    <PopupScreen
      store={store}
      db={database.state === 'open' ? database.db : null}
      openFailure={database.state === 'failed' ? database.message : null}
      lang={lang}
      service={settings.tracking.service}
      links={links}
    />
  );
}
