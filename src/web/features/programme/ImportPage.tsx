import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { ImportPreviewResponse, ImportResponse } from '../../../contracts/programme';
import { STUDENT_FIELDS, type ColumnMapping } from '../../../domain/programme/student-rows';
import { Alert } from '../../components/Alert';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { programmeApi } from './api';
import { errorsOf, SelectField, TableWrap } from '../../components/form-fields';

/** Upload → map columns → preview with row errors → import with progress → report of bad rows. */
export function ImportPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('programme.import.title'));
  const { intakeId = '' } = useParams();
  const client = useQueryClient();
  const [file, setFile] = useState<{ name: string; csv: string } | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  // The import's id (not personal data) stays in the address, so a reload keeps showing its progress.
  const [search, setSearch] = useSearchParams();
  const importId = search.get('import');
  const setImportId = (id: string | null) => setSearch(id ? { import: id } : {}, { replace: true });

  const preview = useMutation({
    mutationFn: (m: ColumnMapping | null) => programmeApi.preview(intakeId, { fileName: file?.name ?? '', csv: file?.csv ?? '', mapping: m }),
    onSuccess: (p) => setMapping(p.mapping),
  });
  const start = useMutation({
    mutationFn: () => programmeApi.startImport(intakeId, { fileName: file?.name ?? '', csv: file?.csv ?? '', mapping: mapping! }),
    onSuccess: (r) => setImportId(r.id),
  });
  const state = useQuery({
    queryKey: ['programme', 'import', importId],
    queryFn: () => programmeApi.importState(importId!),
    enabled: importId !== null,
    refetchInterval: (q) => (q.state.data?.status === 'running' || !q.state.data ? 500 : false),
  });
  const finished = state.data && state.data.status !== 'running';
  useEffect(() => {
    if (finished) void client.invalidateQueries({ queryKey: ['programme', 'structure'] });
  }, [finished, client]);

  const onFile = async (f: File | undefined) => {
    setImportId(null);
    setMapping(null);
    preview.reset();
    setFile(f ? { name: f.name, csv: await f.text() } : null);
  };
  const { form } = errorsOf(preview.error ?? start.error);
  const p = preview.data;
  return (
    <div className="stack">
      <p>
        <Link to={`/programme/intakes/${intakeId}`}>{t('programme.common.back')}</Link>
      </p>
      <h1>{t('programme.import.title')}</h1>
      <p>{t('programme.import.intro')}</p>
      {form && <Alert kind="error">{form}</Alert>}
      <section className="card" aria-labelledby="file-title">
        <h2 id="file-title">{t('programme.import.file')}</h2>
        <div className="field">
          <label htmlFor="import-file">{t('programme.import.file')}</label>
          <p className="help" id="import-file-help">
            {t('programme.import.fileHelp')}
          </p>
          <input id="import-file" type="file" accept=".csv,text/csv" aria-describedby="import-file-help" onChange={(e) => void onFile(e.target.files?.[0])} />
        </div>
        <button type="button" className="primary" disabled={!file || preview.isPending} onClick={() => preview.mutate(null)}>
          {t('programme.import.check')}
        </button>
      </section>
      {p && mapping && !importId && <Preview preview={p} mapping={mapping} onMapping={(m) => { setMapping(m); preview.mutate(m); }} />}
      {p && mapping && p.missingFields.length === 0 && !importId && (
        <button type="button" className="primary" disabled={start.isPending || p.valid === 0} onClick={() => start.mutate()}>
          {t('programme.import.start', { count: p.valid })}
        </button>
      )}
      {importId && <Progress state={state.data} />}
    </div>
  );
}

