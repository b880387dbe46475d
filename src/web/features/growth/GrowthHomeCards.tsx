import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyNominationsResponse } from '../../../contracts/growth';
import { Alert } from '../../components/Alert';
import { formatDate } from '../../format';
import { growthApi } from './api';
import './growth.css';

/** On a student's home: an open nomination as a future coach, with the note, a way to apply and to decline. */
export function NominationHomeCard() {
  const query = useQuery({ queryKey: ['growth', 'nominations', 'mine'], queryFn: growthApi.mine });
  const open = query.data?.nominations.filter((n) => n.status === 'open') ?? [];
  return (
    <>
      {open.map((n) => (
        <NominationCard key={n.id} nomination={n} />
      ))}
    </>
  );
}

function NominationCard({ nomination: n }: { nomination: MyNominationsResponse['nominations'][number] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const decline = useMutation({ mutationFn: () => growthApi.declineMine(n.id), onSuccess: () => client.invalidateQueries({ queryKey: ['growth', 'nominations', 'mine'] }) });
  const role = t(`growth.roles.${n.nominatorRole}`);
  return (
    <section className="card" aria-labelledby={`nomination-${n.id}`}>
      <h2 id={`nomination-${n.id}`}>{t('growth.card.title')}</h2>
      <p>{n.nominatorName ? t('growth.card.text', { name: n.nominatorName, role, programme: n.programmeName }) : t('growth.card.textRoleOnly', { role, programme: n.programmeName })}</p>
      {n.note && (
        <>
          <p className="help">{t('growth.card.note')}</p>
          <p className="growth-note">{n.note}</p>
        </>
      )}
      {decline.error && <Alert kind="error">{decline.error.message}</Alert>}
      <div className="link-row">
        <Link className="button-link" to="/apply" state={{ nominationId: n.id, programmeId: n.programmeId, nominatorRole: n.nominatorRole, programmeName: n.programmeName }}>
          {t('growth.card.apply')}
        </Link>
        <button type="button" className="quiet" disabled={decline.isPending} onClick={() => decline.mutate()}>
          {t('growth.card.decline')}
        </button>
      </div>
    </section>
  );
}

/** On a coach's home: trainings they attended that ended and still wait for their feedback. */
export function TrainingFeedbackHomeCard() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ['growth', 'trainings'], queryFn: growthApi.myTrainings });
  const open = query.data?.trainings.filter((x) => x.ended && !x.feedback) ?? [];
  return (
    <>
      {open.map((x) => (
        <section key={x.sessionId} className="card" aria-labelledby={`training-card-${x.sessionId}`}>
          <h2 id={`training-card-${x.sessionId}`}>{t('growth.training.cardTitle')}</h2>
          <p>{t('growth.training.cardText', { title: x.title || t('growth.overview.untitled'), date: formatDate(x.startsAt, 'long') })}</p>
          <Link className="button-link" to={`/trainings/${x.sessionId}/feedback`}>
            {t('growth.training.cardAction')}
          </Link>
        </section>
      ))}
    </>
  );
}

/** On a new coach's home (no community of their own yet): the way to the handbook. */
export function HandbookHomeCard() {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="handbook-card">
      <h2 id="handbook-card">{t('growth.handbook.cardTitle')}</h2>
      <p>{t('growth.handbook.cardText')}</p>
      <Link className="button-link" to="/handbook">
        {t('growth.handbook.cardAction')}
      </Link>
    </section>
  );
}
