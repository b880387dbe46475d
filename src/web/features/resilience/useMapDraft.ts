/**
 * One save model for the map: every change saves by itself. Typing waits a moment (debounced)
 * and leaving a field saves at once; moving, adding or removing a resource saves after a short
 * pause. Saves never overlap: a change made while a save is under way is saved right after it.
 * A failed save keeps what was typed and offers a retry; a save refused because the map changed
 * elsewhere (another tab, or the coach editing together) stops autosaving and asks what to do,
 * so no answer is lost silently.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResilienceMapContent } from '../../../contracts/resilience';
import type { ResilienceMap } from '../../../domain/resilience/model';
import { ApiError } from '../../api';
import { mergeMaps } from './merge';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'error'; message: string }
  | { kind: 'conflict' };

/** How soon a change is saved: after typing stops, or soon after a move, an addition or a removal. */
export type ChangeSpeed = 'typing' | 'soon' | 'now';
const DELAY: Record<ChangeSpeed, number> = { typing: 900, soon: 300, now: 0 };

type Options = {
  /** The map as the server last sent it. */
  map: { content: ResilienceMap; version: number };
  queryKey: readonly unknown[];
  /** Saves the content on top of `version`; answers the new version. */
  save: (content: ResilienceMapContent, version: number) => Promise<{ version: number }>;
  /** Reads the map as it is now on the server (after a conflict). */
  load: () => Promise<{ content: ResilienceMap; version: number }>;
};

export type MapDraft = ReturnType<typeof useMapDraft>;

export function useMapDraft({ map, queryKey, save, load }: Options) {
  const client = useQueryClient();
  const [content, setContent] = useState<ResilienceMap>(map.content);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const latest = useRef<ResilienceMap>(map.content);
  const version = useRef(map.version);
  const savedJson = useRef(JSON.stringify(map.content));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const running = useRef(false);
  const again = useRef(false);
  const blocked = useRef(false);
  const saveRef = useRef(save);
  saveRef.current = save;
  const loadRef = useRef(load);
  loadRef.current = load;

  const unsaved = () => JSON.stringify(latest.current) !== savedJson.current;

  // Take over what the server sends (a refetch after someone else saved) while nothing is waiting to be saved.
  useEffect(() => {
    if (!running.current && !unsaved() && !blocked.current && map.version >= version.current) {
      latest.current = map.content;
      savedJson.current = JSON.stringify(map.content);
      version.current = map.version;
      setContent(map.content);
    }
  }, [map]);

  const pump = useCallback(async () => {
    clearTimeout(timer.current);
    if (blocked.current) return;
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    let saved = false;
    let merges = 0;
    try {
      do {
        again.current = false;
        const body = latest.current;
        const json = JSON.stringify(body);
        if (json === savedJson.current) break;
        setState({ kind: 'saving' });
        try {
          const answer = await saveRef.current(body, version.current);
          version.current = answer.version;
          savedJson.current = json;
          saved = true;
        } catch (error) {
          if (error instanceof ApiError && error.status === 409) {
            // Changed elsewhere: merge when the two changes touch different answers, else ask.
            const current = merges++ < 3 ? await loadRef.current().catch(() => null) : null;
            const merged = current && mergeMaps(JSON.parse(savedJson.current) as ResilienceMap, latest.current, current.content);
            if (current && merged) {
              latest.current = merged;
              savedJson.current = JSON.stringify(current.content);
              version.current = current.version;
              setContent(merged);
              again.current = true;
              continue;
            }
            blocked.current = true;
            setState({ kind: 'conflict' });
          } else {
            const fields = error instanceof ApiError && error.fields.length > 0 ? ` ${error.fields.map((f) => f.message).join(' ')}` : '';
            setState({ kind: 'error', message: `${(error as Error).message}${fields}` });
          }
          return;
        }
      } while (again.current || unsaved());
      if (unsaved()) setState({ kind: 'pending' });
      else if (saved) setState({ kind: 'saved' });
    } finally {
      running.current = false;
    }
    if (saved) await client.invalidateQueries({ queryKey });
  }, [client, queryKey]);

  const change = useCallback(
    (next: ResilienceMap, speed: ChangeSpeed = 'soon') => {
      latest.current = next;
      setContent(next);
      if (blocked.current) return;
      setState((s) => (s.kind === 'saving' ? s : { kind: 'pending' }));
      clearTimeout(timer.current);
      if (speed === 'now') void pump();
      else timer.current = setTimeout(() => void pump(), DELAY[speed]);
    },
    [pump],
  );

  /** Saves what is waiting now (leaving a field, going to another step). */
  const flush = useCallback(() => {
    if (timer.current !== undefined || unsaved()) void pump();
  }, [pump]);

  /** After a conflict: keep my answers where both changed the same one, and everything else the other side changed. */
  const keepMine = useCallback(async () => {
    try {
      const current = await load();
      const merged = mergeMaps(JSON.parse(savedJson.current) as ResilienceMap, latest.current, current.content, 'mine') ?? latest.current;
      latest.current = merged;
      savedJson.current = JSON.stringify(current.content);
      setContent(merged);
      version.current = current.version;
      blocked.current = false;
      await pump();
    } catch (error) {
      setState({ kind: 'error', message: (error as Error).message });
    }
  }, [load, pump]);

  /** After a conflict: take the version that is there now; my last change is dropped. */
  const takeTheirs = useCallback(async () => {
    try {
      const current = await load();
      latest.current = current.content;
      savedJson.current = JSON.stringify(current.content);
      version.current = current.version;
      blocked.current = false;
      setContent(current.content);
      setState({ kind: 'idle' });
      await client.invalidateQueries({ queryKey });
    } catch (error) {
      setState({ kind: 'error', message: (error as Error).message });
    }
  }, [client, load, queryKey]);

  // Leaving the page with a change waiting: save it; and ask the browser to warn before a reload or close would lose it.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (unsaved()) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (unsaved()) void pump();
    };
  }, [pump]);

  return { content, state, change, flush, retry: pump, keepMine, takeTheirs };
}
