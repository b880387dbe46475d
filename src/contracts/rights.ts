import { z } from 'zod';

/** One way a table's rows are the person's: the column (or `via …`, `e-mail`) and the rows or their number. */
export const MyDataPart = z.object({
  matchedBy: z.string(),
  count: z.number().int(),
  /** Absent when the registry says only the number is exported (credentials, other people's records). */
  rows: z.array(z.record(z.string(), z.unknown())).optional(),
});

/** Everything peerkracht holds about the signed-in person, table by table, from the personal-data registry. */
export const MyDataResponse = z.object({
  generatedAt: z.string(),
  person: z.object({ id: z.string().uuid(), firstName: z.string(), lastName: z.string(), email: z.string() }),
  tables: z.array(
    z.object({
      table: z.string(),
      context: z.string(),
      category: z.enum(['none', 'personal', 'special']),
      purpose: z.string(),
      retention: z.string(),
      parts: z.array(MyDataPart),
    }),
  ),
});
export type MyDataResponse = z.infer<typeof MyDataResponse>;

export const RequestErasureRequest = z.strictObject({
  reason: z.string().trim().max(2000).optional(),
  /** Only one's own id may be given: a request for someone else is refused. */
  personId: z.string().uuid().optional(),
});

export const MyErasureRequestResponse = z.object({
  request: z.object({ id: z.string().uuid(), requestedAt: z.string(), dueOn: z.string(), reason: z.string().nullable() }).nullable(),
});
export type MyErasureRequestResponse = z.infer<typeof MyErasureRequestResponse>;

export const ErasureOutcomeSchema = z.object({
  removed: z.record(z.string(), z.number()),
  kept: z.record(z.string(), z.number()),
  personAnonymised: z.boolean(),
});

export const ErasureRequestsResponse = z.object({
  open: z.array(
    z.object({
      id: z.string().uuid(),
      name: z.string(),
      email: z.string(),
      reason: z.string().nullable(),
      requestedAt: z.string(),
      dueOn: z.string(),
      overdue: z.boolean(),
    }),
  ),
  done: z.array(
    z.object({
      id: z.string().uuid(),
      requestedAt: z.string(),
      dueOn: z.string(),
      doneAt: z.string(),
      doneBy: z.string().nullable(),
      doneAs: z.string().nullable(),
      outcome: ErasureOutcomeSchema,
    }),
  ),
});
export type ErasureRequestsResponse = z.infer<typeof ErasureRequestsResponse>;

export const CarryOutErasureResponse = z.object({ id: z.string().uuid(), doneAt: z.string(), outcome: ErasureOutcomeSchema });
export type CarryOutErasureResponse = z.infer<typeof CarryOutErasureResponse>;
