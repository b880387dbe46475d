import { ApiError } from '../../api';

/** Field messages from a 400 answer, by field path; anything else becomes the form's message. */
export function splitError(error: unknown): { form: string | null; fields: Record<string, string> } {
  if (!error) return { form: null, fields: {} };
  if (error instanceof ApiError) {
    const fields = Object.fromEntries(error.fields.map((f) => [f.path, f.message]));
    return { form: error.message, fields };
  }
  return { form: error instanceof Error ? error.message : null, fields: {} };
}
