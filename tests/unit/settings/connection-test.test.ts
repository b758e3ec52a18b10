import { describe, expect, test, vi } from 'vitest';
import { runConnectionTest, type ConnectionTestDeps } from '../../../lib/settings/connection-test';
import { connectionCheck } from '../../../lib/tracking/connection-check';
import type { Transport } from '../../../lib/tracking/provider';
import { STAND_IN_KDNIAO, STAND_IN_KUAIDI100 } from '../../../tests/stand-in/server/credentials';
import { createRouter } from '../../../tests/stand-in/server/router';
import { generateShop } from '../../../tests/stand-in/synthetic-shop';

const KUAIDI100 = { customer: 'SYNTH-CUSTOMER', key: 'synth-key' };
const ACCEPTED = { ok: true, message: { zh: '连接成功', en: 'Connected' } };

function deps(overrides: Partial<ConnectionTestDeps> = {}) {
  const check = vi.fn(() => Promise.resolve(ACCEPTED));
  const hostGranted = vi.fn(() => Promise.resolve(true));
  const all: ConnectionTestDeps = { credentials: { kuaidi100: KUAIDI100 }, hostGranted, check, ...overrides };
  return { check, hostGranted, all };
}

describe('runConnectionTest', () => {
  test('with the account saved and the host granted, the provider is asked with those credentials', async () => {
    const { check, all } = deps();
    expect(await runConnectionTest('kuaidi100', all)).toBe(ACCEPTED);
    expect(check).toHaveBeenCalledWith('kuaidi100', KUAIDI100);
  });

  test('no account saved: nothing is sent and the merchant is told to save one', async () => {
    const { check, all } = deps();
    const reply = await runConnectionTest('kdniao', all);
    expect(reply).toEqual({
      ok: false,
      message: { zh: '尚未保存快递鸟账号：请填写后点击“保存快递鸟设置”。', en: 'No Kdniao account saved: fill it in and save it first.' },
    });
    expect(check).not.toHaveBeenCalled();
  });

  test('host not granted: nothing is sent and the answer names the host', async () => {
    const { check, all } = deps({ hostGranted: () => Promise.resolve(false) });
    const reply = await runConnectionTest('kuaidi100', all);
    expect(reply.ok).toBe(false);
    expect(reply.message.zh).toBe('未获得访问 poll.kuaidi100.com 的授权：请点击“保存快递100设置”并选择“允许”。');
    expect(check).not.toHaveBeenCalled();
  });

  test('the demo needs neither account nor host', async () => {
    const { check, hostGranted, all } = deps({ credentials: {} });
    expect(await runConnectionTest('demo', all)).toMatchObject({ ok: true, message: { zh: '演示模式无需账号：轨迹由扩展内的模拟服务生成。' } });
    expect(check).not.toHaveBeenCalled();
    expect(hostGranted).not.toHaveBeenCalled();
  });
});

describe('against the stand-in couriers (the real clients, signing and reply reading)', () => {
  const NOW = Date.parse('2026-11-20T10:00:00+08:00');
  const router = createRouter({ shop: generateShop({ seed: 11, size: 5, now: NOW }) });
  const transport: Transport = async (request) => {
    const url = new URL(request.url);
    const reply = await router.handle({ host: url.hostname, method: request.method, url: url.pathname + url.search, body: Buffer.from(request.body) });
    return { status: reply.status, text: reply.body.toString() };
  };
  const withStandIns = (credentials: ConnectionTestDeps['credentials']): ConnectionTestDeps => ({
    credentials,
    hostGranted: () => Promise.resolve(true),
    check: (provider, account) => connectionCheck(provider, account, transport, NOW),
  });
  const kdniao = { businessId: STAND_IN_KDNIAO.businessId, apiKey: STAND_IN_KDNIAO.appKey, requestType: '1002' as const };

  test('the right accounts connect', async () => {
    expect(await runConnectionTest('kuaidi100', withStandIns({ kuaidi100: { ...STAND_IN_KUAIDI100 } }))).toMatchObject({ ok: true });
    expect(await runConnectionTest('kdniao', withStandIns({ kdniao }))).toMatchObject({ ok: true });
  });

  test('a wrong key answers the plain 签名错误 message, which never contains the key', async () => {
    const reply = await runConnectionTest('kuaidi100', withStandIns({ kuaidi100: { customer: STAND_IN_KUAIDI100.customer, key: 'wrong-key-77' } }));
    expect(reply.ok).toBe(false);
    expect(reply.message.zh).toContain('签名错误');
    expect(JSON.stringify(reply)).not.toContain('wrong-key-77');
    const kdniaoReply = await runConnectionTest('kdniao', withStandIns({ kdniao: { ...kdniao, apiKey: 'wrong-api-key-77' } }));
    expect(kdniaoReply.ok).toBe(false);
    expect(JSON.stringify(kdniaoReply)).not.toContain('wrong-api-key-77');
  });
});
