import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './Alert';

/** What a page needs from a TanStack query (or anything shaped like one). */
export interface QueryState<T> {
  data: T | undefined;
  error: Error | null;
}

interface PageStateProps<T> {
  query: QueryState<T>;
  /** The translated loading text, when the page's own wording differs from `app.loading`. */
  loading?: string;
  /** A way back (a link) shown under the error, for pages nothing else on screen leads away from. */
  back?: ReactNode;
  /** When the data counts as empty, `empty.text` is shown instead of the children. */
  empty?: { when: (data: T) => boolean; text: string };
  /** What the page shows once the data is there. */
  children?: (data: T) => ReactNode;
}

/**
 * The loading, error and empty states of a page, the same on every page: the loading text is
 * announced politely (role=status), a failed request interrupts with the server's translated
 * message (role=alert), and an empty result is one plain paragraph. The page draws only its data.
 */
export function PageState<T>({ query, loading, back, empty, children }: PageStateProps<T>) {
  const { t } = useTranslation();
  const { data, error } = query;
  const alert = error ? <Alert kind="error">{error.message}</Alert> : null;
  if (data === undefined && alert && back) {
    return (
      <div className="stack">
        {alert}
        {back}
      </div>
    );
  }
  if (data === undefined) return alert ?? <p role="status">{loading ?? t('app.loading')}</p>;
  const body = empty?.when(data) ? <EmptyState>{empty.text}</EmptyState> : children?.(data);
  return (
    <>
      {alert}
      {body}
    </>
  );
}

/** A list or page with nothing to show yet: one plain paragraph, the same everywhere. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <p>{children}</p>;
}
