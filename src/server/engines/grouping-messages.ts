import type { FormCommunitiesOptions, FormCommunitiesResult } from '../../domain/grouping/form-communities.js';
import type { MdgpInstance } from '../../domain/grouping/mdgp-instance.js';
import type { SolveProgress } from '../../domain/grouping/search-budget.js';
import type { SearchOptions, SearchResult } from '../../domain/grouping/search-partition.js';

/** Options that can cross a thread boundary (no callbacks, no AbortSignal). */
export type MdgpJobOptions = Omit<SearchOptions, 'signal' | 'onProgress'>;
export type CommunitiesJobOptions = Omit<FormCommunitiesOptions, 'signal' | 'onProgress'>;

export type GroupingJob =
  | { readonly kind: 'mdgp'; readonly instance: MdgpInstance; readonly options: MdgpJobOptions }
  | { readonly kind: 'communities'; readonly options: CommunitiesJobOptions };

export type GroupingJobResult<J extends GroupingJob> = J extends { kind: 'mdgp' } ? SearchResult : FormCommunitiesResult;

export type SerializedError = { readonly name: string; readonly message: string; readonly code?: string; readonly details?: Record<string, unknown> };

/** Messages from the grouping worker to the thread that started it. */
export type WorkerMessage =
  | { readonly type: 'progress'; readonly progress: SolveProgress }
  | { readonly type: 'result'; readonly result: SearchResult | FormCommunitiesResult }
  | { readonly type: 'error'; readonly error: SerializedError };
