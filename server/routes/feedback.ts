import { Hono, type Context } from 'hono';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { Id } from '../../src/contract/common.js';
import {
  FeedbackQuery,
  NewFeedback,
  type AnswerValue,
  type FeedbackReceipt,
  type FeedbackTemplate,
  type FeedbackTemplateSummary,
  type Question,
  type ReceivedFeedback,
} from '../../src/contract/feedback.js';
import {
  checkAnswers,
  FEEDBACK_PER_DAY,
  normaliseAnswers,
  readableFrom,
  receivedOn,
  type AnswerProblem,
  type FeedbackKind,
  type FeedbackVisibility,
} from '../../src/contract/feedback-rules.js';
import { FeedbackProblem, invalidDetail } from '../../src/contract/problems.js';
import type { AppEnv } from '../auth.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { ProblemError, validate } from '../problem.js';
import { keysetCursor } from '../cursor.js';
import { selectPeople, toPerson, type PersonRow } from './people.js';
import { jsonBody } from '../body.js';

export interface FeedbackOptions {
  /** Feedback one person may send per UTC day (default `FEEDBACK_PER_DAY`). */
  perDay?: number;
  /**
   * The key of today's counts (`quotaHolder`). Server processes that share a database need the
   * same one to share the counts; without it each makes its own, and its counts end with it.
   */
  secret?: string;
  /** The server's clock; tests move it on to see held anonymous feedback show. */
  now?: () => Date;
}

/**
 * Whose count of today's feedback a row holds: a keyed hash of the person and the day, never the
 * person. Without the key, a copy of the database cannot tell whose count a row is, and so cannot
 * subtract the named feedback a person sent today from it to learn how much anonymous feedback
 * they sent. The day is hashed too, so that one person's rows of two days do not match.
 */
export function quotaHolder(secret: string | Buffer, personId: string, day: string) {
  return createHmac('sha256', secret)
    .update(JSON.stringify([personId, day]))
    .digest('base64url');
}

type TemplateRow = Selectable<Database['feedback_templates']>;
type FeedbackRow = Selectable<Database['feedback']>;

function toTemplate(row: TemplateRow): FeedbackTemplate {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    kinds: JSON.parse(row.kinds) as FeedbackKind[],
    questions: JSON.parse(row.questions) as Question[],
  };
}

/** The words of each answer problem; the form has its own, in the reader's language. */
function describe(problem: AnswerProblem): string {
  switch (problem.code) {
    case 'required':
      return 'an answer is required';
    case 'tooShort':
      return `at least ${problem.limit} characters`;
    case 'tooLong':
      return `at most ${problem.limit} characters`;
    case 'notOnScale':
      return 'not a point on the scale';
    case 'notAnOption':
      return 'not one of the options';
    case 'tooManyChoices':
      return `at most ${problem.limit} choices`;
    case 'wrongType':
      return 'the wrong kind of answer for this question';
    case 'unknownQuestion':
      return 'the template has no such question';
  }
}

const cursor = keysetCursor(z.tuple([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), Id]));

function secondsToNextUtcDay(now: Date) {
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.max(1, Math.ceil((next - now.getTime()) / 1000));
}

/**
 * Forgets the daily counts of days gone by: the limit needs only today's, and a key that got out
 * later (`quotaHolder`) then opens no more than one day's counts.
 */
export async function forgetPastQuotas(db: Db, now = new Date()) {
  await db.deleteFrom('feedback_quota').where('day', '<', now.toISOString().slice(0, 10)).execute();
}

