// Every threshold and duration the rules use, with where it comes from and how sure we are. The options
// page edits overrides of these keys; badges cite the rule id and source. Confidence per pdd-rules.md:
// H = platform field description or many captures, M = one credible source, L = single article or inference.

export type Confidence = 'H' | 'M' | 'L';
export type PolicyUnit = 'hours' | 'days' | 'count';

export interface PolicyEntry {
  key: string;
  rule: RuleId;
  default: number;
  unit: PolicyUnit;
  /** Inclusive bounds an override must respect. */
  min: number;
  max: number;
  source: string;
  confidence: Confidence;
  /** Not a published platform rule: an industry default the merchant should feel free to change. */
  heuristic: boolean;
  zh: string;
  en: string;
}

const MAX_HOURS = 24 * 90;

export const POLICY_TABLE = [
  {
    key: 'shipByFallbackHours',
    rule: 'R1',
    default: 48,
    unit: 'hours',
    min: 1,
    max: 24 * 30,
    source: 'pdd-rules R1: seeds 幕思城 2023-05-18 and 揽件超时补救办法; used only when promise_shipping_time is absent',
    confidence: 'H',
    heuristic: false,
    zh: '无承诺发货时间时，成交后多少小时内须发货',
    en: 'Hours after the deal to ship when the order has no promised ship time',
  },
  {
    key: 'shipByWarnHours',
    rule: 'A1',
    default: 12,
    unit: 'hours',
    min: 0,
    max: MAX_HOURS,
    source: "pdd-rules A1; matches the console's own unship12h counter (§0.3)",
    confidence: 'M',
    heuristic: false,
    zh: '发货截止前多少小时提醒',
    en: 'Warn this many hours before the ship-by time',
  },
  {
    key: 'shipByCriticalHours',
    rule: 'A1',
    default: 2,
    unit: 'hours',
    min: 0,
    max: MAX_HOURS,
    source: 'pdd-rules A1',
    confidence: 'L',
    heuristic: true,
    zh: '发货截止前多少小时告急',
    en: 'Critical this many hours before the ship-by time',
  },
  {
    key: 'pickupHours',
    rule: 'R6',
    default: 24,
    unit: 'hours',
    min: 1,
    max: 24 * 30,
    source: 'pdd-rules R6: seed 拼多多物流异常订单怎么消除 (2019), doc.intozgc.com 2022-12-19 (虚假发货 after 24 h without pickup)',
    confidence: 'M',
    heuristic: false,
    zh: '上传单号后多少小时内须有揽收记录',
    en: 'Hours after uploading the tracking number by which the courier must scan the pickup',
  },
  {
    key: 'pickupWarnHours',
    rule: 'A4',
    default: 12,
    unit: 'hours',
    min: 0,
    max: MAX_HOURS,
    source: 'pdd-rules A4 (warn at 12 h after upload)',
    confidence: 'L',
    heuristic: true,
    zh: '揽收截止前多少小时提醒',
    en: 'Warn this many hours before the pickup deadline',
  },
  {
    key: 'pickupCriticalHours',
    rule: 'A4',
    default: 4,
    unit: 'hours',
    min: 0,
    max: MAX_HOURS,
    source: 'pdd-rules A4 (critical at 20 h after upload)',
    confidence: 'L',
    heuristic: true,
    zh: '揽收截止前多少小时告急',
    en: 'Critical this many hours before the pickup deadline',
  },
  {
    key: 'trackingEditHours',
    rule: 'R8',
    default: 24,
    unit: 'hours',
    min: 1,
    max: 24 * 30,
    source: 'pdd-rules R8: seed 拼多多填错单号导致揽收超时怎么办 (editable 24 h after upload)',
    confidence: 'M',
    heuristic: false,
    zh: '上传后多少小时内可修改单号',
    en: 'Hours after upload during which the tracking number can be edited',
  },
  {
    key: 'trackingEditWarnHours',
    rule: 'R8',
    default: 4,
    unit: 'hours',
    min: 0,
    max: MAX_HOURS,
    source: 'vocabulary §1.1 (warn when a tracking anomaly is open)',
    confidence: 'L',
    heuristic: true,
    zh: '单号有异常时，修改截止前多少小时提醒',
    en: 'With a tracking anomaly open, warn this many hours before editing closes',
  },
  {
    key: 'extraPackageDays',
    rule: 'R8',
    default: 30,
    unit: 'days',
    min: 1,
    max: 365,
    source: 'pdd-rules R8: seed 拼多多填错单号导致揽收超时怎么办 (补寄 extra package within 30 days)',
    confidence: 'M',
    heuristic: false,
    zh: '发货后多少天内可新增补寄包裹',
    en: 'Days after shipping during which an extra package can be added',
  },
  {
    key: 'autoConfirmDays',
    rule: 'R9',
    default: 15,
    unit: 'days',
    min: 1,
    max: 365,
    source: 'pdd-rules R9: cjbyby.com pddnews/1106, m.winvk.com/info/534549',
    confidence: 'M',
    heuristic: false,
    zh: '发货后多少天自动确认收货',
    en: 'Days after shipping until receipt is confirmed automatically',
  },
  {
    key: 'afterSaleWarnHours',
    rule: 'A16',
    default: 12,
    unit: 'hours',
    min: 0,
    max: MAX_HOURS,
    source: 'pdd-rules A16',
    confidence: 'L',
    heuristic: true,
    zh: '售后处理截止前多少小时提醒',
    en: 'Warn this many hours before an after-sales reply is due',
  },
  {
    key: 'afterSaleCriticalHours',
    rule: 'A16',
    default: 2,
    unit: 'hours',
    min: 0,
    max: MAX_HOURS,
    source: 'pdd-rules A16',
    confidence: 'L',
    heuristic: true,
    zh: '售后处理截止前多少小时告急',
    en: 'Critical this many hours before an after-sales reply is due',
  },
  {
    key: 'refundOnlyUnshippedReplyHours',
    rule: 'R10',
    default: 24,
    unit: 'hours',
    min: 1,
    max: 24 * 30,
    source: 'pdd-rules R10: seed 拼多多订单处理全攻略; used only when the row has no expireRemainTime',
    confidence: 'L',
    heuristic: false,
    zh: '仅退款（未发货）处理时限（无剩余时间时使用）',
    en: 'Refund-only reply window, unshipped (used when the row has no remaining time)',
  },
  {
    key: 'refundOnlyShippedReplyHours',
    rule: 'R10',
    default: 36,
    unit: 'hours',
    min: 1,
    max: 24 * 30,
    source: 'pdd-rules R10: seed 拼多多订单处理全攻略; used only when the row has no expireRemainTime',
    confidence: 'L',
    heuristic: false,
    zh: '仅退款（已发货）处理时限（无剩余时间时使用）',
    en: 'Refund-only reply window, shipped (used when the row has no remaining time)',
  },
  {
    key: 'returnRefundReplyHours',
    rule: 'R11',
    default: 36,
    unit: 'hours',
    min: 1,
    max: 24 * 30,
    source: 'pdd-rules R11: seed 拼多多订单处理全攻略; used only when the row has no expireRemainTime',
    confidence: 'L',
    heuristic: false,
    zh: '退货退款处理时限（无剩余时间时使用）',
    en: 'Return-and-refund reply window (used when the row has no remaining time)',
  },
  {
    key: 'fastRefundAppealDays',
    rule: 'R13',
    default: 7,
    unit: 'days',
    min: 1,
    max: 365,
    source: 'pdd-rules R13: seed 拼多多订单处理全攻略 (appeal within 7 days if the goods were not returned)',
    confidence: 'L',
    heuristic: false,
    zh: '极速退款后多少天内可申诉',
    en: 'Days after an instant refund during which the merchant can appeal',
  },
  {
    key: 'fastRefundWarnHours',
    rule: 'R13',
    default: 48,
    unit: 'hours',
    min: 0,
    max: MAX_HOURS,
    source: 'vocabulary §1.1',
    confidence: 'L',
    heuristic: true,
    zh: '极速退款申诉截止前多少小时提醒',
    en: 'Warn this many hours before the instant-refund appeal window closes',
  },
  {
    key: 'earlyUploadNoScanHours',
    rule: 'A5',
    default: 12,
    unit: 'hours',
    min: 1,
    max: MAX_HOURS,
    source: 'pdd-rules A5; vocabulary §1.2 (trace still empty or only 已下单/待揽收)',
    confidence: 'L',
    heuristic: true,
    zh: '上传单号多少小时后轨迹仍空白或仅“已下单/待揽收”，视为提前上传',
    en: 'Hours after upload with an empty or "ordered/awaiting pickup" trace that mean the number was uploaded early',
  },
  {
    key: 'earlyUploadFirstScanHours',
    rule: 'A5',
    default: 24,
    unit: 'hours',
    min: 1,
    max: MAX_HOURS,
    source: 'pdd-rules A5 (first real scan more than 24 h after upload)',
    confidence: 'L',
    heuristic: true,
    zh: '首个揽收扫描晚于上传多少小时，视为提前上传',
    en: 'A first real scan this many hours after upload means the number was uploaded early',
  },
  {
    key: 'stallBeforeTransitHours',
    rule: 'A6',
    default: 24,
    unit: 'hours',
    min: 1,
    max: MAX_HOURS,
    source: 'pdd-rules A6 and §6.3: industry default, no PDD threshold found',
    confidence: 'L',
    heuristic: true,
    zh: '揽收后多少小时无中转扫描视为停滞',
    en: 'Hours without a transit scan after pickup that count as stalled',
  },
  {
    key: 'stallInTransitHours',
    rule: 'A6',
    default: 48,
    unit: 'hours',
    min: 1,
    max: MAX_HOURS,
    source: 'pdd-rules A6 and §6.3: industry default, no PDD threshold found',
    confidence: 'L',
    heuristic: true,
    zh: '运输中多少小时无更新视为停滞',
    en: 'Hours without an update in transit that count as stalled',
  },
  {
    key: 'stallLastMileHours',
    rule: 'A11',
    default: 24,
    unit: 'hours',
    min: 1,
    max: MAX_HOURS,
    source: 'pdd-rules A11 and §6.3: industry default, no PDD threshold found',
    confidence: 'L',
    heuristic: true,
    zh: '派件中或在驿站/快递柜多少小时无更新视为停滞',
    en: 'Hours out for delivery or at a locker without an update that count as stalled',
  },
  {
    key: 'noRecordInvalidHours',
    rule: 'A14',
    default: 24,
    unit: 'hours',
    min: 1,
    max: MAX_HOURS,
    source: 'pdd-rules A14 and §6.3 (查询无结果 is normal until the 24 h pickup mark)',
    confidence: 'M',
    heuristic: false,
    zh: '上传多少小时后仍查询无结果视为单号无效',
    en: 'Hours after upload after which "no record" means the number is invalid',
  },
  {
    key: 'rejectionClusterCount',
    rule: 'OS2',
    default: 3,
    unit: 'count',
    min: 2,
    max: 1000,
    source: 'vocabulary §1.2; seed 拼多多10单全部拒收怎么办 (kaitao.cn)',
    confidence: 'L',
    heuristic: true,
    zh: '同一商品多少单拒收视为集中拒收',
    en: 'Rejected orders of one product that make a cluster',
  },
  {
    key: 'rejectionClusterDays',
    rule: 'OS2',
    default: 7,
    unit: 'days',
    min: 1,
    max: 90,
    source: 'vocabulary §1.2',
    confidence: 'L',
    heuristic: true,
    zh: '统计集中拒收的天数',
    en: 'Days over which rejections of one product are counted',
  },
] as const satisfies readonly PolicyEntry[];

