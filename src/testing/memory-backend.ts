import type { Page } from '../contract/common.js';
import type { Department, Me, Person } from '../contract/people.js';
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
} from '../core/backend.js';
import type { CompanyValue, Kudos, KudosChanges, KudosFilter, KudosReactions, NewKudos } from '../contract/kudos.js';
import {
  KUDOS_MESSAGE_MAX,
  KUDOS_MESSAGE_MIN,
  KUDOS_RECIPIENTS_MAX,
  KUDOS_VALUES_MAX,
  MENTION_PATTERN,
  REACTION_KEYS,
  type ReactionKey,
} from '../contract/rules.js';
import { companyValues, seedKudos, type SeedKudos } from './kudos-seed.js';
import type { Expert, MatrixPerson, Rating, Skill, SkillGap, SkillMatrix } from '../contract/skills.js';
import { BUS_FACTOR_MIN, type RatingSource, type SkillLevel } from '../contract/rules.js';
import { levelSteps, skillRatings, skillTargets } from './skills-seed.js';
import type {
  Circle,
  MentorMatch,
  MentorProfile,
  MentorshipRequest,
  NewMentorshipRequest,
  MentorSettings,
} from '../contract/mentors.js';
import { matchReasons, scoreMatch } from '../contract/matching.js';
import {
  FeedbackProblem,
  invalidDetail,
  KudosConflict,
  MentorshipConflict,
  unknownFilterProblem,
  type FilterKind,
} from '../contract/problems.js';
import type {
  FeedbackReceipt,
  FeedbackTemplate,
  FeedbackTemplateSummary,
  NewFeedback,
  ReceivedFeedback,
} from '../contract/feedback.js';
import { checkAnswers, isReadable, normaliseAnswers, readableFrom, receivedOn } from '../contract/feedback-rules.js';
import { feedbackTemplates, seedFeedback, type SeedFeedback } from './feedback-seed.js';
import { newKey } from '../core/ids.js';
import { PeerError } from '../core/errors.js';
import { sleep } from '../core/rest/abort.js';
import { avatarDataUrl } from './avatar.js';
import {
  circles as seedCircles,
  departments,
  learningGoals,
  mentors as seedMentors,
  mentorshipRequests as seedRequests,
  people as seedPeople,
  skills,
  type SeedMentor,
} from './organisation.js';

const CONFLICT = MentorshipConflict;

const conflict = (type: string, title: string, detail: string) =>
  new PeerError({ kind: 'http', status: 409, problem: { type, title, detail } });

const skillName = new Map(skills.map((s) => [s.id, s.name]));
const skillRef = (id: string) => ({ id, name: skillName.get(id) ?? id });

type MemoryMentor = Omit<SeedMentor, 'personId'>;

export interface MemoryBackendOptions {
  /** The people it serves (default: the seeded organisation of 180). */
  people?: Person[];
  /** The id of the signed-in person (default: the first person). */
  meId?: string;
  /** Delay of every answer in ms; `Infinity` stays loading for ever (for loading-state stories). */
  latency?: number;
  /** When set, every call rejects with this error (for error-state stories and tests). */
  fail?: PeerError;
  /** How many seeded kudos the feed starts with (default 2400; 0 for an empty feed). */
  kudos?: number;
  /** Names the drafts and outbox this backend's widgets keep in the browser (default `memory`). */
  storageScope?: string;
  /** Extra delay of sending feedback in ms; `Infinity` keeps it sending for ever (for the sending state). */
  sendLatency?: number;
  /** When set, sending feedback rejects with this error while everything else answers (offline stories). */
  failSends?: PeerError;
}

/** A seeded kudos with its feed position, and reactions as sets of people per reaction. */
interface MemoryKudos extends Omit<SeedKudos, 'reactions'> {
  seq: number;
  editedAt?: string;
  reactions: Map<ReactionKey, Set<string>>;
}

const invalid = (errors: { path: string; message: string }[]) =>
  new PeerError({
    kind: 'http',
    status: 400,
    problem: { title: 'Invalid request', detail: invalidDetail('request body', errors), errors },
  });

/** The seeded organisation as `Person` objects, with inline portraits. */
export function seededPeople(): Person[] {
  const byId = new Map<string, Department>(departments.map((d) => [d.id, { id: d.id, name: d.name }]));
  return seedPeople.map((p) => ({
    id: p.id,
    name: p.name,
    email: p.email,
    title: p.title,
    department: byId.get(p.departmentId)!,
    location: p.location,
    timeZone: p.timeZone,
    photoUrl: p.hasPhoto ? avatarDataUrl(p.id) : null,
    managerId: p.managerId,
  }));
}

/**
 * An in-memory `PeerBackend` with the seeded organisation: for stories, demos and your own
 * tests. It can be slowed down or made to fail, and counts the calls it receives.
 */
