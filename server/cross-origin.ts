import type { MiddlewareHandler } from 'hono';
import { problem, ProblemError } from './problem.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses writes that a page of another origin made a browser send (cross-site request forgery).
 *
 * With bearer tokens nothing needs it: another page has no token to send. But a session cookie
 * goes with every request the browser makes to its site, whoever asks: behind an SSO proxy (the
 * trusted header) or with the demo's sign-in cookie, a page elsewhere could post a form, or
 * `fetch` with `mode: 'no-cors'`, to `POST /api/circles/{id}/join` or `…/accept`, which take no
 * body, and the write would be made in the reader's name. (Writes with a JSON body are safe
 * already: only a page CORS allows can send one.)
 *
 * A browser says where a request comes from: `Sec-Fetch-Site` (every current browser), else
 * `Origin`. A write is let through when it comes from this origin, from an origin the CORS
 * list allows, or from no page at all (a typed address; a script or server, which send neither
 * header).
 */
export function crossOriginWrites(allowed: ReadonlySet<string>): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    const site = c.req.header('Sec-Fetch-Site');
    const origin = c.req.header('Origin');
    if (site === 'same-origin' || site === 'none' || (origin && allowed.has(origin))) return next();
    // Without Sec-Fetch-Site: no Origin either (not a browser), or one that names this server's host.
    if (!site && (!origin || hostOf(origin) === new URL(c.req.url).host)) return next();
    return problem(
      c,
      new ProblemError(
        403,
        'Cross-origin request refused',
        `A page at ${(origin ?? 'another site').slice(0, 200)} may not change anything here: only this server's pages and the origins it allows (PEERKIT_CORS_ORIGINS) may.`,
      ),
    );
  };
}

function hostOf(origin: string) {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
