// A record whose values are built on first read. A 100k-order shop has ~75k parcels and most tests read
// a handful of their courier bodies, so building all ~150k bodies up front would waste seconds.
// Reads, writes, `in`, `delete`, Object.keys/entries, spreading, toEqual and JSON.stringify behave as on
// a plain object; structuredClone does not take it (clone `{ ...record }` instead).

import { inspect } from 'node:util';

class Built<V> {
  constructor(readonly value: V) {}
}

export function lazyRecord<T, V>(sources: ReadonlyMap<string, T>, build: (source: T) => V): Record<string, V> {
  const slots = new Map<string, T | Built<V>>(sources);
  const read = (key: string): V | undefined => {
    const slot = slots.get(key);
    if (slot === undefined && !slots.has(key)) return undefined;
    if (slot instanceof Built) return slot.value;
    const value = build(slot as T);
    slots.set(key, new Built(value));
    return value;
  };
  const owns = (key: string | symbol): key is string => typeof key === 'string' && slots.has(key);
  // node's console.log shows a proxy's target, so the target explains itself.
  const target = { [inspect.custom]: () => `[lazy record of ${slots.size} entries]` };
  Object.defineProperty(target, inspect.custom, { enumerable: false });
  return new Proxy<Record<string, V>>(target, {
    get: (t, key, receiver) => (owns(key) ? read(key) : (Reflect.get(t, key, receiver) as unknown)),
    set: (_t, key, value) => {
      if (typeof key !== 'string') return false;
      slots.set(key, new Built(value as V));
      return true;
    },
    has: (t, key) => owns(key) || Reflect.has(t, key),
    deleteProperty: (_t, key) => (typeof key === 'string' ? (slots.delete(key), true) : false),
    ownKeys: () => [...slots.keys()],
    getOwnPropertyDescriptor: (_t, key) => (owns(key) ? { value: read(key), enumerable: true, configurable: true, writable: true } : undefined),
    defineProperty: (_t, key, descriptor) => {
      if (typeof key !== 'string' || !('value' in descriptor)) return false;
      slots.set(key, new Built(descriptor.value as V));
      return true;
    },
  });
}
