// @vitest-environment happy-dom
// What the poller's provider state reads as, in the popup (brief, 去设置) and in the options (full, details folded).
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ProviderStatus } from '@/components/ProviderStatus';
import type { SentinelDb } from '@/lib/db/schema';
import { instantFormatter } from '@/lib/explain/format-instant';
import { freshProviderState, writeProviderState, type ProviderPollState } from '@/lib/polling/poller-state';
import { HOUR, NOW, freshDb } from '../db/helpers';

const MINUTE = 60_000;
const at = instantFormatter('zh');
const FAILING: ProviderPollState['failing'] = {
  message: { zh: '连不上快递100（网络故障或超时），稍后自动重试', en: 'Could not reach Kuaidi100' },
  detail: 'request to Kuaidi100 failed: TypeError: Failed to fetch',
  since: NOW - 10 * MINUTE,
  consecutive: 4,
  retryAt: NOW + 35 * MINUTE,
};

let db: SentinelDb;
beforeEach(async () => {
  db = await freshDb();
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  db.close();
});

const store = (state: Partial<ProviderPollState>) => writeProviderState(db, { ...freshProviderState('kuaidi100', NOW), ...state });
const popup = (onFix = vi.fn()) => render(<ProviderStatus db={db} provider="kuaidi100" dailyBudget={null} lang="zh" onFix={onFix} />);
const options = () => render(<ProviderStatus db={db} provider="kuaidi100" dailyBudget={500} lang="zh" />);

describe('ProviderStatus', () => {
  test('a failing provider: the plain message first, since when and how often, when it is retried, what to do if it lasts', async () => {
    await store({ failing: FAILING });
    options();
    const banner = await screen.findByTestId('provider-failing');
    expect(banner.textContent).toBe(
      `快递100查询暂时失败（自 ${at(NOW - 10 * MINUTE)} 起连续 4 次）：连不上快递100（网络故障或超时），稍后自动重试。出错的单号将于 ${at(NOW + 35 * MINUTE)} 后自动重查，其余照常查询；若持续数小时仍未恢复，请点击“测试连接”检查网络和账号。` +
        `技术详情${FAILING.detail}`,
    );
    // The technical detail is there, folded away.
    expect(within(banner).getByText('技术详情').tagName).toBe('SUMMARY');
    expect(within(banner).getByText(FAILING.detail).closest('details')).not.toBeNull();
  });

  test('in the popup the failing banner is brief, offers 去设置 and keeps the detail on hover', async () => {
    await store({ failing: { ...FAILING, retryAt: null } });
    const onFix = vi.fn();
    popup(onFix);
    const banner = await screen.findByTestId('provider-failing');
    expect(banner.textContent).toBe(
      `快递100 连不上快递100（网络故障或超时），稍后自动重试（自 ${at(NOW - 10 * MINUTE)} 起连续 4 次；其余单号照常查询。若一直如此，请到设置中测试连接） 去设置 →`,
    );
    expect(banner.title).toBe(FAILING.detail);
    fireEvent.click(within(banner).getByRole('button', { name: '去设置 →' }));
    expect(onFix).toHaveBeenCalled();
  });

  test('a stop or a pause is shown instead of the failing run', async () => {
    await store({ failing: FAILING, pausedUntil: NOW + HOUR });
    popup();
    expect((await screen.findByTestId('provider-paused')).textContent).toContain(`暂停查询至 ${at(NOW + HOUR)}`);
    expect(screen.queryByTestId('provider-failing')).toBeNull();
  });

  test('the popup says why the chosen provider is not asked at all, and what to do; the options page checks that itself', async () => {
    await store({ unusable: 'no_permission' });
    const { unmount } = popup();
    expect((await screen.findByTestId('provider-unusable')).textContent).toBe(
      '快递100 未获得访问 poll.kuaidi100.com 的授权，暂不查询：请在设置中点击“保存查询设置”并选择“允许” 去设置 →',
    );
    unmount();
    await store({ unusable: 'no_account' });
    popup();
    expect((await screen.findByTestId('provider-unusable')).textContent).toMatch(/^快递100 账号未保存或无法读取，暂不查询/);
    cleanup();
    options();
    await screen.findByTestId('provider-sent-today');
    expect(screen.queryByTestId('provider-unusable')).toBeNull();
  });
});