export function feedbackRoutes(db: Db, apiBase: (url: string) => string, options: FeedbackOptions = {}) {
  const routes = new Hono<AppEnv>();
  const perDay = options.perDay ?? FEEDBACK_PER_DAY;
  const secret = options.secret || randomBytes(32);
  const clock = options.now ?? (() => new Date());

  async function findTemplate(id: string) {
    const row = await db.selectFrom('feedback_templates').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toTemplate(row);
  }

  /**
   * Received feedback, newest day first and by random id within a day: the order says nothing about
   * who or when. Anonymous feedback is held until its week is over (`readableFrom`); it is stored
   * with its week's Monday, so the weeks that are over are those before this week's Monday.
   */
  async function page(c: Context<AppEnv>, recipientId: string, onlyShared: boolean) {
    const query = validate(FeedbackQuery, c.req.query(), 'query');
    const thisWeek = receivedOn(clock(), true);
    let select = db
      .selectFrom('feedback')
      .selectAll()
      .where('recipient_id', '=', recipientId)
      .where((eb) => eb.or([eb('anonymous', '=', 0), eb('received_on', '<', thisWeek)]));
    if (onlyShared) select = select.where('visibility', '=', 'recipient-and-manager');
    if (query.kind) select = select.where('kind', '=', query.kind);
    if (query.cursor) {
      const [day, id] = cursor.decode(query.cursor);
      select = select.where((eb) =>
        eb.or([eb('received_on', '<', day), eb.and([eb('received_on', '=', day), eb('id', '>', id)])]),
      );
    }
    const rows = await select
      .orderBy('received_on', 'desc')
      .orderBy('id')
      .limit(query.limit + 1)
      .execute();
    const shown = rows.slice(0, query.limit);
    const base = apiBase(c.req.url);
    const personIds = [...new Set(shown.flatMap((row) => [row.recipient_id, row.giver_id ?? []].flat()))];
    const people = new Map<string, PersonRow>();
    if (personIds.length) {
      for (const row of await selectPeople(db).where('people.id', 'in', personIds).execute()) people.set(row.id, row);
    }
    const items = shown.map((row: FeedbackRow): ReceivedFeedback => {
      const anonymous = row.anonymous === 1;
      return {
        id: row.id,
        templateId: row.template_id,
        templateName: row.template_name,
        kind: row.kind as FeedbackKind,
        questions: JSON.parse(row.questions) as Question[],
        answers: JSON.parse(row.answers) as Record<string, AnswerValue>,
        visibility: row.visibility as FeedbackVisibility,
        anonymous,
        // Read only for named feedback; an anonymous row has no giver to read.
        giver: !anonymous && row.giver_id ? toPerson(people.get(row.giver_id)!, base) : null,
        recipient: toPerson(people.get(row.recipient_id)!, base),
        receivedOn: row.received_on,
        receivedPrecision: anonymous ? 'week' : 'day',
      };
    });
    const last = shown.at(-1);
    return c.json({
      items,
      nextCursor: rows.length > query.limit && last ? cursor.encode([last.received_on, last.id]) : null,
    });
  }

  routes.get('/feedback-templates', async (c) => {
    const rows = await db.selectFrom('feedback_templates').selectAll().orderBy('position').execute();
    const items = rows.map((row): FeedbackTemplateSummary => {
      const { questions, ...rest } = toTemplate(row);
      return { ...rest, questionCount: questions.length };
    });
    return c.json({ items, nextCursor: null });
  });

  routes.get('/feedback-templates/:id', async (c) => {
    const id = validate(Id, c.req.param('id'), 'template id');
    const template = await findTemplate(id);
    if (!template) throw new ProblemError(404, 'Not found', `No feedback template has the id "${id}".`);
    return c.json(template);
  });

  routes.post('/feedback', async (c) => {
    const body = validate(NewFeedback, await jsonBody(c), 'request body');
    const meId = c.get('personId');
    if (body.recipientId === meId) {
      throw new ProblemError(409, 'Cannot give feedback to yourself', 'Feedback goes to a colleague.', {
        type: FeedbackProblem.self,
      });
    }
    const [recipient, template] = await Promise.all([
      selectPeople(db).where('people.id', '=', body.recipientId).executeTakeFirst(),
      findTemplate(body.templateId),
    ]);
    const unknown = [
      ...(!recipient
        ? [{ path: 'recipientId', message: `no person has the id "${body.recipientId}"` }]
        : recipient.left_on
          ? [{ path: 'recipientId', message: `"${body.recipientId}" has left the organisation` }]
          : []),
      ...(template ? [] : [{ path: 'templateId', message: `no feedback template has the id "${body.templateId}"` }]),
    ];
    if (unknown.length) {
      throw new ProblemError(422, 'Unknown recipient or template', 'The recipient or the template does not exist.', {
        errors: unknown,
      });
    }
    // A manager who has left counts as none (see `selectPeople`).
    if (body.visibility === 'recipient-and-manager' && !recipient!.manager_id) {
      throw new ProblemError(422, 'No manager to share with', `${recipient!.name} has no manager on record.`, {
        type: FeedbackProblem.noManager,
        errors: [{ path: 'visibility', message: 'the recipient has no manager' }],
      });
    }
    const errors = [
      ...(template!.kinds.includes(body.kind)
        ? []
        : [{ path: 'kind', message: `this template is for ${template!.kinds.join(' or ')} feedback` }]),
      ...checkAnswers(template!.questions, body.answers).map((problem) => ({
        path: `answers.${problem.questionId}`,
        message: describe(problem),
      })),
    ];
    if (errors.length) {
      throw new ProblemError(400, 'Invalid request', invalidDetail('feedback', errors), { errors });
    }
    const now = clock();
    const day = now.toISOString().slice(0, 10);
    const answers = normaliseAnswers(template!.questions, body.answers);
    await forgetPastQuotas(db, now);
    await db.transaction().execute(async (trx) => {
      const quota = await trx
        .insertInto('feedback_quota')
        .values({ holder: quotaHolder(secret, meId, day), day, count: 1 })
        .onConflict((oc) =>
          // Qualified: PostgreSQL would not know whether the stored or the proposed row is meant.
          oc.columns(['holder', 'day']).doUpdateSet((eb) => ({ count: eb('feedback_quota.count', '+', 1) })),
        )
        .returning('count')
        .executeTakeFirstOrThrow();
      if (quota.count > perDay) {
        throw new ProblemError(
          429,
          'Daily feedback limit reached',
          `At most ${perDay} feedback a day; the count starts again at midnight UTC.`,
          { type: FeedbackProblem.dailyLimit },
          { 'Retry-After': String(secondsToNextUtcDay(now)) },
        );
      }
      await trx
        .insertInto('feedback')
        .values({
          id: randomUUID(),
          template_id: template!.id,
          template_name: template!.name,
          questions: JSON.stringify(template!.questions),
          recipient_id: recipient!.id,
          giver_id: body.anonymous ? null : meId,
          kind: body.kind,
          answers: JSON.stringify(answers),
          visibility: body.visibility,
          anonymous: body.anonymous ? 1 : 0,
          received_on: receivedOn(now, body.anonymous),
        })
        .execute();
    });
    const receipt: FeedbackReceipt = {
      recipient: toPerson(recipient!, apiBase(c.req.url)),
      templateId: template!.id,
      kind: body.kind,
      visibility: body.visibility,
      anonymous: body.anonymous,
      receivedOn: receivedOn(now, body.anonymous),
      readableFrom: readableFrom(receivedOn(now, body.anonymous), body.anonymous),
    };
    return c.json(receipt, 201);
  });

  routes.get('/me/feedback', (c) => page(c, c.get('personId'), false));

  routes.get('/people/:id/feedback', async (c) => {
    const id = validate(Id, c.req.param('id'), 'person id');
    const meId = c.get('personId');
    if (id === meId) return page(c, id, false);
    const person = await db.selectFrom('people').select('manager_id').where('id', '=', id).executeTakeFirst();
    if (!person) throw new ProblemError(404, 'Not found', `No person has the id "${id}".`);
    if (person.manager_id !== meId) {
      throw new ProblemError(403, 'Forbidden', 'Only the person and their manager may read their feedback.');
    }
    return page(c, id, true);
  });

  return routes;
}
