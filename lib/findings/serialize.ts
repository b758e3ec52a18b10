// A finding as `npm run assess` prints it: instants as ISO-8601 UTC text, everything else as it is. The
// basis fields that are instants are those its kind's module describes as such.
import { basisValues, type BasisField } from './define';
import { toIso as isoOf } from '../time/shanghai';
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


export function findingJson(finding: Finding): FindingJson {
  const fields = moduleOf(finding.kind).basis as Readonly<Record<string, BasisField>>;
  const basis: BasisJson = {};
  for (const [key, value] of Object.entries(basisValues(finding.basis))) {
    basis[key] = typeof value === 'number' && fields[key]?.format === 'instant' ? isoOf(value) : value;
  }
  // Fields in the order the contract lists them, the optional ones only when present.
  return {
    ...(finding.orderSn === undefined ? {} : { orderSn: finding.orderSn }),
    ...(finding.goodsId === undefined ? {} : { goodsId: finding.goodsId }),
    kind: finding.kind,
    severity: finding.severity,
    ...(finding.dueAt === undefined ? {} : { dueAt: isoOf(finding.dueAt) }),
    rule: finding.rule,
    basis,
  };
}
