// Opens a stand-in console page in happy-dom, in process: page, scripts and XHRs are answered by the same
// router as the HTTPS server, through happy-dom's fetch interceptor (no network, no certificate).
// Used by make-snapshots.ts and the unit tests of the page scripts. The scripts are the stand-in's own.

import { Browser, type BrowserPage } from 'happy-dom';
import type { LoggedRequest } from './server/http';
import { createRouter, STAND_IN_HOSTS, type RouterOptions } from './server/router';

export interface HappyDomPage {
  page: BrowserPage;
  /** The page's window (happy-dom's BrowserWindow). */
  window: BrowserPage['mainFrame']['window'];
  /** API calls the page made. */
  requests: LoggedRequest[];
  /** Waits until pending scripts, requests and timers are done. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** `path` is a console path such as `/orders/list?tab=1`. */
export async function openStandInPage(options: RouterOptions & { path: string }): Promise<HappyDomPage> {
  const router = createRouter(options);
  const browser = new Browser({
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      navigator: { userAgent: 'Mozilla/5.0 (stand-in happy-dom)' },
      fetch: {
        interceptor: {
          async beforeAsyncRequest({ request, window }) {
            const url = new URL(request.url);
            const body = Buffer.from(await request.arrayBuffer());
            const answer = await router.handle({ host: url.hostname, method: request.method, url: url.pathname + url.search, body });
            return new window.Response(answer.status === 302 || answer.status === 204 ? null : answer.body, { status: answer.status, headers: answer.headers });
          },
        },
      },
    },
  });
  const page = browser.newPage();
  await page.goto(`https://${STAND_IN_HOSTS.console}${options.path}`);
  await page.waitUntilComplete();
  return {
    page,
    window: page.mainFrame.window,
    requests: router.requests,
    settle: () => page.waitUntilComplete(),
    close: () => browser.close(),
  };
}
