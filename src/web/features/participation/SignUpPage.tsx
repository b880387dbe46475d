import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { MySignUp } from '../../../contracts/participation';
import { Alert } from '../../components/Alert';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate } from '../../format';
import { participationApi } from './api';

/**
 * Signing up for peer coaching in an opt-in intake ("Ik doe mee"), phone first (#21 item 1). A
 * student can withdraw again until the communities are formed; only signed-up students are grouped.
 */
export function SignUpPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('participation.signUp.title'));
  const query = useQuery({ queryKey: ['participation', 'mine'], queryFn: participationApi.mine });
  return (
    <div className="stack narrow">
      <h1>{t('participation.signUp.title')}</h1>
      <p>{t('participation.signUp.intro')}</p>
      <PageState query={query} empty={{ when: (d) => d.signUps.length === 0, text: t('participation.signUp.none') }}>
        {(d) => (
          <>
            {d.signUps.map((s) => (
              <SignUpCard key={s.intakeId} signUp={s} />
            ))}
          </>
        )}
      </PageState>
    </div>
  );
}

function SignUpCard({ signUp: s }: { signUp: z.infer<typeof MySignUp> }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [done, setDone] = useState<'joined' | 'withdrawn' | null>(null);
  const change = useMutation({
    mutationFn: (join: boolean) => (join ? participationApi.signUp(s.intakeId) : participationApi.withdraw(s.intakeId)),
    onSuccess: async (_, join) => {
      setDone(join ? 'joined' : 'withdrawn');
      await client.invalidateQueries({ queryKey: ['participation'] });
    },
  });
  const titleId = `sign-up-${s.intakeId}`;
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('participation.signUp.intake', { programme: s.programmeName, year: s.academicYear })}</h2>
      {change.error && <Alert kind="error">{change.error.message}</Alert>}
      {done && <Alert kind="success">{t(`participation.signUp.${done}`)}</Alert>}
      <p className="lead">{t(s.signedUp ? 'participation.signUp.signedUp' : 'participation.signUp.notSignedUp')}</p>
      {s.open ? (
        <>
          <p className="help">{s.closesOn === null ? t('participation.signUp.untilGrouping') : t('participation.signUp.until', { date: formatDate(s.closesOn, 'long') })}</p>
          <div className="actions">
            {s.signedUp ? (
              <button type="button" className="secondary" disabled={change.isPending} onClick={() => change.mutate(false)}>
                {t('participation.signUp.withdraw')}
              </button>
            ) : (
              <button type="button" className="primary" disabled={change.isPending} onClick={() => change.mutate(true)}>
                {t('participation.signUp.join')}
              </button>
            )}
          </div>
        </>
      ) : (
        <p>{t('participation.signUp.closed')}</p>
      )}
    </section>
  );
}
