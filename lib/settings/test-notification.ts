// 发送测试通知, as the background answers it: one desktop notification titled 订单哨兵 测试通知, made the way the
// real ones are (the saved sound setting), and a reply in plain words for the options page. The browser's
// notification API is handed in, so this runs without one.
import { plainMessage, t } from '../i18n/messages';
import type { TestNotificationReply } from '../messages/protocol';
import type { NotificationSettings } from '../notifications/types';
import type { Lang } from '../time/shanghai';
import { errorMessage } from '../errors/error-message';

/** Ids of test notifications start with this, so a click on one is told apart from an order's notification. */
export const TEST_NOTIFICATION_PREFIX = 'order-sentinel-test:';

/** The fields of `notifications.create` a test notification uses (a subset both Chrome and Firefox accept). */
export interface TestNotificationOptions {
  type: 'basic';
  iconUrl: string;
  title: string;
  message: string;
  /** Chrome only: a notification without sound. Left out where the browser does not know it (Firefox). */
  silent?: boolean;
}

export interface TestNotificationDeps {
  notifications: NotificationSettings;
  lang: Lang;
  now: number;
  iconUrl: string;
  /** Whether the browser takes the `silent` option (Chrome does, Firefox refuses unknown options). */
  supportsSilent: boolean;
  /** `notifications.create(id, options)`, resolving with the id shown. */
  create: (id: string, options: TestNotificationOptions) => Promise<string>;
  /** `notifications.getPermissionLevel` where the browser has it (Chrome): 'denied' when the merchant blocked them. */
  permissionLevel?: () => Promise<'granted' | 'denied'>;
}

export function testNotificationOptions(deps: Pick<TestNotificationDeps, 'notifications' | 'lang' | 'iconUrl' | 'supportsSilent'>): TestNotificationOptions {
  const { notifications, lang } = deps;
  const message = notifications.enabled ? t('testNotificationBody', lang) : `${t('testNotificationBody', lang)} ${t('testNotificationDisabledNote', lang)}`;
  const options: TestNotificationOptions = { type: 'basic', iconUrl: deps.iconUrl, title: t('testNotificationTitle', lang), message };
  if (deps.supportsSilent) options.silent = !notifications.sound;
  return options;
}

/** Sends one test notification; never rejects: a refusal or a failure is an `ok: false` reply saying what to do. */
export async function sendTestNotification(deps: TestNotificationDeps): Promise<TestNotificationReply> {
  try {
    if (deps.permissionLevel !== undefined && (await deps.permissionLevel()) === 'denied') return { ok: false, message: plainMessage('testNotificationBlocked') };
    const id = await deps.create(`${TEST_NOTIFICATION_PREFIX}${deps.now}`, testNotificationOptions(deps));
    return { ok: true, notificationId: id, message: plainMessage(deps.notifications.enabled ? 'testNotificationSent' : 'testNotificationSentDisabled') };
  } catch (error) {
    return { ok: false, message: plainMessage('testNotificationFailed', () => ({ reason: errorMessage(error) })) };
  }
}
