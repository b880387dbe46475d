/**
 * The institution's own roadmap content (issue 22 item 6): the beheerder adjusts texts,
 * stakeholders, horizons and which figures belong to which factor. Each save is a new version
 * (the newest is in force for roadmaps started after it; a started roadmap keeps its version).
 * When the shipped content/roadmap.json is newer than the version the copy was based on, the
 * update is offered with what it would change — adopting it is the beheerder's choice.
 */
import { z } from 'zod';
import { RoadmapFile } from '../../../contracts/content/roadmap';
import type { RoadmapContentResponse } from '../../../contracts/roadmap';
import { contentChanges } from './content-changes';
import { translate, type Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { fieldErrors } from '../../errors/validation-messages';
import { contentInForce } from './content';
import { fieldError } from './errors';
import { roadmapRepository } from './repository';

export async function getRoadmapContent(o: { services: Services; institutionId: string }): Promise<RoadmapContentResponse> {
  const current = await contentInForce(o.services, o.services.db, o.institutionId);
  const shipped = o.services.content.roadmap;
  const offered = current.version > 0 && shipped.version > current.basedOnShipped ? { shippedVersion: shipped.version, changes: contentChanges(current.content, shipped) } : null;
  return { version: current.version, basedOnShipped: current.basedOnShipped, shippedVersion: shipped.version, content: current.content, offered };
}

async function saveVersion(o: { services: Services; institutionId: string; personId: string; baseVersion: number; content: RoadmapFile; shippedVersion: number }) {
  const current = await contentInForce(o.services, o.services.db, o.institutionId);
  if (current.version !== o.baseVersion) throw new AppError('conflict');
  const row = await roadmapRepository(o.services.db).insertContentVersion({ institutionId: o.institutionId, version: o.baseVersion + 1, shippedVersion: o.shippedVersion, content: o.content, savedBy: o.personId });
  if (!row) throw new AppError('conflict');
  return { version: row.version };
}

export async function saveRoadmapContent(o: { services: Services; institutionId: string; personId: string; baseVersion: number; content: unknown; locale: Locale }): Promise<{ version: number }> {
  const parsed = RoadmapFile.safeParse(o.content);
  if (!parsed.success) {
    // One message per field (content.factors.3.interventions.0.title.nl …) for the editor's forms,
    // and one for the form as a whole; a stakeholder still in use is said in words.
    const fields = parsed.error.issues.flatMap((issue) =>
      issue.code === 'custom' && issue.message.startsWith('unknown stakeholder')
        ? [{ path: `content.${issue.path.slice(0, -1).join('.')}`, message: translate(o.locale, 'roadmap.errors.unknownStakeholder') }]
        : issue.code === 'custom' && issue.message === 'must not be empty'
          ? [{ path: `content.${issue.path.join('.')}`, message: translate(o.locale, 'validation.required') }]
          : fieldErrors(o.locale, [issue]).map((f) => ({ path: f.path ? `content.${f.path}` : 'content', message: f.message })),
    );
    const first = parsed.error.issues[0]!;
    throw new AppError('validation_failed', 'content invalid', {}, [{ path: 'content', message: translate(o.locale, 'roadmap.errors.contentInvalid', { where: first.path.join('.') || '—' }) }, ...fields]);
  }
  // Factor ids of roadmaps already started must stay: their assessments refer to them.
  const shipped = o.services.content.roadmap;
  const current = await contentInForce(o.services, o.services.db, o.institutionId);
  const kept = new Set(parsed.data.factors.map((f) => f.id));
  const lost = current.content.factors.find((f) => !kept.has(f.id));
  if (lost) throw fieldError(o.locale, 'content', 'factorRemoved', { id: lost.id });
  return saveVersion({ ...o, content: parsed.data, shippedVersion: current.version === 0 ? shipped.version : current.basedOnShipped });
}

export async function adoptShippedContent(o: { services: Services; institutionId: string; personId: string; baseVersion: number }): Promise<{ version: number }> {
  const shipped = o.services.content.roadmap;
  return saveVersion({ ...o, content: shipped, shippedVersion: shipped.version });
}

/** Keeps the institution's own copy: a new version with the same content, now based on the shipped version on offer (so it is no longer offered). */
export async function keepOwnContent(o: { services: Services; institutionId: string; personId: string; baseVersion: number }): Promise<{ version: number }> {
  const current = await contentInForce(o.services, o.services.db, o.institutionId);
  if (current.version === 0) throw new AppError('conflict');
  return saveVersion({ ...o, content: current.content, shippedVersion: o.services.content.roadmap.version });
}

export const ContentVersionResponse = z.object({ version: z.number().int() });
