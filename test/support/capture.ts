/** The error that `run` throws, or undefined when it returns: for matching an error's fields in a test. */
export function capture(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}
