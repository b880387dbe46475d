/**
 * Input and output types of community formation (peerkracht §4 E.1). Attribute values are plain
 * strings the institution chose (e.g. priorEducation: 'mbo' | 'havo' | 'vwo' | 'other');
 * null / undefined means "not disclosed" and contributes nothing.
 */
export type StudentForGrouping = {
  readonly id: string;
  /** Class / timetable group; used when communities must stay within one class. */
  readonly classId?: string | null;
  readonly programmeId?: string | null;
  readonly attributes: Readonly<Record<string, string | null | undefined>>;
};

/** An attribute the coordinator chose to diversify on, with its relative weight (default 1). */
export type DiversityAttribute = { readonly key: string; readonly weight?: number };

export type SizeBounds = { readonly min: number; readonly max: number };

export type StudentPair = readonly [string, string];

/** Students with the same label end up in one community; different labels in different ones. */
export type PrePlacement = { readonly studentId: string; readonly label: string };

/** Machine-readable reason a student is where they are; the UI turns it into a sentence. */
export type PlacementReason =
  | { readonly code: 'pre_placed'; readonly params: { readonly label: string } }
  | { readonly code: 'same_class'; readonly params: { readonly classId: string } }
  | { readonly code: 'kept_with'; readonly params: { readonly studentIds: readonly string[] } }
  | { readonly code: 'kept_apart_from'; readonly params: { readonly studentIds: readonly string[] } }
  | {
      readonly code: 'adds_under_represented_value';
      readonly params: { readonly attribute: string; readonly value: string; readonly countInCommunity: number; readonly expected: number };
    }
  | { readonly code: 'balances_group_sizes'; readonly params: Readonly<Record<string, never>> };

export type PlacementExplanation = {
  readonly studentId: string;
  readonly community: number;
  readonly reasons: readonly PlacementReason[];
};

/** How one attribute is spread over the communities. */
export type AttributeSpread = {
  readonly attribute: string;
  readonly values: readonly string[];
  /** counts[c][v]: members of community c with values[v]. */
  readonly counts: readonly (readonly number[])[];
  /** Members of each community who did not disclose the attribute. */
  readonly undisclosed: readonly number[];
  /**
   * 1 − D / D_max, where D = Σ_c Σ_v |count − proportional share| and D_max the same sum under
   * complete segregation; 1 = spread exactly in proportion, 0 = as segregated as possible.
   */
  readonly evenness: number;
};

export type ConstraintViolations = {
  readonly sizeBounds: readonly { readonly community: number; readonly size: number }[];
  readonly keepTogether: readonly StudentPair[];
  readonly keepApart: readonly StudentPair[];
  readonly mixedClasses: readonly number[];
};

export type CommunityQuality = {
  /** Σ over communities of the weighted attribute mismatches between members. */
  readonly diversity: number;
  readonly spread: readonly AttributeSpread[];
  readonly violations: ConstraintViolations;
};
