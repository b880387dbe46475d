import { useIsFetching, useQueryClient, type Query } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

/** A query loading for the first time: fetching, with nothing to show yet. */
const firstLoad = (query: Query): boolean => query.state.data === undefined && query.state.error === null;

/** Longest the page waits for its cards before it shows what it has (a slow card then appears late). */
const MOST_MS = 4000;

/**
 * Whether the home's first load has settled: the page's own data is there and none of the cards'
 * first requests is still out. The home shows its cards all at once from then on instead of one by
 * one, so nothing the person is reading jumps down the page (Lighthouse measured a layout shift of
 * 0.33 on a phone). Returning to the home with cached data settles at once; background refetches
 * of data already shown never hide the page.
 */
export function useFirstLoadSettled(ready: boolean): boolean {
  const client = useQueryClient();
  // Re-renders when the number of first loads changes; the effect then reads the live count,
  // because cards start their requests in effects that run after this render.
  const loading = useIsFetching({ predicate: firstLoad });
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    if (settled || !ready) return;
    if (client.isFetching({ predicate: firstLoad }) === 0) {
      setSettled(true);
      return;
    }
    const timer = setTimeout(() => setSettled(true), MOST_MS);
    return () => clearTimeout(timer);
  }, [settled, ready, loading, client]);
  return settled;
}
