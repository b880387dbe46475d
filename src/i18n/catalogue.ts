/**
 * The message catalogues: `nl.json` / `en.json` hold the shell and shared messages; each feature
 * adds its own pair `nl.<feature>.json` / `en.<feature>.json` with one top-level key (its
 * namespace) and registers it here. The web client and the server read the same catalogues.
 */
import en from './en.json';
import nl from './nl.json';
import enResilience from './en.resilience.json';
import nlResilience from './nl.resilience.json';
import enConsent from './en.consent.json';
import nlConsent from './nl.consent.json';
import enSupport from './en.support.json';
import nlSupport from './nl.support.json';
import enProgramme from './en.programme.json';
import nlProgramme from './nl.programme.json';
import enSessions from './en.sessions.json';
import nlSessions from './nl.sessions.json';
import enLibrary from './en.library.json';
import nlLibrary from './nl.library.json';
import enSessionInsight from './en.sessionInsight.json';
import nlSessionInsight from './nl.sessionInsight.json';
import enGrouping from './en.grouping.json';
import nlGrouping from './nl.grouping.json';
import enScheduling from './en.scheduling.json';
import nlScheduling from './nl.scheduling.json';
import enInvitations from './en.invitations.json';
import nlInvitations from './nl.invitations.json';
import enSecurity from './en.security.json';
import nlSecurity from './nl.security.json';
import enPeople from './en.people.json';
import nlPeople from './nl.people.json';
import enFinance from './en.finance.json';
import nlFinance from './nl.finance.json';
import enInsight from './en.insight.json';
import nlInsight from './nl.insight.json';
import enCompensation from './en.compensation.json';
import nlCompensation from './nl.compensation.json';
import enYear from './en.year.json';
import nlYear from './nl.year.json';
import enRegroup from './en.regroup.json';
import nlRegroup from './nl.regroup.json';
import enFormats from './en.formats.json';
import nlFormats from './nl.formats.json';
import enUx from './en.ux.json';
import nlUx from './nl.ux.json';
import enResearch from './en.research.json';
import nlResearch from './nl.research.json';
import enRights from './en.rights.json';
import nlRights from './nl.rights.json';
import enEvaluation from './en.evaluation.json';
import nlEvaluation from './nl.evaluation.json';
import enRoadmap from './en.roadmap.json';
import nlRoadmap from './nl.roadmap.json';
import enParticipation from './en.participation.json';
import nlParticipation from './nl.participation.json';
import enDigest from './en.digest.json';
import nlDigest from './nl.digest.json';
import enEvalRates from './en.evalrates.json';
import nlEvalRates from './nl.evalrates.json';
import enGrowth from './en.growth.json';
import nlGrowth from './nl.growth.json';
import enProgcontent from './en.progcontent.json';
import nlProgcontent from './nl.progcontent.json';
import enEndyear from './en.endyear.json';
import nlEndyear from './nl.endyear.json';
import enCaseloads from './en.caseloads.json';
import nlCaseloads from './nl.caseloads.json';
import enClasswide from './en.classwide.json';
import nlClasswide from './nl.classwide.json';

export type Messages = { [key: string]: string | Messages };

/** Feature catalogues: [nl, en] pairs. Add a feature's pair here. */
const FEATURES: [Messages, Messages][] = [
  [nlResilience, enResilience],
  [nlConsent, enConsent],
  [nlSupport, enSupport],
  [nlProgramme, enProgramme],
  [nlSessions, enSessions],
  [nlLibrary, enLibrary],
  [nlSessionInsight, enSessionInsight],
  [nlGrouping, enGrouping],
  [nlScheduling, enScheduling],
  [nlInvitations, enInvitations],
  [nlSecurity, enSecurity],
  [nlPeople, enPeople],
  [nlFinance, enFinance],
  [nlInsight, enInsight],
  [nlCompensation, enCompensation],
  [nlYear, enYear],
  [nlRegroup, enRegroup],
  [nlFormats, enFormats],
  [nlUx, enUx],
  [nlResearch, enResearch],
  [nlRights, enRights],
  [nlEvaluation, enEvaluation],
  [nlRoadmap, enRoadmap],
  [nlParticipation, enParticipation],
  [nlDigest, enDigest],
  [nlEvalRates, enEvalRates],
  [nlGrowth, enGrowth],
  [nlProgcontent, enProgcontent],
  [nlEndyear, enEndyear],
  [nlCaseloads, enCaseloads],
  [nlClasswide, enClasswide],
];

function merge(base: Messages, extra: Messages): Messages {
  const result: Messages = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    if (key in result) throw new Error(`Message key "${key}" is defined twice`);
    result[key] = value;
  }
  return result;
}

export const catalogues: { nl: Messages; en: Messages } = {
  nl: FEATURES.reduce((all, [n]) => merge(all, n), nl as Messages),
  en: FEATURES.reduce((all, [, e]) => merge(all, e), en as Messages),
};
