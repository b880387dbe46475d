import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { MyTrainingsResponse } from '../../../contracts/growth';
import { TRAINING_TEXT_MAX, TRAINING_TOPICS_MAX } from '../../../contracts/growth';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { PageState } from '../../components/PageState';
import { errorsOf, TextAreaField } from '../../components/form-fields';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate } from '../../format';
import { growthApi } from './api';
import './growth.css';

type Training = MyTrainingsResponse['trainings'][number];

/** Feedback after a coach training (#21 item 6): rating, optional text, topics for next time — without name for the coordinator. */
export function TrainingFeedbackPage() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  useDocumentTitle(t('growth.training.title'));
  const query = useQuery({ queryKey: ['growth', 'trainings'], queryFn: growthApi.myTrainings });
  return (
    <div className="stack">
      <h1>{t('growth.training.title')}</h1>
      <PageState query={query}>
        {(d) => {
          const training = d.trainings.find((x) => x.sessionId === sessionId);
          if (!training) return <Alert kind="info">{t('growth.training.notFound')}</Alert>;
          if (!training.ended) return <Alert kind="info">{t('growth.training.notEnded')}</Alert>;
          return <FeedbackForm training={training} topics={d.topics} />;
        }}
      </PageState>
    </div>
  );
}

function FeedbackForm({ training, topics }: { training: Training; topics: MyTrainingsResponse['topics'] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [rating, setRating] = useState<number | null>(null);
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [own, setOwn] = useState('');
  const [missing, setMissing] = useState(false);
  const send = useMutation({
    mutationFn: () => growthApi.giveFeedback(training.sessionId, { rating: rating ?? 0, text, topics: chosen }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['growth', 'trainings'] }),
  });
  const { form, fields } = errorsOf(send.error);
  const title = training.title || t('growth.overview.untitled');
  const date = formatDate(training.startsAt, 'long');
  const labelOf = (topic: string) => topics.find((x) => x.id === topic)?.label ?? topic;
  if (training.feedback || send.isSuccess) {
    const f = training.feedback;
    return (
      <section className="card" aria-labelledby="training-done">
        <h2 id="training-done">{t('growth.training.yours')}</h2>
        {send.isSuccess && <Alert kind="success">{t('growth.training.sent')}</Alert>}
        <p>{t('growth.training.intro', { title, date })}</p>
        {f && (
          <>
            <p className="lead">{t('growth.training.ratingValue', { value: f.rating })}</p>
            {f.text && <p className="growth-note">{f.text}</p>}
            {f.topics.length > 0 && (
              <ul className="chips" aria-label={t('growth.training.topics')}>
                {f.topics.map((x) => (
                  <li key={x} className="chip">
                    {x}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
        <Link to="/">{t('nav.home')}</Link>
      </section>
    );
  }
  const full = chosen.length >= TRAINING_TOPICS_MAX;
  const toggle = (topic: string) => setChosen(chosen.includes(topic) ? chosen.filter((x) => x !== topic) : full ? chosen : [...chosen, topic]);
  return (
    <form
      className="card stack-sm"
      aria-labelledby="training-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (rating === null) {
          setMissing(true);
          return;
        }
        send.mutate();
      }}
    >
      <h2 id="training-form">{title}</h2>
      <p>{t('growth.training.intro', { title, date })}</p>
      <Alert kind="info">{t('growth.training.anonymous')}</Alert>
      {form && <Alert kind="error">{form}</Alert>}
      <fieldset>
        <legend>{t('growth.training.rating')}</legend>
        <p className="help">
          {t('growth.training.ratingLow')} · {t('growth.training.ratingHigh')}
        </p>
        <div className="growth-rating">
          {[1, 2, 3, 4, 5].map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={rating === v}
              aria-label={t('growth.training.ratingValue', { value: v })}
              onClick={() => {
                setRating(v);
                setMissing(false);
              }}
            >
              {v}
            </button>
          ))}
        </div>
        {(missing || fields.rating) && <p className="field-error">{fields.rating ?? t('growth.training.chooseRating')}</p>}
      </fieldset>
      <TextAreaField label={t('growth.training.text')} help={t('growth.training.textHelp')} value={text} maxLength={TRAINING_TEXT_MAX} onChange={(e) => setText(e.target.value)} error={fields.text} />
      <fieldset>
        <legend>{t('growth.training.topics')}</legend>
        <p className="help">{t('growth.training.topicsHelp')}</p>
        <ul className="growth-topics">
          {topics.map((topic) => (
            <li key={topic.id}>
              <button type="button" aria-pressed={chosen.includes(topic.id)} disabled={full && !chosen.includes(topic.id)} onClick={() => toggle(topic.id)}>
                {topic.label}
              </button>
            </li>
          ))}
          {chosen
            .filter((c) => !topics.some((x) => x.id === c))
            .map((c) => (
              <li key={c}>
                <button type="button" aria-pressed="true" aria-label={t('growth.training.removeTopic', { topic: c })} onClick={() => toggle(c)}>
                  {labelOf(c)} ×
                </button>
              </li>
            ))}
        </ul>
        <div className="growth-own-topic">
          <Field label={t('growth.training.ownTopic')} value={own} maxLength={80} onChange={(e) => setOwn(e.target.value)} error={fields.topics} />
          <button
            type="button"
            disabled={full || own.trim() === ''}
            onClick={() => {
              const value = own.trim();
              if (value && !chosen.includes(value)) setChosen([...chosen, value]);
              setOwn('');
            }}
          >
            {t('growth.training.addTopic')}
          </button>
        </div>
      </fieldset>
      <button type="submit" className="primary" disabled={send.isPending}>
        {t('growth.training.send')}
      </button>
    </form>
  );
}
