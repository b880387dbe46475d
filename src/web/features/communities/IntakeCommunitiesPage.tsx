import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Field } from '../../components/Field';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { errorsOf, percent, personName, SelectField } from '../../components/form-fields';
import { CreateFormCard } from '../../components/CreateFormCard';
import { communityApi } from './api';

/** The coordinator's overview of an intake's communities: size, coach, continuity; create one by hand. */
export function IntakeCommunitiesPage() {
  const { t } = useTranslation();
  const { intakeId = '' } = useParams();
  const client = useQueryClient();
  const query = useQuery({ queryKey: ['communities', 'intake', intakeId], queryFn: () => communityApi.list(intakeId) });
  const [name, setName] = useState('');
  const [coachId, setCoach] = useState('');
  const create = useMutation({
    mutationFn: (confirmSecondCommunity: boolean) => communityApi.create(intakeId, { name, coachId: coachId || null, confirmSecondCommunity }),
    onSuccess: async () => {
      setName('');
      setCoach('');
      await client.invalidateQueries({ queryKey: ['communities'] });
    },
  });
  const data = query.data;
  const title = data ? t('programme.communities.title', { month: t(`programme.structure.months.${data.intake.month}`), year: data.intake.academicYear }) : t('programme.common.loading');
  useDocumentTitle(title);
  if (!query.data) return <PageState query={query} />;
  if (!data) return null;
  const { form, fields, code } = errorsOf(create.error);
  return (
    <div className="stack">
      <p>
        <Link to={`/programme/intakes/${intakeId}`}>{t('programme.common.back')}</Link>
      </p>
      <h1>{title}</h1>
      <p>
        {t('programme.communities.size', data.size)} · {t('programme.communities.unplaced', { count: data.unplacedCount })}
      </p>
      <section className="card" aria-labelledby="list-title">
        <h2 id="list-title">{t('programme.intake.communities')}</h2>
        <p className="help">{t('programme.communities.continuityHelp')}</p>
        {data.communities.length === 0 && <p>{t('programme.communities.none')}</p>}
        <ul className="rows">
          {data.communities.map((c) => (
            <li key={c.id}>
              <Link to={`/communities/${c.id}/manage`} aria-label={t('programme.communities.edit', { name: c.name })}>
                {c.name}
              </Link>{' '}
              · {t('programme.communities.members', { count: c.memberCount })}
              {c.memberCount >= data.size.max && <span className="tag warn"> {t('programme.communities.full')}</span>} · {t('programme.communities.coach')}:{' '}
              {c.coach ? personName(c.coach) : t('programme.communities.noCoach')}
              <br />
              <span className="figure">
                {t('programme.communities.continuity')}: {t('programme.communities.coachShare', { value: percent(c.continuity.originalCoachShare) })} (
                {t(`programme.communities.coachBasis.${c.continuity.basis}`, { count: c.continuity.sessionsHeld })}),{' '}
                {t('programme.communities.memberShare', { value: percent(c.continuity.originalMembersShare) })}
              </span>
              {Object.values(c.continuity.endings).some((n) => n > 0) && (
                <>
                  <br />
                  <span className="figure">
                    {t('year.endings.title')}:{' '}
                    {(['finished', 'stoppedAfterFirstPhase', 'switchedProgramme', 'droppedOut'] as const)
                      .filter((k) => c.continuity.endings[k] > 0)
                      .map((k) => `${t(`year.endings.${k}`)} ${c.continuity.endings[k]}`)
                      .join(' · ')}
                  </span>
                </>
              )}
              {c.openHandover && <span className="tag warn"> {t('programme.communities.openHandover')}</span>}
            </li>
          ))}
        </ul>
      </section>
      <CreateFormCard id="create-title" title={t('programme.communities.create')} error={form} success={create.isSuccess ? t('programme.communities.created') : null} pending={create.isPending} onSubmit={() => create.mutate(false)}>
        <Field label={t('programme.communities.name')} value={name} onChange={(e) => setName(e.target.value)} error={fields.name} />
        <SelectField label={t('programme.communities.coach')} value={coachId} onChange={(e) => setCoach(e.target.value)} error={fields.coachId}>
          <option value="">{t('programme.communities.noCoach')}</option>
          {data.coaches.map((c) => (
            <option key={c.id} value={c.id}>
              {personName(c)}
            </option>
          ))}
        </SelectField>
        {code === 'coach_already_leads' && (
          <button type="button" className="danger" disabled={create.isPending} onClick={() => create.mutate(true)}>
            {t('ux.assignAnyway')}
          </button>
        )}
      </CreateFormCard>
    </div>
  );
}
