import type { Page } from '../../contract/common.js';
import type { Me, Person } from '../../contract/people.js';
import type {
  Circle,
  MentorMatch,
  MentorProfile,
  MentorSettings,
  MentorshipRequest,
  NewMentorshipRequest,
} from '../../contract/mentors.js';
import type {
  CompanyValue,
  Kudos,
  KudosChanges,
  KudosFilter,
  KudosReactions,
  KudosRemoved,
  NewKudos,
} from '../../contract/kudos.js';
import type { ReactionKey, SkillLevel } from '../../contract/rules.js';
import type { Expert, Rating, Skill, SkillGap, SkillMatrix } from '../../contract/skills.js';
import type {
  FeedbackReceipt,
  FeedbackTemplate,
  FeedbackTemplateSummary,
  NewFeedback,
  ReceivedFeedback,
} from '../../contract/feedback.js';
import type {
  CallOptions,
  FeedbackSearch,
  KudosEvent,
  KudosSearch,
  PeerBackend,
  SkillMatrixSearch,
  PeopleSearch,
  RequestAction,
  WriteOptions,
} from '../backend.js';
import { SharedKudosStream } from './shared-stream.js';
import { PeerError } from '../errors.js';
import { InFlight } from './abort.js';
import { Batcher } from './batcher.js';
import { ResponseCache } from './cache.js';
import { HttpClient, type HttpOptions } from './http.js';
import { restScope } from './scope.js';

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
  mentor: string;
  /** Several mentor profiles by id in one request. */
  mentorsByIds: string;
  /** `limit` is added as a query parameter. */
  mentorMatches: string;
  mentorshipRequests: string;
  /** `role` is added as a query parameter. */
  myMentorshipRequests: string;
  /** `{action}` is accept, decline, withdraw or end. */
  mentorshipRequestAction: string;
  joinCircle: string;
  leaveCircle: string;
  /** PATCH: the signed-in mentor's own profile. */
  myMentorProfile: string;
  values: string;
  /** The feed; `team`, `person`, `value`, `cursor` and `limit` are added as query parameters. */
  kudos: string;
  /** `{id}`: PATCH changes, DELETE deletes kudos the signed-in person gave. */
  kudosItem: string;
  /** `{id}` and `{reaction}`; PUT adds, DELETE takes back. */
  kudosReaction: string;
  /** Server-sent events; the filter is added as query parameters. */
  kudosStream: string;
  skills: string;
  /** `department`, `category` and `skills` (comma-separated ids) are added as query parameters. */
  skillMatrix: string;
  /** `{id}`; `limit` is added as a query parameter. */
  skillExperts: string;
  /** `department` is added as a query parameter. */
  skillGaps: string;
  /** `{id}` is the skill; PUT `{ level }`. */
  mySkill: string;
  feedbackTemplates: string;
  feedbackTemplate: string;
  /** POST a `NewFeedback`. */
  feedback: string;
  /** `kind`, `cursor` and `limit` are added as query parameters. */
  myFeedback: string;
  personFeedback: string;
}

/** Turn what a foreign API answers into Peerkit's types. Each receives the parsed JSON. */
export interface ResponseMappers {
  person: (raw: unknown) => Person;
  me: (raw: unknown) => Me;
  /** Any list answer into its items (still raw) and the cursor of the next page. */
  list: (raw: unknown) => { items: unknown[]; nextCursor: string | null };
  mentor: (raw: unknown) => MentorProfile;
  match: (raw: unknown) => MentorMatch;
  mentorshipRequest: (raw: unknown) => MentorshipRequest;
  circle: (raw: unknown) => Circle;
  value: (raw: unknown) => CompanyValue;
  kudos: (raw: unknown) => Kudos;
  reactions: (raw: unknown) => KudosReactions;
  skill: (raw: unknown) => Skill;
  skillMatrix: (raw: unknown) => SkillMatrix;
  expert: (raw: unknown) => Expert;
  skillGap: (raw: unknown) => SkillGap;
  rating: (raw: unknown) => Rating;
  feedbackTemplateSummary: (raw: unknown) => FeedbackTemplateSummary;
  feedbackTemplate: (raw: unknown) => FeedbackTemplate;
  feedbackReceipt: (raw: unknown) => FeedbackReceipt;
  receivedFeedback: (raw: unknown) => ReceivedFeedback;
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
  mentor: '/mentors/{id}',
  mentorsByIds: '/mentors?ids={ids}',
  mentorMatches: '/me/mentor-matches',
  mentorshipRequests: '/mentorship-requests',
  myMentorshipRequests: '/me/mentorship-requests',
  mentorshipRequestAction: '/mentorship-requests/{id}/{action}',
  joinCircle: '/circles/{id}/join',
  leaveCircle: '/circles/{id}/leave',
  myMentorProfile: '/me/mentor-profile',
  values: '/values',
  kudos: '/kudos',
  kudosItem: '/kudos/{id}',
  kudosReaction: '/kudos/{id}/reactions/{reaction}',
  kudosStream: '/kudos/stream',
  skills: '/skills',
  skillMatrix: '/skill-matrix',
  skillExperts: '/skills/{id}/experts',
  skillGaps: '/skill-gaps',
  mySkill: '/me/skills/{id}',
  feedbackTemplates: '/feedback-templates',
  feedbackTemplate: '/feedback-templates/{id}',
  feedback: '/feedback',
  myFeedback: '/me/feedback',
  personFeedback: '/people/{id}/feedback',
};

