/**
 * The attributes a coordinator may diversify communities on, and the one rule that decides whether
 * a student's value may be used (ADR 0005): the institution enabled the attribute AND the student
 * disclosed it (an imported value only once the student confirmed it) AND, for a background
 * attribute, the student's explicit consent holds right now.
 */

export const GROUPING_ATTRIBUTES = ['priorEducation', 'international', 'firstGeneration', 'language', 'gender', 'class'] as const;
export type GroupingAttribute = (typeof GROUPING_ATTRIBUTES)[number];

/**
 * ordinary: a student's own disclosure is enough. background: may reveal origin or social
 * background (treated as special-category), so it also needs the explicit consent
 * `grouping-background`. enrolment: comes from the class enrolment the institution already holds.
 */
export type AttributeSensitivity = 'ordinary' | 'background' | 'enrolment';

export type AttributeDefinition = {
  readonly key: GroupingAttribute;
  /** The values a student can choose; null for class (the class codes of the intake). */
  readonly values: readonly string[] | null;
  readonly sensitivity: AttributeSensitivity;
  /** Whether a student-information-system export may suggest a value (the student still confirms it). */
  readonly importable: boolean;
};

export const ATTRIBUTE_DEFINITIONS: Readonly<Record<GroupingAttribute, AttributeDefinition>> = {
  priorEducation: { key: 'priorEducation', values: ['mbo', 'havo', 'vwo', 'other'], sensitivity: 'ordinary', importable: true },
  international: { key: 'international', values: ['yes', 'no'], sensitivity: 'background', importable: false },
  firstGeneration: { key: 'firstGeneration', values: ['yes', 'no'], sensitivity: 'background', importable: false },
  language: { key: 'language', values: ['nl', 'en', 'other'], sensitivity: 'background', importable: false },
  gender: { key: 'gender', values: ['woman', 'man', 'nonBinary', 'other'], sensitivity: 'ordinary', importable: false },
  class: { key: 'class', values: null, sensitivity: 'enrolment', importable: false },
};

/** Attributes a student discloses themselves (everything except class). */
export const DISCLOSABLE_ATTRIBUTES = GROUPING_ATTRIBUTES.filter((a) => ATTRIBUTE_DEFINITIONS[a].sensitivity !== 'enrolment');

export const isBackground = (attribute: GroupingAttribute): boolean => ATTRIBUTE_DEFINITIONS[attribute].sensitivity === 'background';

export function isGroupingAttribute(key: string): key is GroupingAttribute {
  return (GROUPING_ATTRIBUTES as readonly string[]).includes(key);
}

/** Is this a value the student may choose for the attribute? */
export function isValidValue(attribute: GroupingAttribute, value: string): boolean {
  const values = ATTRIBUTE_DEFINITIONS[attribute].values;
  return values !== null && values.includes(value);
}

export type StoredAttribute = { readonly attribute: string; readonly value: string; readonly confirmed: boolean };

export type UsableAttributesInput = {
  /** Attributes the institution enabled. */
  readonly enabled: ReadonlySet<string>;
  /** The student's stored values (disclosed, or imported and perhaps not confirmed yet). */
  readonly stored: readonly StoredAttribute[];
  /** Does the student's background consent hold now? */
  readonly backgroundConsent: boolean;
  /** The student's class code (enrolment), when known. */
  readonly classCode: string | null;
};

/**
 * The values of one student that grouping may use; anything else counts as "not disclosed" and
 * contributes nothing to the diversity or the figures.
 */
export function usableAttributes(input: UsableAttributesInput): Partial<Record<GroupingAttribute, string>> {
  const result: Partial<Record<GroupingAttribute, string>> = {};
  for (const row of input.stored) {
    if (!isGroupingAttribute(row.attribute) || !input.enabled.has(row.attribute)) continue;
    const definition = ATTRIBUTE_DEFINITIONS[row.attribute];
    if (definition.sensitivity === 'enrolment' || !row.confirmed || !isValidValue(row.attribute, row.value)) continue;
    if (definition.sensitivity === 'background' && !input.backgroundConsent) continue;
    result[row.attribute] = row.value;
  }
  if (input.enabled.has('class') && input.classCode !== null) result.class = input.classCode;
  return result;
}
