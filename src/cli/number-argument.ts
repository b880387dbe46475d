import { InvalidArgumentError } from 'commander';

/**
 * A commander option parser for a number that `accepts` allows; any other value fails with
 * "option '…' argument '…' is invalid. <problem>".
 */
export function numberArgument(accepts: (n: number) => boolean, problem: string): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (!accepts(parsed)) throw new InvalidArgumentError(problem);
    return parsed;
  };
}
