import { describe, expect, it } from 'vitest';
import { WriteBatcher } from './write-batcher';

type Item = { key: string; n: number };

/** A write function whose calls stay open until the test lets them finish. */
function setup(options: { maxInFlight?: number; maxBatch?: number; sameKeyTogether?: boolean; fails?: (items: readonly Item[]) => boolean } = {}) {
  const calls: { items: Item[]; finish: () => void; fail: (error: Error) => void }[] = [];
  const applied: Item[] = [];
  const batcher = new WriteBatcher<Item>(
    (items) =>
      new Promise<void>((resolve, reject) => {
        calls.push({
          items: [...items],
          finish: () => {
            if (options.fails?.(items)) {
              reject(new Error(`failed: ${items.map((i) => i.n).join(',')}`));
              return;
            }
            applied.push(...items);
            resolve();
          },
          fail: reject,
        });
      }),
    { key: (item) => item.key, maxInFlight: options.maxInFlight ?? 1, maxBatch: options.maxBatch ?? 10, sameKeyTogether: options.sameKeyTogether ?? false },
  );
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  /** Lets every open call finish, again and again, until nothing is left. */
  const drain = async () => {
    for (;;) {
      await settle();
      const open = calls.splice(0);
      if (open.length === 0) return;
      for (const call of open) call.finish();
    }
  };
  return { batcher, calls, applied, settle, drain };
}

const item = (key: string, n: number): Item => ({ key, n });

describe('WriteBatcher', () => {
  it('sends a write at once when nothing else runs', async () => {
    const { batcher, calls, settle } = setup();
    const done = batcher.submit(item('a', 1));
    await settle();
    expect(calls.map((c) => c.items)).toEqual([[item('a', 1)]]);
    calls[0]!.finish();
    await expect(done).resolves.toBeUndefined();
  });

  it('puts the writes that arrive while a batch runs into the next batch, together', async () => {
    const { batcher, calls, settle, drain } = setup();
    const all = [batcher.submit(item('a', 1)), batcher.submit(item('b', 2)), batcher.submit(item('c', 3)), batcher.submit(item('d', 4))];
    await settle();
    expect(calls.map((c) => c.items.map((i) => i.n))).toEqual([[1]]);
    calls.shift()!.finish();
    await settle();
    expect(calls.map((c) => c.items.map((i) => i.n))).toEqual([[2, 3, 4]]);
    await drain();
    await Promise.all(all);
  });

  it('does not settle a write before its batch has finished', async () => {
    const { batcher, calls, settle } = setup();
    let settled = false;
    void batcher.submit(item('a', 1)).then(() => (settled = true));
    await settle();
    expect(settled).toBe(false);
    calls[0]!.finish();
    await settle();
    expect(settled).toBe(true);
  });

  it('applies writes with the same key one after another, in the order they arrived', async () => {
    const { batcher, calls, applied, settle, drain } = setup({ maxInFlight: 4 });
    const all = [batcher.submit(item('s', 1)), batcher.submit(item('s', 2)), batcher.submit(item('t', 3)), batcher.submit(item('s', 4))];
    await settle();
    // 1 runs; 2 and 4 wait for it (same key); 3 may run beside it.
    expect(calls.map((c) => c.items.map((i) => i.n))).toEqual([[1], [3]]);
    expect(batcher.waiting).toBe(2);
    await drain();
    await Promise.all(all);
    expect(applied.filter((i) => i.key === 's').map((i) => i.n)).toEqual([1, 2, 4]);
  });

  it('lets writes with the same key share a batch, in arrival order, when the write applies them in order', async () => {
    const { batcher, calls, applied, settle, drain } = setup({ maxInFlight: 2, sameKeyTogether: true });
    const all = [batcher.submit(item('s', 1)), batcher.submit(item('s', 2)), batcher.submit(item('t', 3)), batcher.submit(item('s', 4)), batcher.submit(item('t', 5))];
    await settle();
    // 1 and 3 run at once (two allowed); 2, 4 and 5 wait for their key.
    expect(calls.map((c) => c.items.map((i) => i.n))).toEqual([[1], [3]]);
    calls.shift()!.finish();
    await settle();
    // Key s is free: 2 and 4 go together; 5 still waits for 3.
    expect(calls.map((c) => c.items.map((i) => i.n))).toEqual([[3], [2, 4]]);
    await drain();
    await Promise.all(all);
    expect(applied.filter((i) => i.key === 's').map((i) => i.n)).toEqual([1, 2, 4]);
    expect(applied.filter((i) => i.key === 't').map((i) => i.n)).toEqual([3, 5]);
  });

  it('never runs more batches at once than allowed, and keeps batches within their size', async () => {
    const { batcher, calls, applied, settle } = setup({ maxInFlight: 2, maxBatch: 3 });
    const all = Array.from({ length: 12 }, (_, n) => batcher.submit(item(`k${n}`, n)));
    await settle();
    // The first two go at once; the other ten wait.
    expect(calls.map((c) => c.items.length)).toEqual([1, 1]);
    const sizes: number[] = [];
    while (calls.length > 0) {
      expect(calls.length).toBeLessThanOrEqual(2);
      const call = calls.shift()!;
      sizes.push(call.items.length);
      call.finish();
      await settle();
    }
    await Promise.all(all);
    expect(sizes).toEqual([1, 1, 3, 3, 3, 1]);
    expect(applied.map((i) => i.n).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, n) => n));
  });

  it('fails only the bad write when a batch fails: the others are retried one by one', async () => {
    const { batcher, calls, applied, settle, drain } = setup({ fails: (items) => items.some((i) => i.n === 3) });
    const first = batcher.submit(item('a', 1));
    const rest = [batcher.submit(item('b', 2)), batcher.submit(item('c', 3)), batcher.submit(item('d', 4))];
    await settle();
    calls.shift()!.finish();
    await first;
    const outcomes = Promise.allSettled(rest);
    await drain();
    const settledOutcomes = await outcomes;
    expect(settledOutcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((settledOutcomes[1] as PromiseRejectedResult).reason).toEqual(new Error('failed: 3'));
    expect(applied.map((i) => i.n)).toEqual([1, 2, 4]);
    await settle();
    expect(batcher.waiting).toBe(0);
  });

  it('passes on the error of a write that fails alone, and goes on with the next', async () => {
    const { batcher, calls, settle } = setup();
    const failing = batcher.submit(item('a', 1));
    const failed = expect(failing).rejects.toThrow('connection lost');
    const next = batcher.submit(item('a', 2));
    await settle();
    calls.shift()!.fail(new Error('connection lost'));
    await failed;
    await settle();
    expect(calls.map((c) => c.items.map((i) => i.n))).toEqual([[2]]);
    calls.shift()!.finish();
    await expect(next).resolves.toBeUndefined();
  });
});
