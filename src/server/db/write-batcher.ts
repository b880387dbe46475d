/**
 * Group commit for the busiest writes: writes of one kind that arrive while the database is busy
 * with earlier ones go to it together, as one statement. A write is sent at once while fewer than
 * `maxInFlight` batches are running, so under a light load nothing waits; under a heavy one a
 * round trip, a plan and a commit are shared by everything that queued meanwhile
 * (docs/adr/0007-write-batching.md).
 *
 * - A write's promise settles when its batch has committed (or failed): an acknowledged write is
 *   on disk like any other.
 * - Writes with the same key (the same coaching session) never run side by side: they apply one
 *   after another, in the order they arrived. They share a batch only when the write function
 *   says it applies a batch's items in order (`sameKeyTogether`); otherwise each waits for the
 *   next batch.
 * - When a batch fails, its writes are retried one by one, so a bad write fails only its own
 *   request.
 */
import type { Db } from './client';

export type WriteBatcherOptions<T> = {
  /** Writes with equal keys are applied one at a time, in order. */
  key: (item: T) => string;
  /**
   * Whether writes with equal keys may share a batch. The write function then gets them in
   * arrival order and must apply them in that order (one after another within its statement).
   */
  sameKeyTogether?: boolean;
  /** Batches running at once (at most the connections the database has); one unless given. */
  maxInFlight?: number;
  /** Writes per batch. */
  maxBatch: number;
};

type Waiting<T> = { item: T; key: string; resolve: () => void; reject: (error: unknown) => void };

export class WriteBatcher<T> {
  private queue: Waiting<T>[] = [];
  private running = 0;
  /** Keys of the writes in running batches. */
  private readonly busy = new Set<string>();

  constructor(
    private readonly write: (items: readonly T[]) => Promise<void>,
    private readonly options: WriteBatcherOptions<T>,
  ) {}

  submit(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, key: this.options.key(item), resolve, reject });
      this.pump();
    });
  }

  /** Writes waiting for a batch (for tests and diagnostics). */
  get waiting(): number {
    return this.queue.length;
  }

  private pump(): void {
    while (this.running < (this.options.maxInFlight ?? 1) && this.queue.length > 0) {
      const batch = this.take();
      // Everything that waits is behind a running write with the same key.
      if (batch.length === 0) return;
      this.running++;
      for (const w of batch) this.busy.add(w.key);
      void this.run(batch).finally(() => {
        this.running--;
        for (const w of batch) this.busy.delete(w.key);
        this.pump();
      });
    }
  }

  /**
   * The oldest waiting writes whose key is not running (one per key unless `sameKeyTogether`), in
   * arrival order; the rest keep their order.
   */
  private take(): Waiting<T>[] {
    const batch: Waiting<T>[] = [];
    const rest: Waiting<T>[] = [];
    const keys = new Set<string>();
    for (const w of this.queue) {
      if (batch.length < this.options.maxBatch && !this.busy.has(w.key) && (this.options.sameKeyTogether || !keys.has(w.key))) {
        batch.push(w);
        keys.add(w.key);
      } else {
        rest.push(w);
      }
    }
    this.queue = rest;
    return batch;
  }

  private async run(batch: Waiting<T>[]): Promise<void> {
    try {
      await this.write(batch.map((w) => w.item));
      for (const w of batch) w.resolve();
      return;
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
    }
    for (const w of batch) {
      try {
        await this.write([w.item]);
        w.resolve();
      } catch (error) {
        w.reject(error);
      }
    }
  }
}

/**
 * One batcher per database handle, made on first use. One batch of a kind runs at a time (as a
 * database's own group commit does): the next takes everything that queued meanwhile, so the
 * busier the database, the more each statement carries. Measured on two cores with
 * `npm run bench:http`, one batch in flight beat two and five (ADR 0007).
 */
export function batcherFor<T>(write: (db: Db, items: readonly T[]) => Promise<void>, options: WriteBatcherOptions<T>): (db: Db) => WriteBatcher<T> {
  const batchers = new WeakMap<Db, WriteBatcher<T>>();
  return (db) => {
    let batcher = batchers.get(db);
    if (batcher === undefined) {
      batcher = new WriteBatcher((items) => write(db, items), options);
      batchers.set(db, batcher);
    }
    return batcher;
  };
}
