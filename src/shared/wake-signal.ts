/**
 * Wakes sleeping subscribers when new events may be readable. A generation counter closes the
 * race between "read found nothing" and "start waiting": a wake in between is not lost.
 */
export class WakeSignal {
  private generation = 0;
  private waiters = new Set<() => void>();

  get current(): number {
    return this.generation;
  }

  wake(): void {
    this.generation++;
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const resolve of waiters) resolve();
  }

  /** Resolves on the next wake after `seen`, or after `timeoutMs` (the polling fallback). */
  wait(seen: number, timeoutMs: number): Promise<void> {
    if (this.generation !== seen) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
    });
  }
}
