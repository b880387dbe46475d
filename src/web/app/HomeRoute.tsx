import { EvaluationHomeCard } from '../features/evaluation/EvaluationHomeCard';
import { YearReportHomeCard } from '../features/endyear/YearReportHomeCard';
import { OverdueHomeCard } from '../features/finance/OverdueHomeCard';
import { HomePage, type HomeCards } from '../features/home/HomePage';
import { ResilienceHomeCard } from '../features/resilience/ResilienceHomeCard';
import { AttendanceSignalsCard } from '../features/sessions/AttendanceSignalsCard';
import { SessionsHomeCard } from '../features/sessions/SessionsHomeCard';
import { RegroupHomeCard } from '../features/regroup/RegroupHomeCard';
import { RoadmapInvitedHomeCard } from '../features/roadmap/RoadmapInvitedHomeCard';
import { HandbookHomeCard, NominationHomeCard, TrainingFeedbackHomeCard } from '../features/growth/GrowthHomeCards';
import { HundredDayCoachCard, HundredDayHomeCard, SwitchNoticesHomeCard } from '../features/year/YearHomeCards';

/** The cards other features put on the home page; composed here, so features never import each other. */
const cards: HomeCards = {
  sessions: ({ roles, communities }) => (
    <>
      {roles.includes('coachee') && <HundredDayHomeCard />}
      {roles.includes('coachee') && !roles.includes('studentcoach') && <NominationHomeCard />}
      {roles.includes('studentcoach') && <TrainingFeedbackHomeCard />}
      {roles.includes('studentcoach') && !communities.some((c) => c.relation === 'coach') && <HandbookHomeCard />}
      {roles.includes('studentcoach') && <HundredDayCoachCard communityIds={communities.filter((c) => c.relation === 'coach')} />}
      {roles.includes('coordinator') && <SwitchNoticesHomeCard />}
      {(roles.includes('coachee') || roles.includes('studentcoach')) && <RegroupHomeCard />}
      <SessionsHomeCard isCoachee={roles.includes('coachee')} isCoach={roles.includes('studentcoach')} />
      {(roles.includes('studentcoach') || roles.includes('coordinator')) && <AttendanceSignalsCard />}
      {(roles.includes('finance') || roles.includes('coordinator')) && <OverdueHomeCard />}
      {(roles.includes('coachee') || roles.includes('studentcoach')) && <EvaluationHomeCard />}
      {(roles.includes('studentcoach') || roles.includes('seniorcoach')) && <YearReportHomeCard />}
      <RoadmapInvitedHomeCard />
    </>
  ),
  resilience: ({ roles, communities }) => (
    <ResilienceHomeCard isCoachee={roles.includes('coachee')} isCoach={roles.includes('studentcoach')} communities={communities} />
  ),
};

export function HomeRoute() {
  return <HomePage cards={cards} />;
}
