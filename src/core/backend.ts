import type { Page } from '../contract/common.js';
import type { Me, Person } from '../contract/people.js';

export type { Page, Problem } from '../contract/common.js';
export type { Department, Me, Person } from '../contract/people.js';

/** Options every backend call accepts. */
export interface CallOptions {
  /** Aborts the call; the promise then rejects with a `PeerError` of kind `aborted`. */
  signal?: AbortSignal;
}

export interface PeopleSearch {
  q?: string;
  department?: string;
  cursor?: string;
  limit?: number;
}

/**
 * Everything a Peerkit widget knows about where its data comes from. `RestBackend` implements
 * it over HTTP, `MemoryBackend` in memory; implement it yourself to use GraphQL, an SDK or a mock.
 *
 * Every method rejects with a `PeerError`.
 */
export interface PeerBackend {
  /** The signed-in person. */
  getMe(options?: CallOptions): Promise<Me>;
  /** One person; rejects with a 404 `PeerError` when there is none with that id. */
  getPerson(id: string, options?: CallOptions): Promise<Person>;
  /** Several people at once; unknown ids are left out of the map. */
  getPeople(ids: readonly string[], options?: CallOptions): Promise<Map<string, Person>>;
  /** A page of people matching a search. */
  searchPeople(search: PeopleSearch, options?: CallOptions): Promise<Page<Person>>;
}
