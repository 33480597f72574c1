import { PeerError, asPeerError } from '../errors.js';

/** One server-sent event. */
export interface StreamEvent {
  event: string;
  data: string;
  id: string;
}

/**
 * An incremental parser of `text/event-stream` (the WHATWG format): feed it chunks as they
 * arrive, it returns the events they completed. Keeps the last event id and the server's
 * reconnection delay.
 */
export class EventStreamParser {
  lastEventId = '';
  retry: number | undefined;
  #buffer = '';
  #event = '';
  #data: string[] = [];

  push(chunk: string): StreamEvent[] {
    this.#buffer += chunk;
    const events: StreamEvent[] = [];
    let newline: number;
    while ((newline = this.#buffer.search(/\r\n|\r|\n/)) >= 0) {
      // A lone \r at the end may be the first half of \r\n: wait for the next chunk.
      if (this.#buffer[newline] === '\r' && newline === this.#buffer.length - 1) break;
      const line = this.#buffer.slice(0, newline);
      this.#buffer = this.#buffer.slice(newline + (this.#buffer.startsWith('\r\n', newline) ? 2 : 1));
      const event = this.#line(line);
      if (event) events.push(event);
    }
    return events;
  }

  #line(line: string): StreamEvent | undefined {
    if (line === '') {
      const data = this.#data;
      const event = this.#event || 'message';
      this.#data = [];
      this.#event = '';
      return data.length ? { event, data: data.join('\n'), id: this.lastEventId } : undefined;
    }
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.#event = value;
    else if (field === 'data') this.#data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.lastEventId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retry = Number(value);
    return undefined;
  }
}

export type StreamState = 'connecting' | 'open' | 'reconnecting' | 'failed';

export interface EventStreamOptions {
  /** Opens the connection; `lastEventId` is empty on the first one. */
  connect: (lastEventId: string, signal: AbortSignal) => Promise<Response>;
  onEvent: (event: StreamEvent) => void;
  onState?: (state: StreamState, error?: PeerError) => void;
  signal: AbortSignal;
  /** Longest wait between reconnection attempts in ms (default 30000). */
  maxDelay?: number;
  /**
   * Given a function that closes the open connection and opens the next at once, from the last
   * event (so that `connect` may ask for something else without missing anything).
   */
  onReopen?: (reopen: () => void) => void;
}

/**
 * Keeps a server-sent event stream open over `fetch` (which, unlike `EventSource`, can send
 * an Authorization header): reconnects after a drop with backoff and jitter (at once when the
 * browser comes back online), sending
 * `Last-Event-ID` so that nothing is missed. Stops for good on abort, or on a 4xx other
 * than 408 and 429 (credentials or the request are wrong; retrying would not help).
 *
 * Only while the page is visible: a tab in the background closes its stream and opens it again,
 * from its last event, when it is shown. Over HTTP/1.1 a browser opens at most six connections to
 * a server, for all its tabs; six background tabs that each held a stream would leave none for
 * the next tab's requests, and its widgets would never load.
 */
export async function keepEventStream(options: EventStreamOptions): Promise<void> {
  const { signal } = options;
  const parser = new EventStreamParser();
  let failures = 0;
  let reopen = () => {};
  options.onReopen?.(() => reopen());
  while (!signal.aborted) {
    await shown(signal);
    if (signal.aborted) return;
    options.onState?.(failures === 0 ? 'connecting' : 'reconnecting');
    let error: PeerError | undefined;
    // This connection alone: closed when the page is hidden, as well as when the stream is given up.
    const connection = new AbortController();
    const close = () => connection.abort();
    reopen = close;
    const onVisibility = () => document.visibilityState === 'hidden' && close();
    signal.addEventListener('abort', close);
    globalThis.document?.addEventListener('visibilitychange', onVisibility);
    try {
      const response = await options.connect(parser.lastEventId, connection.signal);
      if (!response.body) throw new PeerError({ kind: 'parse', problem: { title: 'The stream has no body.' } });
      failures = 0;
      options.onState?.('open');
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          for (const event of parser.push(value)) options.onEvent(event);
        }
      } finally {
        reader.releaseLock();
      }
    } catch (caught) {
      if (signal.aborted) return;
      if (connection.signal.aborted) continue; // hidden or reopened: not a failure; reconnects once shown
      error = asPeerError(caught);
      if (error.kind === 'http' && error.status < 500 && error.status !== 408 && error.status !== 429) {
        options.onState?.('failed', error);
        return;
      }
    } finally {
      signal.removeEventListener('abort', close);
      globalThis.document?.removeEventListener('visibilitychange', onVisibility);
    }
    if (signal.aborted) return;
    failures++;
    options.onState?.('reconnecting', error);
    const base = Math.max(parser.retry ?? 1000, error?.retryAfterMs ?? 0);
    const ceiling = Math.min(options.maxDelay ?? 30_000, base * 2 ** Math.min(failures - 1, 6));
    await pause(Math.round(ceiling / 2 + (Math.random() * ceiling) / 2), signal);
  }
}

/** Waits `ms`, or less: until the browser is back online, or the stream is given up. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      globalThis.removeEventListener?.('online', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    globalThis.addEventListener?.('online', done);
    signal.addEventListener('abort', done);
  });
}

/** Resolves when the page is visible: at once when it is (or outside a browser), or when the stream is given up. */
function shown(signal: AbortSignal): Promise<void> {
  const document = globalThis.document;
  if (!document || document.visibilityState !== 'hidden') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      if (document.visibilityState === 'hidden' && !signal.aborted) return;
      document.removeEventListener('visibilitychange', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    document.addEventListener('visibilitychange', done);
    signal.addEventListener('abort', done);
  });
}
