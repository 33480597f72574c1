import type { Page } from '../../contract/common.js';
import type { Me, Person } from '../../contract/people.js';
import type { CallOptions, PeerBackend, PeopleSearch } from '../backend.js';
import { PeerError } from '../errors.js';
import { InFlight } from './abort.js';
import { Batcher } from './batcher.js';
import { ResponseCache } from './cache.js';
import { HttpClient, type HttpOptions } from './http.js';

/**
 * Paths of each resource, relative to the base URL. `{name}` is replaced by the encoded value;
 * `{ids}` by the encoded ids joined with commas.
 */
export interface PathTemplates {
  me: string;
  person: string;
  /** Several people by id in one request. */
  peopleByIds: string;
  /** Search; `q`, `department`, `cursor` and `limit` are added as query parameters. */
  searchPeople: string;
}

/** Turn what a foreign API answers into Peerkit's types. Each receives the parsed JSON. */
export interface ResponseMappers {
  person: (raw: unknown) => Person;
  me: (raw: unknown) => Me;
  /** Any list answer into its items (still raw) and the cursor of the next page. */
  list: (raw: unknown) => { items: unknown[]; nextCursor: string | null };
}

export interface RestBackendOptions extends HttpOptions {
  paths?: Partial<PathTemplates>;
  mappers?: Partial<ResponseMappers>;
  /** How long an answer is reused without asking, in ms (default 30000). */
  cacheTtl?: number;
  /** How much longer a stale answer is shown while it is revalidated, in ms (default 300000). */
  staleTtl?: number;
  /**
   * Person look-ups made in the same tick are sent as one request of at most `maxIds` ids
   * (default 50). `false` sends one request per person, for APIs with no batch endpoint.
   */
  batch?: { maxIds?: number } | false;
  /** @internal The clock, for tests. */
  now?: () => number;
}

export const defaultPaths: PathTemplates = {
  me: '/me',
  person: '/people/{id}',
  peopleByIds: '/people?ids={ids}',
  searchPeople: '/people',
};

const identity = <T>(raw: unknown) => raw as T;

export const defaultMappers: ResponseMappers = {
  person: identity<Person>,
  me: identity<Me>,
  list: identity<{ items: unknown[]; nextCursor: string | null }>,
};

export function expandPath(template: string, values: Record<string, string | readonly string[]>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`path template "${template}" needs a value for {${name}}`);
    return typeof value === 'string' ? encodeURIComponent(value) : value.map(encodeURIComponent).join(',');
  });
}

/**
 * A `PeerBackend` over HTTP and the Peerkit REST contract, or any API that path templates and
 * response mappers can adapt. It de-duplicates identical GETs in flight, caches answers with
 * stale-while-revalidate and ETag revalidation, and batches person look-ups across widgets.
 *
 * Fires `revalidation-error` (a `CustomEvent` whose detail is the `PeerError`) when a
 * background refresh of a stale answer fails; the stale answer stays in use.
 */
export class RestBackend extends EventTarget implements PeerBackend {
  readonly http: HttpClient;
  private readonly paths: PathTemplates;
  private readonly mappers: ResponseMappers;
  private readonly cache: ResponseCache;
  private readonly inFlight = new InFlight();
  private readonly people?: Batcher<unknown>;

  constructor(readonly options: RestBackendOptions = {}) {
    super();
    this.http = new HttpClient(options);
    this.paths = { ...defaultPaths, ...options.paths };
    this.mappers = { ...defaultMappers, ...options.mappers };
    this.cache = new ResponseCache({
      ttl: options.cacheTtl ?? 30_000,
      staleTtl: options.staleTtl ?? 300_000,
      now: options.now,
    });
    if (options.batch !== false) {
      this.people = new Batcher((ids, signal) => this.loadPeople(ids, signal), options.batch?.maxIds ?? 50);
    }
  }

  get baseUrl() {
    return this.http.baseUrl;
  }

  /** Forget every cached answer (after a sign-in change, for example). */
  clearCache() {
    this.cache.clear();
  }

  async getMe(options: CallOptions = {}): Promise<Me> {
    return this.mappers.me(await this.getJson(this.http.url(this.paths.me), options.signal));
  }

  async getPerson(id: string, options: CallOptions = {}): Promise<Person> {
    const url = this.personUrl(id);
    if (!this.people) return this.mappers.person(await this.getJson(url, options.signal));
    const freshness = this.cache.freshness(url);
    if (freshness === 'fresh' || freshness === 'stale') {
      if (freshness === 'stale') this.background(this.people.get(id));
      return this.mappers.person(this.cache.get(url)!.data);
    }
    const raw = await this.people.get(id, options.signal);
    if (raw === undefined) {
      throw new PeerError({
        kind: 'http',
        status: 404,
        url,
        problem: { title: 'Not found', detail: `No person has the id "${id}".` },
      });
    }
    return this.mappers.person(raw);
  }

  async getPeople(ids: readonly string[], options: CallOptions = {}): Promise<Map<string, Person>> {
    const unique = [...new Set(ids)];
    const found = new Map<string, Person>();
    const settled = await Promise.allSettled(unique.map((id) => this.getPerson(id, options)));
    settled.forEach((result, index) => {
      if (result.status === 'fulfilled') found.set(unique[index], result.value);
      else if (!(result.reason instanceof PeerError && result.reason.notFound)) throw result.reason;
    });
    return found;
  }

  async searchPeople(search: PeopleSearch, options: CallOptions = {}): Promise<Page<Person>> {
    const url = this.http.url(this.paths.searchPeople, {
      q: search.q,
      department: search.department,
      cursor: search.cursor,
      limit: search.limit,
    });
    const page = this.mappers.list(await this.getJson(url, options.signal));
    return { items: page.items.map((item) => this.mappers.person(item)), nextCursor: page.nextCursor };
  }

  private personUrl(id: string) {
    return this.http.url(expandPath(this.paths.person, { id }));
  }

  private async loadPeople(ids: string[], signal: AbortSignal): Promise<Map<string, unknown>> {
    const url = this.http.url(expandPath(this.paths.peopleByIds, { ids }));
    const response = await this.http.send({ url, signal });
    const { items } = this.mappers.list(response.data);
    const found = new Map<string, unknown>();
    for (const raw of items) {
      const person = this.mappers.person(raw);
      found.set(person.id, raw);
      this.cache.set(this.personUrl(person.id), raw, null);
    }
    return found;
  }

  /** A cached GET: fresh answers as they are, stale ones while revalidating, else asks with If-None-Match. */
  private getJson(url: string, signal?: AbortSignal): Promise<unknown> {
    const freshness = this.cache.freshness(url);
    if (freshness === 'fresh') return Promise.resolve(this.cache.get(url)!.data);
    if (freshness === 'stale') {
      this.background(this.revalidate(url));
      return Promise.resolve(this.cache.get(url)!.data);
    }
    return this.revalidate(url, signal);
  }

  private revalidate(url: string, signal?: AbortSignal): Promise<unknown> {
    return this.inFlight.run(url, signal, async (shared) => {
      const cached = this.cache.get(url);
      const headers: Record<string, string> = cached?.etag ? { 'If-None-Match': cached.etag } : {};
      const response = await this.http.send({ url, headers, signal: shared });
      if (response.status === 304 && cached) {
        this.cache.touch(url);
        return cached.data;
      }
      this.cache.set(url, response.data, response.etag);
      return response.data;
    });
  }

  private background(work: Promise<unknown>) {
    work.catch((error: unknown) => {
      this.dispatchEvent(new CustomEvent('revalidation-error', { detail: error }));
    });
  }
}
