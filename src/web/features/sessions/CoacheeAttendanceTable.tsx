import { useTranslation } from 'react-i18next';
import { TableHead, TableWrap } from '../../components/form-fields';

export interface CoacheeAttendanceRow {
  id: string;
  firstName: string;
  lastName: string;
  /** Missed three sessions in a row: the row is marked and gets a chip. */
  signal: boolean;
  /** What the "attended" cell says, e.g. "3 of 4". */
  attended: string;
  missedInARow: number;
}

/** Attendance per person (name, attended, missed in a row), the signal rows marked. */
export function CoacheeAttendanceTable({ name, rows }: { name: string; rows: CoacheeAttendanceRow[] }) {
  const { t } = useTranslation();
  return (
    <TableWrap label={t('sessionInsight.table', { name })}>
      <table>
        <TableHead columns={[{ label: t('sessionInsight.attendance.name') }, { label: t('sessionInsight.attendance.attended'), num: true }, { label: t('sessionInsight.attendance.inARow'), num: true }]} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={r.signal ? 'signal-row' : undefined}>
              <th scope="row">
                {r.firstName} {r.lastName}
                {r.signal && <span className="chip chip-warn"> {t('sessions.plan.signal')}</span>}
              </th>
              <td>{r.attended}</td>
              <td>{r.missedInARow}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
