/**
 * The impact report's coach reflections: the answers to the quotable questions ("what went well",
 * "what the programme should change") of the submitted reports of a programme's year whose coach
 * agreed to be quoted — without name, trimmed, in text order (so the order tells nothing about who
 * wrote what). A withdrawn consent drops them from every report generated after.
 */
import { quotesOf } from '../../../domain/endyear/year-report';
import type { Services } from '../../context';
import { consentedAnswers } from './repository';

export async function coachReflections(services: Services, filter: { programmeId: string; year: string }): Promise<string[]> {
  const answers = await consentedAnswers(services.db, filter.programmeId, filter.year);
  const questions = services.content.questions.coachYearReport.questions;
  return answers.flatMap((a) => quotesOf(questions, a)).sort((a, b) => a.localeCompare(b, 'nl'));
}
