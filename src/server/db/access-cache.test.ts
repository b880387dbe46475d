import { describe, expect, it } from 'vitest';
import { AccessCache, AccessChanges } from './access-cache';

function setup(options: { maxEntries?: number; maxAgeMs?: number } = {}) {
  const changes = new AccessChanges();
  changes.setLive(true);
  let time = 0;
  const cache = new AccessCache<{ n: number } | null>(changes, { ...options, clock: () => time });
  let reads = 0;
  const load = (n = 1) => () => {
    reads += 1;
    return Promise.resolve({ n });
  };
  return { changes, cache, load, reads: () => reads, advance: (ms: number) => (time += ms) };
}

describe('AccessCache', () => {
  it('reads once and then answers from memory', async () => {
    const { cache, load, reads } = setup();
    expect(await cache.get('a', load())).toEqual({ n: 1 });
    expect(await cache.get('a', load())).toEqual({ n: 1 });
    expect(reads()).toBe(1);
  });

  it('reads again after any change', async () => {
    const { changes, cache, load, reads } = setup();
    await cache.get('a', load(1));
    changes.changed();
    expect(await cache.get('a', load(2))).toEqual({ n: 2 });
    expect(reads()).toBe(2);
    expect(cache.size).toBe(1);
  });

  it('does not keep a value read while a change came in', async () => {
    const { changes, cache } = setup();
    const racing = () => {
      changes.changed();
      return Promise.resolve({ n: 1 });
    };
    await cache.get('a', racing);
    expect(cache.size).toBe(0);
    await cache.get('a', () => Promise.resolve({ n: 2 }));
    expect(cache.size).toBe(1);
  });

  it('caches nothing while it cannot hear of changes', async () => {
    const { changes, cache, load, reads } = setup();
    await cache.get('a', load());
    changes.setLive(false);
    expect(cache.size).toBe(0);
    await cache.get('a', load());
    await cache.get('a', load());
    expect(reads()).toBe(3);
    expect(cache.size).toBe(0);
  });

  it('keeps only what `keep` allows (a not-found is read again)', async () => {
    const { cache } = setup();
    let reads = 0;
    const missing = () => {
      reads += 1;
      return Promise.resolve(null);
    };
    await cache.get('a', missing, (v) => v !== null);
    await cache.get('a', missing, (v) => v !== null);
    expect(reads).toBe(2);
  });

  it('forgets entries older than maxAgeMs and drops the oldest beyond maxEntries', async () => {
    const { cache, load, reads, advance } = setup({ maxEntries: 2, maxAgeMs: 1000 });
    await cache.get('a', load());
    advance(1001);
    await cache.get('a', load());
    expect(reads()).toBe(2);
    await cache.get('b', load());
    await cache.get('c', load());
    expect(cache.size).toBe(2);
    await cache.get('a', load());
    expect(reads()).toBe(5);
  });

  it('freezes what it shares between requests', async () => {
    const { cache } = setup();
    const value = await cache.get('a', () => Promise.resolve({ n: 1, list: [1], when: new Date(0) } as never));
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen((value as unknown as { list: number[] }).list)).toBe(true);
  });
});
