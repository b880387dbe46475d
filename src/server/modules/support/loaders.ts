/** Resource loaders for the access rules of the support routes: null means "not found". */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Resource } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { coacheeResource } from '../relations/public';
import { helpResourceOf } from './help-mapping';
import { supportRepository } from './repository';

const id = (request: FastifyRequest, key: string): string | null => {
  const parsed = z.string().uuid().safeParse((request.params as Record<string, unknown> | undefined)?.[key]);
  return parsed.success ? parsed.data : null;
};

/** The directory as a whole: its institution-wide part, which everyone at the institution reads. */
export const helpDirectoryOf = async (request: FastifyRequest): Promise<Resource | null> =>
  request.signedIn ? helpResourceOf({ institutionId: request.signedIn.actor.institutionId, programmeId: null }) : null;

/** A new entry's scope from the body: the whole institution, or one of the institution's programmes (another: not found). */
export const helpScopeInBody = async (request: FastifyRequest, services: Services): Promise<Resource | null> => {
  if (!request.signedIn) return null;
  const institutionId = request.signedIn.actor.institutionId;
  const parsed = z.object({ programmeId: z.string().uuid() }).safeParse(request.body);
  // No programme asked for (or a body that fails validation next): the institution-wide part.
  if (!parsed.success) return helpResourceOf({ institutionId, programmeId: null });
  const programmeId = parsed.data.programmeId;
  const known = (await supportRepository(services.db).programmes(institutionId)).some((p) => p.id === programmeId);
  return known ? helpResourceOf({ institutionId, programmeId }) : null;
};

export const helpResourceParam = async (request: FastifyRequest, services: Services): Promise<Resource | null> => {
  const resourceId = id(request, 'resourceId');
  if (!resourceId || !request.signedIn) return null;
  const row = await supportRepository(services.db).helpResource(resourceId);
  return row && row.institutionId === request.signedIn.actor.institutionId ? helpResourceOf(row) : null;
};

export const coacheeParam = async (request: FastifyRequest, services: Services): Promise<Resource | null> => {
  const coacheeId = id(request, 'coacheeId');
  if (!coacheeId || !request.signedIn) return null;
  return coacheeResource(services.db, request.signedIn.actor.institutionId, coacheeId);
};

export const coacheeInBody = async (request: FastifyRequest, services: Services): Promise<Resource | null> => {
  const parsed = z.object({ coacheeId: z.string().uuid() }).safeParse(request.body);
  if (!parsed.success || !request.signedIn) return null;
  return coacheeResource(services.db, request.signedIn.actor.institutionId, parsed.data.coacheeId);
};

export const referralParam = async (request: FastifyRequest, services: Services): Promise<Resource | null> => {
  const referralId = id(request, 'referralId');
  return referralId ? supportRepository(services.db).referral(referralId) : null;
};

export const signalParam = async (request: FastifyRequest, services: Services): Promise<Resource | null> => {
  const signalId = id(request, 'signalId');
  return signalId ? supportRepository(services.db).signal(signalId) : null;
};

export const programmeParam = async (request: FastifyRequest, services: Services): Promise<Resource | null> => {
  const programmeId = id(request, 'programmeId');
  if (!programmeId || !request.signedIn) return null;
  const programme = (await supportRepository(services.db).programmes(request.signedIn.actor.institutionId)).find((p) => p.id === programmeId);
  return programme ? { kind: 'programme', institutionId: programme.institutionId, programmeId } : null;
};

export const programmeInBody = async (request: FastifyRequest, services: Services): Promise<Resource | null> => {
  const parsed = z.object({ programmeId: z.string().uuid() }).safeParse(request.body);
  if (!parsed.success || !request.signedIn) return null;
  const programme = (await supportRepository(services.db).programmes(request.signedIn.actor.institutionId)).find((p) => p.id === parsed.data.programmeId);
  return programme ? { kind: 'programme', institutionId: programme.institutionId, programmeId: programme.id } : null;
};
