import { expect } from '@open-wc/testing';
import { asPeerError, PeerError } from '../../src/core/errors.js';
import { HttpClient, type RetryInfo } from '../../src/core/rest/http.js';
import { EventStreamParser } from '../../src/core/rest/event-stream.js';
import { fitsFilter, sharedFilter } from '../../src/core/rest/shared-stream.js';
import type { Kudos, KudosFilter } from '../../src/contract/kudos.js';
import {
  apiUrl,
  eventually,
  getAs,
  injectFault,
  openStreams,
  resetServer,
  serverRequests,
  testBackend,
} from './helpers.js';

async function rejection(promise: Promise<unknown>): Promise<PeerError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(PeerError);
    return error as PeerError;
  }
  throw new Error('expected the promise to reject');
}

describe('RestBackend against the reference server', () => {
  beforeEach(resetServer);

  it('opens the kudos stream again at once when the browser is back online, not after its back-off', async () => {
    // The first connection is refused with a minute's Retry-After: the next try waits 15 s or more.
    await injectFault({ method: 'GET', path: '/api/kudos/stream', status: 503, retryAfter: '60', times: 1 });
    const states: string[] = [];
    const stop = new AbortController();
    testBackend({ retries: 0 }).watchKudos(
      {},
      (event) => {
        if (event.type === 'connection') states.push(event.state);
      },
      { signal: stop.signal },
    );
    try {
      await eventually(async () => states.includes('reconnecting'), 'the refusal');
      window.dispatchEvent(new Event('online'));
      await eventually(async () => states.includes('open'), 'the stream open');
      expect(states.slice(0, 2)).to.deep.equal(['connecting', 'reconnecting']);
    } finally {
      stop.abort();
    }
  });

  it('judges which kudos fit a feed as the server does, for the feeds that share one stream', async () => {
    const newest = (await getAs<{ items: Kudos[] }>('/kudos?limit=100')).items;
    expect(newest.length).to.equal(100);
    const shown = new Set(newest.map((k) => k.id));
    const people = newest.flatMap((k) => [k.giver, ...k.recipients]);
    const filters: KudosFilter[] = [
      ...[...new Set(people.map((p) => p.department.id))].map((team) => ({ team })),
      ...people.slice(0, 12).map((p) => ({ person: p.id })),
      ...[...new Set(newest.flatMap((k) => k.values.map((v) => v.id)))].map((value) => ({ value })),
      { team: people[0].department.id, value: newest[0].values[0].id },
      { person: people[1].id, team: people[5].department.id },
    ];
    expect(filters.length).to.be.greaterThan(20);
    let fitting = 0;
    for (const filter of filters) {
      const query = new URLSearchParams({ ...filter, limit: '100' });
      // The server's answer among the same hundred kudos (all of which it would list first).
      const server = (await getAs<{ items: Kudos[] }>(`/kudos?${query}`)).items.filter((k) => shown.has(k.id));
      const client = newest.filter((k) => fitsFilter(k, filter));
      expect(
        client.map((k) => k.id),
        JSON.stringify(filter),
      ).to.deep.equal(server.map((k) => k.id));
      fitting += client.length;
      // What the server filtered by already is not judged again.
      expect(newest.every((k) => fitsFilter(k, filter, filter))).to.equal(true);
    }
    expect(fitting, 'some kudos fit').to.be.greaterThan(100);

    expect(sharedFilter([{ team: 'design', value: 'courage' }, { team: 'design' }])).to.deep.equal({ team: 'design' });
    expect(sharedFilter([{ person: 'u0001' }, { person: 'u0002' }])).to.deep.equal({});
    expect(sharedFilter([{ person: 'u0001', value: 'courage' }])).to.deep.equal({ person: 'u0001', value: 'courage' });
  });

  it('reads server-sent events in any chunks, and takes an id alone as where to resume', () => {
    const parser = new EventStreamParser();
    expect(parser.push('event: kudos\r\ndata: {"a":\r')).to.deep.equal([]);
    expect(parser.push('\ndata: 1}\nid: 7\n\n: keep-alive\n\n')).to.deep.equal([
      { event: 'kudos', data: '{"a":\n1}', id: '7' },
    ]);
    // The server passed over what this stream does not see: no event, but the position moves.
    expect(parser.push('id: 42\n\n')).to.deep.equal([]);
    expect(parser.lastEventId).to.equal('42');
    expect(parser.push('retry: 2000\nevent: ready\ndata: {}\n\n')).to.deep.equal([
      { event: 'ready', data: '{}', id: '42' },
    ]);
    expect(parser.retry).to.equal(2000);
  });

  it('tells a watcher that joins the open kudos stream how it is, and closes it when the last leaves', async () => {
    const backend = testBackend();
    const first: string[] = [];
    const second: string[] = [];
    const [a, b] = [new AbortController(), new AbortController()];
    backend.watchKudos({}, (e) => first.push(e.type === 'connection' ? e.state : e.type), { signal: a.signal });
    await eventually(async () => first.includes('open'), 'the stream open');
    backend.watchKudos({ value: 'courage' }, (e) => second.push(e.type === 'connection' ? e.state : e.type), {
      signal: b.signal,
    });
    expect(second).to.deep.equal(['open']);
    expect(await openStreams()).to.equal(1);
    a.abort();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await openStreams(), 'one watcher left').to.equal(1);
    b.abort();
    await eventually(async () => (await openStreams()) === 0, 'the stream closed');
    expect(first.filter((state) => state === 'connecting').length, 'opened once').to.equal(1);
  });

  it("reads a mentor's profile anew after they change it, not from its cache", async () => {
    // A mentor no listing shows (and no other test changes), put back as it was.
    const backend = testBackend({}, 'u0062');
    const before = await backend.getMentor('u0062');
    expect((await backend.getMentor('u0062')).accepting, 'from the cache').to.equal(before.accepting);
    try {
      const saved = await backend.updateMyMentorProfile({ accepting: !before.accepting });
      expect(saved.accepting).to.equal(!before.accepting);
      expect((await backend.getMentor('u0062')).accepting).to.equal(!before.accepting);
      const refused = await rejection(backend.updateMyMentorProfile({ capacity: before.activeMentees - 1 }));
      expect(refused.status).to.equal(400);
      expect(refused.errors.map((e) => e.path)).to.deep.equal(['capacity']);
    } finally {
      await backend.updateMyMentorProfile({ accepting: before.accepting });
    }
  });

  it('reads the signed-in person', async () => {
    const me = await testBackend({}, 'u0002').getMe();
    expect(me.id).to.equal('u0002');
    expect(me.department.name).to.be.a('string').and.not.empty;
    expect(me.languages).to.be.an('array');
  });

  it("deletes kudos the signed-in person gave; one already gone counts as deleted, someone else's is refused", async () => {
    const giver = testBackend({}, 'u0070');
    const kudos = await giver.giveKudos({
      recipientIds: ['u0071'],
      message: 'Thanks, to be deleted',
      valueIds: ['learning'],
    });
    const refused = await rejection(testBackend({}, 'u0071').deleteKudos(kudos.id));
    expect(refused.status).to.equal(403);
    await giver.deleteKudos(kudos.id);
    const page = await giver.getKudos({ person: 'u0070', limit: 100 });
    expect(page.items.map((k) => k.id)).to.not.include(kudos.id);
    // A second delete (another tab, a retry whose answer was lost) meets a 404: done all the same.
    await giver.deleteKudos(kudos.id);
    const deletes = (await serverRequests(`/api/kudos/${kudos.id}`)).filter((r) => r.method === 'DELETE');
    expect(deletes.map((r) => r.status)).to.deep.equal([403, 204, 404]);
  });

  describe('errors', () => {
    it('maps 404 to a PeerError with the problem title and detail', async () => {
      const error = await rejection(testBackend({ batch: false }).getPerson('nobody'));
      expect(error.status).to.equal(404);
      expect(error.notFound).to.be.true;
      expect(error.title).to.equal('Not found');
      expect(error.detail).to.contain('nobody');
      expect(error.retryable).to.be.false;
    });

    it('maps 401 to a PeerError that is not retried', async () => {
      const backend = testBackend({ headers: { Authorization: 'Bearer wrong' } });
      const error = await rejection(backend.getMe());
      expect(error.status).to.equal(401);
      expect(error.retryable).to.be.false;
      expect(await serverRequests('/api/me')).to.have.length(1);
    });

    it('carries field errors of a 400 answer', async () => {
      const error = await rejection(testBackend().searchPeople({ q: 'a', limit: 1000 }));
      expect(error.status).to.equal(400);
      expect(error.errors.map((e) => e.path)).to.include('limit');
    });

    it('reports a connection that could not be made as a retryable network error', async () => {
      const backend = testBackend({ baseUrl: 'http://127.0.0.1:9/api', retries: 0 });
      const error = await rejection(backend.getMe());
      expect(error.kind).to.equal('network');
      expect(error.retryable).to.be.true;
    });

    it('keeps a PeerError as it is and turns anything else thrown into a retryable network error', async () => {
      const refused = await rejection(testBackend({ batch: false }).getPerson('nobody'));
      expect(asPeerError(refused) === refused, 'the same error').to.equal(true);
      const thrown = new TypeError('Failed to fetch');
      const wrapped = asPeerError(thrown);
      expect(wrapped).to.be.instanceOf(PeerError);
      expect(wrapped.kind).to.equal('network');
      expect(wrapped.retryable).to.be.true;
      expect(wrapped.cause === thrown, 'caused by what was thrown').to.equal(true);
    });
  });

  describe('retries', () => {
    it('retries a GET after 503s with backoff, and succeeds', async () => {
      await injectFault({ path: '/api/people/u0003', status: 503, times: 2 });
      const retries: RetryInfo[] = [];
      const person = await testBackend({ batch: false, onRetry: (info) => retries.push(info) }).getPerson('u0003');
      expect(person.id).to.equal('u0003');
      expect(retries.map((r) => r.error.status)).to.deep.equal([503, 503]);
      const requests = await serverRequests('/api/people/u0003');
      expect(requests.map((r) => r.status)).to.deep.equal([503, 503, 200]);
    });

    it('retries 502 and 504', async () => {
      await injectFault({ path: '/api/me', status: 502 });
      await injectFault({ path: '/api/me', status: 504 });
      const kinds: string[] = [];
      const me = await testBackend({
        onRetry: (info) => kinds.push(`${info.error.kind}:${info.error.status}`),
      }).getMe();
      expect(me.id).to.equal('u0001');
      expect(kinds).to.deep.equal(['http:502', 'http:504']);
    });

    it('gives up after the configured number of retries', async () => {
      await injectFault({ path: '/api/me', status: 503, times: 10 });
      const error = await rejection(testBackend({ retries: 2 }).getMe());
      expect(error.status).to.equal(503);
      expect(error.retryable).to.be.true;
      expect(await serverRequests('/api/me')).to.have.length(3);
    });

    it('honours Retry-After on 429', async () => {
      await injectFault({ path: '/api/me', status: 429, retryAfter: '1' });
      const retries: RetryInfo[] = [];
      const me = await testBackend({ onRetry: (info) => retries.push(info) }).getMe();
      expect(me.id).to.equal('u0001');
      expect(retries).to.have.length(1);
      expect(retries[0].delay).to.equal(1000);
      const [first, second] = await serverRequests('/api/me');
      expect(first.status).to.equal(429);
      expect(second.status).to.equal(200);
      // A lower bound only: the retry cannot have come before the server's Retry-After.
      expect(second.at - first.at).to.be.at.least(950);
    });

    it('does not retry a POST without an Idempotency-Key, but does with one', async () => {
      const http = new HttpClient({ baseUrl: apiUrl, retryDelay: 10, headers: { Authorization: 'Bearer demo-u0001' } });
      await injectFault({ method: 'POST', path: '/api/nowhere', status: 503, times: 5 });
      const plain = await rejection(http.send({ method: 'POST', url: http.url('/nowhere'), body: {} }));
      expect(plain.status).to.equal(503);
      expect(await serverRequests('/api/nowhere')).to.have.length(1);
      const keyed = await rejection(
        http.send({ method: 'POST', url: http.url('/nowhere'), body: {}, idempotencyKey: 'k-1' }),
      );
      // 3 retries after the first attempt; the fault outlasts them.
      expect(keyed.status).to.equal(503);
      expect(await serverRequests('/api/nowhere')).to.have.length(5);
    });
  });

  describe('time limits and cancellation', () => {
    it('times out a slow request', async () => {
      await injectFault({ path: '/api/me', delayMs: 3000 });
      const error = await rejection(testBackend({ timeout: 200, retries: 0 }).getMe());
      expect(error.kind).to.equal('timeout');
      expect(error.retryable).to.be.true;
    });

    it('rejects with kind "aborted" when the caller aborts', async () => {
      await injectFault({ path: '/api/me', delayMs: 2000 });
      const controller = new AbortController();
      const pending = testBackend().getMe({ signal: controller.signal });
      controller.abort();
      const error = await rejection(pending);
      expect(error.kind).to.equal('aborted');
    });

    it('sends nothing for a caller that has already gone, and leaves no unhandled rejection', async () => {
      const unhandled: unknown[] = [];
      const listener = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
      window.addEventListener('unhandledrejection', listener);
      try {
        const error = await rejection(testBackend().getMe({ signal: AbortSignal.abort() }));
        expect(error.kind).to.equal('aborted');
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(unhandled).to.deep.equal([]);
        expect(await serverRequests('/api/me')).to.deep.equal([]);
      } finally {
        window.removeEventListener('unhandledrejection', listener);
      }
    });
  });

  describe('de-duplication and caching', () => {
    it('sends identical GETs in flight once', async () => {
      const backend = testBackend();
      const [a, b, c] = await Promise.all([backend.getMe(), backend.getMe(), backend.getMe()]);
      expect(a.id).to.equal('u0001');
      expect(b).to.deep.equal(a);
      expect(c).to.deep.equal(a);
      expect(await serverRequests('/api/me')).to.have.length(1);
    });

    it('keeps a shared request alive while one caller still waits', async () => {
      await injectFault({ path: '/api/me', delayMs: 300 });
      const backend = testBackend();
      const controller = new AbortController();
      const aborted = backend.getMe({ signal: controller.signal });
      const kept = backend.getMe();
      controller.abort();
      expect((await rejection(aborted)).kind).to.equal('aborted');
      expect((await kept).id).to.equal('u0001');
      expect(await serverRequests('/api/me')).to.have.length(1);
    });

    it('answers from the cache while fresh', async () => {
      const backend = testBackend();
      await backend.getMe();
      await backend.getMe();
      expect(await serverRequests('/api/me')).to.have.length(1);
    });

    it('revalidates with If-None-Match and accepts 304', async () => {
      const backend = testBackend({ cacheTtl: 0, staleTtl: 0 });
      const first = await backend.getMe();
      const second = await backend.getMe();
      expect(second).to.deep.equal(first);
      const requests = await serverRequests('/api/me');
      expect(requests).to.have.length(2);
      expect(requests[0].ifNoneMatch).to.equal(null);
      expect(requests[1].ifNoneMatch).to.be.a('string').and.not.empty;
      expect(requests[1].status).to.equal(304);
    });

    it('serves a stale answer at once and revalidates it in the background', async () => {
      let now = 0;
      const backend = testBackend({ cacheTtl: 1000, staleTtl: 60_000, now: () => now });
      await backend.getMe();
      now = 5000;
      await injectFault({ path: '/api/me', delayMs: 500 });
      const stale = await backend.getMe();
      expect(stale.id).to.equal('u0001');
      let requests = await serverRequests('/api/me');
      await eventually(
        async () => (requests = await serverRequests('/api/me')).length === 2,
        'the background revalidation',
      );
      expect(requests[1].ifNoneMatch).to.be.a('string');
    });
  });

  describe('batching', () => {
    it('turns person look-ups of one tick into requests of at most 50 ids', async () => {
      const backend = testBackend();
      const ids = Array.from({ length: 120 }, (_, i) => `u${String(i + 1).padStart(4, '0')}`);
      const people = await Promise.all(ids.map((id) => backend.getPerson(id)));
      expect(people.map((p) => p.id)).to.deep.equal(ids);
      const requests = await serverRequests('/api/people');
      expect(requests).to.have.length(3);
      const sizes = requests.map((r) => new URLSearchParams(r.search).get('ids')!.split(',').length);
      expect(sizes.sort((a, b) => b - a)).to.deep.equal([50, 50, 20]);
    });

    it('rejects unknown ids of a batch with 404 and resolves the rest', async () => {
      const backend = testBackend();
      const [known, unknown] = await Promise.allSettled([backend.getPerson('u0004'), backend.getPerson('ghost')]);
      expect(known.status).to.equal('fulfilled');
      expect(unknown.status).to.equal('rejected');
      expect((unknown as PromiseRejectedResult).reason.status).to.equal(404);
      expect(await serverRequests('/api/people')).to.have.length(1);
    });

    it('does not ask again for a person already loaded', async () => {
      const backend = testBackend();
      await backend.getPerson('u0005');
      const again = await backend.getPeople(['u0005', 'u0006']);
      expect([...again.keys()]).to.deep.equal(['u0005', 'u0006']);
      const requests = await serverRequests('/api/people');
      expect(requests.map((r) => new URLSearchParams(r.search).get('ids'))).to.deep.equal(['u0005', 'u0006']);
    });

    it('drops a look-up aborted before the batch is sent', async () => {
      const backend = testBackend();
      const controller = new AbortController();
      const aborted = backend.getPerson('u0007', { signal: controller.signal });
      const kept = backend.getPerson('u0008');
      controller.abort();
      expect((await rejection(aborted)).kind).to.equal('aborted');
      expect((await kept).id).to.equal('u0008');
      const requests = await serverRequests('/api/people');
      expect(requests.map((r) => new URLSearchParams(r.search).get('ids'))).to.deep.equal(['u0008']);
    });
  });

  describe('foreign APIs', () => {
    it('follows path templates and response mappers', async () => {
      const backend = testBackend({
        batch: false,
        paths: { me: '/people/u0009', person: '/people/{id}' },
        mappers: {
          me: (raw) => ({ ...(raw as object), languages: ['xx'] }) as never,
          person: (raw) => {
            const person = raw as { name: string };
            return { ...person, name: person.name.toUpperCase() } as never;
          },
        },
      });
      const me = await backend.getMe();
      expect(me.id).to.equal('u0009');
      expect(me.languages).to.deep.equal(['xx']);
      const person = await backend.getPerson('u0010');
      expect(person.name).to.equal(person.name.toUpperCase());
      const paths = (await serverRequests()).map((r) => r.path);
      expect(paths).to.deep.equal(['/api/people/u0009', '/api/people/u0010']);
    });

    it('gets fresh headers from an async function for every request', async () => {
      let calls = 0;
      const backend = testBackend({
        cacheTtl: 0,
        staleTtl: 0,
        headers: async () => {
          calls++;
          return { Authorization: 'Bearer demo-u0011' };
        },
      });
      expect((await backend.getMe()).id).to.equal('u0011');
      await backend.getMe();
      expect(calls).to.equal(2);
    });
  });
});
