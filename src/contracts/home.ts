/** The home screen: one section per role the person holds. */
import { z } from 'zod';

export const PersonName = z.object({ id: z.string().uuid(), firstName: z.string(), lastName: z.string().optional() });

export const CommunitySummary = z.object({
  id: z.string().uuid(),
  name: z.string(),
  programmeId: z.string().uuid(),
  coach: PersonName.nullable(),
  memberCount: z.number().int(),
});

export const HomeResponse = z.object({
  programmes: z.array(
    z.object({
      id: z.string().uuid(),
      name: z.string(),
      location: z.string(),
      intakes: z.array(z.object({ id: z.string().uuid(), academicYear: z.string(), month: z.enum(['september', 'february']) })),
    }),
  ),
  /** Communities the person may see, each with its relation to the person. */
  communities: z.array(
    CommunitySummary.extend({
      relation: z.enum(['member', 'coach', 'supervisor', 'coordinator']),
      members: z.array(PersonName).optional(),
      coachEmail: z.string().optional(),
    }),
  ),
  supervisedCoaches: z.array(PersonName),
  classes: z.array(z.object({ id: z.string().uuid(), code: z.string(), studentCount: z.number().int() })),
  people: z.object({ byRole: z.record(z.string(), z.number().int()) }).nullable(),
});

export type HomeResponse = z.infer<typeof HomeResponse>;
