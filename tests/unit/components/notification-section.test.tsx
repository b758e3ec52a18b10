// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { useSettings } from '@/components/settings-store';
import { NotificationSection } from '@/entrypoints/options/NotificationSection';
import { settingsItem } from '@/lib/settings/settings-item';
import { freshSettingsStore } from './fixtures';

// 通知 on the options page: what is typed is refused beside the save when it is not hours, saved whole when
// it is, and 发送测试通知 says plainly when the worker could not send one.


beforeEach(async () => {
  await freshSettingsStore();
  await useSettings.getState().load();
});
afterEach(cleanup);

const leadField = (kind: string) => screen.getByLabelText<HTMLInputElement>(`${kind} 提前小时数`, { exact: true });
const saveResult = () => screen.getByTestId('notification-save-result').textContent;
const storedNotifications = async () => (await settingsItem.getValue())?.notifications;

test('the defaults are shown as the merchant types them: 4, 1 hours before 发货截止', () => {
  render(<NotificationSection lang="zh" />);
  expect(leadField('发货截止').value).toBe('4, 1');
  expect(leadField('揽收截止').value).toBe('8, 2');
  expect(leadField('售后处理截止').value).toBe('6, 1');
});

test('lead times that are not hours are refused by name and nothing is stored', async () => {
  const user = userEvent.setup();
  render(<NotificationSection lang="zh" />);
  await user.clear(leadField('揽收截止'));
  await user.type(leadField('揽收截止'), '8, soon');
  await user.click(screen.getByRole('button', { name: '保存通知设置' }));
  expect(saveResult()).toBe('揽收截止：“soon”不是小时数');
  expect(await storedNotifications()).toBeUndefined();
});

test('lead times out of range, or too many, are refused with the setting named by its label', async () => {
  const user = userEvent.setup();
  render(<NotificationSection lang="zh" />);
  await user.clear(leadField('发货截止'));
  await user.type(leadField('发货截止'), '100');
  await user.click(screen.getByRole('button', { name: '保存通知设置' }));
  expect(saveResult()).toBe('“发货截止 提前小时数”须在 0.25–72 之间（收到 100）');
  await user.clear(leadField('发货截止'));
  await user.type(leadField('发货截止'), '4');
  await user.clear(leadField('售后处理截止'));
  await user.type(leadField('售后处理截止'), '6, 3, 2, 1');
  await user.click(screen.getByRole('button', { name: '保存通知设置' }));
  expect(saveResult()).toBe('“售后处理截止 提前小时数”最多 3 个（收到 4 个）');
  await user.clear(leadField('售后处理截止'));
  await user.type(leadField('售后处理截止'), '6, 6');
  await user.click(screen.getByRole('button', { name: '保存通知设置' }));
  expect(saveResult()).toBe('“售后处理截止 提前小时数”中的 6 重复了');
  expect(await storedNotifications()).toBeUndefined();
});

test('a valid edit is saved with the rest of the section, and the page shows it saved', async () => {
  const user = userEvent.setup();
  render(<NotificationSection lang="zh" />);
  await user.clear(leadField('揽收截止'));
  await user.type(leadField('揽收截止'), '12, 3');
  await user.click(screen.getByRole('checkbox', { name: '免打扰时段' }));
  await user.click(screen.getByRole('button', { name: '保存通知设置' }));
  await screen.findByText('已保存');
  const stored = await storedNotifications();
  expect(stored?.leadHours.pickup_by).toEqual([12, 3]);
  expect(stored?.leadHours.ship_by).toEqual([4, 1]);
  expect(stored?.quietHours).not.toBeNull();
});

test('发送测试通知 without a worker to answer says it was not sent and why', async () => {
  const user = userEvent.setup();
  render(<NotificationSection lang="zh" />);
  await user.click(screen.getByRole('button', { name: '发送测试通知' }));
  expect((await screen.findByTestId('test-notification-result')).textContent).toMatch(/^测试通知未发送：.+/);
});
