import { ContextConsumer, ContextRoot, createContext } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PeerBackend } from './backend.js';
import { getDefaultBackend, onConfigure } from './config.js';

/** The context through which `<peer-provider>` hands a backend to the widgets inside it. */
export const backendContext = createContext<PeerBackend>(Symbol('peerkit.backend'));

const rootKey = Symbol.for('peerkit.context-root');

/**
 * Keeps unanswered backend requests so that a provider which upgrades after its children
 * still reaches them. Attached once per document, on first use rather than on import.
 */
function ensureContextRoot() {
  const doc = globalThis.document as Document & { [rootKey]?: ContextRoot };
  if (!doc || doc[rootKey]) return;
  doc[rootKey] = new ContextRoot();
  doc[rootKey].attach(doc.documentElement);
}

/**
 * The backend a widget should use: the one its nearest `<peer-provider>` gives, else the global
 * default from `configure()`. The host updates whenever that changes.
 */
export class BackendController implements ReactiveController {
  #provided?: PeerBackend;
  #stopListening?: () => void;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    // Added before the consumer, so the context root exists before the first request.
    host.addController(this);
    new ContextConsumer(host, {
      context: backendContext,
      subscribe: true,
      callback: (backend) => {
        if (backend && backend !== this.#provided) {
          this.#provided = backend;
          this.host.requestUpdate();
        }
      },
    });
  }

  get value(): PeerBackend {
    return this.#provided ?? getDefaultBackend();
  }

  /** Whether a provider gave the backend (rather than the global default). */
  get fromProvider(): boolean {
    return this.#provided !== undefined;
  }

  hostConnected() {
    ensureContextRoot();
    this.#stopListening = onConfigure(() => this.host.requestUpdate());
  }

  hostDisconnected() {
    this.#stopListening?.();
    // Asked for again on reconnection: the element may have moved out of its provider.
    this.#provided = undefined;
  }
}
