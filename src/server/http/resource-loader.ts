import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Resource } from '../../domain/access/policy';
import type { Services } from '../context';

/** Builds a resource loader from the route's params: null (404) when they do not parse. */
export function loader<P extends z.ZodType>(params: P, load: (s: Services, institutionId: string, p: z.infer<P>) => Promise<Resource | null>) {
  return async (request: FastifyRequest, s: Services) => {
    const parsed = params.safeParse(request.params);
    if (!parsed.success || !request.signedIn) return null;
    return load(s, request.signedIn.actor.institutionId, parsed.data);
  };
}
