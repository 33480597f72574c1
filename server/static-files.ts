import type { MiddlewareHandler } from 'hono';
import { notModified } from './etag.js';

/**
 * For the files served beside the API (the built library, the demo pages): the browser keeps its
 * copy but asks each time whether it is still current, and while it is gets 304 Not Modified,
 * with no body. After a rebuild it gets the new file at once.
 */
export function revalidated(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const modified = c.res.headers.get('Last-Modified');
    if (c.res.status !== 200 || !modified) return;
    c.res.headers.set('Cache-Control', 'no-cache');
    const since = Date.parse(c.req.header('If-Modified-Since') ?? '');
    if (!(since >= Date.parse(modified))) return;
    await c.res.body?.cancel();
    notModified(c);
  };
}
