import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { chromiumFlags, startStandIns } from '../stand-in/console-server';
import type { SyntheticShop } from '../stand-in/synthetic-shop';

/** The production build the tests and the demo load; nothing here builds it. */
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DB = 'order-sentinel';

export type StandIns = Awaited<ReturnType<typeof startStandIns>>;

export interface LaunchOptions {
  shop: SyntheticShop;
  variant?: Parameters<typeof startStandIns>[0]['variant'];
  faults?: Parameters<typeof startStandIns>[0]['faults'];
  headless?: boolean;
  /** Reuse a profile (to test a browser restart); a fresh temporary one otherwise. */
  userDataDir?: string;
  /** Defaults to the browser's own; set to check the English UI. */
  locale?: string;
  /**
   * The merchant's time zone as the browser sees it (badges display in it): the pages' emulated zone, and the
   * browser process's own, which the service worker (notification texts) has.
   */
  timezoneId?: string;
}

export interface SentinelBrowser {
  context: BrowserContext;
  standIns: StandIns;
  extensionId: string;
  userDataDir: string;
  serviceWorker(): Promise<Worker>;
  /** Opens a console page, e.g. `/orders/list`, at the real hostname. */
  openConsole(path: string): Promise<Page>;
  /** Opens an extension page such as `popup.html`. */
  openExtensionPage(path: string): Promise<Page>;
  /** All records of one object store of the extension's IndexedDB, read in the service worker. */
  readStore<T = unknown>(store: string): Promise<T[]>;
  /**
   * Approves optional host permissions as the browser's own extensions page would, so the extension's real
   * `permissions.request` from a click then resolves without the prompt a headless browser cannot answer.
   * The extension still has to ask: `permissions.contains` stays false until it does.
   */
  approveHostPermissions(origins: readonly string[]): Promise<void>;
  /** Stops the service worker the way Chromium does when it is idle; the next event restarts it. */
  stopServiceWorker(): Promise<void>;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

/**
 * Chromium flags from the toolchain notes: the console's and the couriers' hostnames go to the
 * stand-ins, every other name fails inside the browser, so no traffic leaves loopback.
 */
export function chromiumArgs(standIns: StandIns): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--test-type',
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
    ...chromiumFlags(standIns),
  ];
}

export async function launchSentinel(options: LaunchOptions): Promise<SentinelBrowser> {
  const standIns = await startStandIns({ shop: options.shop, variant: options.variant, faults: options.faults });
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'order-sentinel-profile-')));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: options.headless ?? true,
      ignoreHTTPSErrors: true,
      locale: options.locale,
      timezoneId: options.timezoneId,
      ...(options.timezoneId === undefined ? {} : { env: { ...process.env, TZ: options.timezoneId } }),
      viewport: { width: 1440, height: 900 },
      args: chromiumArgs(standIns),
    });
  } catch (error) {
    await standIns.close();
    throw error;
  }

  const serviceWorker = async (): Promise<Worker> => {
    const running = context.serviceWorkers().find((worker) => worker.url().startsWith('chrome-extension://'));
    return running ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  };
  const extensionId = new URL((await serviceWorker()).url()).host;

  return {
    context,
    standIns,
    extensionId,
    userDataDir,
    serviceWorker,
    async openConsole(path) {
      const page = await context.newPage();
      await page.goto(`https://mms.pinduoduo.com${path}`);
      return page;
    },
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async readStore<T>(store: string) {
      const worker = await serviceWorker();
      return worker.evaluate(
        ([dbName, storeName]) =>
          new Promise<T[]>((resolveRead, rejectRead) => {
            const open = indexedDB.open(dbName);
            open.onerror = () => rejectRead(open.error ?? new Error(`could not open ${dbName}`));
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains(storeName)) {
                db.close();
                resolveRead([]);
                return;
              }
              const request = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
              request.onsuccess = () => {
                db.close();
                resolveRead(request.result as T[]);
              };
              request.onerror = () => rejectRead(request.error ?? new Error(`could not read ${storeName}`));
            };
          }),
        [EXTENSION_DB, store] as const,
      );
    },
    async approveHostPermissions(origins) {
      const page = await context.newPage();
      await page.goto('chrome://extensions/');
      for (const origin of origins) {
        await page.evaluate(
          ([id, host]) =>
            (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } }).chrome.developerPrivate.addHostPermission(id, host),
          [extensionId, origin] as const,
        );
      }
      await page.close();
    },
    async stopServiceWorker() {
      // Chromium's own service-worker page stops a worker as the browser does when it is idle;
      // resolves once that page reports it stopped.
      const page = await context.newPage();
      await page.goto('chrome://serviceworker-internals/');
      const item = page.locator('.serviceworker-item', { hasText: `chrome-extension://${extensionId}/` });
      await item.getByRole('button', { name: 'Stop' }).click();
      await item.getByText('Running Status: STOPPED').waitFor({ timeout: 10_000 });
      await page.close();
    },
    async close(closeOptions) {
      await context.close().catch(() => undefined);
      await standIns.close();
      if (options.userDataDir === undefined && !closeOptions?.keepProfile) {
        await rm(userDataDir, { recursive: true, force: true });
      }
    },
  };
}
