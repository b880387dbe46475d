/** Progress as the UI and the CLI show it. */
export type SolveProgress = {
  readonly elapsedMs: number;
  readonly bestObjective: number;
  /** 0…1: the larger of elapsed/time limit and iterations/iteration budget. */
  readonly fraction: number;
  readonly iterations: number;
};

export type StopReason = 'time' | 'budget' | 'aborted';

export type BudgetOptions = {
  /** Wall-clock limit. Makes the result time-dependent; use maxIterations for exact reproducibility. */
  readonly timeLimitMs?: number;
  /** Budget in local-search iterations (one neighbourhood scan and one step each). */
  readonly maxIterations?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: SolveProgress) => void;
  readonly progressIntervalMs?: number;
};

/**
 * Decides when the search stops and when it reports. Search decisions never read the clock, so a
 * run bounded only by maxIterations is bit-for-bit reproducible; the clock only ends runs.
 */
export class SearchBudget {
  iterations = 0;
  stopReason: StopReason | null = null;
  private readonly start: number;
  private readonly deadline: number;
  private readonly maxIterations: number;
  private readonly timeLimitMs: number;
  private readonly progressEvery: number;
  private nextProgress: number;

  constructor(private readonly options: BudgetOptions) {
    this.start = performance.now();
    this.timeLimitMs = options.timeLimitMs ?? Infinity;
    this.deadline = this.start + this.timeLimitMs;
    this.maxIterations = options.maxIterations ?? Infinity;
    this.progressEvery = options.progressIntervalMs ?? 200;
    this.nextProgress = this.start + this.progressEvery;
  }

  /** Counts one iteration and tells whether the search must stop now. */
  tick(bestObjective: number): boolean {
    this.iterations++;
    if (this.stopReason !== null) return true;
    if (this.iterations >= this.maxIterations) {
      this.stopReason = 'budget';
      return true;
    }
    if (this.options.signal?.aborted === true) {
      this.stopReason = 'aborted';
      return true;
    }
    const now = performance.now();
    if (now >= this.deadline) {
      this.stopReason = 'time';
      return true;
    }
    if (this.options.onProgress !== undefined && now >= this.nextProgress) {
      this.nextProgress = now + this.progressEvery;
      this.options.onProgress(this.progress(bestObjective, now));
    }
    return false;
  }

  get stopped(): boolean {
    return this.stopReason !== null;
  }

  elapsedMs(): number {
    return performance.now() - this.start;
  }

  /** Sends a last progress report (fraction 1) so listeners see the final figure. */
  finish(bestObjective: number): void {
    this.options.onProgress?.({ ...this.progress(bestObjective, performance.now()), fraction: 1 });
  }

  private progress(bestObjective: number, now: number): SolveProgress {
    const elapsedMs = now - this.start;
    const byTime = elapsedMs / this.timeLimitMs;
    const byIterations = this.iterations / this.maxIterations;
    return { elapsedMs, bestObjective, fraction: Math.min(1, Math.max(byTime, byIterations)), iterations: this.iterations };
  }
}
