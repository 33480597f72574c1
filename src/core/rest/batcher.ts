import { withAbort } from './abort.js';

interface Chunk {
  controller: AbortController;
  waiters: number;
}

interface Slot<V> {
  promise: Promise<V | undefined>;
  resolve: (value: V | undefined) => void;
  reject: (error: unknown) => void;
  waiters: number;
  chunk?: Chunk;
}

/** Swallows a rejection on a promise whose callers each receive it through `withAbort`. */
function handledByWaiters() {
  return undefined;
}

/**
 * Collects every look-up made in the same tick, from any widget, and loads them together in
 * chunks of at most `maxSize` keys. A key asked for again while it is being loaded shares the
 * load in flight. Callers abort on their own; a chunk's request is aborted when all of its
 * callers have gone.
 */
export class Batcher<V> {
  readonly #slots = new Map<string, Slot<V>>();
  readonly #queue = new Set<string>();
  #scheduled = false;

  constructor(
    private readonly load: (keys: string[], signal: AbortSignal) => Promise<Map<string, V>>,
    private readonly maxSize: number,
    private readonly schedule: (flush: () => void) => void = (flush) => setTimeout(flush, 0),
  ) {}

  get(key: string, signal?: AbortSignal): Promise<V | undefined> {
    let slot = this.#slots.get(key);
    if (!slot) {
      let resolve!: Slot<V>['resolve'];
      let reject!: Slot<V>['reject'];
      const promise = new Promise<V | undefined>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      promise.catch(handledByWaiters);
      slot = { promise, resolve, reject, waiters: 0 };
      this.#slots.set(key, slot);
      this.#queue.add(key);
      if (!this.#scheduled) {
        this.#scheduled = true;
        this.schedule(() => this.#flush());
      }
    }
    const current = slot;
    current.waiters++;
    if (current.chunk) current.chunk.waiters++;
    return withAbort(current.promise, signal, () => this.#leave(key, current));
  }

  #leave(key: string, slot: Slot<V>) {
    slot.waiters--;
    if (slot.chunk) {
      slot.chunk.waiters--;
      if (slot.chunk.waiters === 0) slot.chunk.controller.abort();
    } else if (slot.waiters === 0) {
      this.#queue.delete(key);
      this.#slots.delete(key);
    }
  }

  #flush() {
    this.#scheduled = false;
    const keys = [...this.#queue];
    this.#queue.clear();
    for (let start = 0; start < keys.length; start += this.maxSize) {
      this.#loadChunk(keys.slice(start, start + this.maxSize));
    }
  }

  #loadChunk(keys: string[]) {
    const chunk: Chunk = { controller: new AbortController(), waiters: 0 };
    const slots = keys.map((key) => {
      const slot = this.#slots.get(key)!;
      slot.chunk = chunk;
      chunk.waiters += slot.waiters;
      return slot;
    });
    const forget = () => {
      keys.forEach((key, index) => {
        if (this.#slots.get(key) === slots[index]) this.#slots.delete(key);
      });
    };
    // An aborted chunk must not catch callers that arrive before its rejection lands.
    chunk.controller.signal.addEventListener('abort', forget, { once: true });
    this.load(keys, chunk.controller.signal).then(
      (found) => {
        forget();
        keys.forEach((key, index) => slots[index].resolve(found.get(key)));
      },
      (error: unknown) => {
        forget();
        slots.forEach((slot) => slot.reject(error));
      },
    );
  }
}
