import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, DialogTrigger, Heading, Label, Modal, ModalOverlay, Radio, RadioGroup } from 'react-aria-components';
import { isAllowed } from '../../../domain/access/policy';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { CheckField, SelectField, TextAreaField } from '../../components/form-fields';
import { EmptyState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { actorOf, useSession } from '../../session';

/**
 * The living style guide: every shared component in each of its states, drawn with the same CSS
 * and components the screens use, so a change to the design language shows here first. Behind the
 * beheerder's menu ("Stijlgids"); for anyone else it is a page that does not exist.
 */
export function StyleGuidePage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const actor = actorOf(session);
  useDocumentTitle(t('ux.style.title'));
  const [coming, setComing] = useState<boolean | null>(true);
  const [name, setName] = useState('');
  const [date, setDate] = useState('2026-10-06');
  const [time, setTime] = useState('15:30');
  const [when, setWhen] = useState('');
  const [agree, setAgree] = useState(false);
  const [contact, setContact] = useState('mail');
  if (!actor || !isAllowed(actor, 'institution:manage', { kind: 'institution', institutionId: actor.institutionId })) {
    return (
      <div className="stack">
        <h1>{t('app.notFound')}</h1>
      </div>
    );
  }
  return (
    <div className="stack">
      <h1>{t('ux.style.title')}</h1>
      <p>{t('ux.style.intro')}</p>

      <section className="card" aria-labelledby="sg-buttons">
        <h2 id="sg-buttons">{t('ux.style.buttons')}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('ux.style.states')}</th>
                <th scope="col">primary</th>
                <th scope="col">secondary</th>
                <th scope="col">quiet</th>
                <th scope="col">danger</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('ux.style.normal')}</th>
                <td><button type="button" className="primary">{t('ux.style.primary')}</button></td>
                <td><button type="button">{t('ux.style.secondary')}</button></td>
                <td><button type="button" className="quiet">{t('ux.style.quiet')}</button></td>
                <td><button type="button" className="danger">{t('ux.style.danger')}</button></td>
              </tr>
              <tr>
                <th scope="row">{t('ux.style.disabled')}</th>
                <td><button type="button" className="primary" disabled>{t('ux.style.primary')}</button></td>
                <td><button type="button" disabled>{t('ux.style.secondary')}</button></td>
                <td><button type="button" className="quiet" disabled>{t('ux.style.quiet')}</button></td>
                <td><button type="button" className="danger" disabled>{t('ux.style.danger')}</button></td>
              </tr>
            </tbody>
          </table>
        </div>
        <h3>{t('ux.style.pressed')}</h3>
        <div className="actions" role="group" aria-label={t('ux.style.pressedGroup')}>
          <button type="button" aria-pressed={coming === true} onClick={() => setComing(true)}>
            {t('ux.style.yes')}
          </button>
          <button type="button" aria-pressed={coming === false} onClick={() => setComing(false)}>
            {t('ux.style.no')}
          </button>
        </div>
      </section>

      <section className="card" aria-labelledby="sg-fields">
        <h2 id="sg-fields">{t('ux.style.fields')}</h2>
        <Field label={t('ux.style.name')} help={t('ux.style.nameHelp')} value={name} onChange={(e) => setName(e.target.value)} />
        <Field label={`${t('ux.style.name')} (2)`} error={t('ux.style.nameError')} value="" onChange={() => undefined} />
        <div className="grid-2">
          <Field type="date" label={t('ux.style.date')} value={date} onChange={(e) => setDate(e.target.value)} />
          <Field type="time" label={t('ux.style.time')} value={time} onChange={(e) => setTime(e.target.value)} />
        </div>
        <Field type="datetime-local" label={t('ux.style.when')} value={when} onChange={(e) => setWhen(e.target.value)} />
        <p className="help" data-testid="sg-values">
          {date} · {time} · {when || '—'}
        </p>
        <SelectField label={t('ux.style.select')} defaultValue="1">
          {[1, 2, 3].map((n) => (
            <option key={n} value={n}>
              {t('ux.style.option', { n })}
            </option>
          ))}
        </SelectField>
        <TextAreaField label={t('ux.style.textarea')} />
        <CheckField label={t('ux.style.check')} checked={agree} onChange={setAgree} />
        <RadioGroup className="radio-group" value={contact} onChange={setContact}>
          <Label>{t('ux.style.radioLabel')}</Label>
          <Radio value="mail">{t('ux.style.radioMail')}</Radio>
          <Radio value="phone">{t('ux.style.radioPhone')}</Radio>
        </RadioGroup>
      </section>

      <section className="card" aria-labelledby="sg-chips">
        <h2 id="sg-chips">{t('ux.style.chips')}</h2>
        <ul className="chips">
          <li className="chip">{t('roles.coachee')}</li>
          <li className="chip">{t('roles.studentcoach')}</li>
        </ul>
        <p>
          <span className="tag">{t('ux.style.normal')}</span> <span className="tag warn">{t('ux.style.disabled')}</span>
        </p>
      </section>

      <section className="card" aria-labelledby="sg-cards">
        <h2 id="sg-cards">{t('ux.style.cards')}</h2>
        <div className="card">
          <h3>{t('ux.style.cardTitle')}</h3>
          <p>{t('ux.style.cardText')}</p>
        </div>
        <div className="card muted">
          <p>{t('ux.style.mutedCard')}</p>
        </div>
      </section>

      <section className="card" aria-labelledby="sg-tables">
        <h2 id="sg-tables">{t('ux.style.tables')}</h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('ux.style.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ux.style.week')}</th>
                <th scope="col" className="num">{t('ux.style.present')}</th>
              </tr>
            </thead>
            <tbody>
              {[
                [37, 8],
                [38, 7],
              ].map(([week, present]) => (
                <tr key={week}>
                  <th scope="row">{week}</th>
                  <td className="figure">{present}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card" aria-labelledby="sg-messages">
        <h2 id="sg-messages">{t('ux.style.messages')}</h2>
        <Alert kind="success">{t('ux.style.success')}</Alert>
        <Alert kind="info">{t('ux.style.info')}</Alert>
        <div className="alert alert-error">{t('ux.style.error')}</div>
        <p>{t('ux.style.loading')}</p>
        <EmptyState>{t('ux.style.empty')}</EmptyState>
      </section>

      <section className="card" aria-labelledby="sg-dialog">
        <h2 id="sg-dialog">{t('ux.style.dialog')}</h2>
        <DialogTrigger>
          <Button className="button">{t('ux.style.openDialog')}</Button>
          <ModalOverlay className="dialog-overlay" isDismissable>
            <Modal className="dialog-modal">
              <Dialog className="dialog">
                {({ close }) => (
                  <>
                    <Heading slot="title">{t('ux.style.dialogTitle')}</Heading>
                    <p>{t('ux.style.dialogText')}</p>
                    <div className="actions">
                      <button type="button" className="danger" onClick={close}>
                        {t('ux.style.danger')}
                      </button>
                      <button type="button" onClick={close}>
                        {t('ux.style.close')}
                      </button>
                    </div>
                  </>
                )}
              </Dialog>
            </Modal>
          </ModalOverlay>
        </DialogTrigger>
      </section>
    </div>
  );
}
