import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { LANGUAGES } from '../../../contracts/programme';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useSession } from '../../session';
import { CheckField, errorsOf, SelectField, TextAreaField } from '../../components/form-fields';
import { coachApi } from './api';

/** What the home card hands over when a signed-in student applies from their nomination (#21). */
type NominationState = { nominationId: string; programmeId: string; nominatorRole: 'leercoach' | 'coordinator'; programmeName: string };
const isNominationState = (s: unknown): s is NominationState => typeof s === 'object' && s !== null && 'nominationId' in s && typeof s.nominationId === 'string';

/**
 * The public application form: no account needed; CSRF token from the session call, rate limited.
 * Opened from a nomination (#21) — the mail's link (`#nomination=<token>`) or the home card — it
 * says who nominated, is prefilled with the student's name and address and offers to decline.
 */
export function ApplyPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('programme.apply.title'));
  const session = useSession();
  const location = useLocation();
  const token = /^#nomination=([A-Za-z0-9_-]+)$/.exec(location.hash)?.[1] ?? null;
  const fromCard = isNominationState(location.state) ? location.state : null;
  const link = useQuery({ queryKey: ['public', 'nomination-link', token], queryFn: () => coachApi.nominationLink(token ?? ''), enabled: token !== null, retry: false });
  const declineLink = useMutation({ mutationFn: () => coachApi.declineNominationLink(token ?? '') });
  const programmes = useQuery({ queryKey: ['public', 'programmes'], queryFn: coachApi.publicProgrammes });
  const [programmeId, setProgramme] = useState('');
  const [v, setV] = useState({ firstName: '', lastName: '', email: '', studyYear: '2', motivation: '', availability: '' });
  const nominated = link.data ? { role: link.data.nominatorRole, programme: link.data.programmeName, programmeId: link.data.programmeId } : fromCard ? { role: fromCard.nominatorRole, programme: fromCard.programmeName, programmeId: fromCard.programmeId } : null;
  const me = session.data?.person;
  // Prefill once the nomination (and, from the home card, the signed-in person) is known.
  useEffect(() => {
    const who = link.data ?? (fromCard && me ? me : null);
    if (!nominated || !who) return;
    setProgramme((p) => p || nominated.programmeId);
    setV((old) => (old.firstName || old.email ? old : { ...old, firstName: who.firstName, lastName: who.lastName, email: who.email }));
  }, [link.data, fromCard?.nominationId, me?.id]);
  const [languages, setLanguages] = useState<string[]>(['nl']);
  const [roleModelConsent, setConsent] = useState(false);
  const [roleModelText, setRoleModel] = useState('');
  const send = useMutation({
    mutationFn: () =>
      coachApi.apply(programmeId, {
        ...v,
        studyYear: Number(v.studyYear),
        languages: languages.filter((l): l is (typeof LANGUAGES)[number] => (LANGUAGES as readonly string[]).includes(l)),
        roleModelConsent,
        roleModelText: roleModelConsent && roleModelText.trim() ? roleModelText : null,
        ...(token && link.data && programmeId === link.data.programmeId ? { nominationToken: token } : {}),
        ...(!token && fromCard && programmeId === fromCard.programmeId ? { nominationId: fromCard.nominationId } : {}),
      }),
  });
  const { form, fields } = errorsOf(send.error);
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [key]: e.target.value });
  if (send.isSuccess) {
    return (
      <section className="card narrow" aria-labelledby="apply-title">
        <h1 id="apply-title">{t('programme.apply.title')}</h1>
        <Alert kind="success">{t('programme.apply.sent')}</Alert>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="apply-title">
      <h1 id="apply-title">{t('programme.apply.title')}</h1>
      <p>{t('programme.apply.intro')}</p>
      {token && link.isError && <Alert kind="info">{t('growth.apply.badLink')}</Alert>}
      {declineLink.isSuccess ? (
        <Alert kind="success">{t('growth.apply.declined')}</Alert>
      ) : (
        nominated && (
          <div className="card stack-sm" role="note">
            <p>
              <strong>{t('growth.apply.nominated', { role: t(`growth.roles.${nominated.role}`), programme: nominated.programme })}</strong>
            </p>
            {link.data && link.data.status !== 'open' && <p>{t('growth.apply.closed')}</p>}
            {token && link.data?.status === 'open' && (
              <p>
                {t('growth.apply.declineQuestion')}{' '}
                <button type="button" className="quiet" disabled={declineLink.isPending} onClick={() => declineLink.mutate()}>
                  {t('growth.apply.decline')}
                </button>
              </p>
            )}
            {declineLink.error && <Alert kind="error">{declineLink.error.message}</Alert>}
          </div>
        )
      )}
      {form && <Alert kind="error">{form}</Alert>}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate();
        }}
      >
        <SelectField label={t('programme.apply.programme')} value={programmeId} onChange={(e) => setProgramme(e.target.value)} required>
          <option value="">{t('programme.apply.chooseProgramme')}</option>
          {programmes.data?.programmes.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} · {p.location} ({p.institution})
            </option>
          ))}
        </SelectField>
        <div className="grid-2">
          <Field label={t('programme.apply.firstName')} autoComplete="given-name" value={v.firstName} onChange={set('firstName')} error={fields.firstName} />
          <Field label={t('programme.apply.lastName')} autoComplete="family-name" value={v.lastName} onChange={set('lastName')} error={fields.lastName} />
          <Field label={t('programme.apply.email')} type="email" autoComplete="email" value={v.email} onChange={set('email')} error={fields.email} />
          <SelectField label={t('programme.apply.studyYear')} value={v.studyYear} onChange={set('studyYear')}>
            {[1, 2, 3, 4, 5, 6].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </SelectField>
        </div>
        <TextAreaField label={t('programme.apply.motivation')} value={v.motivation} onChange={set('motivation')} error={fields.motivation} />
        <Field label={t('programme.apply.availability')} value={v.availability} onChange={set('availability')} error={fields.availability} />
        <fieldset>
          <legend>{t('programme.apply.languages')}</legend>
          <div className="grid-2">
            {LANGUAGES.map((l) => (
              <CheckField key={l} label={t(`programme.apply.languageNames.${l}`)} checked={languages.includes(l)} onChange={(on) => setLanguages(on ? [...languages, l] : languages.filter((x) => x !== l))} />
            ))}
          </div>
          {fields.languages && <p className="field-error">{fields.languages}</p>}
        </fieldset>
        <CheckField label={t('programme.apply.roleModelConsent')} help={t('programme.apply.roleModelHelp')} checked={roleModelConsent} onChange={setConsent} />
        {roleModelConsent && <TextAreaField label={t('programme.apply.roleModelText')} value={roleModelText} onChange={(e) => setRoleModel(e.target.value)} error={fields.roleModelText} />}
        <p className="help">{t('programme.apply.privacy')}</p>
        <button type="submit" className="primary" disabled={send.isPending || !programmeId}>
          {t('programme.apply.submit')}
        </button>
      </form>
      <p>
        <Link to="/sign-in">{t('programme.apply.signInLink')}</Link>
      </p>
    </section>
  );
}