function Preview({ preview, mapping, onMapping }: { preview: ImportPreviewResponse; mapping: ColumnMapping; onMapping: (m: ColumnMapping) => void }) {
  const { t } = useTranslation();
  const bad = preview.total - preview.valid;
  return (
    <>
      <section className="card" aria-labelledby="mapping-title">
        <h2 id="mapping-title">{t('programme.import.mapping')}</h2>
        <p className="help">{t('programme.import.mappingHelp')}</p>
        <div className="grid-2">
          {STUDENT_FIELDS.map((field) => (
            <SelectField
              key={field}
              label={t(`programme.import.fields.${field}`)}
              help={field === 'priorEducation' ? t(preview.priorEducationSuggestions ? 'programme.import.priorEducationSuggested' : 'programme.import.priorEducationIgnored') : undefined}
              value={mapping[field] === null || mapping[field] === undefined ? '' : String(mapping[field])}
              onChange={(e) => onMapping({ ...mapping, [field]: e.target.value === '' ? null : Number(e.target.value) })}
            >
              <option value="">{t('programme.import.notInFile')}</option>
              {preview.headers.map((h, i) => (
                <option key={i} value={i}>
                  {h || `#${i + 1}`}
                </option>
              ))}
            </SelectField>
          ))}
        </div>
        {preview.missingFields.length > 0 && (
          <Alert kind="error">{t('programme.import.missing', { fields: preview.missingFields.map((f) => t(`programme.import.fields.${f}`)).join(', ') })}</Alert>
        )}
      </section>
      {preview.missingFields.length === 0 && (
        <section className="card" aria-labelledby="check-title">
          <h2 id="check-title">{t('programme.import.check')}</h2>
          <p role="status">
            {t('programme.import.summary', { total: preview.total, valid: preview.valid, bad })}{' '}
            {preview.existing > 0 && t('programme.import.existing', { count: preview.existing })}
          </p>
          <TableWrap label={t('programme.import.sample')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('programme.import.line')}</th>
                  {preview.headers.map((h, i) => (
                    <th key={i} scope="col">
                      {h}
                    </th>
                  ))}
                  <th scope="col">{t('programme.import.status')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.sample.map((row) => (
                  <tr key={row.line}>
                    <td>{row.line}</td>
                    {preview.headers.map((_, i) => (
                      <td key={i}>{row.cells[i] ?? ''}</td>
                    ))}
                    <td>{row.errors.length === 0 ? t('programme.import.ok') : row.errors.map((e) => t(`programme.import.errors.${e}`)).join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {preview.rowErrors.length > 0 && <RowErrors errors={preview.rowErrors} total={bad} />}
        </section>
      )}
    </>
  );
}

function RowErrors({ errors, total }: { errors: ImportResponse['rowErrors']; total: number }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t('programme.import.errorsTitle')}</h3>
      <p className="help">{t('programme.import.errorsIntro')}</p>
      <TableWrap label={t('programme.import.errorsTitle')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('programme.import.line')}</th>
              <th scope="col">{t('programme.import.fields.studentNumber')}</th>
              <th scope="col">{t('programme.import.reasons')}</th>
            </tr>
          </thead>
          <tbody>
            {errors.slice(0, 200).map((e) => (
              <tr key={e.line}>
                <td>{e.line}</td>
                <td>{e.studentNumber}</td>
                <td>{e.errors.map((code) => t(`programme.import.errors.${code}`)).join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {total > Math.min(errors.length, 200) && <p>{t('programme.import.moreErrors', { count: total - Math.min(errors.length, 200) })}</p>}
    </>
  );
}

function Progress({ state }: { state: ImportResponse | undefined }) {
  const { t } = useTranslation();
  if (!state) return <p role="status">{t('programme.import.running')}</p>;
  return (
    <section className="card" aria-labelledby="progress-title">
      <h2 id="progress-title">{state.status === 'running' ? t('programme.import.running') : t('programme.import.title')}</h2>
      <progress max={Math.max(1, state.total)} value={state.processed} aria-label={t('programme.import.progressLabel')} />
      <p>{t('programme.import.progress', { processed: state.processed, total: state.total })}</p>
      {state.status === 'done' && (
        <Alert kind="success">{t('programme.import.done', { created: state.created, updated: state.updated, failed: state.failed })}</Alert>
      )}
      {state.resumed && state.status !== 'failed' && <p>{t('programme.import.resumed')}</p>}
      {state.status === 'failed' && <Alert kind="error">{t('programme.import.failed')}</Alert>}
      {state.status === 'done' && state.rowErrors.length > 0 && <RowErrors errors={state.rowErrors} total={state.failed} />}
    </section>
  );
}
