import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { EXTENSION_DIR } from '../harness/browser';

// The built manifests (npm test builds both before the e2e project runs): minimal permissions, courier
// hosts only as optional, and the page-world hook at document_start.

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: Array<{ matches: string[]; run_at?: string; world?: string; js: string[] }>;
  default_locale?: string;
}

const read = async (dir: string): Promise<Manifest> => JSON.parse(await readFile(resolve(dir, 'manifest.json'), 'utf8')) as Manifest;

test.each([
  ['chrome', EXTENSION_DIR],
  ['firefox', resolve(EXTENSION_DIR, '../firefox-mv3')],
])('%s manifest asks for no more than it needs', async (_browser, dir) => {
  const manifest = await read(dir);
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.default_locale).toBe('zh_CN');
  expect([...(manifest.permissions ?? [])].sort()).toEqual(['alarms', 'notifications', 'storage']);
  expect(manifest.host_permissions).toEqual(['https://mms.pinduoduo.com/*']);
  expect(manifest.optional_host_permissions).toEqual(['https://poll.kuaidi100.com/*', 'https://api.kdniao.com/*']);
  const hook = manifest.content_scripts?.find((script) => script.world === 'MAIN');
  expect(hook).toMatchObject({ matches: ['https://mms.pinduoduo.com/*'], run_at: 'document_start' });
  const bridge = manifest.content_scripts?.find((script) => script.world === undefined);
  expect(bridge).toMatchObject({ matches: ['https://mms.pinduoduo.com/*'], run_at: 'document_start' });
});
