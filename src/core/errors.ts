import type { Problem } from '../contract/common.js';

/** What went wrong, in the terms a widget needs to choose its message and whether to offer a retry. */
export type PeerErrorKind = 'network' | 'timeout' | 'aborted' | 'http' | 'parse' | 'offline';

export interface PeerErrorInit {
  kind: PeerErrorKind;
  status?: number;
  problem?: Partial<Problem>;
  cause?: unknown;
  url?: string;
  /** How long the server asked us to wait before trying again (Retry-After), in ms. */
  retryAfterMs?: number;
}

/**
 * The one error type every `PeerBackend` method rejects with. It carries the HTTP status and
 * the problem+json body, when there was one, and whether trying again may help.
 */
export class PeerError extends Error {
  override readonly name = 'PeerError';
  readonly kind: PeerErrorKind;
  /** The HTTP status, or 0 when no response arrived. */
  readonly status: number;
  /** The short problem title from the server, or a generic one. */
  readonly title: string;
  /** The problem detail from the server, when it gave one. */
  readonly detail?: string;
  /** The problem type URI. */
  readonly type: string;
  /**
   * Field-level messages: what was invalid (400 answers), or which filter named nothing (404
   * answers, with the refused `value` and the id it most likely `meant`).
   */
  readonly errors: { path: string; message: string; value?: string; meant?: string }[];
  readonly url?: string;
  /** How long the server asked to wait before trying again (from Retry-After), in ms. */
  readonly retryAfterMs?: number;

  constructor(init: PeerErrorInit) {
    const title = init.problem?.title ?? defaultTitle(init.kind, init.status);
    super(init.problem?.detail ? `${title}: ${init.problem.detail}` : title, { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status ?? 0;
    this.title = title;
    this.detail = init.problem?.detail;
    this.type = init.problem?.type ?? 'about:blank';
    this.errors = init.problem?.errors ?? [];
    this.url = init.url;
    this.retryAfterMs = init.retryAfterMs;
  }

  /** Whether the same request may succeed if tried again later. */
  get retryable(): boolean {
    if (this.kind === 'network' || this.kind === 'timeout' || this.kind === 'offline') return true;
    if (this.kind !== 'http') return false;
    return (
      this.status === 408 || this.status === 429 || this.status === 502 || this.status === 503 || this.status === 504
    );
  }

  get notFound(): boolean {
    return this.status === 404;
  }

  static isAbort(error: unknown): boolean {
    return (
      (error instanceof PeerError && error.kind === 'aborted') ||
      (error instanceof DOMException && error.name === 'AbortError')
    );
  }
}

/** The error itself when it is a `PeerError`; anything else thrown, as a network error caused by it. */
export function asPeerError(error: unknown): PeerError {
  return error instanceof PeerError ? error : new PeerError({ kind: 'network', cause: error });
}

function defaultTitle(kind: PeerErrorKind, status?: number) {
  switch (kind) {
    case 'network':
      return 'Network error';
    case 'offline':
      return 'Offline';
    case 'timeout':
      return 'Request timed out';
    case 'aborted':
      return 'Request aborted';
    case 'parse':
      return 'Unreadable response';
    default:
      return `HTTP ${status ?? 0}`;
  }
}
