// Loads a stored history (a backup document, e.g. tests/stand-in/shop-month.ts's month) into the loaded
// extension's IndexedDB, as fast as raw IndexedDB writes it: from an extension page, after the extension's own
// Dexie has created the schema, in put transactions of CHUNK records. `copies` replicates the shop as further
// shops (`<shopId>-2`, `<shopId>-3`, …) to reach 100,000 orders from a month of 10,000.
import { BACKUP_TABLES, type BackupDocument } from '../../lib/backup/backup-json';
import { EXTENSION_DB, type SentinelBrowser } from './browser';

const CHUNK = 2_000;
/** How long the extension may take to create its database. */
const SCHEMA_WAIT_MS = 15_000;

export interface SeedOptions {
  /** How many shops to write (1: the document's own only). */
  copies?: number;
}

export async function seedExtensionHistory(browser: SentinelBrowser, doc: BackupDocument, options: SeedOptions = {}): Promise<void> {
  const copies = options.copies ?? 1;
  if (!Number.isInteger(copies) || copies < 1) throw new RangeError(`copies must be a whole number from 1, got ${copies}`);
  const shopIds = new Set((doc.tables.shops as Array<{ shopId: string }>).map((shop) => shop.shopId));
  if (copies > 1 && shopIds.size !== 1) throw new Error(`copies need a document of one shop, this one has ${shopIds.size}`);
  const [shopId = ''] = shopIds;

  // The options page opens the database through the extension's Dexie (components/use-database.ts).
  const page = await browser.openExtensionPage('options.html');
  try {
    await page.evaluate(
      async ([name, stores, waitMs]) => {
        const deadline = Date.now() + waitMs;
        for (;;) {
          const known = (await indexedDB.databases()).find((db) => db.name === name);
          if (known !== undefined && (known.version ?? 0) > 0) {
            const db = await new Promise<IDBDatabase>((resolve, reject) => {
              // No version: the one the extension created.
              const open = indexedDB.open(name);
              open.onsuccess = () => resolve(open.result);
              open.onerror = () => reject(open.error ?? new Error(`could not open ${name}`));
            });
            const missing = stores.filter((store) => !db.objectStoreNames.contains(store));
            db.close();
            if (missing.length === 0) return;
            if (Date.now() > deadline) throw new Error(`${name} has no store ${missing.join(', ')}`);
          } else if (Date.now() > deadline) {
            throw new Error(`the extension did not create ${name} within ${waitMs} ms`);
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      },
      [EXTENSION_DB, [...BACKUP_TABLES], SCHEMA_WAIT_MS] as const,
    );
    for (const store of BACKUP_TABLES) {
      const records = doc.tables[store];
      for (let start = 0; start < records.length; start += CHUNK) {
        // As JSON text: Playwright's own serialization of deep objects is many times slower.
        await page.evaluate(writeChunk, { name: EXTENSION_DB, store, records: JSON.stringify(records.slice(start, start + CHUNK)), shopId, copies });
      }
    }
  } finally {
    await page.close();
  }
}

interface Chunk {
  name: string;
  store: string;
  /** The records as JSON. */
  records: string;
  shopId: string;
  copies: number;
}

/**
 * Runs in the page: puts the records, once per copy, in one transaction. A copy's records carry its shop id
 * wherever the shop id is stored: every record's `shopId` (the first part of every key) and the orders'
 * open-kind tags (`<shopId>|<kind>`, lib/db/records.ts openKindTag). Self-contained: it is sent to the page.
 */
async function writeChunk({ name, store, records, shopId, copies }: Chunk): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error(`could not open ${name}`));
  });
  const rows = JSON.parse(records) as Array<Record<string, unknown>>;
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(store, 'readwrite');
      const table = tx.objectStore(store);
      for (let copy = 1; copy <= copies; copy += 1) {
        const copyId = copy === 1 ? shopId : `${shopId}-${copy}`;
        for (const record of rows) {
          if (copy === 1) {
            table.put(record);
            continue;
          }
          const copied: Record<string, unknown> = { ...record, shopId: copyId };
          if (Array.isArray(record.openKindTags)) {
            copied.openKindTags = (record.openKindTags as string[]).map((tag) => (tag.startsWith(`${shopId}|`) ? `${copyId}${tag.slice(shopId.length)}` : tag));
          }
          table.put(copied);
        }
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error(`writing ${store} failed`));
      tx.onabort = () => reject(tx.error ?? new Error(`writing ${store} was aborted`));
    });
  } finally {
    db.close();
  }
}
