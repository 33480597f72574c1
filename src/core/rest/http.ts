import type { Problem } from '../../contract/common.js';
import { PeerError } from '../errors.js';
import { abortError, sleep } from './abort.js';

export type HeadersSource = HeadersInit | (() => HeadersInit | Promise<HeadersInit>);

export interface RetryInfo {
  /** 1 for the first retry. */
  attempt: number;
  /** How long the client waits before it, in ms. */
  delay: number;
  error: PeerError;
  url: string;
}

export interface HttpOptions {
  /** Where the API lives; relative URLs resolve against the page. Default `/api`. */
  baseUrl?: string;
  /** `fetch` credentials mode; `same-origin` unless set. */
  credentials?: RequestCredentials;
  /** Headers for every request, or a function returning them (for short-lived bearer tokens). */
  headers?: HeadersSource;
  /** Per-request time limit in ms (default 15000). */
  timeout?: number;
  /** How often an idempotent request is tried again (default 3). */
  retries?: number;
  /** Base of the exponential backoff in ms (default 300); full jitter is applied. */
  retryDelay?: number;
  /** Upper bound of any wait, including a server's Retry-After, in ms (default 30000). */
  maxRetryDelay?: number;
  /** Called before each retry; for logging and tests. */
  onRetry?: (info: RetryInfo) => void;
  /** The fetch implementation (default: the global one). */
  fetch?: typeof fetch;
}

export interface HttpRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** An absolute URL, as made by `HttpClient.url()`. */
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Makes a POST or PATCH safe to retry. */
  idempotencyKey?: string;
}

export interface HttpResponse {
  status: number;
  data: unknown;
  etag: string | null;
}

const IDEMPOTENT = new Set(['GET', 'PUT', 'DELETE']);

/** fetch with a base URL, headers, time limits, retries with backoff, and typed errors. */
export class HttpClient {
  readonly baseUrl: string;
  readonly #options: HttpOptions;

  constructor(options: HttpOptions = {}) {
    this.#options = options;
    this.baseUrl = (options.baseUrl ?? '/api').replace(/\/+$/, '');
  }

  /** The absolute URL of `path` (which may carry a query) with `query` appended. */
  url(path: string, query: Record<string, string | number | undefined> = {}): string {
    const base = globalThis.location?.href ?? 'http://localhost/';
    const url = new URL(this.baseUrl + (path.startsWith('/') ? path : `/${path}`), base);
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') url.searchParams.set(name, String(value));
    }
    return url.href;
  }

  /**
   * Opens a long-lived GET (an event stream) with this client's headers and credentials, but no
   * time limit and no retries: the caller reconnects. Rejects with a `PeerError` unless 2xx.
   */
  async open(url: string, headers: Record<string, string>, signal: AbortSignal): Promise<Response> {
    const all = new Headers(await resolveHeaders(this.#options.headers));
    for (const [name, value] of Object.entries(headers)) all.set(name, value);
    const doFetch = this.#options.fetch ?? globalThis.fetch.bind(globalThis);
    let response: Response;
    try {
      response = await doFetch(url, {
        headers: all,
        credentials: this.#options.credentials ?? 'same-origin',
        cache: 'no-store',
        signal,
      });
    } catch (error) {
      if (signal.aborted) throw abortError(url, error);
      const offline = globalThis.navigator?.onLine === false;
      throw new PeerError({ kind: offline ? 'offline' : 'network', url, cause: error });
    }
    if (!response.ok) throw await errorFrom(response, url);
    return response;
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    const method = request.method ?? 'GET';
    const retryable = IDEMPOTENT.has(method) || request.idempotencyKey !== undefined;
    const maxRetries = retryable ? (this.#options.retries ?? 3) : 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#once(request, method);
      } catch (error) {
        if (!(error instanceof PeerError) || !error.retryable || attempt >= maxRetries) throw error;
        const delay = this.#delayBefore(attempt, error);
        this.#options.onRetry?.({ attempt: attempt + 1, delay, error, url: request.url });
        await sleep(delay, request.signal);
      }
    }
  }

  #delayBefore(attempt: number, error: PeerError) {
    const max = this.#options.maxRetryDelay ?? 30_000;
    if (error.retryAfterMs !== undefined) return Math.min(error.retryAfterMs, max);
    const ceiling = Math.min(max, (this.#options.retryDelay ?? 300) * 2 ** attempt);
    return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
  }

  async #once(request: HttpRequest, method: string): Promise<HttpResponse> {
    const { signal } = request;
    if (signal?.aborted) throw abortError(request.url, signal.reason);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.#options.timeout ?? 15_000);
    const forwardAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forwardAbort, { once: true });
    try {
      const headers = new Headers(await resolveHeaders(this.#options.headers));
      headers.set('Accept', 'application/json, application/problem+json');
      for (const [name, value] of Object.entries(request.headers ?? {})) headers.set(name, value);
      if (request.idempotencyKey) headers.set('Idempotency-Key', request.idempotencyKey);
      let body: string | undefined;
      if (request.body !== undefined) {
        headers.set('Content-Type', 'application/json');
        body = JSON.stringify(request.body);
      }
      const doFetch = this.#options.fetch ?? globalThis.fetch.bind(globalThis);
      const response = await doFetch(request.url, {
        method,
        headers,
        body,
        credentials: this.#options.credentials ?? 'same-origin',
        // This client keeps its own cache and revalidates with If-None-Match itself.
        cache: 'no-store',
        signal: controller.signal,
      });
      const etag = response.headers.get('ETag');
      if (response.status === 304) return { status: 304, data: undefined, etag };
      if (!response.ok) throw await errorFrom(response, request.url);
      if (response.status === 204) return { status: 204, data: undefined, etag };
      const text = await response.text();
      try {
        return { status: response.status, data: text ? JSON.parse(text) : undefined, etag };
      } catch (cause) {
        throw new PeerError({ kind: 'parse', status: response.status, url: request.url, cause });
      }
    } catch (error) {
      if (error instanceof PeerError) throw error;
      if (signal?.aborted) throw abortError(request.url, error);
      if (timedOut) throw new PeerError({ kind: 'timeout', url: request.url, cause: error });
      const offline = globalThis.navigator?.onLine === false;
      throw new PeerError({ kind: offline ? 'offline' : 'network', url: request.url, cause: error });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forwardAbort);
    }
  }
}

async function resolveHeaders(source: HeadersSource | undefined): Promise<HeadersInit> {
  if (!source) return {};
  return typeof source === 'function' ? await source() : source;
}

async function errorFrom(response: Response, url: string): Promise<PeerError> {
  let problem: Partial<Problem> | undefined;
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      const parsed: unknown = await response.json();
      if (parsed && typeof parsed === 'object') problem = parsed as Partial<Problem>;
    } catch {
      problem = undefined; // a broken error body still leaves the status to report
    }
  }
  return new PeerError({
    kind: 'http',
    status: response.status,
    problem,
    url,
    retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')),
  });
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
