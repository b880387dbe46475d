/**
 * Caches for what every request reads before it may do anything: the signed-in session with its
 * role grants, and a session with the people it concerns (the access rule's input). Without them
 * an RSVP is three round trips to the database; with them, one.
 *
 * Correctness comes from the database, not from timeouts. A trigger on every table these reads
 * come from (migration 0010) sends `NOTIFY peerkracht_access` when a statement changes it; each
 * app instance listens and drops all it has cached (a change to these tables is rare: roles,
 * memberships, a moved session, a sign-out). Every pooled connection listens too, so a change made
 * through this instance reaches the cache before the writing call returns: a person reads their
 * own writes. A change made elsewhere (another instance, the CLI) arrives within milliseconds.
 *
 * - A read that started before a change must not be cached after it: entries carry the generation
 *   they were read in, and one read while the generation moved is returned but not kept.
 * - When the listening connection is down, the caches are bypassed (`live` is false) until it is
 *   back, so a missed notification cannot leave stale grants behind.
 * - A cached value is frozen: it is shared by the requests that read it.
 * - Entries also expire after `maxAgeMs` and the number kept is bounded.
 */
import type { Db } from './client';

export const ACCESS_CHANNEL = 'peerkracht_access';

export class AccessChanges {
  /** Moves on every change; a cached entry of an older generation is stale. */
  generation = 0;
  /** True while this instance is sure to hear of every change. */
  live = false;
  private readonly caches = new Set<AccessCache<unknown>>();

  changed(): void {
    this.generation += 1;
    for (const cache of this.caches) cache.clear();
  }

  setLive(live: boolean): void {
    if (live !== this.live) this.changed();
    this.live = live;
  }

  track(cache: AccessCache<unknown>): void {
    this.caches.add(cache);
  }
}

const feeds = new WeakMap<Db, AccessChanges>();

/** Called by openDatabase; a handle without a feed (a transaction, a test's own) never caches. */
export function registerAccessChanges(db: Db, changes: AccessChanges): void {
  feeds.set(db, changes);
}

export function accessChangesOf(db: Db): AccessChanges | undefined {
  return feeds.get(db);
}

type Entry<V> = { value: V; generation: number; storedAt: number };

export type AccessCacheOptions = { maxEntries?: number; maxAgeMs?: number; clock?: () => number };

export class AccessCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly maxEntries: number;
  private readonly maxAgeMs: number;
  private readonly clock: () => number;

  constructor(
    private readonly changes: AccessChanges,
    { maxEntries = 20_000, maxAgeMs = 60_000, clock = () => performance.now() }: AccessCacheOptions = {},
  ) {
    this.maxEntries = maxEntries;
    this.maxAgeMs = maxAgeMs;
    this.clock = clock;
    changes.track(this);
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }

  /**
   * The cached value for `key`, or what `load` reads. `keep` says whether a loaded value may be
   * cached (a "not found" is not: the row may appear without a change to watch for).
   */
  async get(key: string, load: () => Promise<V>, keep: (value: V) => boolean = () => true): Promise<V> {
    const now = this.clock();
    if (this.changes.live) {
      const hit = this.entries.get(key);
      if (hit && hit.generation === this.changes.generation && now - hit.storedAt < this.maxAgeMs) return hit.value;
      if (hit) this.entries.delete(key);
    }
    const generation = this.changes.generation;
    const value = await load();
    if (this.changes.live && this.changes.generation === generation && keep(value)) {
      if (this.entries.size >= this.maxEntries) {
        // Maps iterate in insertion order: the first key is the oldest entry.
        const oldest = this.entries.keys().next();
        if (!oldest.done) this.entries.delete(oldest.value);
      }
      this.entries.set(key, { value: deepFreeze(value), generation, storedAt: now });
    }
    return value;
  }
}

/** One cache per database handle and purpose; null when the handle has no change feed. */
export function accessCacheFor<V>(options?: AccessCacheOptions): (db: Db) => AccessCache<V> | null {
  const caches = new WeakMap<Db, AccessCache<V>>();
  return (db) => {
    let cache = caches.get(db);
    if (cache) return cache;
    const changes = feeds.get(db);
    if (!changes) return null;
    cache = new AccessCache<V>(changes, options);
    caches.set(db, cache);
    return cache;
  };
}

function deepFreeze<V>(value: V): V {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value) || value instanceof Date) return value;
  for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}
