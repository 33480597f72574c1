import { ContextProvider } from '@lit/context';
import { css, html, type PropertyValues, type PropertyDeclarations } from 'lit';
import type { PeerBackend } from '../../core/backend.js';
import { getConfig, metaBaseUrl } from '../../core/config.js';
import { backendContext } from '../../core/context.js';
import { PeerElement } from '../../core/peer-element.js';
import type { HeadersSource } from '../../core/rest/http.js';
import { LazyRestBackend } from '../../core/rest/lazy-rest.js';

/**
 * @customElement peer-provider
 * @summary Gives every Peerkit widget inside it the same backend.
 *
 * Without a provider, widgets use the default from `configure()`, else the page's
 * `<meta name="peerkit-base-url">`, else `/api`. A provider that upgrades after its children
 * still reaches them.
 *
 * @slot - The widgets (and any other content) that use this backend.
 */
export class PeerProvider extends PeerElement {
  static override defaultTag = 'peer-provider';
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  static override properties: PropertyDeclarations = {
    baseUrl: { attribute: 'base-url' },
    credentials: {},
    headers: { attribute: false },
    backend: { attribute: false },
  };

  /** The base URL of a REST backend that follows the Peerkit contract. */
  baseUrl?: string;

  /** `fetch` credentials mode: `same-origin` (default), `include` or `omit`. */
  credentials?: RequestCredentials;

  /** Headers for every request, or a function returning them (for example a fresh bearer token). */
  headers?: HeadersSource;

  /** A backend of your own; when set, `base-url`, `credentials` and `headers` are not used. */
  backend?: PeerBackend;

  readonly #provider = new ContextProvider(this, { context: backendContext });

  override connectedCallback() {
    // Before children ask: they are connected right after their parent.
    if (!this.#provider.value) this.#provider.setValue(this.#createBackend());
    super.connectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('baseUrl') || changed.has('credentials') || changed.has('headers') || changed.has('backend')) {
      const next = this.#createBackend();
      if (!sameBackend(this.#provider.value, next)) this.#provider.setValue(next);
    }
  }

  /** The backend the widgets inside receive. */
  get value(): PeerBackend {
    return this.#provider.value ?? this.#createBackend();
  }

  #createBackend(): PeerBackend {
    if (this.backend) return this.backend;
    return new LazyRestBackend({
      ...getConfig(),
      baseUrl: this.baseUrl ?? getConfig().baseUrl ?? metaBaseUrl() ?? '/api',
      credentials: this.credentials ?? getConfig().credentials,
      headers: this.headers ?? getConfig().headers,
    });
  }

  override render() {
    return html`<slot></slot>`;
  }
}

/** Two REST backends with the same settings are one: replacing it would only drop its cache. */
function sameBackend(current: PeerBackend | undefined, next: PeerBackend) {
  if (current === next) return true;
  if (!(current instanceof LazyRestBackend) || !(next instanceof LazyRestBackend)) return false;
  const a = current.options;
  const b = next.options;
  return a.baseUrl === b.baseUrl && a.credentials === b.credentials && a.headers === b.headers;
}