export class MemoryBackend implements PeerBackend {
  readonly people: Map<string, Person>;
  meId: string;
  latency: number;
  fail?: PeerError;
  /** How many calls each method has received. */
  readonly calls: Record<string, number> = {};
  readonly mentors = new Map<string, MemoryMentor>(
    seedMentors.map((m) => [m.personId, { ...m, expertise: [...m.expertise] }]),
  );
  readonly requests: MentorshipRequest[] = seedRequests.map((r) => ({
    ...r,
    expiresAt: '2099-01-01T00:00:00.000Z',
    respondedAt: r.state === 'pending' ? null : r.createdAt,
  }));
  readonly circles = seedCircles.map((c) => ({ ...c, memberIds: [...c.memberIds] }));
  readonly learning = new Map<string, string[]>([...learningGoals].map(([id, goals]) => [id, [...goals]]));

  readonly values: CompanyValue[] = companyValues.map((v) => ({ ...v }));
  readonly kudos: MemoryKudos[];
  /** The current rating of each `personId|skillId`. */
  readonly ratings = new Map<string, { level: SkillLevel; source: RatingSource; assessedAt: string }>(
    skillRatings.map((r) => [
      `${r.personId}|${r.skillId}`,
      { level: r.level, source: r.source, assessedAt: r.assessedAt },
    ]),
  );
  readonly targets = skillTargets.map((t) => ({ ...t }));
  readonly skills: Skill[] = skills.map((s) => ({ ...s, synonyms: [...s.synonyms] }));
  readonly feedbackTemplates: FeedbackTemplate[] = structuredClone(feedbackTemplates) as FeedbackTemplate[];
  /** Received feedback; anonymous entries have no giver, as on the server. */
  readonly feedback: SeedFeedback[] = seedFeedback(Date.now());
  failSends?: PeerError;
  sendLatency: number;
  readonly storageScope: string;
  /** Receipts by Idempotency-Key, so a retried send is stored once. */
  readonly #sent = new Map<string, FeedbackReceipt>();
  readonly #watchers = new Set<{ filter: KudosFilter; listener: (event: KudosEvent) => void }>();

  constructor(options: MemoryBackendOptions = {}) {
    const list = options.people ?? seededPeople();
    this.people = new Map(list.map((person) => [person.id, person]));
    this.meId = options.meId ?? list[0]?.id ?? '';
    this.latency = options.latency ?? 0;
    this.fail = options.fail;
    this.failSends = options.failSends;
    this.sendLatency = options.sendLatency ?? 0;
    this.storageScope = options.storageScope ?? 'memory';
    this.kudos = seedKudos(Date.now(), options.kudos ?? 2400).map((k, index) => ({
      ...k,
      seq: index + 1,
      reactions: new Map(
        REACTION_KEYS.map((key) => [
          key,
          new Set(k.reactions.filter((r) => r.reaction === key).map((r) => r.personId)),
        ]),
      ),
    }));
  }

