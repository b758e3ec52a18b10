// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Annotator } from '../../../entrypoints/console.content/annotator';
import type { OrderView } from '../../../lib/messages/protocol';

const view = (orderSn: string): OrderView => ({ orderSn, promiseShipAt: null, shippedAt: null, state: 'unshipped', findings: [], trace: null, waitingFor: null });

function card(orderSn: string): HTMLElement {
  const element = document.createElement('div');
  element.className = 'order-card';
  const header = document.createElement('div');
  const label = document.createElement('span');
  label.textContent = `订单编号：${orderSn}`;
  header.append(label);
  element.append(header);
  return element;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Annotator', () => {
  let list: HTMLElement;
  let controller: AbortController;
  let drawn: Array<[string, string | null]>;
  let annotator: Annotator;

  beforeEach(() => {
    document.body.replaceChildren();
    list = document.createElement('div');
    document.body.append(list);
    controller = new AbortController();
    drawn = [];
    annotator = new Annotator(
      document.body,
      (anchor, orderView) => {
        drawn.push([anchor.textContent ?? '', orderView?.orderSn ?? null]);
        if (orderView === null) anchor.nextElementSibling?.remove();
        else if (anchor.nextElementSibling?.localName !== 'order-sentinel-badges') anchor.after(document.createElement('order-sentinel-badges'));
      },
      () => undefined,
    );
  });
  afterEach(() => controller.abort());

  test('draws each card once, whichever comes first: the card or its data', async () => {
    list.append(card('261120-000000000000001'));
    annotator.start(controller.signal);
    annotator.update([view('261120-000000000000001'), view('261120-000000000000002')]);
    list.append(card('261120-000000000000002'));
    await flush();
    annotator.update([view('261120-000000000000001')]);
    expect(drawn.map(([, orderSn]) => orderSn)).toEqual(['261120-000000000000001', '261120-000000000000002', '261120-000000000000001']);
    expect(document.querySelectorAll('order-sentinel-badges')).toHaveLength(2);
  });

  test('unchanged data on an already drawn card draws nothing', async () => {
    annotator.start(controller.signal);
    const orders = [view('261120-000000000000001')];
    list.append(card('261120-000000000000001'));
    annotator.update(orders);
    annotator.update(orders);
    await flush();
    expect(drawn).toHaveLength(1);
  });

  test('cards replaced by a re-render (tab or page change) get new badges, once each', async () => {
    annotator.start(controller.signal);
    annotator.update([view('261120-000000000000001'), view('261120-000000000000002')]);
    list.append(card('261120-000000000000001'));
    await flush();
    list.replaceChildren(card('261120-000000000000001'), card('261120-000000000000002'));
    await flush();
    expect(document.querySelectorAll('order-sentinel-badges')).toHaveLength(2);
    expect(annotator.orderNumbersOnScreen()).toEqual(new Set(['261120-000000000000001', '261120-000000000000002']));
  });

  test('an element reused for another order loses the old badge even without data for the new one', async () => {
    annotator.start(controller.signal);
    annotator.update([view('261120-000000000000001')]);
    list.append(card('261120-000000000000001'));
    await flush();
    expect(document.querySelectorAll('order-sentinel-badges')).toHaveLength(1);
    list.querySelector('span')!.firstChild!.textContent = '订单编号：261120-000000000000009';
    await flush();
    expect(document.querySelectorAll('order-sentinel-badges')).toHaveLength(0);
    expect(annotator.orderNumbersOnScreen()).toEqual(new Set(['261120-000000000000009']));
  });

  test('finds the number when label and number are separate nodes, ignores text that is not an order number', async () => {
    annotator.start(controller.signal);
    annotator.update([view('261120-000000000000003')]);
    const header = document.createElement('div');
    const label = document.createElement('em');
    label.append('订单编号：', document.createElement('wbr'), '261120-000000000000003');
    const other = document.createElement('p');
    other.textContent = '订单成交时间：2026-11-20 10:00:00';
    header.append(label, other);
    list.append(header);
    await flush();
    expect(drawn).toEqual([['订单编号：261120-000000000000003', '261120-000000000000003']]);
  });

  test('a number replaced in its own node, apart from the label, takes the old badge away', async () => {
    annotator.start(controller.signal);
    annotator.update([view('261120-000000000000004')]);
    const header = document.createElement('div');
    const label = document.createElement('span');
    label.textContent = '订单编号：';
    const number = document.createElement('span');
    number.textContent = '261120-000000000000004';
    header.append(label, number);
    list.append(header);
    await flush();
    expect(number.nextElementSibling?.localName).toBe('order-sentinel-badges');
    number.firstChild!.textContent = '261120-000000000000005';
    await flush();
    expect(document.querySelectorAll('order-sentinel-badges')).toHaveLength(0);
    annotator.update([view('261120-000000000000005')]);
    expect(document.querySelectorAll('order-sentinel-badges')).toHaveLength(1);
  });
});
