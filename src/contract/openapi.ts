import { z } from 'zod';
import { Problem } from './common.js';
import { Me, PeopleBatch, PeoplePage, PeopleQuery, Person } from './people.js';

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

const commonErrors = {
  '400': problemResponse('The request was invalid; `errors` lists each field.'),
  '401': problemResponse('No valid credentials were sent.'),
  '429': problemResponse('Too many requests; wait for `Retry-After` seconds.'),
};

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
  return {
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
          tags: ['people'],
          parameters: queryParameters(PeopleQuery, {
            q: 'Matches name, title, department or email.',
            ids: 'Comma-separated ids (at most 50). The answer lists unknown ids in `missing`.',
          }),
          responses: {
            '200': jsonResponse('A page of people, or a batch when `ids` was given.', {
              oneOf: [ref(PeoplePage), ref(PeopleBatch)],
            }),
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
    },
  };
}
