import { initialState, Task, TaskStatus } from '@lit/task';
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

/** The task's arguments while the host lacks what a load needs. */
const NOT_READY = Symbol('not ready');

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

/**
 * Loads data for a widget from its backend with `@lit/task`: reruns when the arguments or the
 * backend change, aborts when they change again or the host leaves the page (and loads again
 * when it comes back), fires `peer-error` on failure, and renders each state explicitly.
 */
export class ResourceController<A extends readonly unknown[], T> implements ReactiveController {
  readonly task: Task<readonly unknown[], T>;
  private interrupted = false;

  constructor(
    private readonly host: Host,
    backend: BackendController,
    private readonly options: ResourceOptions<A, T>,
  ) {
    host.addController(this);
    this.task = new Task<readonly unknown[], T>(host, {
      args: () => {
        const args = options.args();
        return args === undefined ? [NOT_READY] : [backend.value, ...args];
      },
      task: async ([source, ...args], { signal }) => {
        if (source === NOT_READY) return initialState as T;
        try {
          return await options.load(source as PeerBackend, args as unknown as A, signal);
        } catch (error) {
          const peerError = toPeerError(error);
          if (peerError.kind !== 'aborted' && this.host.isConnected) {
            this.host.dispatchEvent(peerEvent('peer-error', { error: peerError, retry: () => this.retry() }));
          }
          throw peerError;
        }
      },
    });
  }

  get status(): TaskStatus {
    return this.task.status;
  }

  get value(): T | undefined {
    return this.task.value;
  }

  get pending(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  /** Loads again with the current arguments. */
  retry() {
    void this.task.run();
  }

  hostConnected() {
    if (this.interrupted) {
      this.interrupted = false;
      this.retry();
    }
  }

  hostDisconnected() {
    if (this.task.status === TaskStatus.PENDING) {
      this.interrupted = true;
      this.task.abort(new PeerError({ kind: 'aborted' }));
    }
  }

  render(renderers: ResourceRenderers<T>): Renderable {
    return this.task.render({
      initial: () => renderers.initial?.() ?? renderers.pending(),
      pending: renderers.pending,
      complete: (value) =>
        renderers.empty && this.options.isEmpty?.(value) ? renderers.empty(value) : renderers.complete(value),
      error: (error) => renderers.error(toPeerError(error), () => this.retry()),
    }) as Renderable;
  }
}