export type PolicyKey = (typeof POLICY_TABLE)[number]['key'];
export type Policy = Readonly<Record<PolicyKey, number>>;

export const DEFAULT_POLICY: Policy = Object.freeze(
  Object.fromEntries(POLICY_TABLE.map((entry) => [entry.key, entry.default])) as Record<PolicyKey, number>,
);

/** Band pairs: the critical band must be narrower than the warn band, or "critical" would come first. */
const NARROWER_THAN: ReadonlyArray<readonly [PolicyKey, PolicyKey]> = [
  ['shipByCriticalHours', 'shipByWarnHours'],
  ['pickupCriticalHours', 'pickupWarnHours'],
  ['afterSaleCriticalHours', 'afterSaleWarnHours'],
];

const ENTRY_BY_KEY: ReadonlyMap<string, PolicyEntry> = new Map(POLICY_TABLE.map((entry) => [entry.key, entry]));

/**
 * Applies overrides by key. Each bad key or value is rejected with its own message and the default kept;
 * the valid rest is applied. `null`/`undefined` mean "no overrides".
 */
export function resolvePolicy(overrides: unknown): { policy: Policy; errors: string[] } {
  const policy: Record<PolicyKey, number> = { ...DEFAULT_POLICY };
  const errors: string[] = [];
  if (overrides === null || overrides === undefined) return { policy, errors };
  if (typeof overrides !== 'object' || Array.isArray(overrides)) {
    errors.push(`policy: expected an object of overrides by key, got ${describe(overrides)}`);
    return { policy, errors };
  }
  const applied = new Set<PolicyKey>();
  for (const [key, value] of Object.entries(overrides)) {
    const entry = ENTRY_BY_KEY.get(key);
    if (entry === undefined) {
      errors.push(`policy.${key}: unknown key (known: ${POLICY_TABLE.map((known) => known.key).join(', ')})`);
      continue;
    }
    const problem = valueProblem(entry, value);
    if (problem !== null) {
      errors.push(`policy.${key}: ${problem}; default ${entry.default} ${entry.unit} kept`);
      continue;
    }
    policy[key as PolicyKey] = value as number;
    applied.add(key as PolicyKey);
  }
  for (const [narrow, wide] of NARROWER_THAN) {
    if (policy[narrow] < policy[wide]) continue;
    for (const key of [narrow, wide]) {
      if (!applied.has(key)) continue;
      errors.push(
        `policy.${key}: ${policy[key]} rejected, ${narrow} (${policy[narrow]}) must be less than ${wide} (${policy[wide]}); default ${DEFAULT_POLICY[key]} kept`,
      );
    }
    policy[narrow] = DEFAULT_POLICY[narrow];
    policy[wide] = DEFAULT_POLICY[wide];
  }
  return { policy, errors };
}

