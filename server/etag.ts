import type { Context, MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';
import { createHash } from 'node:crypto';

/**
 * A strong ETag for every successful GET answer, and 304 Not Modified when the client's
 * If-None-Match already names it. The 304 keeps the headers other middleware set (CORS).
 */
export function etags(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.req.method !== 'GET' || c.res.status !== 200 || c.res.headers.has('ETag')) return;
    // A live stream never ends: there is nothing to hash.
    if (c.res.headers.get('Content-Type')?.startsWith('text/event-stream')) return;
    // Read once and answered anew, not through clone() (see idempotency.ts).
    const body = await c.res.arrayBuffer();
    const { status, headers } = c.res;
    c.res = undefined;
    c.res = new Response(body, { status, headers });
    const tag = `"${createHash('sha1').update(new Uint8Array(body)).digest('base64url')}"`;
    const asked = c.req.header('If-None-Match');
    c.res.headers.set('ETag', tag);
    if (asked && asked.split(',').some((t) => t.trim().replace(/^W\//, '') === tag)) return notModified(c);
    // Answers depend on who asks and change often: revalidate before reuse, keep out of shared caches.
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'private, no-cache');
  };
}

/**
 * Answers 304 Not Modified instead: the answer's headers (CORS, caching, validators) without its body's.
 * It says, as the full answer does, that the answer differs by Accept-Encoding when it would be compressed.
 */
export function notModified(c: Context) {
  const headers = new Headers(c.res.headers);
  const vary = headers.get('Vary');
  if (COMPRESSIBLE_CONTENT_TYPE_REGEX.test(headers.get('Content-Type') ?? '') && !/accept-encoding/i.test(vary ?? '')) {
    headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
  }
  headers.delete('Content-Length');
  headers.delete('Content-Type');
  c.res = undefined;
  c.res = new Response(null, { status: 304, headers });
}
