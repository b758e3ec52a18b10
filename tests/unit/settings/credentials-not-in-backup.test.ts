import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { exportJson } from '../../../lib/backup/backup-json';
import { DEFAULT_POLICY } from '../../../lib/findings/policy';
import { ingestCapture } from '../../../lib/ingest/ingest-capture';
import { DEFAULT_SETTINGS } from '../../../lib/settings/settings';
import { saveSettings } from '../../../lib/settings/settings-item';
import { saveProviderCredentials } from '../../../lib/settings/tracking-credentials';
import { NOW, freshDb, listCapture, shippedRow } from '../db/helpers';

beforeEach(() => {
  fakeBrowser.reset();
});

test('a JSON backup carries the shop’s records and neither account’s secrets nor the tracking settings', async () => {
  const db = await freshDb();
  await ingestCapture(db, listCapture([shippedRow('261120-000000000000041', 'YT7000000000041', 5)]), NOW, DEFAULT_POLICY);
  await saveProviderCredentials('kuaidi100', { customer: 'SYNTH-CUSTOMER-41', key: 'synth-key-41' });
  await saveProviderCredentials('kdniao', { businessId: '1300041', apiKey: 'synth-api-key-41', requestType: '8001' });
  await saveSettings({ ...DEFAULT_SETTINGS, tracking: { service: 'kuaidi100', senderPhoneTail: '4141', dailyBudget: 900 } });

  const text = JSON.stringify(await exportJson(db, NOW));
  expect(text).toContain('YT7000000000041');
  for (const secret of ['SYNTH-CUSTOMER-41', 'synth-key-41', '1300041', 'synth-api-key-41', 'trackingCredentials']) expect(text, secret).not.toContain(secret);
  db.close();
});
