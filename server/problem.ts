import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { Problem } from '../src/contract/common.js';

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

/** Parses with zod, or throws a 400 that lists every invalid field. */
export function validate<T extends z.ZodType>(schema: T, input: unknown, what = 'request'): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
  throw new ProblemError(400, 'Invalid request', `The ${what} has ${errors.length} invalid field(s).`, { errors });
}
