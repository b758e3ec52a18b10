// The provider state the cycle keeps in `meta`: untrusted on reading, its daily count per Beijing day.
import { describe, expect, test } from 'vitest';
import {
  freshProviderState,
  readProviderState,
  readProviderStates,
  readStoredState,
  recordProviderUsable,
  resumeProvider,
  shanghaiDay,
  writeProviderState,
} from '../../../lib/polling/poller-state';
import { HOUR, NOW, freshDb } from '../db/helpers';

describe('provider poll state', () => {
  test('the day is Beijing\'s: 23:59 and 00:00 in Beijing are two days whatever the machine\'s zone', () => {
    expect(shanghaiDay(Date.parse('2026-11-20T23:59:00+08:00'))).toBe('2026-11-20');
    expect(shanghaiDay(Date.parse('2026-11-20T16:00:00Z'))).toBe('2026-11-21');
  });

  test('a stored count belongs to its day; the next day starts at 0 and keeps the stop', () => {
    const stored = { ...freshProviderState('kdniao', NOW), sentToday: 7, stoppedFor: { errorClass: 'auth', message: { zh: '签名错误', en: 'bad signature' }, at: NOW } };
    expect(readStoredState('kdniao', stored, NOW + HOUR).sentToday).toBe(7);
    expect(readStoredState('kdniao', stored, NOW + 24 * HOUR)).toMatchObject({ sentToday: 0, day: '2026-11-21', stoppedFor: { errorClass: 'auth' } });
  });

  test('a value that does not read, or belongs to another provider, gives a fresh state', () => {
    for (const junk of [undefined, null, 'x', { provider: 'kdniao', sentToday: -1 }, { ...freshProviderState('kdniao', NOW), sentToday: 1.5 }]) {
      expect(readStoredState('kdniao', junk, NOW)).toEqual(freshProviderState('kdniao', NOW));
    }
    expect(readStoredState('kuaidi100', freshProviderState('kdniao', NOW), NOW).provider).toBe('kuaidi100');
  });

  test('every provider\'s state reads back from the meta table', async () => {
    const db = await freshDb();
    await writeProviderState(db, { ...freshProviderState('demo', NOW), pausedUntil: NOW + HOUR });
    const states = await readProviderStates(db, NOW);
    expect(states.map((state) => [state.provider, state.pausedUntil])).toEqual([['kuaidi100', null], ['kdniao', null], ['demo', NOW + HOUR]]);
  });

  test('a state stored before failing and unusable were kept reads with neither, its stop kept', () => {
    const { failing: _failing, unusable: _unusable, ...older } = freshProviderState('kuaidi100', NOW);
    const stopped = { ...older, stoppedFor: { errorClass: 'auth', message: { zh: '签名错误', en: 'bad signature' }, at: NOW } };
    expect(readStoredState('kuaidi100', stopped, NOW)).toMatchObject({ failing: null, unusable: null, stoppedFor: { errorClass: 'auth' } });
  });

  test('the unusable mark is written only when it changes, and a settings change lifts it', async () => {
    const db = await freshDb();
    await recordProviderUsable(db, 'kuaidi100', 'no_permission', NOW);
    expect((await readProviderState(db, 'kuaidi100', NOW)).unusable).toBe('no_permission');
    const puts: string[] = [];
    db.meta.hook('updating', (_changes, key) => void puts.push(String(key)));
    db.meta.hook('creating', (key) => void puts.push(String(key)));
    await recordProviderUsable(db, 'kuaidi100', 'no_permission', NOW + HOUR);
    expect(puts).toEqual([]);
    await recordProviderUsable(db, 'kuaidi100', 'no_account', NOW + HOUR);
    expect((await readProviderState(db, 'kuaidi100', NOW)).unusable).toBe('no_account');
    await resumeProvider(db, 'kuaidi100', NOW + HOUR);
    expect((await readProviderState(db, 'kuaidi100', NOW)).unusable).toBeNull();
    await recordProviderUsable(db, 'kuaidi100', 'no_permission', NOW + 2 * HOUR);
    await recordProviderUsable(db, 'kuaidi100', null, NOW + 2 * HOUR);
    expect((await readProviderState(db, 'kuaidi100', NOW)).unusable).toBeNull();
  });
});
