// What every registered kind must have. A newcomer's module fails here with a message naming what it lacks.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAssessInput } from '../../../lib/assess/assess-input';
import { assessOrders, type OrderContext } from '../../../lib/findings/assess';
import { basisProblems } from '../../../lib/findings/basis-check';
import { basisValues, type BasisField } from '../../../lib/findings/define';
import type { PolicyEntry, RuleReference } from '../../../lib/findings/policy-entry';
import { DEFAULT_POLICY, type Policy } from '../../../lib/findings/policy';
import { POLICY_SOURCES } from '../../../lib/findings/policy-sources';
import { FINDING_MODULES, ORDER_MODULES, POLICY_TABLE, PRODUCT_MODULES, type Finding, type PolicyKey } from '../../../lib/findings/registry';
import { shopFacts } from '../../../lib/findings/shop-facts';
import { tracedParcel } from '../../../lib/findings/trace';
import { generateShop } from '../../stand-in/synthetic-shop';
import { afterSale, context, H, NOW, order, shipped } from './builders';

const ROOT = resolve(import.meta.dirname, '../../..');
const fileOf = (kind: string) => kind.replaceAll('_', '-');

/** Shops and moments that between them make every kind, as the registry's evaluation would. */
function battery(): Array<{ contexts: OrderContext[]; now: number }> {
  const runs: Array<{ contexts: OrderContext[]; now: number }> = [];
  for (const [seed, now] of [
    [3, Date.parse('2026-11-20T10:00:00+08:00')],
    [11, Date.parse('2026-06-01T23:30:00+08:00')],
  ] as const) {
    const shop = generateShop({ seed, size: 240, now });
    const parsed = parseAssessInput({ now, orders: shop.orders, afterSales: shop.afterSales, traces: shop.kuaidi100 }, now);
    if (!parsed.ok) throw new Error(parsed.error);
    runs.push({ contexts: parsed.input.contexts, now });
  }
  // What the synthetic shop never shows: orders without a promised ship time, cases without a remaining time.
  const fallbacks = [
    context(order({ orderSn: 'fallback-1', promiseShipAt: null, orderAt: NOW - 40 * H })),
    context(shipped(30, { orderSn: 'fallback-2', promiseShipAt: null, orderAt: NOW - 80 * H })),
    context(order({ orderSn: 'fallback-3' }), null, [afterSale({ orderSn: 'fallback-3', kind: 'refund_only' })]),
    context(shipped(30, { orderSn: 'fallback-4' }), null, [afterSale({ orderSn: 'fallback-4', kind: 'refund_only' })]),
    context(shipped(30, { orderSn: 'fallback-5' }), null, [afterSale({ orderSn: 'fallback-5', kind: 'return_refund' })]),
  ];
  runs.push({ contexts: fallbacks, now: NOW });
  return runs;
}

