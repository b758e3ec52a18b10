// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findOrderAnchors, isAnnotatedPath, orderNumberAt } from '../../../entrypoints/console.content/selectors';

// Each console selector, against the saved stand-in HTML (tests/stand-in/make-snapshots.ts).
const SNAPSHOTS = resolve(import.meta.dirname, '../../stand-in/snapshots');

function load(name: string): Document {
  const html = readFileSync(resolve(SNAPSHOTS, name), 'utf8');
  // Markup only: the saved page's scripts are not what is under test.
  document.body.innerHTML = html.replace(/^[\s\S]*?<body>/, '').replace(/<\/body>[\s\S]*$/, '').replace(/<script[\s\S]*?<\/script>/g, '');
  return document;
}

/** The order numbers a reader sees in the card headers, straight from the saved HTML text. */
function numbersInText(doc: Document): string[] {
  return [...(doc.body.textContent ?? '').matchAll(/订单(?:编号|号)：\s*(\d{6}-\d{15})/g)].map((match) => match[1]!);
}

describe.each([
  ['orders-list.classic.html', 12],
  ['orders-list.restyled.html', 12],
  ['aftersale-list.classic.html', null],
])('%s', (name, expectedCards) => {
  test('finds one anchor per card, holding exactly that card’s order number', () => {
    const doc = load(name);
    const anchors = findOrderAnchors(doc.body);
    const expected = numbersInText(doc);
    if (expectedCards !== null) expect(expected).toHaveLength(expectedCards);
    expect(expected.length).toBeGreaterThan(0);
    expect(anchors.map((hit) => hit.orderSn)).toEqual(expected);
    expect(new Set(anchors.map((hit) => hit.anchor)).size).toBe(anchors.length);
    for (const { orderSn, anchor } of anchors) {
      expect(anchor.textContent).toContain(orderSn);
      expect(orderNumberAt(anchor)).toBe(orderSn);
      // The anchor is a header part, never the whole card (badges go right after the number).
      expect((anchor.textContent ?? '').length).toBeLessThanOrEqual(200);
    }
  });
});

test('a console without order numbers on its cards yields no anchor (and so no badge)', () => {
  const doc = load('orders-list.unmatchable.html');
  expect(numbersInText(doc)).toEqual([]);
  expect(findOrderAnchors(doc.body)).toEqual([]);
});

test.each([
  ['/orders/list', true],
  ['/aftersales/aftersale_list', true],
  ['/orders/detail', false],
  ['/home', false],
])('annotated path %s → %s', (path, expected) => {
  expect(isAnnotatedPath(path)).toBe(expected);
});
