/**
 * The readable, printable form of a person's data export: one self-contained HTML page (no
 * scripts, no outside resources, its own print styles), every table with what it is for and how
 * long it is kept, and each row as a list of fields. Everything is escaped.
 */
import { translate, type Locale } from '../../../i18n/translate';
import type { MyData } from './collect-my-data';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const valueText = (locale: Locale, v: unknown): string => {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'object' && v !== null && 'file' in v && 'bytes' in v) return translate(locale, 'rights.html.file', { count: Number((v as { bytes: number }).bytes) });
  if (typeof v === 'object') return JSON.stringify(v, null, 1);
  return typeof v === 'string' ? v : JSON.stringify(v);
};

export function renderMyDataHtml(data: MyData, locale: Locale): string {
  const t = (key: string, params?: Record<string, string | number>) => escape(translate(locale, key, params));
  const withRows = data.tables.filter((table) => table.parts.some((p) => p.count > 0));
  const sections = withRows.map((table) => {
    const parts = table.parts
      .filter((p) => p.count > 0)
      .map((p) => {
        const head = `<h3>${t('rights.html.matchedBy', { column: p.matchedBy })}</h3>`;
        if (!p.rows) return `${head}<p>${t('rights.html.countOnly', { count: p.count })}</p>`;
        const rows = p.rows
          .map((row) => `<dl>${Object.entries(row).map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(valueText(locale, v))}</dd>`).join('')}</dl>`)
          .join('');
        return `${head}${rows}`;
      })
      .join('');
    return `<section><h2>${escape(table.table)}</h2><p class="meta">${t('rights.html.purpose')}: ${escape(table.purpose)}<br>${t('rights.html.retention')}: ${escape(table.retention)}</p>${parts}</section>`;
  });
  const name = `${data.person.firstName} ${data.person.lastName}`;
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('rights.html.title', { name })}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:50rem;margin:1rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #999;overflow-wrap:anywhere}h3{font-size:1rem;margin-bottom:.25rem}
.meta{color:#444;font-size:.9rem}
dl{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.1rem 1rem;border:1px solid #ccc;padding:.5rem;margin:.5rem 0;break-inside:avoid}
dt{font-weight:600;overflow-wrap:anywhere}dd{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
@media print{body{max-width:none}section{break-inside:auto}}
</style>
</head>
<body>
<main>
<h1>${t('rights.html.title', { name })}</h1>
<p>${t('rights.html.intro', { date: data.generatedAt.slice(0, 10) })}</p>
<p>${t('rights.html.summary', { count: withRows.length })}</p>
${sections.join('\n')}
</main>
</body>
</html>
`;
}
