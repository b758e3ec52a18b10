// 发送测试通知 from the options page: the worker owns the notifications, so it shows the test one. It reads the
// settings as saved now (the sound switch, whether notifications are on), never a copy from an earlier run.
import { resolveLanguage } from '@/lib/i18n/messages';
import type { TestNotificationReply } from '@/lib/messages/protocol';
import { loadSettings } from '@/lib/settings/settings-item';
import { sendTestNotification } from '@/lib/settings/test-notification';
import { browser } from 'wxt/browser';

export async function showTestNotification(now: number): Promise<TestNotificationReply> {
  const { settings } = await loadSettings();
  const { notifications } = browser;
  return sendTestNotification({
    notifications: settings.notifications,
    lang: resolveLanguage(settings.language, navigator.language),
    now,
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    // Firefox refuses options it does not know, `silent` among them.
    supportsSilent: !import.meta.env.FIREFOX,
    create: (id, options) => notifications.create(id, options),
    permissionLevel: typeof notifications.getPermissionLevel === 'function' ? () => notifications.getPermissionLevel() : undefined,
  });
}
