// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, expect, test, vi, type Mock } from 'vitest';
import { BackupSection } from '@/entrypoints/options/BackupSection';
import { exportJson } from '@/lib/backup/backup-json';
import type { SentinelDb } from '@/lib/db/schema';
import { DEFAULT_POLICY } from '@/lib/findings/policy';
import { ingestCapture } from '@/lib/ingest/ingest-capture';
import { HOUR, NOW, freshDb, listCapture, orderRow } from '../db/helpers';
import { catchWorkerMessages } from './fixtures';

// 导入备份 on the options page: the records are merged here, and the worker is told, so the toolbar count follows.

let db: SentinelDb;
let sent: Mock;

beforeEach(async () => {
  fakeBrowser.reset();
  db = await freshDb();
  sent = catchWorkerMessages();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  db.close();
});

const messageTypes = () => sent.mock.calls.map((call) => (call[0] as { type?: string }).type);

async function importFile(text: string): Promise<string> {
  render(<BackupSection db={db} lang="zh" />);
  const input = document.querySelector<HTMLInputElement>('input[name="import-backup"]')!;
  fireEvent.change(input, { target: { files: [new File([text], 'backup.json', { type: 'application/json' })] } });
  return waitFor(() => {
    const line = screen.getByTestId('backup-result').textContent ?? '';
    expect(line).not.toBe('');
    return line;
  });
}

test('a backup imported tells the worker that records changed (the toolbar count is read again)', async () => {
  const source = await freshDb();
  await ingestCapture(source, listCapture([orderRow('261120-000000000000061', { promise_shipping_time: Math.floor((NOW + HOUR) / 1000) })]), NOW, DEFAULT_POLICY);
  const backup = JSON.stringify(await exportJson(source, NOW));
  source.close();
  expect(await importFile(backup)).toContain('新增');
  expect(await db.orders.count()).toBe(1);
  expect(messageTypes()).toEqual(['storedRecordsChanged']);
});

test('a file that is no backup changes nothing and tells nobody', async () => {
  expect(await importFile('not json')).not.toContain('新增');
  expect(messageTypes()).toEqual([]);
});
