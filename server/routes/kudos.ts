import { Hono } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder, Selectable, SelectQueryBuilder } from 'kysely';
import type { Context } from 'hono';
import { Id } from '../../src/contract/common.js';
import {
  KudosFilter,
  KudosChanges,
  KudosQuery,
  NewKudos,
  Reaction,
  type CompanyValue,
  type Kudos,
  type KudosReactions,
  type KudosRemoved,
  type ReactionCount,
} from '../../src/contract/kudos.js';
import { KudosConflict } from '../../src/contract/problems.js';
import { MENTION_PATTERN, REACTION_KEYS } from '../../src/contract/rules.js';
import type { AppEnv } from '../auth.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { EventBus } from '../event-bus.js';
import { ProblemError, validate } from '../problem.js';
import { mustExist } from './filters.js';
import { selectPeople, toPerson } from './people.js';
import { jsonBody } from '../body.js';

/** Events a stream replays after a reconnect; with more missed, it tells the client to reload. */
const MAX_REPLAY = 500;
const HEARTBEAT_MS = 15_000;
/** Live streams one person may hold open at once (a tab in the background closes its own). */
export const MAX_STREAMS_PER_PERSON = 10;

type KudosSelect = SelectQueryBuilder<Database, 'kudos', object>;
type KudosEb = ExpressionBuilder<Database, 'kudos'>;
type KudosRow = Selectable<Database['kudos']>;

function invalidCursor(): never {
  throw new ProblemError(400, 'Invalid request', 'The cursor is not one this API gave out.', {
    errors: [{ path: 'cursor', message: 'unknown cursor' }],
  });
}

const encodeCursor = (seq: number) => Buffer.from(`kudos:${seq}`).toString('base64url');
function decodeCursor(cursor: string): number {
  const match = /^kudos:(\d{1,12})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) invalidCursor();
  return Number(match[1]);
}

/** Kudos the person gave or received. */
function involving(eb: KudosEb, personId: string) {
  return eb.or([
    eb('kudos.giver_id', '=', personId),
    eb.exists(
      eb
        .selectFrom('kudos_recipients')
        .select('kudos_recipients.person_id')
        .whereRef('kudos_recipients.kudos_seq', '=', 'kudos.seq')
        .where('kudos_recipients.person_id', '=', personId),
    ),
  ]);
}

/** Public kudos, and private ones the person gave or received. */
function visibleTo(meId: string) {
  return (eb: KudosEb) => eb.or([eb('kudos.visibility', '=', 'public'), involving(eb, meId)]);
}

function applyFilter(query: KudosSelect, filter: KudosFilter): KudosSelect {
  let select = query;
  if (filter.person) {
    const person = filter.person;
    select = select.where((eb) => involving(eb, person));
  }
  if (filter.team) {
    const team = filter.team;
    select = select.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('people')
            .select('people.id')
            .whereRef('people.id', '=', 'kudos.giver_id')
            .where('people.department_id', '=', team),
        ),
        eb.exists(
          eb
            .selectFrom('kudos_recipients')
            .innerJoin('people', 'people.id', 'kudos_recipients.person_id')
            .select('people.id')
            .whereRef('kudos_recipients.kudos_seq', '=', 'kudos.seq')
            .where('people.department_id', '=', team),
        ),
      ]),
    );
  }
  if (filter.value) {
    const value = filter.value;
    select = select.where((eb) =>
      eb.exists(
        eb
          .selectFrom('kudos_values')
          .select('kudos_values.value_id')
          .whereRef('kudos_values.kudos_seq', '=', 'kudos.seq')
          .where('kudos_values.value_id', '=', value),
      ),
    );
  }
  return select;
}

async function listValues(db: Db): Promise<CompanyValue[]> {
  const rows = await db.selectFrom('company_values').selectAll().orderBy('position').execute();
  return rows.map(({ id, name, description, emoji }) => ({ id, name, description, emoji }));
}

async function reactionsOf(db: Db, seqs: number[], meId: string): Promise<Map<number, ReactionCount[]>> {
  const [counts, mine] = await Promise.all([
    db
      .selectFrom('kudos_reactions')
      .select(['kudos_seq', 'reaction', (eb) => eb.fn.countAll<number>().as('count')])
      .where('kudos_seq', 'in', seqs)
      .groupBy(['kudos_seq', 'reaction'])
      .execute(),
    db
      .selectFrom('kudos_reactions')
      .select(['kudos_seq', 'reaction'])
      .where('kudos_seq', 'in', seqs)
      .where('person_id', '=', meId)
      .execute(),
  ]);
  const result = new Map<number, ReactionCount[]>();
  for (const seq of seqs) {
    result.set(
      seq,
      REACTION_KEYS.map((reaction) => ({
        reaction,
        count: Number(counts.find((c) => c.kudos_seq === seq && c.reaction === reaction)?.count ?? 0),
        mine: mine.some((m) => m.kudos_seq === seq && m.reaction === reaction),
      })),
    );
  }
  return result;
}

