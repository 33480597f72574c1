import { z } from 'zod';
import { Id, PageQuery, pageOf } from './common.js';

export const Department = z
  .object({
    id: Id,
    name: z.string(),
  })
  .meta({ id: 'Department' });

export const Person = z
  .object({
    id: Id,
    name: z.string(),
    email: z.string(),
    title: z.string(),
    department: Department,
    location: z.string(),
    /** IANA time zone, for example `Europe/Berlin`. */
    timeZone: z.string(),
    /** An absolute URL of the photo, or null when the person has none. */
    photoUrl: z.string().nullable(),
    managerId: Id.nullable(),
  })
  .meta({ id: 'Person' });

/** The signed-in person. */
export const Me = Person.extend({
  /** Languages the person reads, most preferred first (BCP 47). */
  languages: z.array(z.string()),
}).meta({ id: 'Me' });

export const PeoplePage = pageOf(Person).meta({ id: 'PeoplePage' });

/** `GET /people?ids=`: the people found, and the ids that were not. */
export const PeopleBatch = z
  .object({
    items: z.array(Person),
    nextCursor: z.null(),
    missing: z.array(Id),
  })
  .meta({ id: 'PeopleBatch' });

export const MAX_BATCH_IDS = 50;

export const PeopleQuery = PageQuery.extend({
  q: z.string().trim().min(1).max(100).optional(),
  ids: z
    .string()
    .transform((value) => value.split(',').filter((id) => id.length > 0))
    .pipe(z.array(Id).min(1).max(MAX_BATCH_IDS, `at most ${MAX_BATCH_IDS} ids a request`))
    .optional(),
  department: Id.optional(),
});

export type Department = z.infer<typeof Department>;
export type Person = z.infer<typeof Person>;
export type Me = z.infer<typeof Me>;
export type PeopleBatch = z.infer<typeof PeopleBatch>;
