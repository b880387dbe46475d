/**
 * Regrouping after the 100-day moment (#21 item 2), the pure part: those who continue are
 * regrouped into fuller communities with the existing memberships as the starting point (a warm
 * start). A community that keeps at least the intake's minimum size of continuing members stays
 * intact, with its coach. Members of communities that fell below the minimum go to communities with
 * room — the same class first, then the emptiest, so the communities fill evenly up to the maximum.
 * When the others have no room left, the largest of the small communities is kept as a host and
 * the rest merge into it. Those who chose "one-on-ones only" are not placed in a community: they
 * stay with their coach for one-on-ones. Deterministic: the same input gives the same plan.
 */

export type RegroupCommunity = { id: string; classId: string | null };
export type RegroupMember = { personId: string; communityId: string; classId: string | null; oneOnOnesOnly: boolean };
export type RegroupBounds = { min: number; max: number };

/** Where each continuing member goes: a community id; one-on-ones-only members stay where they are. */
export type RegroupPlacement = { personId: string; from: string; to: string; oneOnOne: boolean };

function byId<T extends { id: string }>(a: T, b: T) {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function planRegrouping(communities: readonly RegroupCommunity[], members: readonly RegroupMember[], bounds: RegroupBounds): RegroupPlacement[] {
  const known = new Set(communities.map((c) => c.id));
  const continuing = members.filter((m) => !m.oneOnOnesOnly && known.has(m.communityId));
  const size = new Map<string, number>(communities.map((c) => [c.id, 0]));
  for (const m of continuing) size.set(m.communityId, (size.get(m.communityId) ?? 0) + 1);

  const sorted = [...communities].sort(byId);
  const viable = sorted.filter((c) => (size.get(c.id) ?? 0) >= bounds.min);
  // Small communities that still have members, the largest first (a tie: by id, for a stable plan).
  const small = sorted.filter((c) => (size.get(c.id) ?? 0) > 0 && (size.get(c.id) ?? 0) < bounds.min).sort((a, b) => (size.get(b.id) ?? 0) - (size.get(a.id) ?? 0) || byId(a, b));

  // How many of the small communities must stay as hosts so everyone fits.
  const orphansOf = (hosts: number) => small.slice(hosts).reduce((n, c) => n + (size.get(c.id) ?? 0), 0);
  const roomOf = (hosts: number) => [...viable, ...small.slice(0, hosts)].reduce((n, c) => n + Math.max(0, bounds.max - (size.get(c.id) ?? 0)), 0);
  let hosts = 0;
  while (hosts < small.length && orphansOf(hosts) > roomOf(hosts)) hosts += 1;
  const targets = [...viable, ...small.slice(0, hosts)];
  const hostIds = new Set(small.slice(0, hosts).map((c) => c.id));
  const count = new Map(size);
  const placement = new Map<string, string>();
  const moving = continuing
    .filter((m) => !targets.some((c) => c.id === m.communityId))
    // Members of the largest small community first, so a group of friends tends to move together.
    .sort((a, b) => (size.get(b.communityId) ?? 0) - (size.get(a.communityId) ?? 0) || (a.communityId < b.communityId ? -1 : a.communityId > b.communityId ? 1 : 0) || (a.personId < b.personId ? -1 : 1));
  for (const m of moving) {
    const open = targets.filter((c) => (count.get(c.id) ?? 0) < bounds.max);
    if (open.length === 0) break;
    const rank = (c: RegroupCommunity) => [
      // A host below the minimum is filled first, so it becomes viable.
      hostIds.has(c.id) && (count.get(c.id) ?? 0) < bounds.min ? 0 : 1,
      c.classId !== null && c.classId === m.classId ? 0 : 1,
      count.get(c.id) ?? 0,
    ];
    const best = open.reduce((a, b) => {
      const ra = rank(a);
      const rb = rank(b);
      for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! < rb[i]! ? a : b;
      return a.id <= b.id ? a : b;
    });
    placement.set(m.personId, best.id);
    count.set(best.id, (count.get(best.id) ?? 0) + 1);
  }
  return members
    .filter((m) => known.has(m.communityId))
    .map((m) => ({ personId: m.personId, from: m.communityId, to: m.oneOnOnesOnly ? m.communityId : (placement.get(m.personId) ?? m.communityId), oneOnOne: m.oneOnOnesOnly }));
}

/** The sizes after a plan: continuing members per community (one-on-ones not counted). */
export function sizesAfter(placements: readonly RegroupPlacement[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const p of placements) if (!p.oneOnOne) sizes.set(p.to, (sizes.get(p.to) ?? 0) + 1);
  return sizes;
}
