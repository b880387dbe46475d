import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { growthApi } from './api';
import './growth.css';

/** The coach handbook (#21 item 6): a table of contents and one section per topic, from content. */
export function HandbookPage() {
  const { t, i18n } = useTranslation();
  const query = useQuery({ queryKey: ['growth', 'handbook', i18n.language], queryFn: growthApi.handbook });
  useDocumentTitle(query.data?.title ?? t('growth.nav.handbook'));
  return (
    <div className="stack growth-handbook">
      <h1>{query.data?.title ?? t('growth.nav.handbook')}</h1>
      <PageState query={query}>
        {(h) => (
          <>
            <p>{h.intro}</p>
            <nav className="card growth-toc" aria-labelledby="handbook-toc">
              <h2 id="handbook-toc">{t('growth.handbook.toc')}</h2>
              <ol>
                {h.sections.map((s) => (
                  <li key={s.id}>
                    <a href={`#${s.id}`}>{s.title}</a>
                  </li>
                ))}
              </ol>
            </nav>
            {h.sections.map((s) => (
              <section key={s.id} id={s.id} className="card" aria-labelledby={`${s.id}-title`} tabIndex={-1}>
                <h2 id={`${s.id}-title`}>{s.title}</h2>
                {s.paragraphs.map((p, i) => (
                  <p key={i}>{p}</p>
                ))}
                <p>
                  <a href="#handbook-toc">{t('growth.handbook.top')}</a>
                </p>
              </section>
            ))}
          </>
        )}
      </PageState>
    </div>
  );
}
