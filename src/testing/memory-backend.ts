import type { Page } from '../contract/common.js';
import type { Department, Me, Person } from '../contract/people.js';
import type { CallOptions, PeerBackend, PeopleSearch, RequestAction, WriteOptions } from '../core/backend.js';
import type {
  Circle,
  MentorMatch,
  MentorProfile,
  MentorshipRequest,
  NewMentorshipRequest,
} from '../contract/mentors.js';
import { matchReasons, scoreMatch } from '../contract/matching.js';
import { MentorshipConflict } from '../contract/problems.js';
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
}

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

  constructor(options: MemoryBackendOptions = {}) {
    const list = options.people ?? seededPeople();
    this.people = new Map(list.map((person) => [person.id, person]));
    this.meId = options.meId ?? list[0]?.id ?? '';
    this.latency = options.latency ?? 0;
    this.fail = options.fail;
  }

  private async answer<T>(method: string, signal: AbortSignal | undefined, produce: () => T): Promise<T> {
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
    return this.answer('getMe', options.signal, () => ({ ...this.find(this.meId), languages: ['en'] }));
  }

  getPerson(id: string, options: CallOptions = {}): Promise<Person> {
    return this.answer('getPerson', options.signal, () => this.find(id));
  }

  getPeople(ids: readonly string[], options: CallOptions = {}): Promise<Map<string, Person>> {
    return this.answer('getPeople', options.signal, () => {
      const found = new Map<string, Person>();
      for (const id of ids) {
        const person = this.people.get(id);
        if (person) found.set(id, person);
      }
      return found;
    });
  }

  searchPeople(search: PeopleSearch, options: CallOptions = {}): Promise<Page<Person>> {
    return this.answer('searchPeople', options.signal, () => {
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
    return this.answer('getMentor', options.signal, () => this.profile(id));
  }

  getMentorMatches(limit: number, options: CallOptions = {}): Promise<MentorMatch[]> {
    return this.answer('getMentorMatches', options.signal, () => {
      const me = this.find(this.meId);
      const subject = {
        departmentId: me.department.id,
        timeZone: me.timeZone,
        wantsToLearn: this.learning.get(me.id) ?? [],
      };
      return [...this.mentors.keys()]
        .filter((id) => id !== me.id && this.people.has(id))
        .map((id) => this.profile(id))
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
    return this.answer('requestMentorship', options.signal, () => {
      if (request.mentorId === this.meId)
        throw conflict(CONFLICT.self, 'Cannot mentor yourself', 'You cannot request mentorship from yourself.');
      const mentor = this.profile(request.mentorId);
      if (!mentor.accepting)
        throw conflict(
          CONFLICT.notAccepting,
          'Not accepting mentees',
          'This mentor is not taking new mentees right now.',
        );
      if (mentor.activeMentees >= mentor.capacity)
        throw conflict(CONFLICT.full, 'Mentor is full', 'This mentor has no free places at the moment.');
      const open = this.requests.some(
        (r) =>
          r.menteeId === this.meId &&
          r.mentorId === request.mentorId &&
          (r.state === 'pending' || r.state === 'accepted'),
      );
      if (open)
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
    return this.answer('getMyMentorshipRequests', options.signal, () =>
      this.requests.filter((r) => (role === 'mentor' ? r.mentorId : r.menteeId) === this.meId).reverse(),
    );
  }

  respondToMentorshipRequest(
    id: string,
    action: RequestAction,
    options: WriteOptions = {},
  ): Promise<MentorshipRequest> {
    return this.answer('respondToMentorshipRequest', options.signal, () => {
      const request = this.requests.find((r) => r.id === id);
      if (!request) throw new PeerError({ kind: 'http', status: 404, problem: { title: 'Not found' } });
      if (request.state !== 'pending')
        throw conflict(CONFLICT.notPending, 'Request not pending', `This request is already ${request.state}.`);
      if (action === 'accept') {
        const mentor = this.profile(request.mentorId);
        if (mentor.activeMentees >= mentor.capacity) {
          throw conflict(
            CONFLICT.full,
            'Mentor is full',
            'You have no free places; finish a mentorship or raise your capacity first.',
          );
        }
      }
      request.state = ({ accept: 'accepted', decline: 'declined', withdraw: 'withdrawn' } as const)[action];
      request.respondedAt = new Date().toISOString();
      return request;
    });
  }

  joinCircle(id: string, options: WriteOptions = {}): Promise<Circle> {
    return this.answer('joinCircle', options.signal, () => {
      const circle = this.circles.find((c) => c.id === id);
      if (!circle) throw new PeerError({ kind: 'http', status: 404, problem: { title: 'Not found' } });
      if (circle.memberIds.includes(this.meId))
        throw conflict(CONFLICT.alreadyMember, 'Already a member', 'You are already in this circle.');
      if (circle.memberIds.length >= circle.capacity)
        throw conflict(CONFLICT.circleFull, 'Circle is full', 'This circle has no free places.');
      circle.memberIds.push(this.meId);
      return this.circleView(circle);
    });
  }

  private circleView(circle: (typeof this.circles)[number]): Circle {
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

  private profile(id: string): MentorProfile {
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
      circles: this.circles.filter((c) => c.leadId === id).map((c) => this.circleView(c)),
    };
  }

  private find(id: string): Person {
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
}
