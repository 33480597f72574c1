/*
 * Small durable stores in the browser's localStorage: drafts that come back after a reload or a
 * crash, and an outbox of writes that wait for the network. Both survive the page and are shared
 * by every tab of the origin. A browser that refuses storage (private mode, quota) makes them
 * report `false` instead of throwing, so a widget can say that nothing is kept.
 */

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // a sandboxed frame can throw on access
  }
}

function read<T>(key: string): T | undefined {
  try {
    const text = storage()?.getItem(key);
    return text ? (JSON.parse(text) as T) : undefined;
  } catch {
    return undefined;
  }
}

function write(key: string, value: unknown): boolean {
  const store = storage();
  if (!store) return false;
  try {
    if (value === undefined) store.removeItem(key);
    else store.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** A draft with when it was saved and by whom (so another person on a shared computer is not shown it). */
export interface Draft<T> {
  value: T;
  savedAt: number;
  owner: string | null;
}

/** Drafts by key, under a prefix naming the widget and the backend. */
export class DraftStore<T> {
  /** The drafts of one kind of form (`feedback`, `kudos`, `mentorship`) kept for one backend's storage scope. */
  static for<T>(area: string, scope = 'default') {
    return new DraftStore<T>(`peerkit:${area}-draft:v1:${scope}`);
  }

  constructor(private readonly prefix: string) {}

  /** The storage key of the draft `id`: a `storage` event with it tells that another tab changed it. */
  key(id: string) {
    return `${this.prefix}:${id}`;
  }

  /**
   * The draft saved under `id`. With `owner` (the signed-in person's id, or null when unknown), a
   * draft another person saved on this computer is not returned.
   */
  load(id: string, owner?: string | null): Draft<T> | undefined {
    const draft = read<Draft<T>>(this.key(id));
    if (!draft || owner === undefined || draft.owner === null || owner === null) return draft;
    return draft.owner === owner ? draft : undefined;
  }

  /** Returns false when the browser would not keep it. */
  save(id: string, value: T, owner: string | null): boolean {
    return write(this.key(id), { value, savedAt: Date.now(), owner } satisfies Draft<T>);
  }

  clear(id: string) {
    write(this.key(id), undefined);
  }
}

export interface OutboxItem<T> {
  /** Also the Idempotency-Key: however often it is sent, the server stores it once. */
  id: string;
  payload: T;
  /** The signed-in person who wrote it; only they send it. */
  owner: string | null;
  /** The draft it came from, cleared with it once the server has confirmed. */
  draftId: string;
  queuedAt: number;
  attempts: number;
  /** When to try next (ms since the epoch). */
  nextAttemptAt: number;
}

/** The storage key of a backend's outbox of `name`: a `storage` event with it tells that another tab sent or queued. */
export const outboxKey = (scope: string, name: string) => `peerkit:outbox:v1:${scope}:${name}`;

/** Writes waiting to be sent, oldest first. */
export class Outbox<T> {
  constructor(private readonly key: string) {}

  list(): OutboxItem<T>[] {
    const items = read<OutboxItem<T>[]>(this.key);
    return Array.isArray(items) ? items : [];
  }

  get(id: string) {
    return this.list().find((item) => item.id === id);
  }

  /** Returns false when the browser would not keep it. */
  put(item: OutboxItem<T>): boolean {
    return write(this.key, [...this.list().filter((other) => other.id !== item.id), item]);
  }

  remove(id: string) {
    const rest = this.list().filter((item) => item.id !== id);
    write(this.key, rest.length ? rest : undefined);
  }
}

/**
 * Runs `work` while no other tab of this origin runs work under the same name (Web Locks), so two
 * tabs do not send one outbox item at the same moment. Without Web Locks it just runs; the
 * Idempotency-Key still keeps a double send from being stored twice.
 */
export async function exclusively<T>(name: string, work: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks?.request) return work();
  return locks.request(name, work) as Promise<T>;
}
