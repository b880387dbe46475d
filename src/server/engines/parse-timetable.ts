import { Worker } from 'node:worker_threads';
import pLimit from 'p-limit';
import { TimetableImportError, type ParsedTimetable, type TimetableImportReason } from '../../domain/scheduling/timetable-ics.js';

/** What crosses the thread boundary: the file and the period (no callbacks). */
export type TimetableParseJob = { readonly text: string; readonly periodStart: string; readonly periodEnd: string; readonly timeZone?: string; readonly maxRecurrenceSteps?: number; readonly maxStepsPerRule?: number };

export type TimetableWorkerMessage =
  | { readonly type: 'result'; readonly parsed: ParsedTimetable }
  | { readonly type: 'invalid'; readonly line: number; readonly problem: string; readonly reason: TimetableImportReason }
  | { readonly type: 'error'; readonly name: string; readonly message: string };

/** The file took longer than the time limit, or more memory than the worker may use. */
export class TimetableTooComplexError extends Error {
  override name = 'TimetableTooComplexError';
}

/** A safety net behind the parser's step budget: no imported file takes longer than this. */
export const TIMETABLE_PARSE_TIME_LIMIT_MS = 10_000;

/**
 * How many timetable files one process parses at once. Each parse is a worker thread of up to
 * 512 MB; more uploads than this wait their turn (first come, first served) instead of starting
 * a worker each, so a burst of uploads cannot exhaust the machine's memory or cores. The time
 * limit starts when a file's own parse starts, not while it waits.
 */
export const TIMETABLE_PARSES_AT_ONCE = 2;
const parseSlots = pLimit(TIMETABLE_PARSES_AT_ONCE);

/** Files waiting for a parse slot and being parsed now, in this process. */
export const timetableParseLoad = (): { active: number; waiting: number } => ({ active: parseSlots.activeCount, waiting: parseSlots.pendingCount });

/**
 * Parses an iCalendar timetable in a worker thread of its own, so a hard file never blocks the
 * event loop and no parse shares ical.js state with another. Occurrences keep their raw LOCATION
 * text. Rejects with TimetableImportError for a file it refuses, TimetableTooComplexError when the
 * time limit passes (the worker is stopped) or the worker runs out of memory.
 */
export function parseTimetableInWorker(job: TimetableParseJob, options: { timeLimitMs?: number } = {}): Promise<ParsedTimetable> {
  return parseSlots(() => parseInWorker(job, options));
}

function parseInWorker(job: TimetableParseJob, options: { timeLimitMs?: number }): Promise<ParsedTimetable> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl(), { workerData: job, execArgv: [...process.execArgv], resourceLimits: { maxOldGenerationSizeMb: 512 } });
    let settled = false;
    const finish = (action: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
      void worker.terminate();
    };
    const timer = setTimeout(() => finish(() => reject(new TimetableTooComplexError('timetable parse took too long'))), options.timeLimitMs ?? TIMETABLE_PARSE_TIME_LIMIT_MS);
    worker.on('message', (message: TimetableWorkerMessage) => {
      if (message.type === 'result') finish(() => resolve(message.parsed));
      else if (message.type === 'invalid') finish(() => reject(new TimetableImportError(message.line, message.problem, message.reason)));
      else finish(() => reject(Object.assign(new Error(message.message), { name: message.name })));
    });
    worker.on('error', (error: Error & { code?: string }) =>
      finish(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new TimetableTooComplexError('timetable parse ran out of memory') : error)),
    );
    worker.on('exit', (code) => finish(() => reject(new Error(`timetable worker stopped unexpectedly (exit code ${code})`))));
  });
}

function workerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./timetable-worker-entry.mjs', import.meta.url) : new URL('./timetable-worker.js', import.meta.url);
}
