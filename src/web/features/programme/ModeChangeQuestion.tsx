import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consequences } from './participation-api';

export type NotSignedUpChoice = 'keep' | 'remove';

/**
 * The question a participation mode change asks once communities exist (#21): what would happen,
 * and — when the intake becomes opt-in — what to do with members who did not sign up. Nothing
 * changes until the coordinator confirms.
 */
export function ModeChangeQuestion({ consequences: c, busy, onConfirm, onCancel }: { consequences: Consequences; busy: boolean; onConfirm: (choice: NotSignedUpChoice) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<NotSignedUpChoice>('keep');
  return (
    <section className="card" role="alertdialog" aria-labelledby="mode-change-title" aria-describedby="mode-change-intro">
      <h3 id="mode-change-title">{t('participation.change.title')}</h3>
      <p id="mode-change-intro">{t('participation.change.intro')}</p>
      <ul>
        <li>{t('participation.change.members', { count: c.members })}</li>
        {c.leercoachSees !== 'unchanged' && <li>{t(`participation.change.${c.leercoachSees}`)}</li>}
      </ul>
      {c.notSignedUp > 0 && (
        <fieldset className="field">
          <legend>
            {t('participation.change.notSignedUp', { count: c.notSignedUp })} {t('participation.change.choice')}
          </legend>
          <div className="radio-list">
            {(['keep', 'remove'] as const).map((option) => (
              <label key={option}>
                <input type="radio" name="mode-change-not-signed-up" value={option} checked={choice === option} onChange={() => setChoice(option)} />
                {t(`participation.change.${option}`)}
              </label>
            ))}
          </div>
          {choice === 'remove' && <p className="help">{t('participation.change.removeHelp')}</p>}
        </fieldset>
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => onConfirm(choice)}>
          {t('participation.change.confirm')}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={onCancel}>
          {t('participation.change.cancel')}
        </button>
      </div>
    </section>
  );
}
