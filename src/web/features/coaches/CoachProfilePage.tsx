import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LANGUAGES, type MyCoachProfileResponse } from '../../../contracts/programme';
import { PHOTO_MAX_BYTES } from '../../../domain/programme/coach-photo';
import type { MyHandoversResponse } from '../../../contracts/communities';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { CoachPhoto } from '../../components/CoachPhoto';
import { Field } from '../../components/Field';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { CheckField, errorsOf, personName, TextAreaField } from '../../components/form-fields';
import { coachApi } from './api';

/** The coach's own profile (what coachees see) and the handovers they take part in. */
export function CoachProfilePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('programme.profile.title'));
  const profile = useQuery({ queryKey: ['coaches', 'me'], queryFn: coachApi.myProfile, retry: false });
  const handovers = useQuery({ queryKey: ['communities', 'myHandovers'], queryFn: () => api<MyHandoversResponse>('/api/me/handovers') });
  return (
    <div className="stack">
      <h1>{t('programme.profile.title')}</h1>
      {profile.isPending && <p role="status">{t('programme.common.loading')}</p>}
      {profile.error && <p>{t('programme.profile.notCoach')}</p>}
      {profile.data && <ProfileForm key={profile.dataUpdatedAt} profile={profile.data} />}
      {profile.data && <PhotoSection profile={profile.data} />}
      <section className="card" aria-labelledby="my-handovers">
        <h2 id="my-handovers">{t('programme.handover.mine')}</h2>
        {handovers.data?.handovers.length === 0 && <p>{t('programme.handover.none')}</p>}
        <ul className="rows">
          {handovers.data?.handovers.map((h) => (
            <li key={h.id}>
              <Link to={`/handovers/${h.id}`}>{t('programme.handover.title', { community: h.communityName })}</Link> · {personName(h.fromCoach)} →{' '}
              {personName(h.toCoach) || '–'} · {t(`programme.handover.status.${h.status}`)}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function ProfileForm({ profile }: { profile: MyCoachProfileResponse }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [intro, setIntro] = useState(profile.intro);
  const [languages, setLanguages] = useState<string[]>(profile.languages);
  const [phone, setPhone] = useState(profile.phone ?? '');
  const [phoneConsent, setPhoneConsent] = useState(profile.phoneConsent);
  const [roleModelConsent, setRoleConsent] = useState(profile.roleModelConsent);
  const [roleModelText, setRoleText] = useState(profile.roleModelText ?? '');
  const save = useMutation({
    mutationFn: () =>
      coachApi.saveMyProfile({
        intro,
        languages,
        phone: phoneConsent && phone.trim() ? phone : null,
        phoneConsent,
        roleModelConsent,
        roleModelText: roleModelConsent && roleModelText.trim() ? roleModelText : null,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['coaches', 'me'] }),
  });
  const { form, fields } = errorsOf(save.error);
  return (
    <section className="card" aria-labelledby="profile-form">
      <h2 id="profile-form">
        {profile.firstName} {profile.lastName} · {profile.programmeName}
      </h2>
      <p>{t('programme.profile.status', { status: t(`programme.coaches.status.${profile.status}`) })}</p>
      <p className="help">{t('programme.profile.intro')}</p>
      {form && <Alert kind="error">{form}</Alert>}
      {save.isSuccess && <Alert kind="success">{t('programme.common.saved')}</Alert>}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <TextAreaField label={t('programme.profile.introText')} help={t('programme.profile.introHelp')} value={intro} onChange={(e) => setIntro(e.target.value)} error={fields.intro} />
        <fieldset>
          <legend>{t('programme.profile.languages')}</legend>
          <div className="grid-2">
            {LANGUAGES.map((l) => (
              <CheckField key={l} label={t(`programme.apply.languageNames.${l}`)} checked={languages.includes(l)} onChange={(on) => setLanguages(on ? [...languages, l] : languages.filter((x) => x !== l))} />
            ))}
          </div>
        </fieldset>
        <CheckField label={t('programme.profile.phoneConsent')} help={t('programme.profile.phoneHelp')} checked={phoneConsent} onChange={setPhoneConsent} />
        {phoneConsent && <Field label={t('programme.profile.phone')} type="tel" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.target.value)} error={fields.phone} />}
        <CheckField label={t('programme.profile.roleModelConsent')} checked={roleModelConsent} onChange={setRoleConsent} />
        {roleModelConsent && <TextAreaField label={t('programme.profile.roleModelText')} value={roleModelText} onChange={(e) => setRoleText(e.target.value)} error={fields.roleModelText} />}
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('programme.common.save')}
        </button>
      </form>
    </section>
  );
}

/** Upload, replace or delete the optional photo; the server checks the file and strips its metadata. */
function PhotoSection({ profile }: { profile: MyCoachProfileResponse }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const [done, setDone] = useState<'saved' | 'deleted' | null>(null);
  const maxMb = PHOTO_MAX_BYTES / 1024 / 1024;
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['coaches', 'me'] });
  };
  const upload = useMutation({
    mutationFn: (f: File) => coachApi.savePhoto(f),
    onSuccess: async () => {
      setDone('saved');
      setFile(null);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: coachApi.deletePhoto,
    onSuccess: async () => {
      setDone('deleted');
      await refresh();
    },
  });
  const { form, fields } = errorsOf(upload.error ?? remove.error);
  const fileError = tooLarge ? t('programme.profile.photoErrors.tooLarge', { max: maxMb }) : fields.photo;
  const name = `${profile.firstName} ${profile.lastName}`;
  return (
    <section className="card" aria-labelledby="photo-title">
      <h2 id="photo-title">{t('programme.profile.photo')}</h2>
      <p className="help">{t('programme.profile.photoIntro')}</p>
      {profile.photoVersion ? <CoachPhoto coachId={profile.id} version={profile.photoVersion} name={name} size={128} /> : <p>{t('programme.profile.photoNone')}</p>}
      {form && !fileError && <Alert kind="error">{form}</Alert>}
      {done && !upload.isPending && !remove.isPending && !upload.error && !remove.error && (
        <Alert kind="success">{t(done === 'saved' ? 'programme.profile.photoSaved' : 'programme.profile.photoDeleted')}</Alert>
      )}
      <form
        noValidate
        aria-labelledby="photo-title"
        onSubmit={(e) => {
          e.preventDefault();
          if (!file || tooLarge) return;
          setDone(null);
          upload.mutate(file);
        }}
      >
        <Field
          label={t('programme.profile.photoFile')}
          help={t('programme.profile.photoHelp', { max: maxMb })}
          type="file"
          accept="image/jpeg,image/png,image/webp"
          error={fileError}
          onChange={(e) => {
            const chosen = e.target.files?.[0] ?? null;
            upload.reset();
            setDone(null);
            setFile(chosen);
            setTooLarge(chosen !== null && chosen.size > PHOTO_MAX_BYTES);
          }}
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={!file || tooLarge || upload.isPending}>
            {t(profile.photoVersion ? 'programme.profile.photoReplace' : 'programme.profile.photoUpload')}
          </button>
          {profile.photoVersion && (
            <button
              type="button"
              disabled={remove.isPending}
              onClick={() => {
                setDone(null);
                remove.mutate();
              }}
            >
              {t('programme.profile.photoDelete')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
