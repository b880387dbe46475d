/**
 * Spreading a community's members over other communities (the warm handover's alternative to a
 * new coach). Pure: the server checks a plan against the current sizes, the screen proposes one.
 */

export type Move = { personId: string; communityId: string };
export type Target = { id: string; size: number };

/**
 * The target communities that would grow past `max` with these moves. Moving into a full
 * community is allowed only with an explicit override; without one, these block the plan.
 */
export function overfullTargets(moves: readonly Move[], targets: readonly Target[], max: number): string[] {
  const size = new Map(targets.map((t) => [t.id, t.size]));
  for (const m of moves) size.set(m.communityId, (size.get(m.communityId) ?? 0) + 1);
  return targets.filter((t) => (size.get(t.id) ?? 0) > max && moves.some((m) => m.communityId === t.id)).map((t) => t.id);
}

/**
 * A first proposal: each member in turn to the community with the most room left (ties: the
 * order given), so the members land where there is room and no community fills up before the
 * others. When every community is full, the smallest one is chosen (the override decides).
 */
export function proposeSpread(personIds: readonly string[], targets: readonly Target[], max: number): Move[] {
  if (targets.length === 0) return [];
  const size = new Map(targets.map((t) => [t.id, t.size]));
  return personIds.map((personId) => {
    let best = targets[0]!;
    for (const t of targets) if (max - size.get(t.id)! > max - size.get(best.id)!) best = t;
    size.set(best.id, size.get(best.id)! + 1);
    return { personId, communityId: best.id };
  });
}
