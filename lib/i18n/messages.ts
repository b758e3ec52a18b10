// UI strings, Chinese first. The badge explanations and every extension page take their words from here.
import type { LanguageSetting } from '../settings/settings';
import type { Lang } from '../time/shanghai';

const MESSAGES = {
  appName: { zh: '订单哨兵', en: 'Order Sentinel' },
  structureChanged: { zh: '列表结构已变化，标注已暂停', en: 'The order list changed its layout; badges are paused' },
  noCapture: { zh: '未读取到订单数据，标注已暂停', en: 'No order data read from this page; badges are paused' },
  atRiskTitle: { zh: '需要处理的订单', en: 'Orders needing attention' },
  atRiskNone: { zh: '暂无需要处理的订单', en: 'Nothing needs attention' },
  atRiskCount: { zh: '{n} 单需处理', en: '{n} orders need attention' },
  storedOrders: { zh: '已记录 {n} 单', en: '{n} orders recorded' },
  openConsole: { zh: '打开订单列表', en: 'Open the order list' },
  options: { zh: '设置', en: 'Settings' },
  dashboard: { zh: '看板', en: 'Dashboard' },
  historyUnavailable: { zh: '历史记录不可用：{reason}', en: 'History unavailable: {reason}' },
  storageError: { zh: '存储出错（{at}）：{message}', en: 'Storage error ({at}): {message}' },
  remaining: { zh: '剩 {t}', en: '{t} left' },
  overdue: { zh: '超 {t}', en: '{t} over' },
  nothingDue: { zh: '订单哨兵：暂无待办', en: 'Order Sentinel: nothing due' },
  orderDetail: { zh: '查看订单详情', en: 'Open order details' },
  heuristic: { zh: '经验阈值，非平台公布规则', en: 'A heuristic, not a published platform rule' },
} as const;

export type MessageKey = keyof typeof MESSAGES;

export function t(key: MessageKey, lang: Lang, values: Record<string, string | number> = {}): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Chinese unless the merchant chose English or the browser is English. */
export function resolveLanguage(setting: LanguageSetting, browserLanguage: string): Lang {
  if (setting !== 'auto') return setting;
  return browserLanguage.toLowerCase().startsWith('en') ? 'en' : 'zh';
}
