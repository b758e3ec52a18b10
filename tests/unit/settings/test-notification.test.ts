import { describe, expect, test, vi } from 'vitest';
import { DEFAULT_NOTIFICATION_SETTINGS } from '../../../lib/settings/notification-settings';
import { sendTestNotification, TEST_NOTIFICATION_PREFIX, type TestNotificationDeps, type TestNotificationOptions } from '../../../lib/settings/test-notification';

const NOW = Date.UTC(2026, 11, 1, 4, 0);

function deps(overrides: Partial<TestNotificationDeps> = {}): TestNotificationDeps & { shown: Array<{ id: string; options: TestNotificationOptions }> } {
  const shown: Array<{ id: string; options: TestNotificationOptions }> = [];
  return {
    notifications: DEFAULT_NOTIFICATION_SETTINGS,
    lang: 'zh',
    now: NOW,
    iconUrl: 'chrome-extension://abc/icon/128.png',
    supportsSilent: true,
    create: (id, options) => {
      shown.push({ id, options });
      return Promise.resolve(id);
    },
    permissionLevel: () => Promise.resolve('granted'),
    ...overrides,
    shown,
  };
}

describe('sendTestNotification', () => {
  test('shows one notification titled 订单哨兵 测试通知 with the extension icon, and answers ok with its id', async () => {
    const d = deps();
    const reply = await sendTestNotification(d);
    expect(d.shown).toEqual([
      {
        id: `${TEST_NOTIFICATION_PREFIX}${NOW}`,
        options: { type: 'basic', iconUrl: 'chrome-extension://abc/icon/128.png', title: '订单哨兵 测试通知', message: '通知可以正常显示：到期提醒和异常提醒会这样出现在桌面上。', silent: true },
      },
    ]);
    expect(reply.ok && reply.notificationId).toBe(`${TEST_NOTIFICATION_PREFIX}${NOW}`);
    expect(reply.message.zh).toContain('已发送测试通知');
  });

  test('follows the saved sound switch; leaves `silent` out where the browser refuses it (Firefox)', async () => {
    const loud = deps({ notifications: { ...DEFAULT_NOTIFICATION_SETTINGS, sound: true } });
    await sendTestNotification(loud);
    expect(loud.shown[0]?.options.silent).toBe(false);
    const firefox = deps({ supportsSilent: false, permissionLevel: undefined });
    await sendTestNotification(firefox);
    expect(firefox.shown[0]?.options).not.toHaveProperty('silent');
  });

  test('in English when the page is', async () => {
    const d = deps({ lang: 'en' });
    await sendTestNotification(d);
    expect(d.shown[0]?.options.title).toBe('Order Sentinel test notification');
  });

  test('with notifications switched off it still shows one, and says they are off', async () => {
    const d = deps({ notifications: { ...DEFAULT_NOTIFICATION_SETTINGS, enabled: false } });
    const reply = await sendTestNotification(d);
    expect(d.shown).toHaveLength(1);
    expect(d.shown[0]?.options.message).toContain('桌面通知目前已关闭');
    expect(reply.ok).toBe(true);
    expect(reply.message.zh).toContain('勾选“开启桌面通知”并保存');
  });

  test('notifications blocked in the browser: nothing is created, and the reply says where to allow them', async () => {
    const create = vi.fn(() => Promise.resolve('x'));
    const reply = await sendTestNotification(deps({ create, permissionLevel: () => Promise.resolve('denied') }));
    expect(create).not.toHaveBeenCalled();
    expect(reply.ok).toBe(false);
    expect(reply.message.zh).toContain('浏览器已禁止本扩展显示通知');
  });

  test('a failing create is an error reply with the reason, never a rejection', async () => {
    const reply = await sendTestNotification(deps({ create: () => Promise.reject(new Error('Unable to download all specified images.')) }));
    expect(reply).toEqual({
      ok: false,
      message: { zh: '测试通知未发送：Unable to download all specified images.', en: 'The test notification was not sent: Unable to download all specified images.' },
    });
    expect((await sendTestNotification(deps({ permissionLevel: () => Promise.reject(new Error('gone')) }))).ok).toBe(false);
  });
});
