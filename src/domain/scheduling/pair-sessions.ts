/**
 * Re-publishing a plan: which existing session becomes which planned one. A session already at a
 * planned time keeps it (nothing moves, nobody is mailed); the others pair up in time order, so
 * a changed slot moves sessions (keeping their RSVPs), a surplus session is dropped and a missing
 * one created. Pure; both lists are in time order.
 */
export type SessionPair<T> = { existing: string | null; target: T | null };

export function pairSessions<T extends { startsAt: Date }>(targets: readonly T[], existing: readonly { id: string; startsAt: Date }[]): SessionPair<T>[] {
  const kept = new Map<number, string>();
  const used = new Set<string>();
  targets.forEach((t, i) => {
    const same = existing.find((e) => !used.has(e.id) && e.startsAt.getTime() === t.startsAt.getTime());
    if (same) {
      kept.set(i, same.id);
      used.add(same.id);
    }
  });
  const restIds = existing.filter((e) => !used.has(e.id)).map((e) => e.id);
  const restTargets = targets.filter((_, i) => !kept.has(i));
  const pairs: SessionPair<T>[] = [...kept].map(([i, id]) => ({ existing: id, target: targets[i]! }));
  for (let k = 0; k < Math.max(restIds.length, restTargets.length); k++) pairs.push({ existing: restIds[k] ?? null, target: restTargets[k] ?? null });
  return pairs;
}
