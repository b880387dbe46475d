/** Printing (print stylesheet) and the PDF made on the server. */
import { useTranslation } from 'react-i18next';

export function PrintPanel({ mapId }: { mapId: string }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card rmap-noprint" aria-labelledby="rmap-print-title">
      <h2 id="rmap-print-title">{t('resilience.sections.print')}</h2>
      <div className="rmap-actions">
        <button type="button" className="rmap-button" onClick={() => window.print()}>
          {t('resilience.print.print')}
        </button>
        <a className="rmap-button" href={`/api/resilience/maps/${mapId}/map.pdf?lang=${i18n.language === 'en' ? 'en' : 'nl'}`} download>
          {t('resilience.print.pdf')}
        </a>
      </div>
    </section>
  );
}
