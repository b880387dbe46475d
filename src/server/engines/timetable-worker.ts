/**
 * Worker-thread entry of the iCalendar timetable parser: parses one file from workerData and posts
 * the result back. Recurrence expansion is bounded in steps by the parser; running it here also
 * keeps the HTTP event loop free and lets the caller stop it after a time limit.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseTimetableIcs, TimetableImportError } from '../../domain/scheduling/timetable-ics.js';
import type { TimetableParseJob, TimetableWorkerMessage } from './parse-timetable.js';

const port = parentPort;
if (port === null) throw new Error('timetable-worker must run in a worker thread');
const post = (message: TimetableWorkerMessage): void => port.postMessage(message);

try {
  const job = workerData as TimetableParseJob;
  // Locations stay raw here; the caller maps them to the intake's locations.
  post({ type: 'result', parsed: parseTimetableIcs({ ...job, locationOf: (raw) => raw.trim() }) });
} catch (error) {
  post(
    error instanceof TimetableImportError
      ? { type: 'invalid', line: error.line, problem: error.problem, reason: error.reason }
      : { type: 'error', name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) },
  );
}
