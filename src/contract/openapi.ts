import { z } from 'zod';
import { Problem } from './common.js';
import { Me, PeopleBatch, PeoplePage, PeopleQuery, Person } from './people.js';
import { Expert, LevelStep, NewRating, Rating, Skill, SkillGap, SkillMatrix, SkillMatrixQuery } from './skills.js';
import {
  FeedbackQuery,
  FeedbackReceipt,
  FeedbackTemplate,
  FeedbackTemplateSummary,
  NewFeedback,
  ReceivedFeedback,
} from './feedback.js';
import {
  Circle,
  MentorMatch,
  MentorProfile,
  MentorSettings,
  MentorsPage,
  MentorsQuery,
  MentorshipRequest,
  NewMentorshipRequest,
  RequestState,
} from './mentors.js';
import { MentorshipConflict, UnknownFilter } from './problems.js';
import {
  CompanyValue,
  Kudos,
  KudosChanges,
  KudosFilter,
  KudosPage,
  KudosQuery,
  KudosReactions,
  NewKudos,
} from './kudos.js';

type JsonObject = Record<string, unknown>;

const ref = (schema: z.ZodType) => {
  const id = z.globalRegistry.get(schema)?.id;
  if (!id) throw new Error('schema has no id in the registry');
  return { $ref: `#/components/schemas/${id}` };
};

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref(Problem) } },
});

const jsonResponse = (description: string, schema: JsonObject) => ({
  description,
  headers: { ETag: { schema: { type: 'string' }, description: 'Send it back in If-None-Match to revalidate.' } },
  content: { 'application/json': { schema } },
});

/**
 * A JSON request body and an example of it, which the interactive reference puts in its editor.
 * The examples name people, values and templates of the reference server's seeded data.
 */
const jsonBody = <T>(schema: z.ZodType<T>, example: z.input<typeof schema>) => ({
  required: true,
  content: { 'application/json': { schema: ref(schema), example } },
});

/** Query parameters of an operation, taken from a zod object schema. */
function queryParameters(schema: z.ZodObject, descriptions: Record<string, string> = {}) {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties: Record<string, JsonObject>;
    required?: string[];
  };
  return Object.entries(json.properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    description: descriptions[name],
    schema: property,
  }));
}

/** A list answer: `items` of the schema and a `nextCursor`. */
const listOf = (schema: z.ZodType) => ({
  type: 'object',
  properties: { items: { type: 'array', items: ref(schema) }, nextCursor: { type: ['string', 'null'] } },
});

/** A list whose filter names something that does not exist answers 404, not an empty list. */
const unknownFilter = {
  '404': problemResponse(
    `A filter names something that does not exist (\`type\` ${UnknownFilter.type}); \`errors\` names each parameter.`,
  ),
};

const commonErrors = {
  '400': problemResponse('The request was invalid; `errors` lists each field.'),
  '401': problemResponse('No valid credentials were sent.'),
  '429': problemResponse('Too many requests; wait for `Retry-After` seconds.'),
  '500': problemResponse(
    'An error the server did not expect. `reference` names it in the server log, which tells its cause.',
  ),
};

/** Operations with a JSON body also refuse one sent as anything else. */
const writeErrors = {
  ...commonErrors,
  '415': problemResponse('The body was not sent as JSON (`Content-Type: application/json`).'),
};

type Operations = Record<string, { responses: Record<string, { description: string }> }>;

const crossOrigin = 'A page of an origin the server does not allow (CORS) had the browser ask for this write.';

/** Every write also answers 403 when a page of another origin asked for it (see the server's README). */
function refusingCrossOriginWrites<T extends { paths: object }>(document: T): T {
  for (const operations of Object.values(document.paths) as Operations[]) {
    for (const [method, { responses }] of Object.entries(operations)) {
      if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
      const known = responses['403'];
      responses['403'] = known
        ? { ...known, description: `${known.description} Or: ${crossOrigin[0].toLowerCase()}${crossOrigin.slice(1)}` }
        : problemResponse(crossOrigin);
    }
  }
  return document;
}

