import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export type FormatChoice = 'keep' | 'end';

/** Asked when the format changes once students are placed (#21 item 3): nothing changes until confirmed. */
export function FormatChangeQuestion({ message, busy, onConfirm, onCancel }: { message: string; busy: boolean; onConfirm: (choice: FormatChoice) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<FormatChoice>('keep');
  return (
    <section className="card" role="alertdialog" aria-labelledby="format-change-title" aria-describedby="format-change-intro">
      <h3 id="format-change-title">{t('caseloads.change.title')}</h3>
      <p id="format-change-intro">{message || t('caseloads.change.intro')}</p>
      <fieldset className="field">
        <legend>{t('caseloads.change.intro')}</legend>
        <div className="radio-list">
          {(['keep', 'end'] as const).map((option) => (
            <label key={option}>
              <input type="radio" name="format-change-existing" value={option} checked={choice === option} onChange={() => setChoice(option)} />
              {t(`caseloads.change.${option}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => onConfirm(choice)}>
          {t('caseloads.change.confirm')}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={onCancel}>
          {t('caseloads.change.cancel')}
        </button>
      </div>
    </section>
  );
}
