// What a finding kind is made of. Each kind is one module in lib/findings/kinds/ built with `orderKind` or
// `productKind`: its policy entries, rule references, labels, advice, basis fields and evaluation live
// together, and lib/findings/registry.ts lists the modules.
import type { AfterSaleFacts, OrderFacts, TrackingFacts } from '../facts/facts';
import type { PolicyEntry, PolicyValues, RuleReference } from './policy-entry';
import type { Severity } from './severity';
import type { TracedParcel } from './trace';
import type { Words } from './words';

/**
 * How a basis value reads. `instant` is epoch ms (shown in the merchant's zone, ISO-8601 in `npm run
 * assess` output); durations carry their unit; `seconds` are shown as hours; `cents` as yuan.
 */
export type BasisFormat = 'instant' | 'hours' | 'days' | 'seconds' | 'cents' | 'count' | 'text' | 'code' | 'flag' | 'orders';

export interface BasisField extends Words {
  readonly format: BasisFormat;
  /** False for values the badge already shows live or that only restate the rule (remaining time, "heuristic"). */
  readonly shown: boolean;
  /** Words for the values of a `code` field (a tracking status, a reason id); others are shown as they are. */
  readonly values?: Readonly<Record<string, Words>>;
}

export type BasisValue = string | number | boolean | null;

/** Every field of every shape a basis can take (a kind may write one of several shapes). */
type FieldOf<B> = B extends unknown ? keyof B : never;

/** A field description for every field of a basis: the compiler refuses a basis field without one. */
export type BasisSpec<B> = { readonly [F in FieldOf<B>]-?: BasisField };

/** A basis is one level of plain values (stored, compared and printed field by field). */
export type FlatBasis<B> = { readonly [F in keyof B]: BasisValue };

/** A basis read field by field: explanations, output, comparison. */
export function basisValues(basis: object): Readonly<Record<string, BasisValue>> {
  return basis as Readonly<Record<string, BasisValue>>;
}

interface FindingCommon<K extends string, R extends string, B extends FlatBasis<B>> {
  kind: K;
  severity: Severity;
  /** Epoch ms at which a clock runs out; absent on anomalies. */
  dueAt?: number;
  /** The rule that produced the finding (one of its module's rule references). */
  rule: R;
  /** The facts and thresholds used: enough to explain the finding. */
  basis: B;
}

export interface OrderFindingOf<K extends string, R extends string, B extends FlatBasis<B>> extends FindingCommon<K, R, B> {
  orderSn: string;
  goodsId?: undefined;
}

export interface ProductFindingOf<K extends string, R extends string, B extends FlatBasis<B>> extends FindingCommon<K, R, B> {
  goodsId: string;
  orderSn?: undefined;
}

// Basis types are interfaces, which have no index signature: any flat object is a basis.
type AnyBasis = FlatBasis<object>;
type AnyOrderFinding = OrderFindingOf<string, string, AnyBasis>;
type AnyProductFinding = ProductFindingOf<string, string, AnyBasis>;

/** One order and what is known about it: the input of the rules. */
export interface OrderContext {
  order: OrderFacts;
  afterSales: readonly AfterSaleFacts[];
  /** The order's parcel trace, or null when it has not been read. */
  tracking: TrackingFacts | null;
}

/** One waybill number on the orders of more than one receiver (found by the shop pre-pass). */
export interface SharedNumber {
  readonly trackingNumber: string;
  /** Every order carrying it, in ascending order. */
  readonly orderSns: readonly string[];
}

/** The rejected parcels of one product, whenever they were rejected (found by the shop pre-pass). */
export interface RejectionsOfProduct {
  readonly goodsId: string;
  readonly goodsName: string | null;
  readonly rejections: ReadonlyArray<{ readonly orderSn: string; readonly at: number }>;
}

/** What a finding list accepts: rules push into one shared list (of the union of every kind). */
export interface FindingSink<F> {
  push(finding: F): unknown;
}

/** A finding as far as another module may read it: its kind (see `reads`). */
export interface FoundFinding {
  readonly kind: string;
}

/** One order as the per-order rules see it. */
export interface OrderSubject {
  readonly order: OrderFacts;
  readonly afterSales: readonly AfterSaleFacts[];
  /** The order's parcel trace, or null when it has not been read. */
  readonly tracking: TrackingFacts | null;
  /** The order's parcel with its trace when it has one to judge (see `tracedParcel`), computed once per order. */
  readonly parcel: TracedParcel | null;
  /** From the shop pre-pass: the order's waybill number is also on another receiver's order. */
  readonly sharedNumber: SharedNumber | null;
  /** The order's findings so far: those of `found[first]` on, made by the modules registered earlier. */
  readonly found: readonly FoundFinding[];
  readonly first: number;
}

interface KindCommon<F extends { kind: string; rule: string; basis: object }, P extends string> {
  readonly kind: F['kind'];
  /** A clock counts down to `dueAt`; an anomaly is a condition that holds or not. */
  readonly type: 'clock' | 'anomaly';
  readonly labels: Words;
  readonly advice: Words;
  /** Every rule id a finding of this kind can cite, and those its policy entries belong to. */
  readonly rules: { readonly [R in F['rule']]: RuleReference } & { readonly [rule: string]: RuleReference };
  /** Every policy entry the evaluation reads, its own and those of other modules. */
  readonly thresholds: readonly PolicyEntry<P>[];
  /** Band pairs [narrow, wide]: the narrow band must stay below the wide one (critical under warn). */
  readonly narrowerThan?: ReadonlyArray<readonly [P, P]>;
  readonly basis: BasisSpec<F['basis']>;
  /** Clocks: the severity at a later instant, from what the finding carries; null once the clock has closed. */
  readonly severityAt?: (finding: F, now: number) => Severity | null;
}

export interface OrderKind<F extends AnyOrderFinding, P extends string> extends KindCommon<F, P> {
  readonly subject: 'order';
  /** Clocks with a badge: its short label, and whether it shows while still far away (else from warn on). */
  readonly badge?: { readonly label: Words; readonly always: boolean };
  /**
   * A clock that runs before the facts to judge it exist (a pickup with no trace read), while its basis says
   * `verified: false`: the mark its countdown carries, its chip once past due, and how the merchant can verify.
   */
  readonly unverified?: { readonly mark: Words; readonly overdue: Words; readonly howToVerify: Words };
  /** Kinds whose findings on the same order this one reads from `found`: they must be registered before it. */
  readonly reads?: readonly string[];
  readonly evaluate: (subject: OrderSubject, now: number, policy: PolicyValues<P>, out: FindingSink<F>) => void;
}

export interface ProductKind<F extends AnyProductFinding, P extends string> extends KindCommon<F, P> {
  readonly subject: 'product';
  readonly evaluate: (product: RejectionsOfProduct, now: number, policy: PolicyValues<P>, out: FindingSink<F>) => void;
}

/**
 * Declares an order kind: `orderKind<ShipByFinding>()({ ... })`. Two steps, so that the finding type is
 * named once and the policy keys are inferred from `thresholds`.
 */
export function orderKind<F extends AnyOrderFinding>() {
  return <const P extends string = never>(kind: OrderKind<F, P>): OrderKind<F, P> => kind;
}

export function productKind<F extends AnyProductFinding>() {
  return <const P extends string = never>(kind: ProductKind<F, P>): ProductKind<F, P> => kind;
}