/** The policy as a kind sees it, noting every key it reads. */
function watchedPolicy(read: Set<string>): Policy {
  return new Proxy(DEFAULT_POLICY, {
    get(target, key, receiver) {
      if (typeof key === 'string') read.add(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

interface KindRun {
  readKeys: Set<string>;
  findings: Finding[];
}

/** Each kind's findings over the battery, and the policy keys it read doing so. */
function runEachKind(): Map<string, KindRun> {
  const runs = new Map<string, KindRun>(FINDING_MODULES.map((module) => [module.kind, { readKeys: new Set(), findings: [] }]));
  for (const { contexts, now } of battery()) {
    const parcels = contexts.map(tracedParcel);
    const shop = shopFacts(contexts, parcels);
    // Readers see the findings of the kinds they read: the whole evaluation gives them.
    const all = assessOrders(contexts, now, DEFAULT_POLICY);
    contexts.forEach((context, index) => {
      const found = all.findings.slice(all.firstOf[index], all.firstOf[index + 1]);
      for (const module of ORDER_MODULES) {
        const run = runs.get(module.kind)!;
        const subject = { ...context, parcel: parcels[index] ?? null, sharedNumber: shop.sharedNumberOf[index] ?? null, found, first: 0 };
        module.evaluate(subject, now, watchedPolicy(run.readKeys), run.findings);
      }
    });
    for (const product of shop.rejectedProducts) {
      for (const module of PRODUCT_MODULES) {
        const run = runs.get(module.kind)!;
        module.evaluate(product, now, watchedPolicy(run.readKeys), run.findings);
      }
    }
  }
  return runs;
}

const runs = runEachKind();

describe.each(FINDING_MODULES.map((module) => [module.kind, module] as const))('%s', (kind, module) => {
  const fields = module.basis as Readonly<Record<string, BasisField>>;
  const run = runs.get(kind)!;

  it('is one module, with a test file of its own', () => {
    const source = resolve(ROOT, `lib/findings/kinds/${fileOf(kind)}.ts`);
    expect(existsSync(source), `lib/findings/kinds/${fileOf(kind)}.ts`).toBe(true);
    expect(readFileSync(source, 'utf8')).toContain(`kind: '${kind}'`);
    const test = resolve(ROOT, `tests/unit/findings/kinds/${fileOf(kind)}.test.ts`);
    expect(existsSync(test), `tests/unit/findings/kinds/${fileOf(kind)}.test.ts`).toBe(true);
    expect(readFileSync(test, 'utf8')).toContain(`'${kind}'`);
  });

  it('has a label and advice in both languages', () => {
    for (const words of [module.labels, module.advice]) {
      expect(words.zh, 'zh').toMatch(/\p{Script=Han}/u);
      // English text starts with a capital and is not the Chinese again (console names such as 补寄 may appear in it).
      expect(words.en, 'en').toMatch(/^[A-Z][a-z-]* [a-z]/);
    }
  });

  it('has a rule reference for every rule it cites and every threshold belongs to', () => {
    const rules = module.rules as Readonly<Record<string, RuleReference>>;
    for (const finding of run.findings) expect(Object.keys(rules), `rule ${finding.rule}`).toContain(finding.rule);
    for (const entry of module.thresholds as readonly PolicyEntry[]) {
      const owner = FINDING_MODULES.find((other) => entry.rule in other.rules);
      expect(owner, `the rule ${entry.rule} of ${entry.key}`).toBeDefined();
    }
    for (const reference of Object.values(rules)) {
      expect(reference.zh).toMatch(/\p{Script=Han}/u);
      expect(reference.source.length, reference.en).toBeGreaterThan(5);
    }
  });

  it('says where each of its thresholds comes from in both languages, in words for the merchant', () => {
    for (const entry of module.thresholds as readonly PolicyEntry[]) {
      const { zh, en } = POLICY_SOURCES[entry.key as PolicyKey];
      expect(zh, entry.key).toMatch(/\p{Script=Han}/u);
      expect(en, entry.key).toMatch(/^[A-Z][a-z']* [a-z(]/);
      // The options page shows the source as it is: no rule id, policy key or console field name in it.
      for (const text of [zh, en]) expect(text, entry.key).not.toMatch(new RegExp(`\\b${entry.rule}\\b|${entry.key}|\\b[a-z]+_[a-z_]+\\b`));
    }
  });

  it('declares exactly the thresholds its evaluation reads, each in the policy table', () => {
    const declared = (module.thresholds as readonly PolicyEntry[]).map((entry) => entry.key).sort();
    expect([...run.readKeys].sort()).toEqual(declared);
    for (const entry of module.thresholds as readonly PolicyEntry[]) expect(POLICY_TABLE, entry.key).toContain(entry);
    for (const pair of 'narrowerThan' in module ? (module.narrowerThan ?? []) : []) for (const key of pair) expect(declared).toContain(key);
  });

  it('is made by the battery, and describes every basis field it writes in both languages', () => {
    expect(run.findings.length, `no ${kind} in the battery: widen it`).toBeGreaterThan(0);
    const written = new Set<string>();
    for (const finding of run.findings) {
      expect(finding.kind).toBe(kind);
      expect(basisProblems(kind, finding.basis)).toEqual([]);
      for (const key of Object.keys(basisValues(finding.basis))) written.add(key);
    }
    for (const key of written) {
      expect(fields[key], `basis field ${key}`).toBeDefined();
      expect(fields[key]!.zh, key).toMatch(/\p{Script=Han}/u);
      expect(fields[key]!.en, key).toMatch(/^[A-Z]/);
    }
    // A described field nothing writes is a leftover.
    expect(Object.keys(fields).filter((key) => !written.has(key))).toEqual([]);
  });

  it('is a clock with a re-banding and a badge, or an anomaly that keeps its severity', () => {
    if (module.type === 'clock') {
      expect(module.severityAt, 'severityAt').toBeTypeOf('function');
      expect('badge' in module && module.badge, 'badge').toBeTruthy();
      for (const finding of run.findings) expect(finding.dueAt === undefined || Number.isFinite(finding.dueAt)).toBe(true);
    } else {
      expect(module.severityAt).toBeUndefined();
      for (const finding of run.findings) expect(finding.dueAt).toBeUndefined();
    }
  });
});

describe('the registry', () => {
  it('lists each kind once, and readers after the kinds they read, which read nothing themselves', () => {
    const kinds = FINDING_MODULES.map((module) => module.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    for (const module of ORDER_MODULES) {
      for (const kind of module.reads ?? []) {
        const read = ORDER_MODULES.find((other) => other.kind === kind);
        expect(read, `${module.kind} reads ${kind}`).toBeDefined();
        expect(read?.reads, `${kind}, read by ${module.kind}, must read no other kind`).toBeUndefined();
      }
    }
  });

  it('gives each rule id one reference and each policy key one entry', () => {
    const references = new Map<string, RuleReference>();
    for (const module of FINDING_MODULES) {
      for (const [id, reference] of Object.entries(module.rules as Readonly<Record<string, RuleReference>>)) {
        if (references.has(id)) expect(references.get(id), `rule ${id} is defined twice`).toBe(reference);
        references.set(id, reference);
      }
    }
    const keys = POLICY_TABLE.map((entry) => entry.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
