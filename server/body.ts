import type { Context } from 'hono';
import { ProblemError } from './problem.js';

/** `application/json`, or a JSON type such as `application/merge-patch+json`, with any parameters. */
const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

/**
 * The JSON body of a write. Sent as anything but JSON it is refused with 415 (a form or a
 * `text/plain` post from another site, which a browser sends without asking first, never gets in);
 * empty, or not JSON, with 400 saying so.
 */
export async function jsonBody(c: Context): Promise<unknown> {
  const type = c.req.header('Content-Type') ?? '';
  if (!JSON_TYPE.test(type)) {
    throw new ProblemError(
      415,
      'Unsupported media type',
      `Send the request body as JSON, with Content-Type: application/json${type ? ` (this one was ${type.slice(0, 80)})` : ''}.`,
    );
  }
  const text = await c.req.text();
  if (!text.trim()) throw new ProblemError(400, 'Invalid request', 'The request body is empty: send a JSON object.');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ProblemError(400, 'Invalid request', `The request body is not valid JSON: ${(error as Error).message}.`);
  }
}

/** What each route's path matches: Hono's `:name{pattern}`, `:name` and `*` as a regular expression. */
const pathPattern = (path: string) =>
  new RegExp(
    `^${path
      .split(/(:\w+\{(?:[^{}]|\{[^}]*\})*\}|:\w+|\*)/)
      .map((part, i) => {
        if (i % 2 === 0) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
        if (part === '*') return '.*';
        const custom = /^:\w+\{(.*)\}$/.exec(part);
        return custom ? `(?:${custom[1]})` : '[^/]+';
      })
      .join('')}$`,
  );

/**
 * The methods the app answers at a path, for a 405's `Allow` header: empty when nothing lives
 * there. Middleware (`ALL`) does not count.
 */
export function allowedMethods(routes: readonly { method: string; path: string }[]) {
  const compiled = routes
    .filter((route) => route.method !== 'ALL')
    .map((route) => ({ ...route, re: pathPattern(route.path) }));
  return (pathname: string): string[] => {
    const methods = new Set(compiled.filter((route) => route.re.test(pathname)).map((route) => route.method));
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  };
}