const identity = <T>(raw: unknown) => raw as T;

export const defaultMappers: ResponseMappers = {
  person: identity<Person>,
  me: identity<Me>,
  list: identity<{ items: unknown[]; nextCursor: string | null }>,
  mentor: identity<MentorProfile>,
  match: identity<MentorMatch>,
  mentorshipRequest: identity<MentorshipRequest>,
  circle: identity<Circle>,
  value: identity<CompanyValue>,
  kudos: identity<Kudos>,
  reactions: identity<KudosReactions>,
  skill: identity<Skill>,
  skillMatrix: identity<SkillMatrix>,
  expert: identity<Expert>,
  skillGap: identity<SkillGap>,
  rating: identity<Rating>,
  feedbackTemplateSummary: identity<FeedbackTemplateSummary>,
  feedbackTemplate: identity<FeedbackTemplate>,
  feedbackReceipt: identity<FeedbackReceipt>,
  receivedFeedback: identity<ReceivedFeedback>,
};

/** A resource fetched by id, whose look-ups of one tick share one request. */
interface BatchedResource {
  single: keyof PathTemplates;
  many: keyof PathTemplates;
  idOf: (raw: unknown) => string;
  batcher?: Batcher<unknown>;
}

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
  readonly #paths: PathTemplates;
  readonly #mappers: ResponseMappers;
  readonly #cache: ResponseCache;
  readonly #inFlight = new InFlight();
  readonly #resources: Record<'person' | 'mentor', BatchedResource>;

  constructor(readonly options: RestBackendOptions = {}) {
    super();
    this.http = new HttpClient(options);
    this.#paths = { ...defaultPaths, ...options.paths };
    this.#mappers = { ...defaultMappers, ...options.mappers };
    this.#cache = new ResponseCache({
      ttl: options.cacheTtl ?? 30_000,
      staleTtl: options.staleTtl ?? 300_000,
      now: options.now,
    });
    this.#resources = {
      person: { single: 'person', many: 'peopleByIds', idOf: (raw) => this.#mappers.person(raw).id },
      mentor: { single: 'mentor', many: 'mentorsByIds', idOf: (raw) => this.#mappers.mentor(raw).id },
    };
    if (options.batch !== false) {
      for (const resource of Object.values(this.#resources)) {
        resource.batcher = new Batcher(
          (ids, signal) => this.#loadMany(resource, ids, signal),
          options.batch?.maxIds ?? 50,
        );
      }
    }
  }

  get storageScope() {
    return restScope(this.http.baseUrl);
  }

  get baseUrl() {
    return this.http.baseUrl;
  }

  /** Forget every cached answer (after a sign-in change, for example). */
  clearCache() {
    this.#cache.clear();
  }

  async getMe(options: CallOptions = {}): Promise<Me> {
    return this.#mappers.me(await this.#getJson(this.http.url(this.#paths.me), options.signal));
  }

  async getPerson(id: string, options: CallOptions = {}): Promise<Person> {
    return this.#mappers.person(await this.#getBatched(this.#resources.person, id, options.signal));
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
    const url = this.http.url(this.#paths.searchPeople, {
      q: search.q,
      department: search.department,
      cursor: search.cursor,
      limit: search.limit,
    });
    const page = this.#mappers.list(await this.#getJson(url, options.signal));
    return { items: page.items.map((item) => this.#mappers.person(item)), nextCursor: page.nextCursor };
  }

  async getMentor(id: string, options: CallOptions = {}): Promise<MentorProfile> {
    return this.#mappers.mentor(await this.#getBatched(this.#resources.mentor, id, options.signal));
  }

  async getMentorMatches(limit: number, options: CallOptions = {}): Promise<MentorMatch[]> {
    const url = this.http.url(this.#paths.mentorMatches, { limit });
    return this.#mappers.list(await this.#getJson(url, options.signal)).items.map((raw) => this.#mappers.match(raw));
  }

  async requestMentorship(request: NewMentorshipRequest, options: WriteOptions = {}): Promise<MentorshipRequest> {
    const raw = await this.#write('POST', this.http.url(this.#paths.mentorshipRequests), request, options);
    this.#forget(this.http.url(this.#paths.myMentorshipRequests, { role: 'mentee' }));
    // The profile says whose request is waiting: cards of this mentor that load later know it is yours.
    this.#forget(this.http.url(expandPath(this.#paths.mentor, { id: request.mentorId })));
    return this.#mappers.mentorshipRequest(raw);
  }

  async getMyMentorshipRequests(role: 'mentor' | 'mentee', options: CallOptions = {}): Promise<MentorshipRequest[]> {
    const url = this.http.url(this.#paths.myMentorshipRequests, { role });
    const list = this.#mappers.list(await this.#getJson(url, options.signal));
    return list.items.map((raw) => this.#mappers.mentorshipRequest(raw));
  }

  async respondToMentorshipRequest(id: string, action: RequestAction, options: WriteOptions = {}) {
    const url = this.http.url(expandPath(this.#paths.mentorshipRequestAction, { id, action }));
    try {
      const request = this.#mappers.mentorshipRequest(await this.#write('POST', url, undefined, options));
      // The answer changes the mentor's free places.
      this.#forget(this.http.url(expandPath(this.#paths.mentor, { id: request.mentorId })));
      return request;
    } finally {
      // Both sides' lists change with an answer, and are out of date when it was refused (answered
      // or withdrawn elsewhere meanwhile).
      this.#forget(this.http.url(this.#paths.myMentorshipRequests, { role: 'mentor' }));
      this.#forget(this.http.url(this.#paths.myMentorshipRequests, { role: 'mentee' }));
    }
  }

  async joinCircle(id: string, options: WriteOptions = {}): Promise<Circle> {
    const url = this.http.url(expandPath(this.#paths.joinCircle, { id }));
    return this.#mappers.circle(await this.#write('POST', url, undefined, options));
  }

  async leaveCircle(id: string, options: WriteOptions = {}): Promise<Circle> {
    const url = this.http.url(expandPath(this.#paths.leaveCircle, { id }));
    return this.#mappers.circle(await this.#write('POST', url, undefined, options));
  }

  async updateMyMentorProfile(changes: MentorSettings, options: WriteOptions = {}): Promise<MentorProfile> {
    const raw = await this.#write('PATCH', this.http.url(this.#paths.myMentorProfile), changes, options);
    const profile = this.#mappers.mentor(raw);
    // Cards of this mentor that load later read the change.
    this.#forget(this.http.url(expandPath(this.#paths.mentor, { id: profile.id })));
    return profile;
  }

  async getValues(options: CallOptions = {}): Promise<CompanyValue[]> {
    const list = this.#mappers.list(await this.#getJson(this.http.url(this.#paths.values), options.signal));
    return list.items.map((raw) => this.#mappers.value(raw));
  }

  async getKudos(search: KudosSearch, options: CallOptions = {}): Promise<Page<Kudos>> {
    const url = this.http.url(this.#paths.kudos, { ...search });
    // A feed changes all the time: always ask (an unchanged page costs a 304).
    const page = this.#mappers.list(await this.#revalidate(url, options.signal));
    return { items: page.items.map((raw) => this.#mappers.kudos(raw)), nextCursor: page.nextCursor };
  }

  async giveKudos(kudos: NewKudos, options: WriteOptions = {}): Promise<Kudos> {
    return this.#mappers.kudos(await this.#write('POST', this.http.url(this.#paths.kudos), kudos, options));
  }

  async setReaction(kudosId: string, reaction: ReactionKey, on: boolean, options: WriteOptions = {}) {
    const url = this.http.url(expandPath(this.#paths.kudosReaction, { id: kudosId, reaction }));
    return this.#mappers.reactions(await this.#write(on ? 'PUT' : 'DELETE', url, undefined, options));
  }

  async deleteKudos(kudosId: string, options: WriteOptions = {}): Promise<void> {
    try {
      await this.#write(
        'DELETE',
        this.http.url(expandPath(this.#paths.kudosItem, { id: kudosId })),
        undefined,
        options,
      );
    } catch (error) {
      // Gone already (deleted in another tab, or by a retry whose first answer was lost): done.
      if (!(error as PeerError).notFound) throw error;
    }
  }

  async editKudos(kudosId: string, changes: KudosChanges, options: WriteOptions = {}): Promise<Kudos> {
    const url = this.http.url(expandPath(this.#paths.kudosItem, { id: kudosId }));
    return this.#mappers.kudos(await this.#write('PATCH', url, changes, options));
  }

  #kudosStream?: SharedKudosStream;

  /** Every feed of this backend watches through one stream (see `SharedKudosStream`). */
  watchKudos(filter: KudosFilter, listener: (event: KudosEvent) => void, options: { signal: AbortSignal }) {
    this.#kudosStream ??= new SharedKudosStream({
      open: (asked, lastEventId, signal) =>
        this.http.open(
          this.http.url(this.#paths.kudosStream, { ...asked }),
          { Accept: 'text/event-stream', ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}) },
          signal,
        ),
      decode: ({ event, data }): KudosEvent | undefined => {
        if (event === 'kudos' || event === 'edited')
          return { type: event, kudos: this.#mappers.kudos(JSON.parse(data)) };
        if (event === 'reactions') {
          const { kudosId, reactions } = this.#mappers.reactions(JSON.parse(data));
          return { type: 'reactions', kudosId, reactions };
        }
        if (event === 'removed') return { type: 'removed', kudosId: (JSON.parse(data) as KudosRemoved).kudosId };
        return event === 'reset' ? { type: 'reset' } : undefined;
      },
      onError: (error) => this.dispatchEvent(new CustomEvent('revalidation-error', { detail: error })),
    });
    this.#kudosStream.watch(filter, listener, options.signal);
  }

  async getSkills(options: CallOptions = {}): Promise<Skill[]> {
    const list = this.#mappers.list(await this.#getJson(this.http.url(this.#paths.skills), options.signal));
    return list.items.map((raw) => this.#mappers.skill(raw));
  }

  async getSkillMatrix(search: SkillMatrixSearch, options: CallOptions = {}): Promise<SkillMatrix> {
    const url = this.http.url(this.#paths.skillMatrix, {
      department: search.department,
      category: search.category,
      skills: search.skills?.join(','),
    });
    // Ratings change as people assess themselves: always ask (an unchanged matrix costs a 304).
    return this.#mappers.skillMatrix(await this.#revalidate(url, options.signal));
  }

  async getSkillExperts(skillId: string, limit: number, options: CallOptions = {}): Promise<Expert[]> {
    const url = this.http.url(expandPath(this.#paths.skillExperts, { id: skillId }), { limit });
    return this.#mappers
      .list(await this.#revalidate(url, options.signal))
      .items.map((raw) => this.#mappers.expert(raw));
  }

  async getSkillGaps(department: string, options: CallOptions = {}): Promise<SkillGap[]> {
    const url = this.http.url(this.#paths.skillGaps, { department });
    return this.#mappers
      .list(await this.#revalidate(url, options.signal))
      .items.map((raw) => this.#mappers.skillGap(raw));
  }

  async rateMySkill(skillId: string, level: SkillLevel, options: WriteOptions = {}): Promise<Rating> {
    const url = this.http.url(expandPath(this.#paths.mySkill, { id: skillId }));
    return this.#mappers.rating(await this.#write('PUT', url, { level }, options));
  }

  async getFeedbackTemplates(options: CallOptions = {}): Promise<FeedbackTemplateSummary[]> {
    const list = this.#mappers.list(await this.#getJson(this.http.url(this.#paths.feedbackTemplates), options.signal));
    return list.items.map((raw) => this.#mappers.feedbackTemplateSummary(raw));
  }
  async getFeedbackTemplate(id: string, options: CallOptions = {}): Promise<FeedbackTemplate> {
    const url = this.http.url(expandPath(this.#paths.feedbackTemplate, { id }));
    return this.#mappers.feedbackTemplate(await this.#getJson(url, options.signal));
  }
  async sendFeedback(feedback: NewFeedback, options: WriteOptions = {}): Promise<FeedbackReceipt> {
    return this.#mappers.feedbackReceipt(
      await this.#write('POST', this.http.url(this.#paths.feedback), feedback, options),
    );
  }
  async getMyFeedback(search: FeedbackSearch, options: CallOptions = {}): Promise<Page<ReceivedFeedback>> {
    const url = this.http.url(this.#paths.myFeedback, { ...search });
    return this.#feedbackPage(this.#mappers.list(await this.#revalidate(url, options.signal)));
  }
  async getPersonFeedback(
    personId: string,
    search: FeedbackSearch,
    options: CallOptions = {},
  ): Promise<Page<ReceivedFeedback>> {
    const url = this.http.url(expandPath(this.#paths.personFeedback, { id: personId }), { ...search });
    return this.#feedbackPage(this.#mappers.list(await this.#revalidate(url, options.signal)));
  }
  #feedbackPage(page: { items: unknown[]; nextCursor: string | null }): Page<ReceivedFeedback> {
    return { items: page.items.map((raw) => this.#mappers.receivedFeedback(raw)), nextCursor: page.nextCursor };
  }

  /** Drops a cached answer, after a write that changed it. */
  #forget(url: string) {
    this.#cache.delete(url);
  }

  async #write(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body: unknown, options: WriteOptions) {
    const response = await this.http.send({
      method,
      url,
      body,
      signal: options.signal,
      idempotencyKey: options.idempotencyKey,
    });
    return response.data;
  }

  /** A batched look-up: cached answers as they are (stale ones refreshed), else one request per tick. */
  async #getBatched(resource: BatchedResource, id: string, signal?: AbortSignal): Promise<unknown> {
    const url = this.http.url(expandPath(this.#paths[resource.single], { id }));
    if (!resource.batcher) return this.#getJson(url, signal);
    const freshness = this.#cache.freshness(url);
    if (freshness === 'fresh' || freshness === 'stale') {
      if (freshness === 'stale') this.#background(resource.batcher.get(id));
      return this.#cache.get(url)!.data;
    }
    const raw = await resource.batcher.get(id, signal);
    if (raw === undefined) {
      throw new PeerError({
        kind: 'http',
        status: 404,
        url,
        problem: { title: 'Not found', detail: `Nothing has the id "${id}".` },
      });
    }
    return raw;
  }

  async #loadMany(resource: BatchedResource, ids: string[], signal: AbortSignal): Promise<Map<string, unknown>> {
    const url = this.http.url(expandPath(this.#paths[resource.many], { ids }));
    const response = await this.http.send({ url, signal });
    const found = new Map<string, unknown>();
    for (const raw of this.#mappers.list(response.data).items) {
      const id = resource.idOf(raw);
      found.set(id, raw);
      this.#cache.set(this.http.url(expandPath(this.#paths[resource.single], { id })), raw, null);
    }
    return found;
  }

  /** A cached GET: fresh answers as they are, stale ones while revalidating, else asks with If-None-Match. */
  #getJson(url: string, signal?: AbortSignal): Promise<unknown> {
    const freshness = this.#cache.freshness(url);
    if (freshness === 'fresh') return Promise.resolve(this.#cache.get(url)!.data);
    if (freshness === 'stale') {
      this.#background(this.#revalidate(url));
      return Promise.resolve(this.#cache.get(url)!.data);
    }
    return this.#revalidate(url, signal);
  }

  #revalidate(url: string, signal?: AbortSignal): Promise<unknown> {
    return this.#inFlight.run(url, signal, async (shared) => {
      const cached = this.#cache.get(url);
      const headers: Record<string, string> = cached?.etag ? { 'If-None-Match': cached.etag } : {};
      const response = await this.http.send({ url, headers, signal: shared });
      if (response.status === 304 && cached) {
        this.#cache.touch(url);
        return cached.data;
      }
      this.#cache.set(url, response.data, response.etag);
      return response.data;
    });
  }

  #background(work: Promise<unknown>) {
    work.catch((error: unknown) => {
      this.dispatchEvent(new CustomEvent('revalidation-error', { detail: error }));
    });
  }
}
