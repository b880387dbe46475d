import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InsightSection, InsightTable } from '../../../contracts/insight';
import { TableWrap } from '../../components/form-fields';

/** A table cell as the page shows it: suppressed cells as "<5" with a spoken explanation. */
export function formatValue(value: string | number | null, kind: InsightTable['columns'][number]['kind'], language: string): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  const locale = language === 'en' ? 'en-GB' : 'nl-NL';
  switch (kind) {
    case 'share':
      return `${Math.round(value * 100)}%`;
    case 'cents':
      return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(value / 100);
    case 'hours':
    case 'mean':
      return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
    default:
      return new Intl.NumberFormat(locale).format(value);
  }
}

export function InsightTableView({ table, caption }: { table: InsightTable; caption: string }) {
  const { t, i18n } = useTranslation();
  return (
    <TableWrap label={caption}>
      <table className="insight-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              <th key={i} scope="col" className={c.kind === 'text' ? undefined : 'num'}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((v, i) => {
                const kind = table.columns[i]?.kind ?? 'text';
                const content =
                  v === null ? (
                    <abbr title={t('insight.suppressedLong')} className="insight-suppressed">
                      {t('insight.suppressed')}
                    </abbr>
                  ) : (
                    formatValue(v, kind, i18n.language)
                  );
                return i === 0 ? (
                  <th key={i} scope="row">
                    {content}
                  </th>
                ) : (
                  <td key={i} className={kind === 'text' ? undefined : 'num'}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** One section of the dashboard: its summary, the chart (SVG from the server) or the same numbers as a table, and the CSV. */
export function InsightSectionCard({ section, csvUrl }: { section: InsightSection; csvUrl: string | null }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [asTable, setAsTable] = useState(section.chartSvg === null);
  const caption = t('insight.dashboard.tableCaption', { title: section.title });
  return (
    <section className="card insight-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{section.title}</h2>
      <p>{section.summary}</p>
      {section.chartSvg && !asTable ? (
        // The SVG is rendered by the server from aggregate numbers; every text in it is escaped there (charts.test.ts).
        <figure className="insight-chart" dangerouslySetInnerHTML={{ __html: section.chartSvg }} />
      ) : section.table.rows.length === 0 ? (
        <p>{t('insight.noData')}</p>
      ) : (
        <InsightTableView table={section.table} caption={caption} />
      )}
      <div className="actions">
        {section.chartSvg && (
          <button type="button" className="secondary small" onClick={() => setAsTable((v) => !v)}>
            {asTable ? t('insight.dashboard.showChart') : t('insight.dashboard.showTable')}
          </button>
        )}
        {csvUrl && section.table.rows.length > 0 && (
          <a href={csvUrl} download>
            {t('insight.dashboard.downloadCsv')}
            <span className="visually-hidden">: {section.title}</span>
          </a>
        )}
      </div>
    </section>
  );
}
