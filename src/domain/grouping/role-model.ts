/**
 * The optional role-model preference when coaches are assigned to new communities (issue 6,
 * PRODUCT §4 E.1, P11): a coach who wrote — with consent — that they came through the mbo, or are
 * the first in their family to study, is a role model for members with the same route. The
 * self-description is free text in Dutch or English, so the traits are recognised from it; a
 * negation just before the phrase ("geen mbo", "not the first in my family") does not count.
 */
import type { GroupingAttribute } from './student-attributes.js';

/** A trait of a coach that matches a student attribute value (never free text). */
export type RoleModelTrait = { readonly attribute: GroupingAttribute; readonly value: string };

type Pattern = RoleModelTrait & { readonly pattern: RegExp };

const PATTERNS: readonly Pattern[] = [
  { attribute: 'priorEducation', value: 'mbo', pattern: /\bmbo\b|\bmiddelbaar beroepsonderwijs\b|\bvocational\b/giu },
  { attribute: 'priorEducation', value: 'havo', pattern: /\bhavo\b/giu },
  { attribute: 'priorEducation', value: 'vwo', pattern: /\bvwo\b|\batheneum\b|\bgymnasium\b/giu },
  {
    attribute: 'firstGeneration',
    value: 'yes',
    pattern: /\beerste (?:\w+ )?(?:in|uit|van) (?:mijn|onze|de|ons) (?:familie|gezin)\b|\beerste[- ]?generatie[- ]?student(?:e|en)?\b|\bfirst (?:\w+ )?in (?:my|our|the) family\b|\bfirst[- ]gen(?:eration)? (?:college |university )?student\b/giu,
  },
  {
    attribute: 'international',
    value: 'yes',
    pattern: /\binternationale? student(?:e|en)?\b|\binternational student\b|\buit het buitenland\b|\bfrom abroad\b|\bniet in nederland (?:op|ge)groeid\b|\bgrew up abroad\b/giu,
  },
];

const NEGATION = /\b(?:geen|niet|nooit|not|no|never|nor|neither)\b(?:\s+\S+){0,2}\s*$/iu;

/** The traits a self-description names, each once, in catalogue order. */
export function roleModelTraits(text: string | null | undefined): RoleModelTrait[] {
  if (!text) return [];
  const traits: RoleModelTrait[] = [];
  for (const { attribute, value, pattern } of PATTERNS) {
    if (traits.some((t) => t.attribute === attribute && t.value === value)) continue;
    for (const match of text.matchAll(pattern)) {
      const before = text.slice(Math.max(0, match.index - 40), match.index);
      if (!NEGATION.test(before)) {
        traits.push({ attribute, value });
        break;
      }
    }
  }
  return traits;
}

export type RoleModelCoach = {
  /** From the coach's consented self-description. */
  readonly traits: readonly RoleModelTrait[];
  /** Languages the coach speaks (ISO codes, as on their profile). */
  readonly languages: readonly string[];
};

/** Members' usable attribute values (disclosed, enabled, consented — `usableAttributes`). */
export type RoleModelCommunity = { readonly members: readonly Readonly<Partial<Record<string, string | null>>>[] };

/** A member who shares a route the coach named counts more than one who shares a language. */
export const TRAIT_WEIGHT = 3;
export const LANGUAGE_WEIGHT = 1;

/**
 * preference[coach][community] for `assignCoaches`: TRAIT_WEIGHT per member with a value a trait
 * of the coach names, plus LANGUAGE_WEIGHT per member whose disclosed home language the coach
 * speaks ('other' matches no one). A coach with no matching trait scores only on language.
 */
export function roleModelPreference(coaches: readonly RoleModelCoach[], communities: readonly RoleModelCommunity[]): number[][] {
  return coaches.map((coach) =>
    communities.map((community) => {
      let score = 0;
      for (const member of community.members) {
        if (coach.traits.some((t) => member[t.attribute] === t.value)) score += TRAIT_WEIGHT;
        const language = member.language;
        if (language && language !== 'other' && coach.languages.includes(language)) score += LANGUAGE_WEIGHT;
      }
      return score;
    }),
  );
}