/** Whole kudos for the given rows, in their order. */
async function loadKudos(db: Db, rows: KudosRow[], meId: string, apiBase: string): Promise<Kudos[]> {
  if (rows.length === 0) return [];
  const seqs = rows.map((r) => r.seq);
  const [recipients, mentions, values, reactions, allValues] = await Promise.all([
    // In id order on every database (without an order, PostgreSQL answers in the order rows were stored).
    db.selectFrom('kudos_recipients').selectAll().where('kudos_seq', 'in', seqs).orderBy('person_id').execute(),
    db.selectFrom('kudos_mentions').selectAll().where('kudos_seq', 'in', seqs).orderBy('person_id').execute(),
    db.selectFrom('kudos_values').selectAll().where('kudos_seq', 'in', seqs).execute(),
    reactionsOf(db, seqs, meId),
    listValues(db),
  ]);
  const personIds = new Set<string>(rows.map((r) => r.giver_id));
  for (const r of recipients) personIds.add(r.person_id);
  for (const m of mentions) personIds.add(m.person_id);
  const people = await selectPeople(db)
    .where('people.id', 'in', [...personIds])
    .execute();
  const personById = new Map(people.map((p) => [p.id, toPerson(p, apiBase)]));
  const valueById = new Map(allValues.map((v) => [v.id, v]));
  return rows.map((row) => {
    const seq = row.seq;
    return {
      id: row.id,
      giver: personById.get(row.giver_id)!,
      recipients: recipients.filter((r) => r.kudos_seq === seq).map((r) => personById.get(r.person_id)!),
      message: row.message,
      mentions: mentions.filter((m) => m.kudos_seq === seq).map((m) => personById.get(m.person_id)!),
      values: values
        .filter((v) => v.kudos_seq === seq)
        .map((v) => valueById.get(v.value_id)!)
        .sort((a, b) => allValues.indexOf(a) - allValues.indexOf(b)),
      visibility: row.visibility as Kudos['visibility'],
      createdAt: row.created_at,
      editedAt: row.edited_at ?? null,
      reactions: reactions.get(seq)!,
    };
  });
}

async function findVisible(db: Db, id: string, meId: string) {
  const row = await db.selectFrom('kudos').selectAll().where('id', '=', id).where(visibleTo(meId)).executeTakeFirst();
  if (!row) throw new ProblemError(404, 'Not found', `No kudos has the id "${id}".`);
  return row;
}

/** Deletes a kudos and everything that hangs on it, its stored first answer too, and tells the live streams. */
export async function removeKudos(db: Db, row: Pick<KudosRow, 'seq' | 'id'>) {
  await db.transaction().execute(async (trx) => {
    for (const table of ['kudos_recipients', 'kudos_mentions', 'kudos_values', 'kudos_reactions'] as const) {
      await trx.deleteFrom(table).where('kudos_seq', '=', row.seq).execute();
    }
    await trx.deleteFrom('kudos').where('seq', '=', row.seq).execute();
    // Nor is it kept as the answer to its first send, for a retry of it (its Location names it).
    await trx.deleteFrom('idempotency_records').where('location', 'like', `%/kudos/${row.id}`).execute();
    await trx
      .insertInto('kudos_events')
      .values({ kind: 'removed', kudos_seq: row.seq, kudos_id: row.id, created_at: new Date().toISOString() })
      .execute();
  });
}

/**
 * The mentions in a message and the values, once every person (recipient or mentioned) is known
 * and present and every value is a company value; else a 422 problem that names each one that is not.
 */
