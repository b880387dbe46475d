import { useTranslation } from 'react-i18next';
import type { RunCommunity, RunResponse } from '../../../contracts/scheduling';
import { clockOf, dayName, minutesOf } from './format';

type Block = { day: string; start: string; end: string; location: string | null };

/**
 * A small day view per member: their classes that day and the session on one line from the
 * start to the end of the grid. The bar is a picture (aria-hidden); the same facts are in the text.
 */
export function DayView({ community, run, slot }: { community: RunCommunity; run: RunResponse; slot?: { day: string; start: string; locationId: string; members?: { id: string; kind: string; cost: number }[] } }) {
  const { t } = useTranslation();
  const grid = run.grid!;
  const at = slot ?? community.slot;
  const from = minutesOf(grid.dayStart);
  const span = minutesOf(grid.dayEnd) - from;
  const start = minutesOf(at.start);
  const end = start + grid.sessionMinutes;
  const place = (id: string | null) => (id === null ? t('scheduling.offCampus') : (run.locations.find((l) => l.id === id)?.name ?? t('scheduling.offCampus')));
  const pos = (a: number, b: number) => ({ left: `${((a - from) / span) * 100}%`, width: `${((b - a) / span) * 100}%` });
  const status = (kind: string, cost: number) =>
    kind === 'conflict' ? t('scheduling.day.inClass') : kind === 'extra-trip' ? t('scheduling.day.extraTrip') : cost === 0 ? t('scheduling.day.adjacent') : t('scheduling.day.waits', { count: cost });
  const row = (key: string, name: string, week: Block[], label: string | null, kind: string) => {
    const classes = week.filter((b) => b.day === at.day);
    return (
      <li key={key} className="day-row">
        <div className="day-head">
          <span className="day-name">{name}</span>
          {label && <span className={`chip ${kind === 'wait' ? '' : 'warn'}`}>{label}</span>}
        </div>
        <div className="day-bar" aria-hidden="true">
          {classes.map((b, i) => (
            <span key={i} className={`day-class ${b.location !== null && b.location !== at.locationId ? 'elsewhere' : ''}`} style={pos(minutesOf(b.start), minutesOf(b.end))} />
          ))}
          <span className="day-session" style={pos(start, end)} />
        </div>
        <p className="visually-hidden">
          {classes.length === 0 ? t('scheduling.day.noClasses') : classes.map((b) => t('scheduling.day.class', { start: b.start, end: b.end, place: place(b.location) })).join('; ')}
        </p>
      </li>
    );
  };
  return (
    <section className="day-view" aria-label={t('scheduling.day.title', { name: community.name, day: dayName(at.day) })}>
      <h4>{t('scheduling.day.heading', { day: dayName(at.day), start: at.start, end: clockOf(end), place: place(at.locationId) })}</h4>
      <ul className="day-rows">
        {community.members.map((m) => {
          const o = slot?.members?.find((x) => x.id === m.id);
          const kind = o?.kind ?? m.kind;
          return row(m.id, m.name, m.classes, status(kind, o?.cost ?? m.cost), kind);
        })}
        {row('coach', t('scheduling.day.coach', { name: community.coach.name }), community.coachClasses, null, 'wait')}
      </ul>
      <p className="help day-legend">
        <span className="legend-class" aria-hidden="true" /> {t('scheduling.day.legendClass')} <span className="legend-elsewhere" aria-hidden="true" /> {t('scheduling.day.legendElsewhere')}{' '}
        <span className="legend-session" aria-hidden="true" /> {t('scheduling.day.legendSession')}
      </p>
    </section>
  );
}
