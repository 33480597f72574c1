import type { Page } from '../contract/common.js';
import type { Department, Me, Person } from '../contract/people.js';
import type { CallOptions, PeerBackend, PeopleSearch } from '../core/backend.js';
import { PeerError } from '../core/errors.js';
import { sleep } from '../core/rest/abort.js';
import { avatarDataUrl } from './avatar.js';
import { departments, people as seedPeople } from './organisation.js';

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
