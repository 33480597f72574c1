import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { PeerBackend } from './backend.js';
import type { BackendController } from './context.js';
import { PeerError } from './errors.js';
import { peerEvent } from './peer-element.js';

type Renderable = TemplateResult | string | typeof import('lit').nothing;

export interface ResourceOptions<A extends readonly unknown[], T> {
  /** The arguments of the load; `undefined` while the host lacks what it needs (no id yet). */
  args: () => A | undefined;
  load: (backend: PeerBackend, args: A, signal: AbortSignal) => Promise<T>;
  /** Whether a loaded value counts as empty, to render the `empty` state. */
  isEmpty?: (value: T) => boolean;
}

export interface ResourceRenderers<T> {
  /** Before there is anything to load. */
  initial?: () => Renderable;
  pending: () => Renderable;
  complete: (value: T) => Renderable;
  empty?: (value: T) => Renderable;
  error: (error: PeerError, retry: () => void) => Renderable;
}

type Host = ReactiveControllerHost & HTMLElement;

function toPeerError(error: unknown): PeerError {
  if (error instanceof PeerError) return error;
  if (error instanceof DOMException && error.name === 'AbortError')
    return new PeerError({ kind: 'aborted', cause: error });
  return new PeerError({
    kind: 'parse',
    cause: error,
    problem: { title: error instanceof Error ? error.message : String(error) },
  });
}

/** Where a load stands. */
export type ResourceStatus = 'initial' | 'pending' | 'complete' | 'error';

/**
 * Loads data for a widget from its backend: loads again when the arguments or the backend change
 * (checked before each render, as `@lit/task` does), aborts a load when they change again or the
 * host leaves the page (and loads again when it comes back), keeps the last value while a new load
 * runs, fires `peer-error` on failure, and renders each state explicitly.
 */
export class ResourceController<A extends readonly unknown[], T> implements ReactiveController {
  #current: ResourceStatus = 'initial';
  #result?: T;
  #failure?: PeerError;
  /** The backend and arguments of the last load, to tell when they change. */
  #key?: readonly unknown[];
  #running?: AbortController;
  #interrupted = false;

  constructor(
    private readonly host: Host,
    private readonly backend: BackendController,
    private readonly options: ResourceOptions<A, T>,
  ) {
    host.addController(this);
  }

  get status(): ResourceStatus {
    return this.#current;
  }

  get value(): T | undefined {
    return this.#result;
  }

  /** Why the last load failed, while that is the state. */
  get error(): PeerError | undefined {
    return this.#current === 'error' ? this.#failure : undefined;
  }

  get pending(): boolean {
    return this.#current === 'pending';
  }

  /** Loads again with the current arguments. */
  retry() {
    if (this.#key) void this.#run(this.#key);
  }

  /**
   * Loads again in the background, after a change made elsewhere on the page: what is shown stays
   * (no loading state, focus kept) until the new answer replaces it; a failure keeps it too.
   */
  refresh() {
    if (this.#current !== 'complete') this.retry();
    else if (this.#key) void this.#run(this.#key, true);
  }

  hostUpdate() {
    // Off the page, an update still queued (a resize, a new backend) loads nothing: it waits for the return.
    if (!this.host.isConnected) return;
    const args = this.options.args();
    if (args === undefined) {
      this.#running?.abort();
      this.#key = undefined;
      this.#current = 'initial';
      return;
    }
    const key = [this.backend.value, ...args];
    if (this.#key && key.length === this.#key.length && key.every((value, i) => value === this.#key![i])) return;
    void this.#run(key);
  }

  async #run(key: readonly unknown[], quiet = false) {
    this.#running?.abort();
    const running = (this.#running = new AbortController());
    this.#key = key;
    if (!quiet) this.#current = 'pending';
    this.#interrupted = false;
    this.host.requestUpdate();
    try {
      const [source, ...args] = key;
      const value = await this.options.load(source as PeerBackend, args as unknown as A, running.signal);
      if (running !== this.#running) return;
      this.#result = value;
      this.#current = 'complete';
    } catch (error) {
      // A load that a newer one replaced, or that leaving the page stopped, says nothing.
      if (running !== this.#running || this.#interrupted || quiet) return;
      const peerError = toPeerError(error);
      this.#failure = peerError;
      this.#current = 'error';
      if (peerError.kind !== 'aborted' && this.host.isConnected) {
        this.host.dispatchEvent(peerEvent('peer-error', { error: peerError, retry: () => this.retry() }));
      }
      // Failed for want of a connection: loads again by itself once the browser is back online.
      if (peerError.kind === 'offline' || peerError.kind === 'network') {
        // Off the page then: once it is back.
        addEventListener(
          'online',
          () =>
            this.#key === key &&
            this.#current === 'error' &&
            (this.host.isConnected ? this.retry() : (this.#interrupted = true)),
          { once: true },
        );
      }
    }
    this.host.requestUpdate();
  }

  hostConnected() {
    if (this.#interrupted) this.retry();
    else this.host.requestUpdate();
  }

  hostDisconnected() {
    if (this.#current === 'pending') {
      this.#interrupted = true;
      this.#running?.abort(new PeerError({ kind: 'aborted' }));
    }
  }

  render(renderers: ResourceRenderers<T>): Renderable {
    switch (this.#current) {
      case 'initial':
        return renderers.initial?.() ?? renderers.pending();
      case 'pending':
        return renderers.pending();
      case 'error':
        return renderers.error(this.#failure!, () => this.retry());
      default: {
        const value = this.#result as T;
        return renderers.empty && this.options.isEmpty?.(value) ? renderers.empty(value) : renderers.complete(value);
      }
    }
  }
}
