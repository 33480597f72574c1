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
 * still reaches them. Providers of the same settings on a page at once (a provider in each web
 * part of a CMS page, say) give their widgets one backend: one cache, and one live stream for all
 * their kudos feeds.
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
    providers.add(this);
    // Before children ask: they are connected right after their parent.
    if (!this.#provider.value) this.#provider.setValue(this.#createBackend());
    super.connectedCallback();
  }

  override disconnectedCallback() {
    providers.delete(this);
    super.disconnectedCallback();
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
    const made = new LazyRestBackend({
      ...getConfig(),
      baseUrl: this.baseUrl ?? getConfig().baseUrl ?? metaBaseUrl() ?? '/api',
      credentials: this.credentials ?? getConfig().credentials,
      headers: this.headers ?? getConfig().headers,
    });
    for (const other of providers) {
      const theirs = other.#provider.value;
      if (other !== this && sameBackend(theirs, made)) return theirs!;
    }
    return made;
  }

  override render() {
    return html`<slot></slot>`;
  }
}

/** The providers on the page now. */
const providers = new Set<PeerProvider>();

/** Two REST backends with the same settings are one: replacing it would only drop its cache. */
function sameBackend(current: PeerBackend | undefined, next: PeerBackend) {
  if (current === next) return true;
  if (!(current instanceof LazyRestBackend) || !(next instanceof LazyRestBackend)) return false;
  const a = current.options;
  const b = next.options;
  return a.baseUrl === b.baseUrl && a.credentials === b.credentials && a.headers === b.headers;
}
