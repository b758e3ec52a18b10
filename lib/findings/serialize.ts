// A finding as `npm run assess` prints it: instants as ISO-8601 UTC text, everything else as it is. The
// basis fields that are instants are those its kind's module describes as such.
import { basisValues, type BasisField } from './define';
import { moduleOf, type Finding } from './registry';

export type BasisJson = Record<string, string | number | boolean | null>;

export interface FindingJson {
  orderSn?: string;
  goodsId?: string;
  kind: Finding['kind'];
  severity: Finding['severity'];
  dueAt?: string;
  rule: Finding['rule'];
  basis: BasisJson;
}

export function isoOf(ms: number): string {
  return new Date(ms).toISOString();
}

export function findingJson(finding: Finding): FindingJson {
  const fields = moduleOf(finding.kind).basis as Readonly<Record<string, BasisField>>;
  const basis: BasisJson = {};
  for (const [key, value] of Object.entries(basisValues(finding.basis))) {
    basis[key] = typeof value === 'number' && fields[key]?.format === 'instant' ? isoOf(value) : value;
  }
  const json: FindingJson = {
    ...(finding.orderSn === undefined ? {} : { orderSn: finding.orderSn }),
    ...(finding.goodsId === undefined ? {} : { goodsId: finding.goodsId }),
    kind: finding.kind,
    severity: finding.severity,
    rule: finding.rule,
    basis,
  };
  if (finding.dueAt !== undefined) json.dueAt = isoOf(finding.dueAt);
  return json;
}
