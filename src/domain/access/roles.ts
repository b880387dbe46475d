/** The roles of PRODUCT.md §3. A person may hold several, each scoped to an institution or programme. */
export const ROLES = [
  'coachee',
  'studentcoach',
  'seniorcoach',
  'coordinator',
  'leercoach',
  'onderzoeker',
  'beheerder',
  /** Financiële administratie: pays out coach compensation (issue 17). */
  'finance',
  /** Opleidingsmanagement: reads a programme's aggregate figures, never a person. */
  'opleidingsmanagement',
] as const;

export type Role = (typeof ROLES)[number];

export type RoleGrant = {
  role: Role;
  institutionId: string;
  /** null: the role holds for the whole institution (beheerder, or a coordinator over all programmes). */
  programmeId: string | null;
};