  async #answer<T>(method: string, signal: AbortSignal | undefined, produce: () => T): Promise<T> {
    this.calls[method] = (this.calls[method] ?? 0) + 1;
    if (this.latency === Infinity)
      await new Promise<never>((_, reject) =>
        signal?.addEventListener('abort', () => reject(new PeerError({ kind: 'aborted' }))),
      );
    if (this.latency > 0) await sleep(this.latency, signal);
    if (this.fail) throw this.fail;
    return structuredClone(produce());
  }

  getMe(options: CallOptions = {}): Promise<Me> {
    return this.#answer('getMe', options.signal, () => ({ ...this.#find(this.meId), languages: ['en'] }));
  }

  getPerson(id: string, options: CallOptions = {}): Promise<Person> {
    return this.#answer('getPerson', options.signal, () => this.#find(id));
  }

  getPeople(ids: readonly string[], options: CallOptions = {}): Promise<Map<string, Person>> {
    return this.#answer('getPeople', options.signal, () => {
      const found = new Map<string, Person>();
      for (const id of ids) {
        const person = this.people.get(id);
        if (person) found.set(id, person);
      }
      return found;
    });
  }

  searchPeople(search: PeopleSearch, options: CallOptions = {}): Promise<Page<Person>> {
    return this.#answer('searchPeople', options.signal, () => {
      this.#mustExist({ department: ['department', search.department] });
      const q = search.q?.toLocaleLowerCase() ?? '';
      const matches = [...this.people.values()]
        .filter((p) => !search.department || p.department.id === search.department)
        .filter(
          (p) =>
            !q || [p.name, p.title, p.department.name, p.email].some((text) => text.toLocaleLowerCase().includes(q)),
        )
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
      const start = search.cursor ? Number(search.cursor) : 0;
      const limit = search.limit ?? 20;
      const items = matches.slice(start, start + limit);
      return { items, nextCursor: start + limit < matches.length ? String(start + limit) : null };
    });
  }

  getMentor(id: string, options: CallOptions = {}): Promise<MentorProfile> {
    return this.#answer('getMentor', options.signal, () => this.#profile(id));
  }

  getMentorMatches(limit: number, options: CallOptions = {}): Promise<MentorMatch[]> {
    return this.#answer('getMentorMatches', options.signal, () => {
      const me = this.#find(this.meId);
      const subject = {
        departmentId: me.department.id,
        timeZone: me.timeZone,
        wantsToLearn: this.learning.get(me.id) ?? [],
      };
      return [...this.mentors.keys()]
        .filter((id) => id !== me.id && this.people.has(id))
        .map((id) => this.#profile(id))
        .filter((m) => !m.hidden && m.accepting && m.activeMentees < m.capacity)
        .map((mentor) => {
          const result = scoreMatch(subject, {
            departmentId: mentor.person.department.id,
            departmentName: mentor.person.department.name,
            timeZone: mentor.person.timeZone,
            expertise: mentor.expertise.map((e) => ({ skillId: e.skill.id, level: e.level })),
            capacity: mentor.capacity,
            activeMentees: mentor.activeMentees,
            medianResponseHours: mentor.medianResponseHours,
          });
          return { mentor, score: Math.min(100, result.score), reasons: matchReasons(mentor, result) };
        })
        .sort((a, b) => b.score - a.score || a.mentor.id.localeCompare(b.mentor.id))
        .slice(0, limit);
    });
  }

  requestMentorship(request: NewMentorshipRequest, options: WriteOptions = {}): Promise<MentorshipRequest> {
    return this.#answer('requestMentorship', options.signal, () => {
      if (request.mentorId === this.meId)
        throw conflict(CONFLICT.self, 'Cannot mentor yourself', 'You cannot request mentorship from yourself.');
      const mentor = this.#profile(request.mentorId);
      if (!mentor.accepting)
        throw conflict(
          CONFLICT.notAccepting,
          'Not accepting mentees',
          'This mentor is not taking new mentees right now.',
        );
      if (mentor.activeMentees >= mentor.capacity)
        throw conflict(CONFLICT.full, 'Mentor is full', 'This mentor has no free places at the moment.');
      if (this.#yourRequest(request.mentorId))
        throw conflict(
          CONFLICT.duplicate,
          'Request already open',
          'You already have an open request or mentorship with this mentor.',
        );
      const now = new Date();
      const created: MentorshipRequest = {
        id: `r-memory-${this.requests.length + 1}`,
        menteeId: this.meId,
        mentorId: request.mentorId,
        goal: request.goal.trim(),
        message: (request.message ?? '').trim(),
        state: 'pending',
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + 14 * 86_400_000).toISOString(),
        respondedAt: null,
      };
      this.requests.push(created);
      return created;
    });
  }

  getMyMentorshipRequests(role: 'mentor' | 'mentee', options: CallOptions = {}): Promise<MentorshipRequest[]> {
    return this.#answer('getMyMentorshipRequests', options.signal, () =>
      this.requests.filter((r) => (role === 'mentor' ? r.mentorId : r.menteeId) === this.meId).reverse(),
    );
  }

  respondToMentorshipRequest(
    id: string,
    action: RequestAction,
    options: WriteOptions = {},
  ): Promise<MentorshipRequest> {
    return this.#answer('respondToMentorshipRequest', options.signal, () => {
      const request = this.requests.find((r) => r.id === id);
      if (!request) throw new PeerError({ kind: 'http', status: 404, problem: { title: 'Not found' } });
      if (action === 'end') {
        if (request.mentorId !== this.meId && request.menteeId !== this.meId)
          throw new PeerError({ kind: 'http', status: 403, problem: { title: 'Forbidden' } });
        if (request.state !== 'accepted')
          throw conflict(CONFLICT.notActive, 'Not a running mentorship', `This request is ${request.state}.`);
        // The mentor's place is free again: places are counted from the accepted requests.
        request.state = 'ended';
        return request;
      }
      if (request.state !== 'pending')
        throw conflict(CONFLICT.notPending, 'Request not pending', `This request is already ${request.state}.`);
      if (action === 'accept') {
        const mentor = this.#profile(request.mentorId);
        if (mentor.activeMentees >= mentor.capacity) {
          throw conflict(
            CONFLICT.full,
            'Mentor is full',
            'You have no free places; end a mentorship or raise your capacity first.',
          );
        }
      }
      request.state = ({ accept: 'accepted', decline: 'declined', withdraw: 'withdrawn' } as const)[action];
      request.respondedAt = new Date().toISOString();
      return request;
    });
  }

  joinCircle(id: string, options: WriteOptions = {}): Promise<Circle> {
    return this.#answer('joinCircle', options.signal, () => {
      const circle = this.circles.find((c) => c.id === id);
      if (!circle) throw new PeerError({ kind: 'http', status: 404, problem: { title: 'Not found' } });
      if (circle.memberIds.includes(this.meId))
        throw conflict(CONFLICT.alreadyMember, 'Already a member', 'You are already in this circle.');
      if (circle.memberIds.length >= circle.capacity)
        throw conflict(CONFLICT.circleFull, 'Circle is full', 'This circle has no free places.');
      circle.memberIds.push(this.meId);
      return this.#circleView(circle);
    });
  }

  leaveCircle(id: string, options: WriteOptions = {}): Promise<Circle> {
    return this.#answer('leaveCircle', options.signal, () => {
      const circle = this.circles.find((c) => c.id === id);
      if (!circle) throw new PeerError({ kind: 'http', status: 404, problem: { title: 'Not found' } });
      circle.memberIds = circle.memberIds.filter((member) => member !== this.meId);
      return this.#circleView(circle);
    });
  }

  updateMyMentorProfile(changes: MentorSettings, options: WriteOptions = {}): Promise<MentorProfile> {
    return this.#answer('updateMyMentorProfile', options.signal, () => {
      const mentor = this.mentors.get(this.meId);
      if (!mentor) {
        throw new PeerError({
          kind: 'http',
          status: 404,
          problem: { title: 'Not a mentor', detail: 'You have no mentor profile to change.' },
        });
      }
      const mentees = this.#profile(this.meId).activeMentees;
      if (changes.capacity !== undefined && changes.capacity < mentees) {
        throw invalid([{ path: 'capacity', message: `at least ${mentees}, the mentees you have now` }]);
      }
      if (changes.accepting !== undefined) mentor.accepting = changes.accepting;
      if (changes.capacity !== undefined) mentor.capacity = changes.capacity;
      if (changes.bio !== undefined) mentor.bio = changes.bio.trim();
      return this.#profile(this.meId);
    });
  }

  getFeedbackTemplates(options: CallOptions = {}) {
    return this.#answer('getFeedbackTemplates', options.signal, () =>
      this.feedbackTemplates.map(({ questions, ...rest }): FeedbackTemplateSummary => ({
        ...rest,
        questionCount: questions.length,
      })),
    );
  }

  getFeedbackTemplate(id: string, options: CallOptions = {}) {
    return this.#answer('getFeedbackTemplate', options.signal, () => {
      const template = this.feedbackTemplates.find((t) => t.id === id);
      if (!template) {
        throw new PeerError({
          kind: 'http',
          status: 404,
          problem: { title: 'Not found', detail: `No feedback template has the id "${id}".` },
        });
      }
      return template;
    });
  }

  async sendFeedback(feedback: NewFeedback, options: WriteOptions = {}): Promise<FeedbackReceipt> {
    const key = options.idempotencyKey;
    if (this.sendLatency === Infinity) await new Promise<never>(() => undefined);
    if (this.sendLatency > 0) await sleep(this.sendLatency, options.signal);
    if (key && this.#sent.has(key)) return this.#answer('sendFeedback', options.signal, () => this.#sent.get(key)!);
    if (this.failSends) {
      await this.#answer('sendFeedback', options.signal, () => undefined);
      throw this.failSends;
    }
    return this.#answer('sendFeedback', options.signal, () => {
      if (feedback.recipientId === this.meId) {
        throw new PeerError({
          kind: 'http',
          status: 409,
          problem: { type: FeedbackProblem.self, title: 'Cannot give feedback to yourself' },
        });
      }
      const template = this.feedbackTemplates.find((t) => t.id === feedback.templateId);
      const recipient = this.people.get(feedback.recipientId);
      if (!template || !recipient) {
        throw new PeerError({ kind: 'http', status: 422, problem: { title: 'Unknown recipient or template' } });
      }
      const problems = checkAnswers(template.questions, feedback.answers);
      if (problems.length || !template.kinds.includes(feedback.kind)) {
        throw invalid([
          ...(template.kinds.includes(feedback.kind) ? [] : [{ path: 'kind', message: 'not for this template' }]),
          ...problems.map((p) => ({ path: `answers.${p.questionId}`, message: p.code })),
        ]);
      }
      const anonymous = feedback.anonymous ?? false;
      const visibility = feedback.visibility ?? 'recipient';
      const now = new Date();
      this.feedback.push({
        id: `fb-${newKey()}`,
        templateId: template.id,
        recipientId: recipient.id,
        giverId: anonymous ? null : this.meId,
        kind: feedback.kind,
        answers: normaliseAnswers(template.questions, feedback.answers),
        visibility,
        anonymous,
        receivedOn: receivedOn(now, anonymous),
      });
      const receipt: FeedbackReceipt = {
        recipient,
        templateId: template.id,
        kind: feedback.kind,
        visibility,
        anonymous,
        receivedOn: receivedOn(now, anonymous),
        readableFrom: readableFrom(receivedOn(now, anonymous), anonymous),
      };
      if (key) this.#sent.set(key, receipt);
      return receipt;
    });
  }

  getMyFeedback(search: FeedbackSearch, options: CallOptions = {}): Promise<Page<ReceivedFeedback>> {
    return this.#answer('getMyFeedback', options.signal, () => this.#feedbackPage(this.meId, false, search));
  }

  getPersonFeedback(
    personId: string,
    search: FeedbackSearch,
    options: CallOptions = {},
  ): Promise<Page<ReceivedFeedback>> {
    return this.#answer('getPersonFeedback', options.signal, () => {
      if (personId === this.meId) return this.#feedbackPage(personId, false, search);
      const person = this.people.get(personId);
      if (!person) throw new PeerError({ kind: 'http', status: 404, problem: { title: 'Not found' } });
      if (person.managerId !== this.meId)
        throw new PeerError({ kind: 'http', status: 403, problem: { title: 'Forbidden' } });
      return this.#feedbackPage(personId, true, search);
    });
  }

  /**
   * A page of a person's feedback, newest first; for their manager only what they shared. Anonymous
   * feedback shows once its week is over, as on the server.
   */
  #feedbackPage(recipientId: string, shared: boolean, search: FeedbackSearch): Page<ReceivedFeedback> {
    const now = new Date();
    const mine = this.feedback
      .filter(
        (f) =>
          f.recipientId === recipientId &&
          isReadable(f.receivedOn, f.anonymous, now) &&
          (!shared || f.visibility === 'recipient-and-manager') &&
          (!search.kind || f.kind === search.kind),
      )
      .sort((a, b) => (a.receivedOn === b.receivedOn ? (a.id < b.id ? -1 : 1) : a.receivedOn < b.receivedOn ? 1 : -1));
    const start = search.cursor ? Number(search.cursor) : 0;
    const limit = search.limit ?? 20;
    const items = mine.slice(start, start + limit).map((f): ReceivedFeedback => {
      const template = this.feedbackTemplates.find((t) => t.id === f.templateId)!;
      return {
        id: f.id,
        templateId: f.templateId,
        templateName: template.name,
        kind: f.kind,
        questions: template.questions,
        answers: f.answers,
        visibility: f.visibility,
        anonymous: f.anonymous,
        giver: f.giverId ? this.#find(f.giverId) : null,
        recipient: this.#find(f.recipientId),
        receivedOn: f.receivedOn,
        receivedPrecision: f.anonymous ? 'week' : 'day',
      };
    });
    return { items, nextCursor: start + limit < mine.length ? String(start + limit) : null };
  }

  #circleView(circle: (typeof this.circles)[number]): Circle {
    return {
      id: circle.id,
      topic: circle.topic,
      description: circle.description,
      leadId: circle.leadId,
      capacity: circle.capacity,
      memberCount: circle.memberIds.length,
      joined: circle.memberIds.includes(this.meId),
    };
  }

  #profile(id: string): MentorProfile {
    const mentor = this.mentors.get(id);
    const person = this.people.get(id);
    if (!mentor || !person) {
      throw new PeerError({
        kind: 'http',
        status: 404,
        problem: { title: 'Not found', detail: `"${id}" is not a mentor.` },
      });
    }
    return {
      id,
      person,
      bio: mentor.bio,
      expertise: [...mentor.expertise]
        .sort((a, b) => b.level - a.level)
        .map((e) => ({ skill: skillRef(e.skillId), level: e.level })),
      wantsToLearn: (this.learning.get(id) ?? []).map(skillRef),
      capacity: mentor.capacity,
      activeMentees: this.requests.filter((r) => r.mentorId === id && r.state === 'accepted').length,
      accepting: mentor.accepting,
      hidden: mentor.hidden,
      medianResponseHours: mentor.medianResponseHours,
      circles: this.circles.filter((c) => c.leadId === id).map((c) => this.#circleView(c)),
      yourRequest: this.#yourRequest(id),
    };
  }

  #yourRequest(mentorId: string): MentorProfile['yourRequest'] {
    const open = this.requests.find(
      (r) => r.menteeId === this.meId && r.mentorId === mentorId && (r.state === 'pending' || r.state === 'accepted'),
    );
    return open ? { id: open.id, state: open.state === 'accepted' ? 'accepted' : 'pending' } : null;
  }

  /** As the server: a filter that names something that does not exist is a 404, not an empty list. */
  #mustExist(filters: Record<string, [FilterKind, string | readonly string[] | undefined]>) {
    // Each thing a filter may name: its id first, then what a reader may have typed instead.
    const things: Record<FilterKind, () => string[][]> = {
      department: () => [...this.people.values()].map((p) => [p.department.id, p.department.name]),
      person: () => [...this.people.values()].map((p) => [p.id]),
      value: () => this.values.map((v) => [v.id, v.name]),
      skill: () => this.skills.map((skill) => [skill.id, skill.name]),
      category: () => this.skills.map((skill) => [skill.category]),
    };
    const missing = Object.entries(filters).flatMap(([path, [kind, value]]) => {
      const all = things[kind]().sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      return (value === undefined ? [] : typeof value === 'string' ? [value] : [...new Set(value)])
        .filter((v) => v && !all.some(([id]) => id === v))
        .map((v) => {
          const meant = all.find((names) => names.some((n) => n.toLowerCase() === v.toLowerCase()))?.[0];
          return { path, kind, value: v, meant };
        });
    });
    if (missing.length) throw new PeerError({ kind: 'http', status: 404, problem: unknownFilterProblem(missing) });
  }

  #find(id: string): Person {
    const person = this.people.get(id);
    if (!person) {
      throw new PeerError({
        kind: 'http',
        status: 404,
        problem: { title: 'Not found', detail: `No person has the id "${id}".` },
      });
    }
    return person;
  }

  getValues(options: CallOptions = {}): Promise<CompanyValue[]> {
    return this.#answer('getValues', options.signal, () => this.values);
  }

  getKudos(search: KudosSearch, options: CallOptions = {}): Promise<Page<Kudos>> {
    return this.#answer('getKudos', options.signal, () => {
      this.#mustExist({
        team: ['department', search.team],
        person: ['person', search.person],
        value: ['value', search.value],
      });
      const before = search.cursor ? Number(search.cursor) : Infinity;
      const limit = search.limit ?? 20;
      const matches: MemoryKudos[] = [];
      for (let i = this.kudos.length - 1; i >= 0 && matches.length <= limit; i--) {
        const k = this.kudos[i];
        if (k.seq < before && this.#visible(k) && this.#matches(k, search)) matches.push(k);
      }
      const items = matches.slice(0, limit);
      return {
        items: items.map((k) => this.#kudosView(k)),
        nextCursor: matches.length > limit ? String(items.at(-1)!.seq) : null,
      };
    });
  }

  giveKudos(kudos: NewKudos, options: WriteOptions = {}): Promise<Kudos> {
    return this.#answer('giveKudos', options.signal, () => {
      const message = kudos.message.trim();
      const errors = [
        ...(kudos.recipientIds.length < 1 || kudos.recipientIds.length > KUDOS_RECIPIENTS_MAX
          ? [{ path: 'recipientIds', message: 'choose at least one person' }]
          : []),
        ...(message.length < KUDOS_MESSAGE_MIN || message.length > KUDOS_MESSAGE_MAX
          ? [{ path: 'message', message: 'say a few words' }]
          : []),
        ...(kudos.valueIds.length < 1 || kudos.valueIds.length > KUDOS_VALUES_MAX
          ? [{ path: 'valueIds', message: 'choose at least one value' }]
          : []),
      ];
      if (errors.length) throw invalid(errors);
      if (kudos.recipientIds.includes(this.meId)) {
        throw new PeerError({
          kind: 'http',
          status: 409,
          problem: { type: KudosConflict.self, title: 'Cannot give kudos to yourself' },
        });
      }
      return this.#kudosView(
        this.#store({
          giverId: this.meId,
          recipientIds: [...new Set(kudos.recipientIds)],
          message,
          valueIds: [...new Set(kudos.valueIds)],
          visibility: kudos.visibility ?? 'public',
        }),
      );
    });
  }

  setReaction(kudosId: string, reaction: ReactionKey, on: boolean, options: WriteOptions = {}) {
    return this.#answer('setReaction', options.signal, (): KudosReactions => {
      const k = this.kudos.find((item) => item.id === kudosId);
      if (!k || !this.#visible(k)) throw new PeerError({ kind: 'http', status: 404, problem: { title: 'Not found' } });
      const people = k.reactions.get(reaction)!;
      const changed = on ? !people.has(this.meId) : people.has(this.meId);
      if (on) people.add(this.meId);
      else people.delete(this.meId);
      const reactions = this.#reactionView(k);
      if (changed) this.#broadcast(() => ({ type: 'reactions', kudosId, reactions: this.#reactionView(k) }));
      return { kudosId, reactions };
    });
  }

  deleteKudos(kudosId: string, options: WriteOptions = {}) {
    return this.#answer('deleteKudos', options.signal, () => {
      const index = this.kudos.findIndex((item) => item.id === kudosId && this.#visible(item));
      if (index < 0) return; // gone already
      const k = this.kudos[index];
      if (k.giverId !== this.meId) {
        throw new PeerError({
          kind: 'http',
          status: 403,
          problem: { title: 'Forbidden', detail: 'Only the person who gave kudos can delete them.' },
        });
      }
      this.kudos.splice(index, 1);
      this.#removedSeq = Math.max(this.#removedSeq, k.seq);
      this.#broadcast(() => ({ type: 'removed', kudosId }));
    });
  }

  editKudos(kudosId: string, changes: KudosChanges, options: WriteOptions = {}): Promise<Kudos> {
    return this.#answer('editKudos', options.signal, () => {
      const k = this.kudos.find((item) => item.id === kudosId && this.#visible(item));
      if (!k) throw new PeerError({ kind: 'http', status: 404, problem: { title: 'Not found' } });
      if (k.giverId !== this.meId) {
        throw new PeerError({
          kind: 'http',
          status: 403,
          problem: { title: 'Forbidden', detail: 'Only the person who gave kudos can change them.' },
        });
      }
      const message = changes.message?.trim();
      const valueIds = changes.valueIds && [...new Set(changes.valueIds)];
      const errors = [
        ...(message !== undefined && (message.length < KUDOS_MESSAGE_MIN || message.length > KUDOS_MESSAGE_MAX)
          ? [{ path: 'message', message: 'say a few words' }]
          : []),
        ...(valueIds && (valueIds.length < 1 || valueIds.length > KUDOS_VALUES_MAX)
          ? [{ path: 'valueIds', message: 'choose at least one value' }]
          : []),
      ];
      if (errors.length) throw invalid(errors);
      if (message !== undefined) k.message = message;
      if (valueIds) k.valueIds = valueIds;
      k.editedAt = new Date().toISOString();
      this.#broadcast(() => ({ type: 'edited', kudos: this.#kudosView(k) }));
      return this.#kudosView(k);
    });
  }

  /** The highest `seq` of a deleted kudos: never given out again. */
  #removedSeq = 0;

  watchKudos(filter: KudosFilter, listener: (event: KudosEvent) => void, options: { signal: AbortSignal }) {
    if (options.signal.aborted) return;
    const watcher = { filter, listener };
    this.#watchers.add(watcher);
    options.signal.addEventListener('abort', () => this.#watchers.delete(watcher), { once: true });
    queueMicrotask(() => listener({ type: 'connection', state: this.fail ? 'failed' : 'open' }));
  }

  /** The newest `limit` kudos the signed-in person can see, at once (for stories that set `kudos` directly). */
  latestKudos(limit = 20): Kudos[] {
    return this.kudos
      .filter((k) => this.#visible(k))
      .slice(-limit)
      .reverse()
      .map((k) => this.#kudosView(k));
  }

  /** A colleague gives kudos right now (for live-arrival stories and demos). */
  arrive(partial: Partial<Pick<MemoryKudos, 'giverId' | 'recipientIds' | 'message' | 'valueIds'>> = {}): Kudos {
    const others = [...this.people.keys()].filter((id) => id !== this.meId);
    const pick = () => others[Math.floor(Math.random() * others.length)];
    const giverId = partial.giverId ?? pick();
    const created = this.#store({
      giverId,
      recipientIds: partial.recipientIds ?? [others.find((id) => id !== giverId) ?? this.meId],
      message: partial.message ?? 'Thank you for jumping in today. It made all the difference.',
      valueIds: partial.valueIds ?? [this.values[Math.floor(Math.random() * this.values.length)].id],
      visibility: 'public',
    });
    return this.#kudosView(created);
  }

  #store(fields: Omit<MemoryKudos, 'seq' | 'id' | 'createdAt' | 'reactions'>): MemoryKudos {
    const seq = Math.max(this.kudos.at(-1)?.seq ?? 0, this.#removedSeq) + 1;
    const stored: MemoryKudos = {
      ...fields,
      seq,
      id: `k-memory-${seq}`,
      createdAt: new Date().toISOString(),
      reactions: new Map(REACTION_KEYS.map((key) => [key, new Set<string>()])),
    };
    this.kudos.push(stored);
    this.#broadcast((filter) =>
      this.#matches(stored, filter) ? { type: 'kudos', kudos: this.#kudosView(stored) } : undefined,
    );
    return stored;
  }

  #broadcast(make: (filter: KudosFilter) => KudosEvent | undefined) {
    for (const { filter, listener } of this.#watchers) {
      const event = make(filter);
      if (event) setTimeout(() => listener(structuredClone(event)), this.latency === Infinity ? 0 : this.latency);
    }
  }

  #visible(k: MemoryKudos) {
    return k.visibility === 'public' || k.giverId === this.meId || k.recipientIds.includes(this.meId);
  }

  #matches(k: MemoryKudos, filter: KudosFilter) {
    if (filter.value && !k.valueIds.includes(filter.value)) return false;
    if (filter.person && k.giverId !== filter.person && !k.recipientIds.includes(filter.person)) return false;
    if (filter.team) {
      const inTeam = (id: string) => this.people.get(id)?.department.id === filter.team;
      if (!inTeam(k.giverId) && !k.recipientIds.some(inTeam)) return false;
    }
    return true;
  }

  #reactionView(k: MemoryKudos) {
    return REACTION_KEYS.map((reaction) => {
      const people = k.reactions.get(reaction)!;
      return { reaction, count: people.size, mine: people.has(this.meId) };
    });
  }

  #kudosView(k: MemoryKudos): Kudos {
    const person = (id: string) => this.people.get(id);
    const known = (ids: string[]) => ids.map(person).filter((p): p is Person => p !== undefined);
    const mentions = [...new Set([...k.message.matchAll(MENTION_PATTERN)].map((m) => m[1]))];
    return {
      id: k.id,
      giver: person(k.giverId) ?? this.#find(this.meId),
      recipients: known(k.recipientIds),
      message: k.message,
      mentions: known(mentions),
      values: this.values.filter((v) => k.valueIds.includes(v.id)),
      visibility: k.visibility,
      createdAt: k.createdAt,
      editedAt: k.editedAt ?? null,
      reactions: this.#reactionView(k),
    };
  }

  getSkills(options: CallOptions = {}): Promise<Skill[]> {
    return this.#answer('getSkills', options.signal, () =>
      [...this.skills].sort((a, b) => a.category.localeCompare(b.category) || a.name.localeCompare(b.name)),
    );
  }

  getSkillMatrix(search: SkillMatrixSearch, options: CallOptions = {}): Promise<SkillMatrix> {
    return this.#answer('getSkillMatrix', options.signal, () => {
      this.#mustExist({
        department: ['department', search.department],
        category: ['category', search.category],
        skills: ['skill', search.skills],
      });
      const people = [...this.people.values()]
        .filter((p) => !search.department || p.department.id === search.department)
        .sort(
          (a, b) =>
            a.department.name.localeCompare(b.department.name) ||
            a.name.localeCompare(b.name) ||
            a.id.localeCompare(b.id),
        )
        .map(matrixPerson);
      const chosen = this.skills
        .filter((s) => !search.category || s.category === search.category)
        .filter((s) => !search.skills?.length || search.skills.includes(s.id))
        .sort((a, b) => a.category.localeCompare(b.category) || a.name.localeCompare(b.name));
      const cells: SkillMatrix['cells'] = [];
      people.forEach((person, p) =>
        chosen.forEach((skill, s) => {
          const rating = this.ratings.get(`${person.id}|${skill.id}`);
          if (rating) cells.push([p, s, rating.level, rating.source, rating.assessedAt]);
        }),
      );
      const departments = new Set(people.map((p) => p.department.id));
      const skillIds = new Set(chosen.map((s) => s.id));
      return {
        people,
        skills: chosen,
        cells,
        targets: this.targets.filter((t) => departments.has(t.departmentId) && skillIds.has(t.skillId)),
        levels: [...levelSteps],
      };
    });
  }

  getSkillExperts(skillId: string, limit: number, options: CallOptions = {}): Promise<Expert[]> {
    return this.#answer('getSkillExperts', options.signal, () => {
      if (!this.skills.some((s) => s.id === skillId)) {
        throw new PeerError({ kind: 'http', status: 404, problem: { title: 'Not found' } });
      }
      return [...this.people.values()]
        .map((person) => ({ person, rating: this.ratings.get(`${person.id}|${skillId}`) }))
        .filter((e) => e.rating && e.rating.level >= 1)
        .sort((a, b) => b.rating!.level - a.rating!.level || a.person.id.localeCompare(b.person.id))
        .slice(0, limit)
        .map((e) => ({
          person: matrixPerson(e.person),
          level: e.rating!.level,
          source: e.rating!.source,
          mentor: this.mentors.get(e.person.id)?.hidden === false,
        }));
    });
  }

  getSkillGaps(department: string, options: CallOptions = {}): Promise<SkillGap[]> {
    return this.#answer('getSkillGaps', options.signal, () => {
      this.#mustExist({ department: ['department', department] });
      const team = [...this.people.values()].filter((p) => p.department.id === department);
      return this.targets
        .filter((t) => t.departmentId === department)
        .map((t) => {
          const atTarget = team.filter(
            (p) => (this.ratings.get(`${p.id}|${t.skillId}`)?.level ?? -1) >= t.level,
          ).length;
          return {
            skill: this.skills.find((s) => s.id === t.skillId)!,
            target: t.level,
            atTarget,
            below: team.length - atTarget,
            busFactor: atTarget < BUS_FACTOR_MIN,
          };
        })
        .sort((a, b) => Number(b.busFactor) - Number(a.busFactor) || b.below - a.below);
    });
  }

  rateMySkill(skillId: string, level: SkillLevel, options: WriteOptions = {}): Promise<Rating> {
    return this.#answer('rateMySkill', options.signal, () => {
      if (!Number.isInteger(level) || level < 0 || level > 5) {
        throw invalid([{ path: 'level', message: 'a level from 0 to 5' }]);
      }
      if (!this.skills.some((s) => s.id === skillId)) {
        throw new PeerError({ kind: 'http', status: 404, problem: { title: 'Not found' } });
      }
      const assessedAt = new Date().toISOString();
      this.ratings.set(`${this.meId}|${skillId}`, { level, source: 'self', assessedAt });
      return { personId: this.meId, skillId, level, source: 'self' as const, assessedAt };
    });
  }
}

function matrixPerson(person: Person): MatrixPerson {
  const { id, name, title, department, photoUrl } = person;
  return { id, name, title, department, photoUrl };
}
