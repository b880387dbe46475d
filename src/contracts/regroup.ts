/** Regrouping after the 100-day moment (#21 item 2): the draft, a move by hand, the accept. */
import { z } from 'zod';

const Id = z.string().uuid();
const Person = z.object({ id: Id, firstName: z.string(), lastName: z.string() });

export const RegroupingResponse = z.object({
  id: Id,
  intakeId: Id,
  status: z.enum(['draft', 'accepted']),
  version: z.number().int(),
  acceptedAt: z.string().nullable(),
  sizeBounds: z.object({ min: z.number().int(), max: z.number().int() }),
  counts: z.object({
    /** Members who continue in a community. */
    continuing: z.number().int(),
    moved: z.number().int(),
    oneOnOne: z.number().int(),
    stopped: z.number().int(),
    keptIntact: z.number().int(),
    dissolved: z.number().int(),
  }),
  communities: z.array(
    z.object({
      id: Id,
      name: z.string(),
      coach: Person.nullable(),
      before: z.number().int(),
      after: z.number().int(),
      /** Nobody moves in or out. */
      keptIntact: z.boolean(),
      /** Had members and has none after: the coach loses this community (one-on-ones stay). */
      dissolved: z.boolean(),
      belowMinimum: z.boolean(),
      members: z.array(Person.extend({ fromCommunityName: z.string(), moved: z.boolean() })),
      oneOnOnes: z.array(Person),
    }),
  ),
});
export type RegroupingResponse = z.infer<typeof RegroupingResponse>;

export const MoveRegroupRequest = z.strictObject({ personId: Id, toCommunityId: Id, version: z.number().int().min(1) });
export const AcceptRegroupRequest = z.strictObject({ version: z.number().int().min(1) });

/** What changed for me in an accepted regrouping (the home card), or null. */
export const MyRegroupingResponse = z.object({
  change: z
    .object({
      kind: z.enum(['moved', 'coachChanged', 'coachDissolved']),
      communityId: Id,
      communityName: z.string(),
      members: z.number().int(),
      acceptedAt: z.string(),
    })
    .nullable(),
});
export type MyRegroupingResponse = z.infer<typeof MyRegroupingResponse>;
