import type { ReadsResponse } from '../../../contracts/consent';
import type { Services } from '../../context';
import { listReadsOf } from '../audit/public';

export type ListMyReadsOptions = { services: Services; personId: string };

/**
 * Who looked at the person's sensitive data, and when (not what they saw: that is the person's
 * own): one line per reader, object and hour, with a count.
 */
export async function listMyReads({ services, personId }: ListMyReadsOptions): Promise<ReadsResponse> {
  const rows = await listReadsOf(services.db, personId);
  return {
    reads: rows.map((r) => ({
      at: r.at.toISOString(),
      resourceType: r.resourceType,
      reader: r.actorFirstName !== null && r.actorLastName !== null ? { firstName: r.actorFirstName, lastName: r.actorLastName } : null,
      count: r.count,
    })),
  };
}