async function checkNames(db: Db, recipientIds: string[], message: string | undefined, wantedValues: string[] = []) {
  const mentionIds = message === undefined ? [] : [...new Set([...message.matchAll(MENTION_PATTERN)].map((m) => m[1]))];
  const valueIds = [...new Set(wantedValues)];
  const wanted = [...new Set([...recipientIds, ...mentionIds])];
  const [known, values] = await Promise.all([
    wanted.length ? db.selectFrom('people').select(['id', 'left_on']).where('id', 'in', wanted).execute() : [],
    valueIds.length ? db.selectFrom('company_values').select('id').where('id', 'in', valueIds).execute() : [],
  ]);
  const knownIds = new Set(known.filter((p) => !p.left_on).map((p) => p.id));
  const leftIds = new Set(known.filter((p) => p.left_on).map((p) => p.id));
  const errors = [
    ...recipientIds
      .filter((id) => !knownIds.has(id))
      .map((id) => ({
        path: 'recipientIds',
        message: leftIds.has(id) ? `"${id}" has left the organisation` : `no person has the id "${id}"`,
      })),
    ...mentionIds
      .filter((id) => !knownIds.has(id))
      .map((id) => ({
        path: 'message',
        message: leftIds.has(id) ? `mentions "${id}", who has left` : `mentions "${id}", who does not exist`,
      })),
    ...valueIds
      .filter((id) => !values.some((v) => v.id === id))
      .map((id) => ({ path: 'valueIds', message: `"${id}" is not a company value` })),
  ];
  if (errors.length) {
    throw new ProblemError(422, 'Unknown people or values', 'Some of the people or values do not exist.', { errors });
  }
  return { mentionIds, valueIds };
}

