// UI strings, Chinese first. The badge explanations and every extension page take their words from here.
import type { Lang } from '../time/shanghai';
import { CONSOLE_MESSAGES, fillMessage } from './console-messages';
import { DASHBOARD_MESSAGES } from './dashboard-messages';
import { OPTIONS_MESSAGES } from './options-messages';
import { POPUP_MESSAGES } from './popup-messages';

const MESSAGES = {
  ...CONSOLE_MESSAGES,
  ...POPUP_MESSAGES,
  ...OPTIONS_MESSAGES,
  ...DASHBOARD_MESSAGES,
  atRiskTitle: { zh: '需要处理的订单', en: 'Orders needing attention' },
  atRiskNone: { zh: '暂无需要处理的订单', en: 'Nothing needs attention' },
  atRiskCount: { zh: '{n} 单需处理', en: '{n} orders need attention' },
  storedOrders: { zh: '已记录 {n} 单', en: '{n} orders recorded' },
  // The toolbar icon and the desktop notifications (background).
  urgentCount: { zh: '{n} 单紧急或已超时', en: '{n} orders urgent or overdue' },
  toolbarTitle: {
    zh: '订单哨兵：{n} 单紧急或已超时（发货、揽收、售后时钟临近截止或已超时，以及严重物流异常）',
    en: 'Order Sentinel: {n} orders urgent or overdue (a shipping, pickup or after-sales clock about to run out or run out, or a serious parcel problem)',
  },
  toolbarTitleNone: { zh: '订单哨兵：暂无紧急或已超时的订单', en: 'Order Sentinel: no order is urgent or overdue' },
  notificationView: { zh: '查看订单', en: 'View order' },
  notificationSnooze: { zh: '稍后提醒', en: 'Remind me later' },
  openConsole: { zh: '打开订单列表', en: 'Open the order list' },
  options: { zh: '设置', en: 'Settings' },
  dashboard: { zh: '看板', en: 'Dashboard' },
  historyUnavailable: { zh: '历史记录不可用：{reason}', en: 'History unavailable: {reason}' },
  storageError: { zh: '存储出错（{at}）：{message}', en: 'Storage error ({at}): {message}' },
  // Options page, desktop notifications (section 通知; the labels are what the e2e tests find the controls by).
  notifyTitle: { zh: '通知', en: 'Notifications' },
  notifyIntro: {
    zh: '不在看后台时，也在截止前提醒你：到期前按下列提前量各提醒一次，下列严重异常出现时立即提醒。',
    en: 'Reminders before each deadline even when you are not looking at the console: once per lead time below, and at once when one of the critical anomalies below opens.',
  },
  notifyEnabled: { zh: '开启桌面通知', en: 'Show desktop notifications' },
  notifyLeadTimes: { zh: '提前提醒（小时）', en: 'Remind before the deadline (hours)' },
  notifyLeadLabel: { zh: '{kind} 提前小时数', en: '{kind}: hours before' },
  notifyLeadHint: {
    zh: '用逗号分隔，最多 3 个，每个 0.25–72 小时（0.25 = 15 分钟）；留空则不提醒。揽收只对已读到轨迹的包裹逐单提醒，未核实的每天汇总一次。',
    en: 'Separate with commas: up to 3, each 0.25–72 h (0.25 = 15 min); empty for none. Pickups remind one by one only once a trace was read; unverified ones are summed up once a day.',
  },
  notifyLeadNotNumber: { zh: '{kind}：“{text}”不是小时数', en: '{kind}: “{text}” is not a number of hours' },
  notifyAnomalies: { zh: '出现即提醒的异常', en: 'Anomalies that notify at once' },
  notifyQuietHours: { zh: '免打扰时段', en: 'Quiet hours' },
  notifyQuietStart: { zh: '免打扰开始', en: 'Quiet hours start' },
  notifyQuietEnd: { zh: '免打扰结束', en: 'Quiet hours end' },
  notifyQuietHint: {
    zh: '按本机时区；期间不弹出通知，结束时汇总一条。',
    en: 'In this computer’s time zone; nothing pops up meanwhile, one summary when they end.',
  },
  notifyDigest: { zh: '同一分钟到期的多个订单合并为一条', en: 'Combine orders due in the same minute into one notification' },
  notifySound: { zh: '通知时播放提示音', en: 'Play a sound with notifications' },
  saveNotifications: { zh: '保存通知设置', en: 'Save notification settings' },
  sendTestNotification: { zh: '发送测试通知', en: 'Send a test notification' },
  sendingTestNotification: { zh: '正在发送…', en: 'Sending…' },
  testNotificationTitle: { zh: '订单哨兵 测试通知', en: 'Order Sentinel test notification' },
  testNotificationBody: {
    zh: '通知可以正常显示：到期提醒和异常提醒会这样出现在桌面上。',
    en: 'Notifications work: deadline and anomaly reminders will appear like this on your desktop.',
  },
  testNotificationDisabledNote: { zh: '（桌面通知目前已关闭。）', en: '(Desktop notifications are switched off at the moment.)' },
  testNotificationSent: {
    zh: '已发送测试通知。若没有看到，请检查系统的通知设置（勿扰模式、浏览器的通知权限）。',
    en: 'Test notification sent. If you did not see it, check the system’s notification settings (do-not-disturb, the browser’s notification permission).',
  },
  testNotificationSentDisabled: {
    zh: '已发送测试通知。注意：桌面通知目前已关闭，勾选“开启桌面通知”并保存后才会提醒。',
    en: 'Test notification sent. Note: desktop notifications are switched off; tick “Show desktop notifications” and save to get reminders.',
  },
  testNotificationBlocked: {
    zh: '浏览器已禁止本扩展显示通知：请在浏览器的扩展或网站设置中允许“订单哨兵”的通知。',
    en: 'The browser blocks this extension’s notifications: allow notifications for Order Sentinel in the browser’s settings.',
  },
  testNotificationFailed: { zh: '测试通知未发送：{reason}', en: 'The test notification was not sent: {reason}' },
  // Options page, courier tracking (the labels are what screen readers and the e2e tests find the controls by).
  trackingTitle: { zh: '物流查询', en: 'Courier tracking' },
  trackingIntro: {
    zh: '选择由谁查询包裹轨迹。账号只保存在本机浏览器，不写入备份，只发送给对应的快递接口。',
    en: 'Choose who is asked about your parcels. Accounts stay in this browser, are never in a backup, and go only to their own courier API.',
  },
  trackingService: { zh: '查询服务', en: 'Tracking service' },
  serviceKuaidi100: { zh: '快递100', en: 'Kuaidi100' },
  serviceKdniao: { zh: '快递鸟', en: 'Kdniao' },
  serviceDemo: { zh: '演示模式', en: 'Demo mode' },
  serviceConsoleOnly: { zh: '仅读取后台物流', en: 'Console traces only' },
  senderPhoneTail: { zh: '寄件人手机后四位', en: "Sender's phone, last 4 digits" },
  senderPhoneTailHint: {
    zh: '顺丰、中通查询需要手机后四位；订单的虚拟号分机不可用时使用此号码。',
    en: 'SF and ZTO need a phone tail; this one is used when the order has no virtual-number extension.',
  },
  dailyBudget: { zh: '每日查询上限', en: 'Daily query budget' },
  saveTracking: { zh: '保存查询设置', en: 'Save tracking settings' },
  kuaidi100Customer: { zh: '快递100 customer', en: 'Kuaidi100 customer' },
  kuaidi100Key: { zh: '快递100 授权key', en: 'Kuaidi100 key' },
  saveKuaidi100: { zh: '保存快递100设置', en: 'Save Kuaidi100 settings' },
  kdniaoBusinessId: { zh: '快递鸟 EBusinessID', en: 'Kdniao EBusinessID' },
  kdniaoApiKey: { zh: '快递鸟 ApiKey', en: 'Kdniao ApiKey' },
  kdniaoRequestType: { zh: '快递鸟 接口', en: 'Kdniao API' },
  kdniaoRequest1002: { zh: '1002 即时查询', en: '1002 real-time query' },
  kdniaoRequest8001: { zh: '8001 在途监控', en: '8001 in-transit monitoring' },
  saveKdniao: { zh: '保存快递鸟设置', en: 'Save Kdniao settings' },
  testConnection: { zh: '测试连接', en: 'Test connection' },
  testingConnection: { zh: '正在测试…', en: 'Testing…' },
  saved: { zh: '已保存', en: 'Saved' },
  permissionRefused: {
    zh: '未获得访问 {host} 的授权，设置未保存。请再次点击保存，并在浏览器提示中选择“允许”。',
    en: 'Access to {host} was not granted, so nothing was saved. Click save again and choose Allow in the browser prompt.',
  },
  accountNeeded: { zh: '请先填写并保存{provider}账号，再选择它作为查询服务。', en: 'Save the {provider} account first, then choose it as the tracking service.' },
  connectionNoAccount: { zh: '尚未保存{provider}账号：请填写后点击“保存{provider}设置”。', en: 'No {provider} account saved: fill it in and save it first.' },
  connectionNoPermission: {
    zh: '未获得访问 {host} 的授权：请点击“保存{provider}设置”并选择“允许”。',
    en: 'Access to {host} is not granted: save the {provider} settings and choose Allow.',
  },
  connectionDemo: { zh: '演示模式无需账号：轨迹由扩展内的模拟服务生成。', en: 'Demo mode needs no account: traces come from a simulation inside the extension.' },
  connectionConsoleOnly: {
    zh: '仅读取后台物流：不查询任何快递接口，无需测试。在后台打开订单的物流信息即可核实揽收。',
    en: 'Console traces only: no courier API is asked, so there is nothing to test. Open an order’s logistics in the console to verify its pickup.',
  },
  connectionFailed: { zh: '测试未完成：{reason}', en: 'The test did not finish: {reason}' },
  storedAccountsBroken: { zh: '已保存的快递账号有误，未使用：', en: 'Stored courier accounts had problems and are not used: ' },
  permissionMissing: {
    zh: '查询服务为{provider}，但未获得访问 {host} 的授权，暂不查询：请点击“保存查询设置”重新授权。',
    en: 'The tracking service is {provider}, but access to {host} is not granted, so nothing is queried: click “Save tracking settings” to grant it.',
  },
  providerStopped: {
    zh: '{provider}已停止查询：{message}。改正账号后点击“保存{provider}设置”即可恢复。',
    en: '{provider} queries are stopped: {message}. Correct the account and save the {provider} settings to resume.',
  },
  providerPaused: {
    zh: '{provider}暂停查询至 {at}：查询频率或额度已达上限，到时自动恢复。',
    en: '{provider} queries are paused until {at}: the rate or quota limit was reached; they resume by themselves.',
  },
  unverifiedPickups: {
    zh: '{n} 单揽收未核实：在设置中选择查询服务，或在后台打开订单的物流',
    en: '{n} pickups unverified: choose a tracking service in the settings, or open the orders\' logistics in the console',
  },
  goToSettings: { zh: '去设置', en: 'Settings' },
  recentNotifications: { zh: '最近的提醒', en: 'Recent notifications' },
  providerSentToday: { zh: '{provider}今日已查询 {n} 次（上限 {budget} 次）', en: '{provider}: {n} queries today (budget {budget})' },
  // A provider failing for now (ProviderStatus, options and popup): what happens by itself, and what to do if it lasts.
  providerFailing: {
    zh: '{provider}查询暂时失败（自 {since} 起连续 {n} 次）：{message}。{retry}；若持续数小时仍未恢复，请点击“测试连接”检查网络和账号。',
    en: '{provider} queries are failing ({n} in a row since {since}): {message}. Meanwhile {retry}; if this lasts for hours, click “Test connection” to check the network and the account.',
  },
  providerFailingRetryAt: { zh: '出错的单号将于 {at} 后自动重查，其余照常查询', en: 'the failed parcels are asked again after {at}, the others as usual' },
  providerFailingOthers: { zh: '其余单号照常查询', en: 'the other parcels are asked as usual' },
  providerTechnicalDetail: { zh: '技术详情', en: 'Technical details' },
} as const;

export type MessageKey = keyof typeof MESSAGES;

export function t(key: MessageKey, lang: Lang, values: Record<string, string | number> = {}): string {
  return fillMessage(MESSAGES[key][lang], values);
}

/** Both languages of one message, for texts that travel (a background reply, a stored status) before a language is chosen. */
export function plainMessage(key: MessageKey, values: (lang: Lang) => Record<string, string | number> = () => ({})): { zh: string; en: string } {
  return { zh: t(key, 'zh', values('zh')), en: t(key, 'en', values('en')) };
}

export { resolveLanguage } from './console-messages';
