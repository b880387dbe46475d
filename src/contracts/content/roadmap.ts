/** Contract of `content/roadmap.json`: the Roadmap to studentsucces (principles, factors, interventions). */
import { z } from 'zod';
import { checkUniqueIds, ContentId, ContentVersion, LocalizedText } from './building-blocks';

export const HORIZONS = ['short', 'medium', 'long'] as const;
/** Time horizon of an intervention: short (kort), medium (midden), long (lang) term. */
export const Horizon = z.enum(HORIZONS);
export type Horizon = z.infer<typeof Horizon>;

/**
 * Figures peerkracht can show next to a factor's self-assessment (issue 22 item 4). Which figure
 * belongs to which factor or principle is content (`evidence` below), not code; each key has one
 * provider on the server (modules/roadmap/evidence.ts).
 */
export const ROADMAP_FIGURE_KEYS = [
  'peerCoachingReach',
  'peerCoachingAttendance',
  'referralsToCounsellors',
  'coachPayOnTime',
  'belongingEvaluation',
  'hundredDayMoment',
] as const;
export const RoadmapFigureKey = z.enum(ROADMAP_FIGURE_KEYS);
export type RoadmapFigureKey = z.infer<typeof RoadmapFigureKey>;
const Evidence = z.array(RoadmapFigureKey).min(1).optional();

export const RoadmapStakeholder = z.strictObject({
  id: ContentId,
  name: LocalizedText,
  description: LocalizedText.optional(),
});
export type RoadmapStakeholder = z.infer<typeof RoadmapStakeholder>;

export const RoadmapIntervention = z.strictObject({
  id: ContentId,
  title: LocalizedText,
  description: LocalizedText.optional(),
  /** Stakeholder ids (from `stakeholders`) involved, as the source lists them for the item. */
  stakeholders: z.array(ContentId).min(1),
  /**
   * Horizon(s) as the source gives them; a range such as "kort–midden" is `["short","medium"]`.
   * Absent when the source gives no horizon (the institution may fill it in).
   */
  horizon: z.array(Horizon).min(1).optional(),
});
export type RoadmapIntervention = z.infer<typeof RoadmapIntervention>;

export const RoadmapPrinciple = z.strictObject({
  id: ContentId,
  number: z.number().int().positive(),
  title: LocalizedText,
  interventions: z.array(RoadmapIntervention).min(1),
  /** The programme's own figures shown next to this principle. */
  evidence: Evidence,
});
export type RoadmapPrinciple = z.infer<typeof RoadmapPrinciple>;

export const RoadmapCluster = z.strictObject({
  id: ContentId,
  title: LocalizedText,
});
export type RoadmapCluster = z.infer<typeof RoadmapCluster>;

export const RoadmapFactor = z.strictObject({
  id: ContentId,
  number: z.number().int().positive(),
  cluster: ContentId,
  title: LocalizedText,
  note: LocalizedText.optional(),
  interventions: z.array(RoadmapIntervention).min(1),
  /** The programme's own figures shown next to this factor's self-assessment. */
  evidence: Evidence,
});
export type RoadmapFactor = z.infer<typeof RoadmapFactor>;

export const RoadmapFile = z
  .strictObject({
    version: ContentVersion,
    title: LocalizedText,
    source: LocalizedText,
    stakeholders: z.array(RoadmapStakeholder).min(1),
    clusters: z.array(RoadmapCluster).min(1),
    principles: z.array(RoadmapPrinciple).min(1),
    factors: z.array(RoadmapFactor).min(1),
  })
  .superRefine((file, ctx) => {
    checkUniqueIds(file.stakeholders, ['stakeholders'], ctx, 'stakeholder');
    checkUniqueIds(file.clusters, ['clusters'], ctx, 'cluster');
    checkUniqueIds([...file.principles, ...file.factors], [], ctx, 'principle/factor');
    const checkNumbers = (items: ReadonlyArray<{ number: number }>, list: string): void => {
      const seen = new Set<number>();
      items.forEach((item, i) => {
        if (seen.has(item.number)) {
          ctx.addIssue({ code: 'custom', message: `duplicate number ${item.number}`, path: [list, i, 'number'] });
        }
        seen.add(item.number);
      });
    };
    checkNumbers(file.principles, 'principles');
    checkNumbers(file.factors, 'factors');

    const stakeholderIds = new Set(file.stakeholders.map((s) => s.id));
    const clusterIds = new Set(file.clusters.map((c) => c.id));
    const interventionIds = new Map<string, string>();
    const checkInterventions = (
      list: 'principles' | 'factors',
      owners: ReadonlyArray<{ interventions: RoadmapIntervention[] }>,
    ): void => {
      owners.forEach((owner, i) => {
        owner.interventions.forEach((iv, j) => {
          const here = `${list}[${i}].interventions[${j}]`;
          const first = interventionIds.get(iv.id);
          if (first !== undefined) {
            ctx.addIssue({
              code: 'custom',
              message: `duplicate intervention id "${iv.id}" (first used at ${first})`,
              path: [list, i, 'interventions', j, 'id'],
            });
          } else {
            interventionIds.set(iv.id, here);
          }
          iv.stakeholders.forEach((s, k) => {
            if (!stakeholderIds.has(s)) {
              ctx.addIssue({
                code: 'custom',
                message: `unknown stakeholder "${s}" (not in stakeholders)`,
                path: [list, i, 'interventions', j, 'stakeholders', k],
              });
            }
          });
          if (new Set(iv.stakeholders).size !== iv.stakeholders.length) {
            ctx.addIssue({
              code: 'custom',
              message: 'lists a stakeholder more than once',
              path: [list, i, 'interventions', j, 'stakeholders'],
            });
          }
          if (iv.horizon && new Set(iv.horizon).size !== iv.horizon.length) {
            ctx.addIssue({
              code: 'custom',
              message: 'lists a horizon more than once',
              path: [list, i, 'interventions', j, 'horizon'],
            });
          }
        });
      });
    };
    checkInterventions('principles', file.principles);
    checkInterventions('factors', file.factors);
    file.factors.forEach((f, i) => {
      if (!clusterIds.has(f.cluster)) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown cluster "${f.cluster}" (not in clusters)`,
          path: ['factors', i, 'cluster'],
        });
      }
    });
  });
export type RoadmapFile = z.infer<typeof RoadmapFile>;