export function kudosRoutes(db: Db, bus: EventBus, apiBase: (url: string) => string) {
  const routes = new Hono<AppEnv>();
  /** Open live streams per person. */
  const streams = new Map<string, number>();

  routes.get('/values', async (c) => c.json({ items: await listValues(db), nextCursor: null }));

  routes.get('/kudos', async (c) => {
    const query = validate(KudosQuery, c.req.query(), 'query');
    await mustExist(db, {
      team: ['department', query.team],
      person: ['person', query.person],
      value: ['value', query.value],
    });
    const meId = c.get('personId');
    let select = applyFilter(db.selectFrom('kudos').selectAll(), query).where(visibleTo(meId)) as KudosSelect;
    if (query.cursor) select = select.where('kudos.seq', '<', decodeCursor(query.cursor));
    const rows = (await select
      .orderBy('kudos.seq', 'desc')
      .limit(query.limit + 1)
      .execute()) as KudosRow[];
    const page = rows.slice(0, query.limit);
    const items = await loadKudos(db, page, meId, apiBase(c.req.url));
    const last = page.at(-1);
    return c.json({
      items,
      nextCursor: rows.length > query.limit && last ? encodeCursor(last.seq) : null,
    });
  });

  routes.get('/kudos/stream', async (c) => {
    if (bus.stopped) {
      // A stream started now would hold the stopping process open; the client comes back in a moment.
      throw new ProblemError(
        503,
        'Server stopping',
        'This server is stopping. Connect again in a moment.',
        {},
        { 'Retry-After': '1' },
      );
    }
    const filter = validate(KudosFilter, c.req.query(), 'query');
    await mustExist(db, {
      team: ['department', filter.team],
      person: ['person', filter.person],
      value: ['value', filter.value],
    });
    const meId = c.get('personId');
    const base = apiBase(c.req.url);
    const resumeFrom = c.req.header('Last-Event-ID') ?? c.req.query('lastEventId');
    if (resumeFrom !== undefined && !/^\d{1,12}$/.test(resumeFrom)) {
      throw new ProblemError(400, 'Invalid request', 'Last-Event-ID is not an event id this API gave out.');
    }
    const open = streams.get(meId) ?? 0;
    if (open >= MAX_STREAMS_PER_PERSON) {
      throw new ProblemError(
        429,
        'Too many live streams',
        `At most ${MAX_STREAMS_PER_PERSON} live streams per person are open at once; close one first.`,
        {},
        { 'Retry-After': '30' },
      );
    }
    streams.set(meId, open + 1);
    const closed = () => {
      const left = (streams.get(meId) ?? 1) - 1;
      if (left > 0) streams.set(meId, left);
      else streams.delete(meId);
    };
    const response = streamSSE(c, async (stream) => {
      try {
        await followKudos(stream);
      } finally {
        closed();
      }
    });
    // Through a proxy too, each event leaves at once: nginx holds answers back unless told not to,
    // and no proxy may compress (buffer) or keep them.
    // (Set on the context, after streamSSE's own, which would win over the response's.)
    c.header('X-Accel-Buffering', 'no');
    c.header('Cache-Control', 'no-cache, no-transform');
    return response;
    async function followKudos(stream: SSEStreamingApi) {
      let lastSent: number;
      if (resumeFrom !== undefined) {
        lastSent = Number(resumeFrom);
      } else {
        const newest = await db
          .selectFrom('kudos_events')
          .select((eb) => eb.fn.max('id').as('id'))
          .executeTakeFirst();
        lastSent = Number(newest?.id ?? 0);
      }
      let queue = Promise.resolve();
      const sendNew = async () => {
        const events = await db
          .selectFrom('kudos_events')
          .selectAll()
          .where('id', '>', lastSent)
          .orderBy('id')
          .limit(MAX_REPLAY + 1)
          .execute();
        if (events.length > MAX_REPLAY) {
          // Too much was missed to replay: the client reloads its first page instead.
          lastSent = Number(events.at(-1)!.id);
          await stream.writeSSE({ event: 'reset', data: '{}', id: String(lastSent) });
          return;
        }
        // Where the client stands: the id of the last event it was sent.
        let told = lastSent;
        for (const event of events) {
          if (stream.aborted || stream.closed) return;
          const id = String(event.id);
          if (event.kind === 'removed') {
            // Nothing is left to filter by: a feed that does not show this id has nothing to drop.
            lastSent = told = Number(event.id);
            const body: KudosRemoved = { kudosId: event.kudos_id! };
            await stream.writeSSE({ event: 'removed', id, data: JSON.stringify(body) });
            continue;
          }
          // A new kudos goes to the streams whose filter it fits; a change, to every stream that may see
          // the kudos (a feed of one value drops kudos changed to another; the others update theirs).
          const found = (await applyFilter(db.selectFrom('kudos').selectAll(), event.kind === 'kudos' ? filter : {})
            .where('kudos.seq', '=', event.kudos_seq)
            .where(visibleTo(meId))
            .execute()) as KudosRow[];
          lastSent = Number(event.id);
          if (found.length === 0) continue;
          told = lastSent;
          if (event.kind === 'kudos' || event.kind === 'edited') {
            const [kudos] = await loadKudos(db, found, meId, base);
            await stream.writeSSE({ event: event.kind, id, data: JSON.stringify(kudos) });
          } else {
            const reactions = (await reactionsOf(db, [event.kudos_seq], meId)).get(event.kudos_seq)!;
            const body: KudosReactions = { kudosId: found[0].id, reactions };
            await stream.writeSSE({ event: 'reactions', id, data: JSON.stringify(body) });
          }
        }
        // Passed over what it does not see: an id alone (no event) moves the client past it, so that a
        // reconnect resumes here instead of going through it all again (or, past MAX_REPLAY, reloading).
        if (told !== lastSent && !stream.aborted && !stream.closed) await stream.write(`id: ${lastSent}\n\n`);
      };
      const wake = () => {
        queue = queue.then(sendNew).catch(() => stream.abort());
      };
      // A client that left during the queries above would never be told to end: nothing to follow.
      if (stream.aborted || stream.closed) return;
      await new Promise<void>((resolve) => {
        const heartbeat = setInterval(
          () => void stream.write(': keep-alive\n\n').catch(() => stream.abort()),
          HEARTBEAT_MS,
        );
        const end = () => {
          clearInterval(heartbeat);
          unsubscribe();
          resolve();
        };
        // Returning from this callback closes the stream: on a client abort, or when the bus closes all.
        const unsubscribe = bus.subscribe(wake, end);
        stream.onAbort(end);
        // Clients reconnect 2 s after a drop, and resume from this position even if nothing came before it.
        void stream
          .writeSSE({ event: 'ready', data: '{}', id: String(lastSent), retry: 2000 })
          .then(wake)
          .catch(() => stream.abort());
      });
    }
  });

  routes.get('/kudos/:id', async (c) => {
    const id = validate(Id, c.req.param('id'), 'kudos id');
    const meId = c.get('personId');
    const row = await findVisible(db, id, meId);
    const [kudos] = await loadKudos(db, [row], meId, apiBase(c.req.url));
    return c.json(kudos);
  });

  routes.post('/kudos', async (c) => {
    const body = validate(NewKudos, await jsonBody(c), 'request body');
    const meId = c.get('personId');
    const recipientIds = [...new Set(body.recipientIds)];
    if (recipientIds.includes(meId)) {
      throw new ProblemError(409, 'Cannot give kudos to yourself', 'Recognise a colleague instead of yourself.', {
        type: KudosConflict.self,
      });
    }
    const { mentionIds, valueIds } = await checkNames(db, recipientIds, body.message, body.valueIds);
    const createdAt = new Date().toISOString();
    const row = await db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('kudos')
        .values({
          id: `k-${randomUUID()}`,
          giver_id: meId,
          message: body.message,
          visibility: body.visibility,
          created_at: createdAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const seq = inserted.seq;
      await trx
        .insertInto('kudos_recipients')
        .values(recipientIds.map((person_id) => ({ kudos_seq: seq, person_id })))
        .execute();
      await trx
        .insertInto('kudos_values')
        .values(valueIds.map((value_id) => ({ kudos_seq: seq, value_id })))
        .execute();
      if (mentionIds.length) {
        await trx
          .insertInto('kudos_mentions')
          .values(mentionIds.map((person_id) => ({ kudos_seq: seq, person_id })))
          .execute();
      }
      await trx.insertInto('kudos_events').values({ kind: 'kudos', kudos_seq: seq, created_at: createdAt }).execute();
      return inserted;
    });
    bus.notify();
    const [kudos] = await loadKudos(db, [row], meId, apiBase(c.req.url));
    return c.json(kudos, 201, { Location: `${apiBase(c.req.url)}/kudos/${row.id}` });
  });

  const react = (on: boolean) => async (c: Context<AppEnv>) => {
    const id = validate(Id, c.req.param('id'), 'kudos id');
    const reaction = validate(Reaction, c.req.param('reaction'), 'reaction');
    const meId = c.get('personId');
    const row = await findVisible(db, id, meId);
    const seq = row.seq;
    const changed = await db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      const result = on
        ? await trx
            .insertInto('kudos_reactions')
            .values({ kudos_seq: seq, person_id: meId, reaction, created_at: now })
            .onConflict((oc) => oc.doNothing())
            .executeTakeFirst()
            .then((r) => Number(r.numInsertedOrUpdatedRows ?? 0))
        : await trx
            .deleteFrom('kudos_reactions')
            .where('kudos_seq', '=', seq)
            .where('person_id', '=', meId)
            .where('reaction', '=', reaction)
            .executeTakeFirst()
            .then((r) => Number(r.numDeletedRows));
      if (result > 0) {
        await trx.insertInto('kudos_events').values({ kind: 'reactions', kudos_seq: seq, created_at: now }).execute();
      }
      return result > 0;
    });
    if (changed) bus.notify();
    const reactions = (await reactionsOf(db, [seq], meId)).get(seq)!;
    return c.json({ kudosId: id, reactions } satisfies KudosReactions);
  };
  // The giver changes the message or the values of kudos they gave; who receives them and who may
  // see them stay. Open feeds show the change. Anyone else gets a 403, a kudos gone a 404.
  routes.patch('/kudos/:id', async (c) => {
    const id = validate(Id, c.req.param('id'), 'kudos id');
    const changes = validate(KudosChanges, await jsonBody(c), 'request body');
    const meId = c.get('personId');
    const row = await findVisible(db, id, meId);
    if (row.giver_id !== meId) {
      throw new ProblemError(403, 'Forbidden', 'Only the person who gave kudos can change them.');
    }
    const { mentionIds, valueIds } = await checkNames(db, [], changes.message, changes.valueIds);
    const now = new Date().toISOString();
    const seq = row.seq;
    const updated = await db.transaction().execute(async (trx) => {
      if (changes.message !== undefined) {
        await trx.deleteFrom('kudos_mentions').where('kudos_seq', '=', seq).execute();
        if (mentionIds.length) {
          await trx
            .insertInto('kudos_mentions')
            .values(mentionIds.map((person_id) => ({ kudos_seq: seq, person_id })))
            .execute();
        }
      }
      if (changes.valueIds !== undefined) {
        await trx.deleteFrom('kudos_values').where('kudos_seq', '=', seq).execute();
        await trx
          .insertInto('kudos_values')
          .values(valueIds.map((value_id) => ({ kudos_seq: seq, value_id })))
          .execute();
      }
      await trx.insertInto('kudos_events').values({ kind: 'edited', kudos_seq: seq, created_at: now }).execute();
      return trx
        .updateTable('kudos')
        .set({ ...(changes.message === undefined ? {} : { message: changes.message }), edited_at: now })
        .where('seq', '=', seq)
        .returningAll()
        .executeTakeFirstOrThrow();
    });
    bus.notify();
    const [kudos] = await loadKudos(db, [updated], meId, apiBase(c.req.url));
    return c.json(kudos);
  });

  // The giver takes their kudos back: it is gone for everyone, with its reactions; the feeds that
  // show it drop it. Anyone else gets a 403, and a kudos already gone a 404.
  routes.delete('/kudos/:id', async (c) => {
    const id = validate(Id, c.req.param('id'), 'kudos id');
    const meId = c.get('personId');
    const row = await findVisible(db, id, meId);
    if (row.giver_id !== meId) {
      throw new ProblemError(403, 'Forbidden', 'Only the person who gave kudos can delete them.');
    }
    await removeKudos(db, row);
    bus.notify();
    return c.body(null, 204);
  });

  routes.put('/kudos/:id/reactions/:reaction', react(true));
  routes.delete('/kudos/:id/reactions/:reaction', react(false));

  return routes;
}
