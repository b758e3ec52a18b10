import { describe, expect, test, vi } from 'vitest';
import { runConnectionTest, type ConnectionTestDeps } from '../../../lib/settings/connection-test';

const KUAIDI100 = { customer: 'SYNTH-CUSTOMER', key: 'synth-key' };
const ACCEPTED = { ok: true, message: { zh: '连接成功', en: 'Connected' } };

function deps(overrides: Partial<ConnectionTestDeps> = {}) {
  const check = vi.fn(() => Promise.resolve(ACCEPTED));
  const hostGranted = vi.fn(() => Promise.resolve(true));
  return { check, hostGranted, all: { credentials: { kuaidi100: KUAIDI100 }, hostGranted, check, ...overrides } as ConnectionTestDeps };
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
