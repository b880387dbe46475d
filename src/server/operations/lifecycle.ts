/**
 * The state a graceful shutdown shares with the HTTP layer (main.ts; docs/operations.md):
 * draining starts at SIGTERM/SIGINT, and from then on readiness answers 503. `drained` settles
 * once readiness has answered 503 `probes` times — the load balancer has seen it and sends no
 * new requests — so main.ts need not wait its whole drain time.
 */
export class Lifecycle {
  draining = false;
  private seen = 0;
  private wanted = Infinity;
  private resolveDrained: () => void = () => undefined;
  readonly drained: Promise<void> = new Promise((resolve) => {
    this.resolveDrained = resolve;
  });

  /** Readiness turns 503 now; `drained` settles after `probes` 503 answers (0: at once). */
  startDraining(probes: number): void {
    this.draining = true;
    this.wanted = probes;
    if (this.seen >= this.wanted) this.resolveDrained();
  }

  /** Called by the readiness route with each answer it gives. */
  probed(ready: boolean): void {
    if (ready || !this.draining) return;
    this.seen++;
    if (this.seen >= this.wanted) this.resolveDrained();
  }
}
