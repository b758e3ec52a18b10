// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { Options } from '@/entrypoints/options/Options';
import { settingsItem } from '@/lib/settings/settings-item';
import { settingsProblemsText } from '@/lib/settings/settings-problem-text';
import { checkSettingsCandidate } from '@/lib/settings/settings';
import { freshSettingsStore } from './fixtures';


beforeEach(async () => {
  await freshSettingsStore();
});
afterEach(cleanup);

test('the options page names stored problems in Chinese, each setting by its label on the page', async () => {
  await settingsItem.setValue({ language: 'zh', retentionDay: 30, retentionDays: 2, tracking: { dailyBudget: 5 } } as never);
  render(<Options />);
  const banner = await screen.findByTestId('stored-settings-errors');
  expect(banner.textContent).toBe(
    '已保存的设置有误，已改用默认值：未知的设置“retentionDay”；“已完结订单保留天数”须在 7–3650 之间（收到 2）；“每日查询上限”须在 10–100000 之间（收到 5）',
  );
});

test('a refused save reads in either language, a threshold named by its label', () => {
  const check = checkSettingsCandidate({ policyOverrides: { pickupHours: 0 }, colour: 'red' });
  if (check.ok) throw new Error('accepted');
  expect(settingsProblemsText(check.errors, 'zh')).toBe('未知的设置“colour”；“上传单号后多少小时内须有揽收记录”须在 1–720 之间（收到 0）');
  expect(settingsProblemsText(check.errors, 'en')).toBe(
    'Unknown setting “colour”; “Hours after uploading the tracking number by which the courier must scan the pickup” must be from 1 to 720 (got 0)',
  );
});
