/**
 * A small LRU of computed values, each valid only under the version it was computed at. The
 * caller reads the current version in the same transaction as any recomputation, so an entry is
 * served only while nothing it covers has changed.
 */
export class SummaryCache<Value> {
  readonly #entries = new Map<string, { version: string; value: Value }>();

  constructor(readonly capacity: number) {}

  get(key: string, version: string): Value | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (entry.version !== version) return undefined;
    this.#entries.set(key, entry); // most recently used last
    return entry.value;
  }

  set(key: string, version: string, value: Value): void {
    if (this.capacity === 0) return;
    this.#entries.delete(key);
    this.#entries.set(key, { version, value });
    while (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }
}
