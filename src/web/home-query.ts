import { queryOptions } from '@tanstack/react-query';
import type { HomeResponse } from '../contracts/home';
import { api } from './api';

export const HOME_KEY = ['home'] as const;

/**
 * What `/api/home` answers, shared by the menu (Layout) and the pages that read it (#20 item 7):
 * a first load asks it once, not once for the menu and again when the page mounts. It is kept for
 * a short while; every change this browser sends marks it out of date (`main.tsx`, `onWrite`), so
 * a page shown after an action asks again, as before.
 */
export const homeQuery = queryOptions({ queryKey: HOME_KEY, queryFn: () => api<HomeResponse>('/api/home'), staleTime: 15_000 });
