import { PeerError } from '../errors.js';

export function abortError(url?: string, cause?: unknown) {
  return new PeerError({ kind: 'aborted', url, cause });
}

/**
 * Follows `promise`, but rejects at once with an aborted `PeerError` when `signal` aborts,
 * calling `onAbort` once so that a shared underlying request can drop this caller.
 */
export function withAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined, onAbort?: () => void): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    // No one else may be waiting for `promise`: its failure must not go unhandled.
    promise.catch(() => {});
    onAbort?.();
    return Promise.reject(abortError(undefined, signal.reason));
  }
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      onAbort?.();
      reject(abortError(undefined, signal.reason));
    };
    signal.addEventListener('abort', abort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      },
    );
  });
}

/** Waits `ms`, or rejects with an aborted `PeerError` as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return withAbort(
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => clearTimeout(timer), { once: true });
    }),
    signal,
  );
}

/**
 * Runs identical requests once while they are in flight. Every caller may abort on its own;
 * the shared request is aborted only when the last caller has gone.
 */
export class InFlight {
  readonly #entries = new Map<string, { promise: Promise<unknown>; controller: AbortController; waiters: number }>();

  run<T>(key: string, signal: AbortSignal | undefined, start: (signal: AbortSignal) => Promise<T>): Promise<T> {
    // Asked by a caller that has already gone: nothing to send.
    if (signal?.aborted) return Promise.reject(abortError(undefined, signal.reason));
    let entry = this.#entries.get(key);
    if (!entry) {
      const controller = new AbortController();
      const created = { promise: Promise.resolve() as Promise<unknown>, controller, waiters: 0 };
      created.promise = start(controller.signal).finally(() => {
        if (this.#entries.get(key) === created) this.#entries.delete(key);
      });
      entry = created;
      this.#entries.set(key, entry);
    }
    const current = entry;
    current.waiters++;
    return withAbort(current.promise as Promise<T>, signal, () => {
      current.waiters--;
      if (current.waiters === 0) {
        current.controller.abort();
        if (this.#entries.get(key) === current) this.#entries.delete(key);
      }
    });
  }

  get size() {
    return this.#entries.size;
  }
}
