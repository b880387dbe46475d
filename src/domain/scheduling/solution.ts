import { z } from 'zod';

/** One community's weekly session, as printed in the solution file of FORMAT.md. */
export const SessionPlacementSchema = z.object({
  community: z.string(),
  day: z.string(),
  start: z.string(),
  location: z.string(),
});

export const SessionSolutionSchema = z.object({
  objective: z.number(),
  placements: z.array(SessionPlacementSchema),
});

export type SessionPlacement = z.infer<typeof SessionPlacementSchema>;
export type SessionSolution = z.infer<typeof SessionSolutionSchema>;
