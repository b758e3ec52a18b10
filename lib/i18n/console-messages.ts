// The strings the console page shows (badges, their explanations, the page notice): the content script
// carries only these, since every byte of it is loaded on each console page (budget 30 KB gzipped). They are
// part of the one message table in ./messages.ts, which the extension pages read.
import type { LanguageSetting } from '../settings/settings';
import type { Lang } from '../time/shanghai';

export const CONSOLE_MESSAGES = {
  appName: { zh: '订单哨兵', en: 'Order Sentinel' },
  structureChanged: { zh: '列表结构已变化，标注已暂停', en: 'The order list changed its layout; badges are paused' },
  noCapture: { zh: '未读取到订单数据，标注已暂停', en: 'No order data read from this page; badges are paused' },
  rowsSkipped: { zh: '有 {count} 行订单数据无法读取，已跳过', en: '{count} rows of order data could not be read and were skipped' },
  remaining: { zh: '剩 {t}', en: '{t} left' },
  overdue: { zh: '超 {t}', en: '{t} over' },
  nothingDue: { zh: '订单哨兵：暂无待办', en: 'Order Sentinel: nothing due' },
  orderDetail: { zh: '查看订单详情', en: 'Open order details' },
  heuristic: { zh: '经验阈值，非平台公布规则', en: 'A heuristic, not a published platform rule' },
  explainDue: { zh: '截止', en: 'Due' },
  explainRule: { zh: '规则', en: 'Rule' },
  explainAdvice: { zh: '建议：{advice}', en: 'What to do: {advice}' },
  waitingPhoneTail: { zh: '需要手机后四位', en: 'Phone tail needed' },
  waitingPhoneTailHelp: {
    zh: '顺丰、中通需手机后四位才能查询：在设置的「物流查询」填写寄件人手机后四位，或在后台打开该订单的物流。',
    en: 'SF and ZTO answer only with a phone tail: enter the sender tail under 物流查询 in the settings, or open the order\'s logistics in the console.',
  },
  waitingCourier: { zh: '快递公司无法查询', en: 'Courier not queryable' },
  waitingCourierHelp: {
    zh: '查询服务不认识该快递公司：核对订单的快递公司，或在后台打开该订单的物流。',
    en: 'The tracking service does not know this courier: check the order\'s courier, or open its logistics in the console.',
  },
} as const;

export type ConsoleMessageKey = keyof typeof CONSOLE_MESSAGES;

/** Fills `{name}` placeholders of a message in one language. */
export function fillMessage(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A console-page string (the content script's `t`). */
export function consoleText(key: ConsoleMessageKey, lang: Lang, values: Record<string, string | number> = {}): string {
  return fillMessage(CONSOLE_MESSAGES[key][lang], values);
}

/** Chinese unless the merchant chose English or the browser is English. */
export function resolveLanguage(setting: LanguageSetting, browserLanguage: string): Lang {
  if (setting !== 'auto') return setting;
  return browserLanguage.toLowerCase().startsWith('en') ? 'en' : 'zh';
}
