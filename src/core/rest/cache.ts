export interface CacheOptions {
  /** How long an answer is used without asking the server, in ms. */
  ttl: number;
  /** How much longer a stale answer is still shown while it is revalidated in the background, in ms. */
  staleTtl: number;
  now?: () => number;
}

export interface CacheEntry {
  data: unknown;
  etag: string | null;
  storedAt: number;
}

export type Freshness = 'fresh' | 'stale' | 'expired' | 'missing';

/** Answers of GET requests by URL, with their ETag, for stale-while-revalidate and If-None-Match. */
export class ResponseCache {
  readonly #entries = new Map<string, CacheEntry>();
  readonly #maxEntries = 2000;

  constructor(private readonly options: CacheOptions) {}

  #now() {
    return this.options.now?.() ?? Date.now();
  }

  get(key: string): CacheEntry | undefined {
    return this.#entries.get(key);
  }

  freshness(key: string): Freshness {
    const entry = this.#entries.get(key);
    if (!entry) return 'missing';
    const age = this.#now() - entry.storedAt;
    if (age < this.options.ttl) return 'fresh';
    if (age < this.options.ttl + this.options.staleTtl) return 'stale';
    return 'expired';
  }

  set(key: string, data: unknown, etag: string | null) {
    this.#entries.delete(key);
    this.#entries.set(key, { data, etag, storedAt: this.#now() });
    if (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }

  /** The server said 304: the entry is fresh again. */
  touch(key: string) {
    const entry = this.#entries.get(key);
    if (entry) entry.storedAt = this.#now();
  }

  delete(key: string) {
    this.#entries.delete(key);
  }

  clear() {
    this.#entries.clear();
  }
}
