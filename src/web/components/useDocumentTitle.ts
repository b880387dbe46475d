import { useEffect } from 'react';

/** Each page names itself, so screen-reader users and tabs know where they are. */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · peerkracht`;
  }, [title]);
}
