import { Hono, type MiddlewareHandler } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import { setTimeout as wait } from 'node:timers/promises';
import { z } from 'zod';
import type { EventBus } from './event-bus.js';
import { validate } from './problem.js';

/*
 * Only when the server is started with test hooks on (PEERKIT_TEST_HOOKS=1): a log of every
 * API request, so that tests can count what reached the server, faults to inject (error
 * statuses, Retry-After, delays, dropped connections), and a feedback clock to move on.
 */

export interface LoggedRequest {
  method: string;
  path: string;
  search: string;
  status: number;
  ifNoneMatch: string | null;
  at: number;
  /** The page that sent it (the Referer), so that a test counts its own page's requests only. */
  page: string | null;
}

/** Whether a fault for `path` applies to a request for `target` (see `Fault.path`). */
export function covers(path: string, target: string) {
  if (!target.startsWith(path)) return false;
  const next = target[path.length];
  return next === undefined || next === '/' || next === '?' || path.endsWith('/') || path.includes('?');
}

/** The test page a request came from (its Referer's `wtr-session-id`), when it names one. */
function sessionOf(referer: string | undefined | null) {
  try {
    return referer ? new URL(referer).searchParams.get('wtr-session-id') : null;
  } catch {
    return null;
  }
}

const Fault = z.object({
  method: z.string().default('GET'),
  /**
   * Applies to requests whose path (with query) starts with this, at a boundary: `/api/me` covers
   * `/api/me`, `/api/me?…` and `/api/me/…`, not `/api/mentors`. A path with a query, or ending in
   * `/`, is a plain prefix.
   */
  path: z.string().min(1),
  times: z.number().int().min(1).max(100).default(1),
  status: z.number().int().min(400).max(599).optional(),
  retryAfter: z.string().optional(),
  /** The problem type of the injected answer. */
  type: z.string().optional(),
  delayMs: z.number().int().min(0).max(60_000).optional(),
  /** Close the connection without an answer. */
  drop: z.boolean().optional(),
  /** Carry the request out, then close the connection without an answer: the write happened, the client cannot know. */
  dropAfter: z.boolean().optional(),
});
/**
 * `session`: the test page that injected the fault. A request from another test page (a late one
 * from the page of the file before) does not use it up; one that names no page may.
 */
type Fault = z.infer<typeof Fault> & { remaining: number; session: string | null };

export function createTestHooks(bus: EventBus) {
  const log: LoggedRequest[] = [];
  let faults: Fault[] = [];
  /** How far the clock of held feedback is moved on, in days (`PUT /__test/clock`). */
  let days = 0;
  const now = () => new Date(Date.now() + days * 86_400_000);

  const recorder: MiddlewareHandler = async (c, next) => {
    const url = new URL(c.req.url);
    const entry: LoggedRequest = {
      method: c.req.method,
      path: url.pathname,
      search: url.search,
      status: 0,
      ifNoneMatch: c.req.header('If-None-Match') ?? null,
      at: Date.now(),
      page: c.req.header('Referer') ?? null,
    };
    log.push(entry);
    try {
      await next();
    } finally {
      entry.status = c.res.status;
    }
  };

  const injector: MiddlewareHandler<{ Bindings: HttpBindings }> = async (c, next) => {
    const url = new URL(c.req.url);
    const target = url.pathname + url.search;
    const session = sessionOf(c.req.header('Referer'));
    const fault = faults.find(
      (f) =>
        f.remaining > 0 &&
        f.method === c.req.method &&
        covers(f.path, target) &&
        (!f.session || !session || f.session === session),
    );
    if (!fault) return next();
    fault.remaining--;
    if (fault.delayMs) await wait(fault.delayMs);
    if (fault.drop) {
      c.env.incoming.socket.destroy();
      return c.body(null, 500);
    }
    if (fault.dropAfter) {
      await next();
      c.env.incoming.socket.destroy();
      return;
    }
    if (fault.status) {
      const headers: Record<string, string> = { 'Content-Type': 'application/problem+json' };
      if (fault.retryAfter) headers['Retry-After'] = fault.retryAfter;
      return c.body(
        JSON.stringify({ type: fault.type ?? 'about:blank', title: 'Injected fault', status: fault.status }),
        fault.status as 500,
        headers,
      );
    }
    return next();
  };

  const routes = new Hono();
  routes.get('/requests', (c) => c.json(log.filter((r) => r.path.startsWith('/api/'))));
  routes.delete('/requests', (c) => {
    log.length = 0;
    faults = [];
    days = 0;
    return c.body(null, 204);
  });
  // Drops every open live stream, as a flaky network would; clients must reconnect and resume.
  routes.delete('/streams', (c) => {
    const open = bus.size;
    bus.closeAll();
    return c.json({ closed: open });
  });
  routes.get('/streams', (c) => c.json({ open: bus.size }));
  routes.post('/faults', async (c) => {
    const fault = validate(Fault, await c.req.json(), 'fault');
    faults.push({ ...fault, remaining: fault.times, session: sessionOf(c.req.header('Referer')) });
    return c.body(null, 204);
  });

  // Moves the feedback clock on, so that a test can see held anonymous feedback show a week later.
  routes.put('/clock', async (c) => {
    days = validate(z.object({ days: z.number().int().min(0).max(366) }), await c.req.json(), 'clock').days;
    return c.body(null, 204);
  });

  return { recorder, injector, routes, log, now };
}
