// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { useSettings } from '@/components/settings-store';
import { settingsItem } from '@/lib/settings/settings-item';
import { ThresholdSection } from '@/entrypoints/options/ThresholdSection';
import { freshSettingsStore } from './fixtures';


beforeEach(async () => {
  await freshSettingsStore();
  await useSettings.getState().load();
});
afterEach(cleanup);

const field = (label: string) => screen.getByLabelText<HTMLInputElement>(label, { exact: true });
const row = (key: string) => within(screen.getByTestId(`threshold-${key}`));
const status = () => screen.getByTestId('thresholds-save-result').textContent;
const storedOverrides = async () => (await settingsItem.getValue())?.policyOverrides;

test('each row shows its default, unit, source and confidence', () => {
  render(<ThresholdSection lang="zh" />);
  const pickup = row('pickupHours');
  expect(pickup.getByText('24 小时')).toBeDefined();
  expect(pickup.getByText('可信度中')).toBeDefined();
  // The source in the merchant's words; the rule id and key only in the label's tooltip.
  expect(pickup.getByText(/^平台规则：上传单号后24小时内无揽收记录判为虚假发货/)).toBeDefined();
  const text = screen.getByTestId('threshold-pickupHours').textContent;
  expect(text).not.toContain('R6');
  expect(text).not.toContain('pickupHours');
  expect(field('上传单号后多少小时内须有揽收记录').labels?.[0]?.title).toBe('R6 · pickupHours');
  expect(screen.getByRole('rowgroup', { name: '发货截止' })).toBeDefined();
});

test('a value out of range is refused beside its field as it is typed, and blocks the save', async () => {
  const user = userEvent.setup();
  render(<ThresholdSection lang="zh" />);
  const input = field('上传单号后多少小时内须有揽收记录');
  await user.clear(input);
  await user.type(input, '0');
  expect(input.getAttribute('aria-invalid')).toBe('true');
  const problem = document.getElementById(input.getAttribute('aria-describedby')!);
  expect(problem?.textContent).toBe('须在 1–720 小时 之间');

  await user.click(screen.getByRole('button', { name: '保存阈值' }));
  expect(status()).toBe('1 项阈值需要更正（已标红），未保存。');
  expect(document.activeElement).toBe(input);
  expect(await storedOverrides()).toBeUndefined();
});

test('the band rule: critical not narrower than warn is refused on the field, and per-row reset clears it', async () => {
  const user = userEvent.setup();
  render(<ThresholdSection lang="zh" />);
  const critical = field('发货截止前多少小时告急');
  await user.clear(critical);
  await user.type(critical, '12');
  expect(row('shipByCriticalHours').getByText('须小于“发货截止前多少小时提醒”（现为 12 小时）：告急要比提醒更临近截止')).toBeDefined();
  expect(row('shipByCriticalHours').getByText('已修改')).toBeDefined();

  await user.click(screen.getByRole('button', { name: '将“发货截止前多少小时告急”恢复为默认值 2 小时' }));
  expect(critical.value).toBe('2');
  expect(critical.getAttribute('aria-invalid')).toBe('false');
  expect(row('shipByCriticalHours').queryByText('已修改')).toBeNull();
  expect(row('shipByCriticalHours').getByRole('button', { name: /恢复为默认值/ }).hasAttribute('disabled')).toBe(true);
});

test('saves the changed thresholds alone; 全部恢复默认 brings back every default; the form follows saves made elsewhere', async () => {
  const user = userEvent.setup();
  await settingsItem.setValue({ retentionDays: 30 });
  await useSettings.getState().load();
  render(<ThresholdSection lang="zh" />);
  const warn = field('发货截止前多少小时提醒');
  await user.clear(warn);
  await user.type(warn, '24');
  await user.click(screen.getByRole('button', { name: '保存阈值' }));
  await screen.findByText('已保存');
  expect(await settingsItem.getValue()).toMatchObject({ retentionDays: 30, policyOverrides: { shipByWarnHours: 24 } });
  expect(row('shipByWarnHours').getByText('已修改')).toBeDefined();

  await user.click(screen.getByRole('button', { name: '全部恢复默认' }));
  expect(warn.value).toBe('12');
  expect(screen.queryByText('已修改')).toBeNull();
  expect(await storedOverrides()).toEqual({ shipByWarnHours: 24 }); // not saved until 保存阈值

  await settingsItem.setValue({ policyOverrides: { pickupHours: 30 } });
  await vi.waitFor(() => expect(field('上传单号后多少小时内须有揽收记录').value).toBe('30'));
  expect(warn.value).toBe('12');
});
