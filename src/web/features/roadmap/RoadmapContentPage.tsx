import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoadmapContentResponse } from '../../../contracts/roadmap';
import { Alert } from '../../components/Alert';
import { errorsOf, TableHead, TableWrap, TextAreaField } from '../../components/form-fields';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { roadmapApi } from './api';
import './roadmap.css';

/** The beheerder's page: the institution's own version of the roadmap content, and a newer shipped version on offer. */
export function RoadmapContentPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('roadmap.content.title'));
  const query = useQuery({ queryKey: ['roadmap-content'], queryFn: roadmapApi.content, retry: false });
  return (
    <div className="stack">
      <h1>{t('roadmap.content.title')}</h1>
      <p>{t('roadmap.content.intro')}</p>
      <PageState query={query}>{(data) => <Editor data={data} />}</PageState>
    </div>
  );
}

function Editor({ data }: { data: RoadmapContentResponse }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [text, setText] = useState(() => JSON.stringify(data.content, null, 2));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (content: unknown) => roadmapApi.saveContent({ content, baseVersion: data.version }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['roadmap-content'] }),
  });
  const adopt = useMutation({
    mutationFn: () => roadmapApi.adopt(data.version),
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: ['roadmap-content'] });
      setText(JSON.stringify((await roadmapApi.content()).content, null, 2));
      return saved;
    },
  });
  const errors = errorsOf(save.error ?? adopt.error);
  return (
    <>
      <p>{data.version === 0 ? t('roadmap.content.shipped', { shipped: data.shippedVersion }) : t('roadmap.content.version', { version: data.version, shipped: data.basedOnShipped })}</p>
      {data.offered && (
        <section className="card" aria-labelledby="roadmap-offered">
          <h2 id="roadmap-offered">{t('roadmap.content.offered', { version: data.offered.shippedVersion })}</h2>
          <TableWrap label={t('roadmap.content.offered', { version: data.offered.shippedVersion })}>
            <table>
              <TableHead columns={[{ label: '' }, { label: 'id' }, { label: '' }]} />
              <tbody>
                {data.offered.changes.map((c) => (
                  <tr key={c.item}>
                    <td>{t(`roadmap.content.kind.${c.kind}`)}</td>
                    <td>{c.item}</td>
                    <td>{c.kind === 'changed' ? `${c.before ?? ''} → ${c.after ?? ''}` : (c.after ?? c.before)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <button type="button" onClick={() => adopt.mutate()} disabled={adopt.isPending}>
            {t('roadmap.content.adopt')}
          </button>
        </section>
      )}
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          try {
            setJsonError(null);
            save.mutate(JSON.parse(text) as unknown);
          } catch {
            setJsonError(t('roadmap.errors.contentInvalid', { where: 'JSON' }));
          }
        }}
      >
        {(jsonError ?? errors.form) && <Alert kind="error">{jsonError ?? errors.form}</Alert>}
        <TextAreaField label={t('roadmap.content.editor')} value={text} onChange={(e) => setText(e.target.value)} rows={20} spellCheck={false} className="roadmap-json" error={errors.fields.content} />
        <button type="submit" disabled={save.isPending}>
          {t('roadmap.content.save')}
        </button>
        {(save.data ?? adopt.data) && <p role="status">{t('roadmap.content.saved', { version: (save.data ?? adopt.data)!.version })}</p>}
      </form>
    </>
  );
}
