/**
 * The Veerkrachtpraatplaat (resilience map) as plain data, owned by the coachee.
 *
 * The theory behind it (Ungar's social-ecological resilience): support comes from resources on
 * three levels — individual (traits, skills, things you are proud of), relational (friends,
 * family, fellow students, the coach) and contextual (places, activities, communities, services,
 * inside and outside the institution). Resilience is finding your way to those resources and
 * getting access to them, so each resource also records how reachable it is.
 */

export const LEVELS = ['individual', 'relational', 'contextual'] as const;
export type Level = (typeof LEVELS)[number];

/** Inside the institution (hogeschool) or outside it. */
export const PLACES = ['inside', 'outside'] as const;
export type Place = (typeof PLACES)[number];

export const RESOURCE_KINDS = ['person', 'place', 'activity', 'service', 'trait'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** How the coachee uses the resource: uses it, could use it, or finds it hard to reach. */
export const USAGES = ['uses', 'could-use', 'hard-to-reach'] as const;
export type Usage = (typeof USAGES)[number];

export const CHALLENGE_TIMES = ['now', 'past'] as const;
export type ChallengeTime = (typeof CHALLENGE_TIMES)[number];

export const LIMITS = {
  label: 80,
  text: 2_000,
  shortText: 500,
  resources: 60,
  challenges: 20,
} as const;

export type SupportResource = {
  /** Stable within the map (and across its snapshots), so comparisons can follow a resource. */
  id: string;
  label: string;
  level: Level;
  place: Place;
  kind: ResourceKind;
  usage: Usage;
  /** What would make it easier to reach. */
  easierIf: string;
  note: string;
  /** A person in the system this resource is (the coach or a fellow community member), if linked. */
  linkedPersonId: string | null;
};

export type Challenge = { id: string; text: string; when: ChallengeTime };

export type ResilienceMap = {
  challenges: Challenge[];
  /** Goals and dreams for the future. */
  goals: string;
  /** How the study fits those goals. */
  studyFit: string;
  /** "How are you doing?" 0–10, or not filled in. */
  wellbeing: number | null;
  /** What it would take to get to a pass (6). */
  wellbeingNeeds: string;
  resources: SupportResource[];
  /** Who or what could still become a resource. */
  potential: string;
  firstStep: string;
};

export const emptyMap = (): ResilienceMap => ({
  challenges: [],
  goals: '',
  studyFit: '',
  wellbeing: null,
  wellbeingNeeds: '',
  resources: [],
  potential: '',
  firstStep: '',
});

/** A pass on the Dutch 0–10 scale. */
export const PASS_MARK = 6;
export const belowPass = (map: Pick<ResilienceMap, 'wellbeing'>) => map.wellbeing !== null && map.wellbeing < PASS_MARK;
