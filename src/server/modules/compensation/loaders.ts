/** Resource loaders for the compensation routes: null means "not found" (the hook answers 404 for it and for a denial alike). */
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Resource } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { coachProfiles, coachSupervision, compensationExtraWork, compensationStatements, programmes } from '../../db/schema';
import { programmeResource } from '../relations/public';

const param = (request: FastifyRequest, key: string): string | null => {
  const parsed = z.string().uuid().safeParse((request.params as Record<string, unknown> | undefined)?.[key]);
  return parsed.success ? parsed.data : null;
};

/** The signed-in person's own compensation account (they must have a coach profile). */
export const ownAccount = async (request: FastifyRequest, services: Services): Promise<Resource | null> => {
  if (!request.signedIn) return null;
  const { personId, institutionId } = request.signedIn.actor;
  const [row] = await services.db
    .select({ programmeId: coachProfiles.programmeId })
    .from(coachProfiles)
    .innerJoin(programmes, eq(programmes.id, coachProfiles.programmeId))
    .where(and(eq(coachProfiles.personId, personId), eq(programmes.institutionId, institutionId)));
  return row ? { kind: 'compensationAccount', institutionId, programmeId: row.programmeId, coachId: personId } : null;
};

/** A statement of the signed-in person's institution. */
export const statementParam = async (request: FastifyRequest, services: Services): Promise<Resource | null> => {
  const id = param(request, 'statementId');
  if (!id || !request.signedIn) return null;
  const [row] = await services.db
    .select({ institutionId: compensationStatements.institutionId, programmeId: compensationStatements.programmeId, coachId: compensationStatements.coachPersonId, status: compensationStatements.status })
    .from(compensationStatements)
    .where(and(eq(compensationStatements.id, id), eq(compensationStatements.institutionId, request.signedIn.actor.institutionId)));
  return row ? { kind: 'compensationStatement', ...row, status: row.status as 'open' | 'confirmed' | 'disputed' | 'approved' } : null;
};

/** Extra work, with the senior coaches who supervise its coach. */
export const extraWorkParam = async (request: FastifyRequest, services: Services): Promise<Resource | null> => {
  const id = param(request, 'extraWorkId');
  if (!id || !request.signedIn) return null;
  const [row] = await services.db
    .select({ institutionId: compensationExtraWork.institutionId, programmeId: compensationExtraWork.programmeId, coachId: compensationExtraWork.coachPersonId })
    .from(compensationExtraWork)
    .where(and(eq(compensationExtraWork.id, id), eq(compensationExtraWork.institutionId, request.signedIn.actor.institutionId)));
  if (!row) return null;
  const seniors = await services.db
    .select({ id: coachSupervision.seniorId })
    .from(coachSupervision)
    .where(and(eq(coachSupervision.coachId, row.coachId), eq(coachSupervision.programmeId, row.programmeId)));
  return { kind: 'compensationExtraWork', ...row, supervisorIds: seniors.map((s) => s.id) };
};

/** A programme's compensation (the coordinator's overview). */
export const programmeParam = async (request: FastifyRequest, services: Services): Promise<Resource | null> => {
  const id = param(request, 'programmeId');
  if (!id || !request.signedIn) return null;
  const programme = await programmeResource(services.db, request.signedIn.actor.institutionId, id);
  return programme ? { kind: 'compensationProgramme', institutionId: programme.institutionId, programmeId: programme.programmeId } : null;
};

/** The signed-in person's institution (fiscal limits). */
export const institutionOf = async (request: FastifyRequest): Promise<Resource | null> =>
  request.signedIn ? { kind: 'compensationInstitution', institutionId: request.signedIn.actor.institutionId } : null;
