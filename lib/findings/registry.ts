// Every finding kind, one line each. Adding a kind: write its module in ./kinds/, add it here (in the
// vocabulary order of lib/findings/README.md), and run the tests: tests/unit/findings/registry.test.ts says
// what the module still lacks.
import type { FindingSink, OrderKind, ProductKind } from './define';
import type { PolicyEntry, RuleReference } from './policy-entry';
import type { Severity } from './severity';
import type { Words } from './words';
import { afterSaleReplyBy } from './kinds/after-sale-reply-by';
import { autoConfirmAt } from './kinds/auto-confirm-at';
import { deliveryProblem } from './kinds/delivery-problem';
import { destinationMismatch } from './kinds/destination-mismatch';
import { duplicateTracking } from './kinds/duplicate-tracking';
import { earlyUpload } from './kinds/early-upload';
import { extraPackageBy } from './kinds/extra-package-by';
import { fastRefundAppealBy } from './kinds/fast-refund-appeal-by';
import { interceptParcel } from './kinds/intercept-parcel';
import { logisticsRefund } from './kinds/logistics-refund';
import { pickupBy } from './kinds/pickup-by';
import { proxySigned } from './kinds/proxy-signed';
import { rejected } from './kinds/rejected';
import { rejectionCluster } from './kinds/rejection-cluster';
import { returning } from './kinds/returning';
import { riskHold } from './kinds/risk-hold';
import { shipBy } from './kinds/ship-by';
import { shippedLate } from './kinds/shipped-late';
import { stalled } from './kinds/stalled';
import { timeoutAutoRefund } from './kinds/timeout-auto-refund';
import { trackingEditBy } from './kinds/tracking-edit-by';
import { trackingInvalid } from './kinds/tracking-invalid';
import { urgedUnshipped } from './kinds/urged-unshipped';

/** The kinds in vocabulary order: clocks first, then anomalies. */
export const FINDING_MODULES = [
  shipBy,
  pickupBy,
  trackingEditBy,
  afterSaleReplyBy,
  fastRefundAppealBy,
  extraPackageBy,
  autoConfirmAt,
  shippedLate,
  earlyUpload,
  stalled,
  deliveryProblem,
  rejected,
  returning,
  destinationMismatch,
  duplicateTracking,
  trackingInvalid,
  proxySigned,
  urgedUnshipped,
  riskHold,
  interceptParcel,
  logisticsRefund,
  timeoutAutoRefund,
  rejectionCluster,
] as const;

export type FindingModule = (typeof FINDING_MODULES)[number];
export type FindingKind = FindingModule['kind'];

type FindingOfModule<M> = M extends { evaluate: (subject: never, now: number, policy: never, out: FindingSink<infer F>) => void } ? F : never;

/** A finding of any kind: a union discriminated by `kind`, each with its own typed basis. */
export type Finding = FindingOfModule<FindingModule>;
export type FindingByKind<K extends FindingKind> = Extract<Finding, { kind: K }>;
export type RuleId = Finding['rule'];

type AnyOrderKind = OrderKind<Extract<Finding, { orderSn: string }>, string>;
type AnyProductKind = ProductKind<Extract<Finding, { goodsId: string }>, string>;
type AnyKind = AnyOrderKind | AnyProductKind;

export const FINDING_KINDS: readonly FindingKind[] = FINDING_MODULES.map((module) => module.kind);
export const CLOCK_KINDS: readonly FindingKind[] = FINDING_MODULES.filter((module) => module.type === 'clock').map((module) => module.kind);
export const ANOMALY_KINDS: readonly FindingKind[] = FINDING_MODULES.filter((module) => module.type === 'anomaly').map((module) => module.kind);

const MODULE_BY_KIND: ReadonlyMap<string, AnyKind> = new Map(FINDING_MODULES.map((module) => [module.kind, module as unknown as AnyKind]));

export const KIND_LABELS: Readonly<Record<FindingKind, Words>> = Object.fromEntries(
  FINDING_MODULES.map((module) => [module.kind, module.labels]),
) as Record<FindingKind, Words>;

export function isFindingKind(value: unknown): value is FindingKind {
  return typeof value === 'string' && MODULE_BY_KIND.has(value);
}

export function moduleOf(kind: FindingKind): AnyKind {
  return MODULE_BY_KIND.get(kind) as AnyKind;
}

export function isClockKind(kind: FindingKind): boolean {
  return moduleOf(kind).type === 'clock';
}

/**
 * Order kinds in the order they are evaluated: those that read no other kind's findings first, then those
 * that do (a reader reads only kinds of the first group, which the registry test checks).
 */
export const ORDER_MODULES: readonly AnyOrderKind[] = (() => {
  const orderKinds = FINDING_MODULES.filter((module) => module.subject === 'order') as unknown as AnyOrderKind[];
  return [...orderKinds.filter((module) => module.reads === undefined), ...orderKinds.filter((module) => module.reads !== undefined)];
})();

export const PRODUCT_MODULES: readonly AnyProductKind[] = FINDING_MODULES.filter((module) => module.subject === 'product');

/** Every policy entry, each once, in registry order: the table the options page edits. */
export const POLICY_TABLE: readonly PolicyEntry[] = [...new Set(FINDING_MODULES.flatMap((module) => module.thresholds as readonly PolicyEntry[]))];

export type PolicyKey = (typeof FINDING_MODULES)[number]['thresholds'][number]['key'];
export type Policy = Readonly<Record<PolicyKey, number>>;

/** Every rule a finding (or a policy entry) can cite. */
export const RULE_REFERENCES: ReadonlyMap<string, RuleReference> = new Map(
  FINDING_MODULES.flatMap((module) => Object.entries(module.rules as Readonly<Record<string, RuleReference>>)),
);

/**
 * A finding's severity at a later instant, as the rules would find it then; null once the clock has
 * closed and the rules would not report it any more. Anomalies keep the severity they were found with.
 */
export function severityAt(finding: Finding, now: number): Severity | null {
  // The module of `finding.kind` is the one that made the finding, so its own typed reading applies.
  const bands = (moduleOf(finding.kind) as { severityAt?: (finding: Finding, now: number) => Severity | null }).severityAt;
  return bands === undefined ? finding.severity : bands(finding, now);
}
