/** The version a request sends back for optimistic locking (a stale one answers 409). */
import { z } from 'zod';

/**
 * A record's version as stored: a positive 32-bit integer (PostgreSQL `integer`). Larger numbers
 * are refused here as a field error; the database would otherwise fail the comparison with a 500
 * (found by the fuzzer, issue 23).
 */
export const RecordVersion = z.number().int().min(1).max(2_147_483_647);
