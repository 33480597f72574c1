import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { Problem } from '../src/contract/common.js';
import { invalidDetail } from '../src/contract/problems.js';

/** An error that becomes a problem+json answer. Throw it from any route. */
export class ProblemError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Partial<Problem> & Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ? `${title}: ${detail}` : title);
  }
}

export function problem(c: Context, error: ProblemError) {
  const body: Problem = {
    type: 'about:blank',
    title: error.title,
    status: error.status,
    ...(error.detail ? { detail: error.detail } : {}),
    instance: new URL(c.req.url).pathname,
    ...error.extra,
  };
  return c.body(JSON.stringify(body), error.status, {
    'Content-Type': 'application/problem+json',
    ...error.headers,
  });
}

/** Text no database takes as it is: NUL (PostgreSQL refuses it) and half a surrogate pair (not UTF-8). */
const UNSTORABLE = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Every text in `input` (keys too) that could not be stored and read back exactly as sent. */
function unstorableText(input: unknown, path: string[] = []): { path: string; message: string }[] {
  const where = path.join('.') || '(root)';
  if (typeof input === 'string') {
    return UNSTORABLE.test(input) ? [{ path: where, message: 'contains NUL or half of a surrogate pair' }] : [];
  }
  if (!input || typeof input !== 'object') return [];
  return Object.entries(input).flatMap(([key, value]) =>
    UNSTORABLE.test(key)
      ? [{ path: where, message: 'has a key with NUL or half of a surrogate pair' }]
      : unstorableText(value, [...path, key]),
  );
}

/** Parses with zod, or throws a 400 that lists every invalid field. */
export function validate<T extends z.ZodType>(schema: T, input: unknown, what = 'request'): z.output<T> {
  // Refused rather than stored changed (or, on PostgreSQL, failing as a 500).
  const unstorable = unstorableText(input);
  const result = unstorable.length ? undefined : schema.safeParse(input);
  if (result?.success) return result.data;
  const errors = result
    ? result.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.') || '(root)',
        message: issue.message,
      }))
    : unstorable;
  throw new ProblemError(400, 'Invalid request', invalidDetail(what, errors), { errors });
}
