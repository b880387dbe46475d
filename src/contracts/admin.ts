import { z } from 'zod';

export const OutboxResponse = z.object({
  delivers: z.boolean(),
  mails: z.array(
    z.object({
      id: z.string().uuid(),
      recipient: z.string(),
      subject: z.string(),
      bodyText: z.string(),
      createdAt: z.string(),
      sentAt: z.string().nullable(),
    }),
  ),
});
export type OutboxResponse = z.infer<typeof OutboxResponse>;

/** The retention pass's dry run: per table, what the next daily run deletes or anonymises. */
export const RetentionDryRunResponse = z.object({
  /** When the next daily run is due: the moment the dry run counts for. */
  nextRunAt: z.string(),
  tables: z.array(
    z.object({
      table: z.string(),
      action: z.enum(['delete', 'anonymise']),
      /** Rows whose reference moment lies before this are past their retention. */
      cutoff: z.string(),
      rows: z.number().int().nonnegative(),
    }),
  ),
});
export type RetentionDryRunResponse = z.infer<typeof RetentionDryRunResponse>;
