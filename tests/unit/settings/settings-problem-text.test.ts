import { expect, test } from 'vitest';
import { settingsProblemText } from '@/lib/settings/settings-problem-text';

// A settings problem in the merchant's words: the setting by its label on the page, and the refused value as
// the page's language says it, also when it was no number or text at all.

test('a refused list or object is said in the page language, a number or text as it was', () => {
  const invalid = (value: string) => ({ code: 'invalid' as const, path: 'retentionDays', value, log: '' });
  expect(settingsProblemText(invalid('a list'), 'zh')).toBe('“已完结订单保留天数”的值无效（收到 一个列表）');
  expect(settingsProblemText(invalid('an object'), 'zh')).toBe('“已完结订单保留天数”的值无效（收到 一个对象）');
  expect(settingsProblemText(invalid('a list'), 'en')).toMatch(/\(got a list\)$/);
  expect(settingsProblemText(invalid('"soon"'), 'zh')).toBe('“已完结订单保留天数”的值无效（收到 "soon"）');
  expect(settingsProblemText({ code: 'too_many', path: 'notifications.leadHours.ship_by', value: '4', max: 3, log: '' }, 'zh')).toBe(
    '“发货截止 提前小时数”最多 3 个（收到 4 个）',
  );
});
