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
