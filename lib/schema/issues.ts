// Valibot issues as the one-line messages the extension shows: the path of the field, what was expected,
// and what arrived, quoted the way JSON would write it (untrusted text never brings its newlines along).
import type { BaseIssue } from 'valibot';
import { describeValue } from '../text/quote';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `orders[3].facts.shippedAt` from a root and the keys below it; a key that is no identifier is written `["odd key"]`. */
export function pathOf(root: string, keys: readonly unknown[]): string {
  let text = root;
  for (const key of keys) text += step(key, text === '');
  return text;
}

/** One path step: `[3]` for a list index, `.key` (or `key` at the start), `["odd key"]` for any other key. */
export function step(key: unknown, first: boolean): string {
  if (typeof key === 'number') return `[${key}]`;
  if (typeof key === 'string' && IDENTIFIER.test(key)) return first ? key : `.${key}`;
  return `[${describeValue(key)}]`;
}

/**
 * `retentionDays: expected whole days from 7 to 3650, got 2`. Schema issues say what type was expected in valibot's
 * words (`number`, `"auto" | "zh" | "en"`); validation issues carry our own wording as their message.
 */
export function describeIssue(issue: BaseIssue<unknown>, root = ''): string {
  const path = issue.path ?? [];
  const keys = path.map((item) => item.key);
  const last = path[path.length - 1];
  const where = pathOf(root, keys) || 'value';
  if (last !== undefined && last.origin === 'key') {
    // An object's key that is missing, or one that is not allowed (unknown, or not one of a record's keys).
    if (issue.input === undefined && issue.expected !== 'never') return `${pathOf(root, keys.slice(0, -1)) || 'value'} has no ${step(last.key, true)}`;
    return `${where}: unknown key`;
  }
  if (issue.expected === 'never') return `${where}: unknown key`;
  // Our own checks (validation actions, custom schemas) word their expectation in their message.
  const ours = issue.kind === 'validation' || issue.type === 'custom';
  const expected = ours ? issue.message : (issue.expected ?? issue.message);
  // A check of a whole object reported at one of its fields (valibot's forward) names that field's value;
  // an object or a list quoted says nothing, so it is left out.
  const received = last !== undefined ? last.value : issue.input;
  return typeof received === 'object' && received !== null && issue.kind === 'validation'
    ? `${where}: expected ${expected}`
    : `${where}: expected ${expected}, got ${describeValue(received)}`;
}

export function describeIssues(issues: readonly BaseIssue<unknown>[], root = ''): string[] {
  return issues.map((issue) => describeIssue(issue, root));
}