/** The OpenAPI 3.1 document of the Peerkit REST contract, generated from its zod schemas. */
export function buildOpenApiDocument(options: { serverUrl?: string; version?: string } = {}) {
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: 'any',
  });
  for (const schema of Object.values(schemas) as JsonObject[]) {
    delete schema.$schema;
    delete schema.$id;
  }
  return refusingCrossOriginWrites({
    openapi: '3.1.0',
    info: {
      title: 'Peerkit REST API',
      version: options.version ?? '0.1.0',
      description:
        'The contract between the Peerkit widgets and a backend. Lists use cursor pagination; ' +
        'errors are application/problem+json; writes accept an Idempotency-Key header.',
    },
    servers: [{ url: options.serverUrl ?? '/api' }],
    security: [{ bearer: [] }],
    components: {
      schemas,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A personal access token.' },
      },
    },
    paths: {
      '/me': {
        get: {
          operationId: 'getMe',
          summary: 'The signed-in person',
          tags: ['people'],
          responses: { '200': jsonResponse('The signed-in person.', ref(Me)), ...commonErrors },
        },
      },
      '/people': {
        get: {
          operationId: 'listPeople',
          summary: 'Search people, or fetch up to 50 by id in one request',
          description:
            'People who have left the organisation are not found by a search, but `ids` still reaches them (they are named in what they gave and got).',
          tags: ['people'],
          parameters: queryParameters(PeopleQuery, {
            q: 'Matches name, title, department or email.',
            ids: 'Comma-separated ids (at most 50). The answer lists unknown ids in `missing`.',
          }),
          responses: {
            '200': jsonResponse('A page of people, or a batch when `ids` was given.', {
              oneOf: [ref(PeoplePage), ref(PeopleBatch)],
            }),
            ...unknownFilter,
            ...commonErrors,
          },
        },
      },
      '/people/{id}': {
        get: {
          operationId: 'getPerson',
          summary: 'One person',
          tags: ['people'],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': jsonResponse('The person.', ref(Person)),
            '404': problemResponse('No person has that id.'),
            ...commonErrors,
          },
        },
      },
      '/mentors': {
        get: {
          operationId: 'listMentors',
          summary: 'Mentors open to be found, by name; or up to 50 profiles by id in one request',
          description:
            'Hidden profiles are left out of the list, but `ids` and `/mentors/{id}` still reach them. Mentors who have left the organisation are reached by neither.',
          tags: ['mentoring'],
          parameters: queryParameters(MentorsQuery, {
            skill: 'A skill id: mentors with expertise in it.',
            department: 'A department id: mentors in it.',
            available: '`true`: only mentors accepting requests with a free place.',
            ids: 'Comma-separated mentor ids (at most 50). The answer lists ids that are not mentors in `missing`.',
          }),
          responses: {
            '200': jsonResponse('A page of mentor profiles, or a batch when `ids` was given.', {
              oneOf: [
                ref(MentorsPage),
                {
                  type: 'object',
                  properties: {
                    items: { type: 'array', items: ref(MentorProfile) },
                    nextCursor: { type: 'null' },
                    missing: { type: 'array', items: { type: 'string' } },
                  },
                },
              ],
            }),
            ...unknownFilter,
            ...commonErrors,
          },
        },
      },
      '/mentors/{id}': {
        get: {
          operationId: 'getMentor',
          summary: "One mentor's profile: expertise, capacity, circles",
          tags: ['mentoring'],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': jsonResponse('The profile.', ref(MentorProfile)),
            '404': problemResponse('That person is not a mentor.'),
            ...commonErrors,
          },
        },
      },
      '/me/mentor-matches': {
        get: {
          operationId: 'listMentorMatches',
          summary: 'Mentors for the signed-in person, best fit first, each with why',
          tags: ['mentoring'],
          parameters: [
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 50 } },
          ],
          responses: { '200': jsonResponse('The matches.', listOf(MentorMatch)), ...commonErrors },
        },
      },
      '/mentorship-requests': {
        post: {
          operationId: 'requestMentorship',
          summary: 'Ask a mentor for mentorship',
          description: 'Send an `Idempotency-Key` header: a retry with the same key is stored once.',
          tags: ['mentoring'],
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } }],
          requestBody: jsonBody(NewMentorshipRequest, {
            mentorId: 'u0002',
            goal: 'Learn to run design critiques',
            message: 'Could we meet every other week?',
          }),
          responses: {
            '201': {
              description: 'The request, pending. `Location` names it.',
              content: { 'application/json': { schema: ref(MentorshipRequest) } },
            },
            '404': problemResponse('That person is not a mentor.'),
            '409': problemResponse(
              `Not possible now; \`type\` says why: ${[
                MentorshipConflict.self,
                MentorshipConflict.notAccepting,
                MentorshipConflict.full,
                MentorshipConflict.duplicate,
              ].join(', ')}.`,
            ),
            ...writeErrors,
          },
        },
      },
      '/me/mentorship-requests': {
        get: {
          operationId: 'listMyMentorshipRequests',
          summary: 'Requests the signed-in person sent (`role=mentee`) or received (`role=mentor`), newest first',
          description:
            'At most 100: the open ones (`pending`, and `accepted`: running mentorships) first, newest first, then the others, newest first.',
          tags: ['mentoring'],
          parameters: [
            {
              name: 'role',
              in: 'query',
              required: false,
              schema: { type: 'string', enum: ['mentee', 'mentor'], default: 'mentee' },
            },
            {
              name: 'state',
              in: 'query',
              required: false,
              schema: z.toJSONSchema(RequestState),
            },
          ],
          responses: { '200': jsonResponse('The requests.', listOf(MentorshipRequest)), ...commonErrors },
        },
      },
      '/mentorship-requests/{id}/{action}': {
        post: {
          operationId: 'answerMentorshipRequest',
          summary:
            'The mentor accepts or declines a pending request; the mentee withdraws it; either ends a mentorship',
          description:
            "`end` takes an accepted request (a running mentorship) to `ended` and frees the mentor's place; the mentor or the mentee may end it.",
          tags: ['mentoring'],
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            {
              name: 'action',
              in: 'path',
              required: true,
              schema: { type: 'string', enum: ['accept', 'decline', 'withdraw', 'end'] },
            },
          ],
          responses: {
            '200': {
              description: 'The request now.',
              content: { 'application/json': { schema: ref(MentorshipRequest) } },
            },
            '403': problemResponse(
              'Only the mentor accepts or declines, only the mentee withdraws, and only the two of them end a mentorship.',
            ),
            '404': problemResponse('No mentorship request has that id.'),
            '409': problemResponse(
              `Not pending any more (\`${MentorshipConflict.notPending}\`), the mentor is full (\`${MentorshipConflict.full}\`), or, to end, not a running mentorship (\`${MentorshipConflict.notActive}\`).`,
            ),
            ...commonErrors,
          },
        },
      },
      '/me/mentor-profile': {
        patch: {
          operationId: 'changeMyMentorProfile',
          summary: 'A mentor changes their own profile: taking requests or not, capacity, bio',
          description: 'What the body leaves out stays as it is.',
          tags: ['mentoring'],
          requestBody: jsonBody(MentorSettings, { accepting: true, capacity: 3 }),
          responses: {
            '200': { description: 'The profile now.', content: { 'application/json': { schema: ref(MentorProfile) } } },
            '404': problemResponse('The signed-in person is not a mentor.'),
            ...writeErrors,
          },
        },
      },
      '/circles': {
        get: {
          operationId: 'listCircles',
          summary: 'Mentorship circles: a topic, a lead, a few places',
          tags: ['mentoring'],
          responses: { '200': jsonResponse('Every circle.', listOf(Circle)), ...commonErrors },
        },
      },
      '/circles/{id}/join': {
        post: {
          operationId: 'joinCircle',
          summary: 'Join a circle',
          tags: ['mentoring'],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': { description: 'The circle now.', content: { 'application/json': { schema: ref(Circle) } } },
            '404': problemResponse('No circle has that id.'),
            '409': problemResponse(
              `Already a member (\`${MentorshipConflict.alreadyMember}\`), or no place is free (\`${MentorshipConflict.circleFull}\`).`,
            ),
            ...commonErrors,
          },
        },
      },
      '/circles/{id}/leave': {
        post: {
          operationId: 'leaveCircle',
          summary: 'Leave a circle',
          description:
            'The place is free at once. Leaving a circle you are not in changes nothing and gives the same answer.',
          tags: ['mentoring'],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': { description: 'The circle now.', content: { 'application/json': { schema: ref(Circle) } } },
            '404': problemResponse('No circle has that id.'),
            ...commonErrors,
          },
        },
      },
      '/values': {
        get: {
          operationId: 'listValues',
          summary: 'The company values kudos can be tagged with',
          tags: ['kudos'],
          responses: {
            '200': jsonResponse("Every value, in the organisation's order.", {
              type: 'object',
              properties: { items: { type: 'array', items: ref(CompanyValue) }, nextCursor: { type: 'null' } },
            }),
            ...commonErrors,
          },
        },
      },
      '/kudos': {
        get: {
          operationId: 'listKudos',
          summary: 'The kudos feed, newest first',
          description:
            'Cursors are keyset positions: kudos given after the first page was read never shift later pages.',
          tags: ['kudos'],
          parameters: queryParameters(KudosQuery, {
            team: 'A department id: kudos given or received by someone in it.',
            person: 'A person id: kudos the person gave or received.',
            value: 'A company value id.',
          }),
          responses: { '200': jsonResponse('A page of kudos.', ref(KudosPage)), ...unknownFilter, ...commonErrors },
        },
        post: {
          operationId: 'giveKudos',
          summary: 'Give kudos to one or more colleagues',
          description: 'Send an `Idempotency-Key` header: a retry with the same key is stored once.',
          tags: ['kudos'],
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } }],
          requestBody: jsonBody(NewKudos, {
            recipientIds: ['u0002'],
            message: 'Thank you for the clear review notes.',
            valueIds: ['learning'],
            visibility: 'public',
          }),
          responses: {
            '201': { description: 'The kudos as stored.', content: { 'application/json': { schema: ref(Kudos) } } },
            '409': problemResponse('Kudos to yourself (`type` urn:peerkit:problem:kudos-self).'),
            '422': problemResponse('Unknown recipients, mentioned people or values; `errors` lists them.'),
            ...writeErrors,
          },
        },
      },
      '/kudos/{id}': {
        get: {
          operationId: 'getKudos',
          summary: 'One kudos',
          tags: ['kudos'],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': jsonResponse('The kudos.', ref(Kudos)),
            '404': problemResponse('No kudos with that id is visible to you.'),
            ...commonErrors,
          },
        },
        patch: {
          operationId: 'editKudos',
          summary: 'Change the message or values of kudos you gave',
          description:
            'What is left out stays; who receives the kudos and who may see it stay as they were sent, and ' +
            'so do its reactions. `editedAt` says when it was changed; live streams send an `edited` event. ' +
            'Only its giver may change it.',
          tags: ['kudos'],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: jsonBody(KudosChanges, {
            message: 'Thanks @{u0004} for untangling the release notes with us.',
            valueIds: ['together'],
          }),
          responses: {
            '200': jsonResponse('The kudos now.', ref(Kudos)),
            '403': problemResponse('You did not give this kudos.'),
            '404': problemResponse('No kudos with that id is visible to you (or it was deleted).'),
            '422': problemResponse('A mentioned person or a value does not exist (`errors`).'),
            ...writeErrors,
          },
        },
        delete: {
          operationId: 'deleteKudos',
          summary: 'Delete kudos you gave',
          description:
            'The kudos is gone for everyone, with its reactions; live streams send a `removed` event. ' +
            'Only its giver may delete it.',
          tags: ['kudos'],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '204': { description: 'Deleted.' },
            '403': problemResponse('You did not give this kudos.'),
            '404': problemResponse('No kudos with that id is visible to you (or it was deleted already).'),
            ...commonErrors,
          },
        },
      },
      '/kudos/{id}/reactions/{reaction}': Object.fromEntries(
        (['put', 'delete'] as const).map((method) => [
          method,
          {
            operationId: method === 'put' ? 'addReaction' : 'removeReaction',
            summary: method === 'put' ? 'React (idempotent)' : 'Take a reaction back (idempotent)',
            tags: ['kudos'],
            parameters: [
              { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
              {
                name: 'reaction',
                in: 'path',
                required: true,
                schema: { type: 'string', enum: ['clap', 'tada', 'heart', 'rocket', 'bulb', 'raised'] },
              },
            ],
            responses: {
              '200': {
                description: "The kudos' reaction counts now.",
                content: { 'application/json': { schema: ref(KudosReactions) } },
              },
              '404': problemResponse('No kudos with that id is visible to you.'),
              ...commonErrors,
            },
          },
        ]),
      ),
      '/kudos/stream': {
        get: {
          operationId: 'streamKudos',
          summary: 'Live kudos and reaction counts (server-sent events)',
          description:
            'Events: `kudos` (data: Kudos), `reactions` (data: KudosReactions), `edited` (data: Kudos, as its ' +
            'giver changed it; sent to every stream that may see it, whatever its filter), `removed` (data: KudosRemoved, ' +
            'a kudos its giver deleted), `reset` (too much was missed: ' +
            'reload the first page). Each carries an `id`; reconnect with `Last-Event-ID` to get what was missed. ' +
            'After kudos the filter passes over, an `id` alone (no event) moves the position past them, so that a ' +
            'reconnect does not go through them again. ' +
            'One person may hold 10 streams open at once; more answer 429. A server that is stopping ends its ' +
            'streams and answers 503 to new ones.',
          tags: ['kudos'],
          parameters: [
            ...queryParameters(KudosFilter),
            { name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'string' } },
          ],
          responses: {
            '200': {
              description: 'An event stream.',
              content: { 'text/event-stream': { schema: { type: 'string' } } },
            },
            ...unknownFilter,
            ...commonErrors,
            '503': problemResponse('The server is stopping; connect again after `Retry-After` seconds.'),
          },
        },
      },
      '/skills': {
        get: {
          operationId: 'listSkills',
          summary: 'Every skill, with category and synonyms',
          tags: ['skills'],
          parameters: [{ name: 'category', in: 'query', required: false, schema: { type: 'string' } }],
          responses: { '200': jsonResponse('The skills.', listOf(Skill)), ...unknownFilter, ...commonErrors },
        },
      },
      '/skill-levels': {
        get: {
          operationId: 'listSkillLevels',
          summary: 'The level scale 0–5, each with a label and a one-line descriptor',
          tags: ['skills'],
          responses: { '200': jsonResponse('The scale.', listOf(LevelStep)), ...commonErrors },
        },
      },
      '/skill-matrix': {
        get: {
          operationId: 'getSkillMatrix',
          summary: 'People, skills and their current ratings in one answer, shaped for a grid',
          description:
            'A cell is `[personIndex, skillIndex, level, source, assessedAt]`; a pair without a cell is not assessed (not level 0).',
          tags: ['skills'],
          parameters: queryParameters(SkillMatrixQuery, { skills: 'Comma-separated skill ids.' }),
          responses: { '200': jsonResponse('The matrix.', ref(SkillMatrix)), ...unknownFilter, ...commonErrors },
        },
      },
      '/skills/{id}/experts': {
        get: {
          operationId: 'listSkillExperts',
          summary: 'The people rated highest in a skill, with whether they mentor',
          tags: ['skills'],
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 50 } },
          ],
          responses: {
            '200': jsonResponse('Experts, highest level first.', listOf(Expert)),
            '404': problemResponse('No skill has that id.'),
            ...commonErrors,
          },
        },
      },
      '/skill-gaps': {
        get: {
          operationId: 'listSkillGaps',
          summary: 'A department against its target levels, bus-factor skills first',
          tags: ['skills'],
          parameters: [{ name: 'department', in: 'query', required: true, schema: { type: 'string' } }],
          responses: {
            '200': jsonResponse('One entry per skill with a target.', listOf(SkillGap)),
            ...unknownFilter,
            ...commonErrors,
          },
        },
      },
      '/me/skills/{skillId}': {
        put: {
          operationId: 'rateMySkill',
          summary: 'Assess your own level in a skill (source `self`)',
          tags: ['skills'],
          parameters: [{ name: 'skillId', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: jsonBody(NewRating, { level: 3 }),
          responses: {
            '200': { description: 'The stored rating.', content: { 'application/json': { schema: ref(Rating) } } },
            '404': problemResponse('No skill has that id.'),
            ...writeErrors,
          },
        },
      },
      '/feedback-templates': {
        get: {
          operationId: 'listFeedbackTemplates',
          summary: 'The feedback templates, in the order the organisation chose',
          tags: ['feedback'],
          responses: {
            '200': jsonResponse('Every template, without its questions.', listOf(FeedbackTemplateSummary)),
            ...commonErrors,
          },
        },
      },
      '/feedback-templates/{id}': {
        get: {
          operationId: 'getFeedbackTemplate',
          summary: 'A template with its questions',
          tags: ['feedback'],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': jsonResponse('The template.', ref(FeedbackTemplate)),
            '404': problemResponse('No template has that id.'),
            ...commonErrors,
          },
        },
      },
      '/feedback': {
        post: {
          operationId: 'sendFeedback',
          summary: 'Give feedback to a colleague, named or anonymously',
          description:
            'Answers are checked against the template. For anonymous feedback the giver is not stored with it and ' +
            'no answer of any endpoint ever names them; the recipient sees the week, not the day, and only once ' +
            'that week is over (`readableFrom` in the receipt). ' +
            'Send an Idempotency-Key so that a retried send is stored once.',
          tags: ['feedback'],
          parameters: [
            { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 } },
          ],
          requestBody: jsonBody(NewFeedback, {
            templateId: 'quick-praise',
            recipientId: 'u0002',
            kind: 'praise',
            answers: { what: 'You walked the new joiners through the release checklist.' },
            visibility: 'recipient',
            anonymous: false,
          }),
          responses: {
            '201': {
              description: 'Stored. The receipt names no feedback id.',
              content: { 'application/json': { schema: ref(FeedbackReceipt) } },
            },
            '409': problemResponse('Feedback to yourself (`urn:peerkit:problem:feedback-self`).'),
            '422': problemResponse(
              'Unknown recipient or template, or a recipient without a manager for `recipient-and-manager`, or an Idempotency-Key reused for another request.',
            ),
            '429': problemResponse(
              'Too many requests, or the daily feedback limit (`urn:peerkit:problem:feedback-daily-limit`).',
            ),
            '400': commonErrors['400'],
            '401': commonErrors['401'],
            '415': writeErrors['415'],
          },
        },
      },
      '/me/feedback': {
        get: {
          operationId: 'listMyFeedback',
          summary: 'Feedback the signed-in person received, newest day first',
          description: 'Anonymous feedback is listed once the week it was sent is over, with the rest of that week.',
          tags: ['feedback'],
          parameters: queryParameters(FeedbackQuery),
          responses: { '200': jsonResponse('A page of feedback.', listOf(ReceivedFeedback)), ...commonErrors },
        },
      },
      '/people/{id}/feedback': {
        get: {
          operationId: 'listPersonFeedback',
          summary: "A person's feedback: all of it for themselves, what they shared for their manager",
          description: 'Anonymous feedback is listed once the week it was sent is over, with the rest of that week.',
          tags: ['feedback'],
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            ...queryParameters(FeedbackQuery),
          ],
          responses: {
            '200': jsonResponse('A page of feedback.', listOf(ReceivedFeedback)),
            '403': problemResponse('Neither the person nor their manager.'),
            '404': problemResponse('No person has that id.'),
            ...commonErrors,
          },
        },
      },
    },
  });
}
