import { useState } from 'react';

/**
 * Form state that starts from what the server sent and follows it when the server's value changes
 * (after saving, or someone else's edit), without remounting the form. Keying a form on the server
 * data remounts it on every refetch, which throws away the mutation's state and with it the
 * "saved" confirmation the person is waiting for.
 */
export function useServerState<T>(fromServer: T): [T, (next: T) => void] {
  const [value, setValue] = useState(fromServer);
  const serialised = JSON.stringify(fromServer);
  const [seen, setSeen] = useState(serialised);
  if (seen !== serialised) {
    setSeen(serialised);
    setValue(fromServer);
  }
  return [value, setValue];
}
