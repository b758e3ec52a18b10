// Where each threshold of the policy comes from, in the merchant's words, as the options page shows it beside
// the field (the rules table of ./README.md cites the same sources for developers). Kept apart from the policy
// entries (lib/findings/kinds/) because the console page's script bundles those and shows none of this.
import type { PolicyKey } from './registry';
import type { Words } from './words';

/** A threshold the platform publishes nothing about: the extension chose it. */
const EXTENSION_DEFAULT: Words = { zh: '本扩展默认值（平台未公布）', en: "This extension's default (the platform publishes none)" };
/** R10 and R11: the fixed windows of one article, used only when the row has no remaining time. */
const REPLY_WINDOW: Words = {
  zh: '平台规则（《拼多多订单处理全攻略》文章）；仅在售后单没有给出剩余时间时使用',
  en: 'Platform rule (article 拼多多订单处理全攻略); used only when the after-sales case gives no remaining time',
};
/** A6 and A11: no Pinduoduo threshold was found; these are industry defaults. */
const INDUSTRY_DEFAULT: Words = { zh: '行业惯例值（未找到拼多多的规定）', en: 'Industry default (no Pinduoduo threshold found)' };

/** One source for every policy key (the compiler refuses a key without one). */
export const POLICY_SOURCES: Readonly<Record<PolicyKey, Words>> = {
  afterSaleWarnHours: EXTENSION_DEFAULT,
  afterSaleCriticalHours: EXTENSION_DEFAULT,
  refundOnlyUnshippedReplyHours: REPLY_WINDOW,
  refundOnlyShippedReplyHours: REPLY_WINDOW,
  returnRefundReplyHours: REPLY_WINDOW,
  autoConfirmDays: { zh: '平台规则（cjbyby.com 资讯 pddnews/1106；m.winvk.com 资讯 info/534549）', en: 'Platform rule (cjbyby.com pddnews/1106; m.winvk.com/info/534549)' },
  earlyUploadNoScanHours: { zh: '本扩展的判断（平台未公布）：轨迹仍空白或仅有“已下单/待揽收”', en: "This extension's own check (the platform publishes none): the trace is still empty or only \"ordered / awaiting pickup\"" },
  earlyUploadFirstScanHours: { zh: '本扩展的判断（平台未公布）：首个揽收扫描晚于上传24小时以上', en: "This extension's own check (the platform publishes none): the first real scan came more than 24 h after upload" },
  extraPackageDays: { zh: '平台规则：发货后30天内可添加补寄包裹（《拼多多填错单号导致揽收超时怎么办》文章）', en: 'Platform rule: an extra package (补寄) can be added within 30 days of shipping (article 拼多多填错单号导致揽收超时怎么办)' },
  fastRefundAppealDays: { zh: '平台规则：商品未退回的极速退款可在7天内申诉（《拼多多订单处理全攻略》文章）', en: 'Platform rule: an instant refund whose goods did not come back can be appealed within 7 days (article 拼多多订单处理全攻略)' },
  fastRefundWarnHours: EXTENSION_DEFAULT,
  pickupHours: { zh: '平台规则：上传单号后24小时内无揽收记录判为虚假发货（《拼多多物流异常订单怎么消除》2019 年文章；doc.intozgc.com 2022-12-19）', en: 'Platform rule: no pickup scan within 24 h of upload counts as fake shipping (article 拼多多物流异常订单怎么消除, 2019; doc.intozgc.com, 2022-12-19)' },
  pickupWarnHours: { zh: '本扩展默认值（平台未公布），即上传单号后12小时提醒', en: "This extension's default (the platform publishes none): a warning 12 h after upload" },
  pickupCriticalHours: { zh: '本扩展默认值（平台未公布），即上传单号后20小时告急', en: "This extension's default (the platform publishes none): critical 20 h after upload" },
  rejectionClusterCount: { zh: '本扩展的规则，参考《拼多多10单全部拒收怎么办》文章（kaitao.cn）', en: "This extension's rule, after the article 拼多多10单全部拒收怎么办 (kaitao.cn)" },
  rejectionClusterDays: { zh: '本扩展的规则（平台未公布）', en: "This extension's rule (the platform publishes none)" },
  shipByFallbackHours: { zh: '平台规则（幕思城 2023-05-18 文章、《拼多多揽件超时补救办法》）；仅在订单没有承诺发货时间时使用', en: 'Platform rule (幕思城 article of 2023-05-18, and 拼多多揽件超时补救办法); used only when the order has no promised ship time' },
  shipByWarnHours: { zh: '本扩展默认值，与商家后台“12小时内待发货”的计数一致', en: "This extension's default, the same 12 h as the console's own count of orders to ship within 12 h" },
  shipByCriticalHours: EXTENSION_DEFAULT,
  stallBeforeTransitHours: INDUSTRY_DEFAULT,
  stallInTransitHours: INDUSTRY_DEFAULT,
  stallLastMileHours: INDUSTRY_DEFAULT,
  trackingEditHours: { zh: '平台规则：上传后24小时内可修改单号（《拼多多填错单号导致揽收超时怎么办》文章）', en: 'Platform rule: the number can be edited within 24 h of upload (article 拼多多填错单号导致揽收超时怎么办)' },
  trackingEditWarnHours: { zh: '本扩展默认值（平台未公布）：单号有异常时提前提醒', en: "This extension's default (the platform publishes none): a warning while a tracking anomaly is open" },
  noRecordInvalidHours: { zh: '快递查询的规律：揽收前（上传后24小时内）查询无结果属正常', en: 'How courier queries behave: "no record" is normal until the 24 h pickup mark' },
};
