import { describe, expect, test } from 'vitest';
import { rowsOfCapture } from '../../../lib/ingest/envelope';

describe('rowsOfCapture', () => {
  test.each([
    ['recentOrderList', { success: true, result: { pageItems: [{ order_sn: '1' }] } }, [{ order_sn: '1' }]],
    ['afterSalesList', { success: true, result: { list: [{ id: 1 }, { id: 2 }] } }, [{ id: 1 }, { id: 2 }]],
    ['orderDetail', { result: { order_sn: '1' } }, [{ order_sn: '1' }]],
    ['courierTrace', { success: true, errorCode: 1000000, result: { traceList: [] } }, [{ traceList: [] }]],
  ] as const)('finds the rows of %s', (endpoint, response, rows) => {
    expect(rowsOfCapture({ endpoint, response })).toEqual({ ok: true, rows });
  });

  test.each([
    ['recentOrderList', 'garbage', 'recentOrderList: response is not a JSON object'],
    ['recentOrderList', [1], 'recentOrderList: response is not a JSON object'],
    ['recentOrderList', { success: true }, 'recentOrderList: response has no result'],
    ['recentOrderList', { success: true, result: { pageItems: 'nope' } }, 'recentOrderList: response.result.pageItems: expected Array, got "nope"'],
    ['afterSalesList', { success: true, result: 7 }, 'afterSalesList: response.result: expected Object, got 7'],
    ['orderDetail', { result: [] }, 'orderDetail: response.result: expected an object, got a list'],
    ['recentOrderList', { success: false, errorCode: 54001, errorMsg: '操作太过频繁\n请稍后' }, 'recentOrderList: console answered with an error 54001: "操作太过频繁\\n请稍后"'],
    ['orderDetail', { error_code: '40002\n', result: {} }, 'orderDetail: console answered with an error "40002\\n"'],
    ['courierTrace', { success: false, errorCode: 54001, errorMsg: '操作太过频繁', result: { verifyAuthToken: 'x' } }, 'courierTrace: console answered with an error 54001: "操作太过频繁"'],
    ['courierTrace', { success: true, result: null }, 'courierTrace: response.result: expected an object, got null'],
  ] as const)('%s: %j is refused by path, its text quoted', (endpoint, response, error) => {
    expect(rowsOfCapture({ endpoint, response })).toEqual({ ok: false, error });
  });
});
