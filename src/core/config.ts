import type { PeerBackend } from './backend.js';
import { LazyRestBackend } from './rest/lazy-rest.js';
import type { RestBackendOptions } from './rest/rest-backend.js';

export interface PeerConfig extends RestBackendOptions {
  /** A backend of your own; when given, the REST options are ignored. */
  backend?: PeerBackend;
}

let current: PeerConfig = {};
let defaultBackend: PeerBackend | undefined;
const listeners = new Set<() => void>();

/**
 * Sets the backend that widgets outside any `<peer-provider>` use. Widgets already on the page
 * switch to it. Without a call, the base URL comes from
 * `<meta name="peerkit-base-url" content="…">`, else same-origin `/api`.
 */
export function configure(config: PeerConfig) {
  current = { ...config };
  defaultBackend = undefined;
  for (const listener of listeners) listener();
}

/** The options given to `configure()` so far. */
export function getConfig(): Readonly<PeerConfig> {
  return current;
}

/**
 * The base URL a page asks for without JavaScript: `data-base-url` on the script tag that loaded
 * Peerkit (`<script type="module" src="…/peerkit.js" data-base-url="/api">`), else
 * `<meta name="peerkit-base-url" content="…">`.
 */
export function metaBaseUrl(): string | undefined {
  const document = globalThis.document;
  if (!document) return undefined;
  const scripts = [...document.querySelectorAll<HTMLScriptElement>('script[src][data-base-url]')];
  const own = scripts.find((script) => script.src === import.meta.url) ?? scripts.find((s) => /peerkit/.test(s.src));
  const fromScript = own?.dataset.baseUrl?.trim();
  if (fromScript) return fromScript;
  const meta = document.querySelector('meta[name="peerkit-base-url"]');
  return meta?.getAttribute('content')?.trim() || undefined;
}

/**
 * The backend of widgets outside any provider. Unless `configure()` gave one, a REST backend
 * whose client code loads with the first request.
 */
export function getDefaultBackend(): PeerBackend {
  if (!defaultBackend) {
    defaultBackend =
      current.backend ?? new LazyRestBackend({ ...current, baseUrl: current.baseUrl ?? metaBaseUrl() ?? '/api' });
  }
  return defaultBackend;
}

/** @internal Calls `listener` whenever `configure()` changes the default backend. */
export function onConfigure(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
