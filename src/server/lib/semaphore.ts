/**
 * At most `limit` tasks run at once; the rest wait in line, first come first served. For work
 * whose cost is memory rather than time (decoding images), so that a burst queues instead of
 * adding up.
 */
export class Semaphore {
  #active = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be at least 1');
  }

  /** Tasks running now and tasks waiting, for tests and logs. */
  get active(): number {
    return this.#active;
  }
  get waiting(): number {
    return this.#waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#active < this.limit) this.#active += 1;
    // A finishing task hands its slot straight to the next in line, so `active` never dips
    // and a newcomer cannot overtake the queue.
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#active -= 1;
    }
  }
}
