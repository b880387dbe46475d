/**
 * One roadmap as its reader may see it. Owners: every factor with the stakeholders' views side by
 * side (where they differ), the agreed status, last year's, the programme's own figures, the
 * invited stakeholders and the improvement plan. An invited stakeholder: only the factors they
 * were invited for, their own views and the agreed status — no figures, no plan, nobody else's view.
 */
import type { RoadmapFigureKey, RoadmapFile } from '../../../contracts/content/roadmap';
import type { Figure, RoadmapResponse } from '../../../contracts/roadmap';
import { isAllowed, type Actor, type Resource } from '../../../domain/access/policy';
import { compareViews } from '../../../domain/roadmap/roadmap';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { contentOfVersion } from './content';
import { figuresFor } from './evidence';
import { ownerView } from './owner';
import { roadmapRepository } from './repository';

/** The content narrowed to the factors a stakeholder was invited for. */
function narrowed(content: RoadmapFile, factorIds: ReadonlySet<string>): RoadmapFile {
  return { ...content, factors: content.factors.filter((f) => factorIds.has(f.id)) };
}

export async function getRoadmap(o: { services: Services; actor: Actor; resource: Resource; roadmapId: string }): Promise<RoadmapResponse> {
  const db = o.services.db;
  const repo = roadmapRepository(db);
  const row = await repo.roadmap(o.actor.institutionId, o.roadmapId);
  if (!row) throw new AppError('not_found');
  const canManage = isAllowed(o.actor, 'roadmap:manage', o.resource);
  const full = await contentOfVersion(o.services, db, row.institutionId, row.contentVersion);
  const stakeholders = await repo.stakeholders([row.id]);
  const mine = stakeholders.find((s) => s.personId === o.actor.personId);
  const content = canManage ? full : narrowed(full, new Set(mine?.factorIds ?? []));
  const factorIds = new Set(content.factors.map((f) => f.id));

  const [views, assessments, plan] = await Promise.all([repo.views(row.id), repo.assessments([row.id]), canManage ? repo.planItems(row.id) : Promise.resolve([])]);
  const lastYear = await repo.roadmapOfYear(row.institutionId, row.programmeId, row.year - 1);
  const previous = lastYear ? await repo.assessments([lastYear.id]) : [];
  const visibleViews = views.filter((v) => factorIds.has(v.factorId) && (canManage || v.personId === o.actor.personId));
  const names = await repo.peopleByIds([
    ...new Set([...visibleViews.map((v) => v.personId), ...assessments.flatMap((a) => (a.ownerPersonId ? [a.ownerPersonId] : [])), ...plan.flatMap((p) => (p.ownerPersonId ? [p.ownerPersonId] : [])), ...(canManage ? stakeholders.map((s) => s.personId) : [])]),
  ]);
  const nameOf = (id: string) => {
    const p = names.get(id);
    return p ? `${p.firstName} ${p.lastName}` : '';
  };
  const stakeholderOf = new Map(stakeholders.map((s) => [s.personId, s.stakeholderId]));

  const scope = { institutionId: row.institutionId, programmeId: row.programmeId, year: row.year };
  const figures = canManage ? await figuresFor(o.services, scope, [...full.factors, ...full.principles].flatMap((x) => x.evidence ?? [])) : new Map<RoadmapFigureKey, Figure>();

  return {
    id: row.id,
    programmeId: row.programmeId,
    programmeName: row.programmeId ? await programmeName(o.services, row.institutionId, row.programmeId) : null,
    year: row.year,
    canManage,
    content,
    principleEvidence: canManage ? full.principles.map((p) => ({ principleId: p.id, evidence: (p.evidence ?? []).map((k) => figures.get(k)!) })) : [],
    factors: content.factors.map((f) => {
      const agreed = assessments.find((a) => a.factorId === f.id);
      const fv = visibleViews.filter((v) => v.factorId === f.id);
      return {
        factorId: f.id,
        agreed: agreed ? { status: agreed.status, evidenceNote: agreed.evidenceNote, owner: ownerView(agreed, names), version: agreed.version, updatedAt: agreed.updatedAt.toISOString() } : null,
        views: fv.map((v) => ({ personId: v.personId, name: nameOf(v.personId), stakeholderId: stakeholderOf.get(v.personId) ?? null, status: v.status, note: v.note, mine: v.personId === o.actor.personId })),
        differ: compareViews(fv.map((v) => v.status)).differ,
        previous: previous.find((a) => a.factorId === f.id)?.status ?? null,
        evidence: canManage ? (f.evidence ?? []).map((k) => figures.get(k)!) : [],
      };
    }),
    stakeholders: canManage ? stakeholders.map((s) => ({ personId: s.personId, name: nameOf(s.personId), email: names.get(s.personId)?.email ?? '', stakeholderId: s.stakeholderId, factorIds: s.factorIds })) : [],
    plan: plan.map((p) => ({ id: p.id, interventionId: p.interventionId, owner: ownerView(p, names), horizon: p.horizon, dueDate: p.dueDate, status: p.status, version: p.version })),
  };
}

async function programmeName(services: Services, institutionId: string, programmeId: string) {
  const [p] = await roadmapRepository(services.db).programmesOf(institutionId, [programmeId]);
  return p ? { nl: p.nameNl, en: p.nameEn } : null;
}
