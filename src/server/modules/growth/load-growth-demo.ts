/**
 * Demo data of coaches' growth and input (#21 item 6): two past coach trainings of the programme
 * that every coach attended. On the earlier one five coaches gave feedback (enough for an
 * average); on last week's four did — the demo student coach not yet, so their home asks for it.
 */
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { attendanceMarks, sessions, trainingFeedback } from '../../db/schema';

const DAY = 86_400_000;
const FEEDBACK: readonly { rating: number; text: string; topics: string[] }[] = [
  { rating: 5, text: 'Het rollenspel over een lastig gesprek hielp me echt.', topics: ['difficult-conversations', 'referring'] },
  { rating: 4, text: 'Fijn om te horen hoe anderen het doen.', topics: ['group-dynamics'] },
  { rating: 3, text: '', topics: ['attendance', 'Omgaan met stilte in de groep'] },
  { rating: 4, text: 'Graag meer tijd voor oefenen.', topics: ['difficult-conversations'] },
  { rating: 2, text: 'Te veel uitleg, te weinig doen.', topics: ['own-boundaries', 'attendance'] },
];

/** A training at 18:00 Dutch time `daysAgo` days before now (on the hour, two hours long). */
function trainingTime(now: Date, daysAgo: number) {
  const start = new Date(Math.floor((now.getTime() - daysAgo * DAY) / DAY) * DAY + 17 * 3_600_000);
  return { startsAt: start, endsAt: new Date(start.getTime() + 2 * 3_600_000) };
}

export async function loadGrowthDemo(db: Db, services: Services, options: { institutionId: string; programmeId: string; coachIds: readonly string[]; demoCoachId: string; trainerId: string }): Promise<void> {
  const now = services.now();
  const others = options.coachIds.filter((id) => id !== options.demoCoachId);
  const plan = [
    { daysAgo: 33, title: 'Motivatie en doelen', givers: others.slice(0, 5) },
    { daysAgo: 5, title: 'Lastige gesprekken', givers: others.slice(0, 4) },
  ];
  for (const p of plan) {
    const [training] = await db
      .insert(sessions)
      .values({ institutionId: options.institutionId, programmeId: options.programmeId, type: 'coachTraining', organiserId: options.trainerId, title: p.title, location: 'Lokaal 2.14', ...trainingTime(now, p.daysAgo) })
      .returning({ id: sessions.id, endsAt: sessions.endsAt });
    await db.insert(attendanceMarks).values(options.coachIds.map((personId) => ({ sessionId: training!.id, personId, status: 'present', markedBy: options.trainerId })));
    if (p.givers.length === 0) continue;
    await db.insert(trainingFeedback).values(
      p.givers.map((authorId, i) => ({ sessionId: training!.id, authorId, ...FEEDBACK[i % FEEDBACK.length]!, createdAt: new Date(training!.endsAt.getTime() + (i + 1) * 3_600_000) })),
    );
  }
}
