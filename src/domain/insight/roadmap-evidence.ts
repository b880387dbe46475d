/**
 * Which Roadmap factors (content/roadmap.json) a peer-coaching programme supplies evidence for,
 * and from which figures of the dashboard. The impact report lists a factor when its figures hold
 * data for the year. (The roadmap tool, issue 22, will let the programme choose its own factors;
 * until then this is the programme's standing contribution.)
 */
export type EvidenceSource = 'reach' | 'attendance' | 'continuity' | 'support' | 'evaluation';

export const ROADMAP_EVIDENCE: readonly { factorId: string; sources: readonly EvidenceSource[] }[] = [
  { factorId: 'f4-sociale-en-academische-integratie', sources: ['reach', 'attendance', 'continuity'] },
  { factorId: 'f12-motivatie-en-autonomie', sources: ['evaluation'] },
  { factorId: 'f13-welzijn-en-inclusie', sources: ['support', 'evaluation'] },
  { factorId: 'f14-eerste-en-tweedelijns-coaching', sources: ['support'] },
];

/** The factors whose evidence the programme has this year, in Roadmap order. */
export function factorsWithEvidence(has: ReadonlySet<EvidenceSource>): { factorId: string; sources: EvidenceSource[] }[] {
  return ROADMAP_EVIDENCE.flatMap((f) => {
    const sources = f.sources.filter((s) => has.has(s));
    return sources.length > 0 ? [{ factorId: f.factorId, sources }] : [];
  });
}
