/** Every seed content file (`content/*.json`): its file name and the schema it is validated with. */
import { ActivitiesFile } from './activities';
import { ConsentsFile } from './consents';
import { FiscalLimitsFile } from './fiscal-limits';
import { HandbookFile } from './handbook';
import { HelpDirectoryFile } from './help-directory';
import { QuestionsFile } from './questions';
import { RoadmapFile } from './roadmap';
import { ResearchVariablesFile } from './research-variables';

/** File name (inside the content directory) and schema of every content file. */
export const CONTENT_FILES = {
  activities: { file: 'activities.json', schema: ActivitiesFile },
  roadmap: { file: 'roadmap.json', schema: RoadmapFile },
  helpDirectory: { file: 'help-directory.json', schema: HelpDirectoryFile },
  questions: { file: 'questions.json', schema: QuestionsFile },
  consents: { file: 'consents.json', schema: ConsentsFile },
  fiscalLimits: { file: 'fiscal-limits.json', schema: FiscalLimitsFile },
  researchVariables: { file: 'research-variables.json', schema: ResearchVariablesFile },
  handbook: { file: 'handbook.json', schema: HandbookFile },
} as const;
export type ContentKey = keyof typeof CONTENT_FILES;

export interface Content {
  activities: ActivitiesFile;
  roadmap: RoadmapFile;
  helpDirectory: HelpDirectoryFile;
  questions: QuestionsFile;
  consents: ConsentsFile;
  fiscalLimits: FiscalLimitsFile;
  researchVariables: ResearchVariablesFile;
  handbook: HandbookFile;
}