function valueProblem(entry: PolicyEntry, value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return `expected a number of ${entry.unit}, got ${describe(value)}`;
  if (entry.unit === 'count' && !Number.isInteger(value)) return `expected a whole count, got ${value}`;
  if (value < entry.min || value > entry.max) return `${value} is outside ${entry.min}–${entry.max} ${entry.unit}`;
  return null;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

export interface RuleReference {
  source: string;
  confidence: Confidence;
  heuristic: boolean;
  zh: string;
  en: string;
}

/** Every rule id a finding can cite, so a badge can say where its rule comes from. */
export const RULE_REFERENCES = {
  R1: { source: 'pdd-rules R1, R2 (promise_shipping_time, else 48 h after the deal)', confidence: 'H', heuristic: false, zh: '发货时限', en: 'Ship-by limit' },
  A1: { source: 'pdd-rules A1', confidence: 'M', heuristic: false, zh: '发货倒计时分级', en: 'Ship countdown bands' },
  R6: { source: 'pdd-rules R6', confidence: 'M', heuristic: false, zh: '上传单号后24小时内须揽收', en: 'Pickup scan within 24 h of upload' },
  A4: { source: 'pdd-rules A4', confidence: 'L', heuristic: true, zh: '揽收倒计时分级', en: 'Pickup countdown bands' },
  R8: { source: 'pdd-rules R8', confidence: 'M', heuristic: false, zh: '填错单号：24小时内修改，30天内补寄', en: 'Wrong number: edit within 24 h, extra package within 30 days' },
  R9: { source: 'pdd-rules R9', confidence: 'M', heuristic: false, zh: '自动确认收货', en: 'Automatic receipt confirmation' },
  R10: { source: 'pdd-rules R10', confidence: 'L', heuristic: false, zh: '仅退款处理时限', en: 'Refund-only reply window' },
  R11: { source: 'pdd-rules R11', confidence: 'L', heuristic: false, zh: '退货退款处理时限', en: 'Return-and-refund reply window' },
  R13: { source: 'pdd-rules R13', confidence: 'L', heuristic: false, zh: '极速退款申诉', en: 'Instant-refund appeal' },
  A3: { source: 'pdd-rules A3', confidence: 'H', heuristic: false, zh: '延迟发货', en: 'Shipped after the promised time' },
  A5: { source: 'pdd-rules A5', confidence: 'L', heuristic: true, zh: '提前上传单号', en: 'Number uploaded before handover' },
  A6: { source: 'pdd-rules A6 (industry default, not a PDD rule)', confidence: 'L', heuristic: true, zh: '物流停滞', en: 'Stalled trace' },
  A7: { source: 'pdd-rules A7; tracking-apis §6', confidence: 'M', heuristic: false, zh: '派件异常/问题件', en: 'Delivery problem' },
  A8: { source: 'pdd-rules A8; tracking-apis §6', confidence: 'M', heuristic: false, zh: '拒收', en: 'Rejected' },
  A9: { source: 'pdd-rules A9; tracking-apis §6', confidence: 'M', heuristic: false, zh: '退回', en: 'Returning' },
  A11: { source: 'pdd-rules A11 (industry default, not a PDD rule)', confidence: 'L', heuristic: true, zh: '派签超时', en: 'Out for delivery too long' },
  A12: { source: 'pdd-rules A12', confidence: 'M', heuristic: false, zh: '轨迹与收货地不符', en: 'Destination mismatch' },
  A13: { source: 'pdd-rules A13', confidence: 'M', heuristic: false, zh: '单号重复', en: 'Duplicate tracking number' },
  A14: { source: 'pdd-rules A14', confidence: 'M', heuristic: false, zh: '单号无效/快递不符', en: 'Invalid number or courier' },
  A15: { source: 'pdd-rules A15', confidence: 'M', heuristic: false, zh: '代签/驿站签收', en: 'Proxy or locker signature' },
  A16: { source: "pdd-rules A16 (the row's expireRemainTime)", confidence: 'M', heuristic: false, zh: '售后处理截止', en: 'After-sales deadline' },
  A17: { source: 'pdd-rules A17 (waiting on the merchant, deadline unknown)', confidence: 'M', heuristic: false, zh: '售后待商家处理', en: 'After-sales waiting on the merchant' },
  A18: { source: 'pdd-rules A18', confidence: 'M', heuristic: false, zh: '物流原因退款', en: 'Logistics-related refund' },
  A19: { source: 'pdd-rules A19, R14 (actions 1028)', confidence: 'M', heuristic: false, zh: '超时自动退款', en: 'Timeout auto-refund' },
  A20: { source: 'pdd-rules A20, R16', confidence: 'H', heuristic: false, zh: '催发货未发', en: 'Urged and unshipped' },
  A21: { source: 'pdd-rules A21', confidence: 'M', heuristic: false, zh: '风控审核中', en: 'Under risk review' },
  OS1: { source: 'vocabulary §1.2 (Order Sentinel rule)', confidence: 'M', heuristic: false, zh: '发货后退款需拦截', en: 'Refund after shipping: intercept' },
  OS2: { source: 'vocabulary §1.2 (Order Sentinel rule); seed 拼多多10单全部拒收怎么办', confidence: 'L', heuristic: true, zh: '同款多单拒收', en: 'Rejection cluster' },
} as const satisfies Record<string, RuleReference>;

export type RuleId = keyof typeof RULE_REFERENCES;
