import { expect } from '@open-wc/testing';
import { apiUrl, injectFault, resetServer, serverRequests, tokenOf } from './helpers.js';

// The request counts other tests assert come from the shared server's log; they must be this page's own.
describe('the test server’s request log', () => {
  it('counts the requests of this page, not those of another page', async () => {
    await resetServer();
    const headers = { Authorization: `Bearer ${tokenOf('u0001')}` };
    await fetch(`${apiUrl}/people/u0002`, { headers });
    // What a page left running by the file before would send: the same server, another test session.
    const elsewhere = new URL(location.href);
    elsewhere.searchParams.set('wtr-session-id', 'another-session');
    await fetch(`${apiUrl}/people/u0003`, { headers, referrer: elsewhere.href });
    const paths = (await serverRequests()).map((r) => r.path);
    expect(paths).to.include('/api/people/u0002');
    expect(paths).to.not.include('/api/people/u0003');
  });

  it('leaves photos out unless asked for them: the browser loads them lazily and from its own cache', async () => {
    await resetServer();
    const headers = { Authorization: `Bearer ${tokenOf('u0001')}` };
    await fetch(`${apiUrl}/people/u0002`, { headers });
    await fetch(`${apiUrl}/avatars/u0002.svg`, { cache: 'no-store' });
    expect((await serverRequests()).map((r) => r.path)).to.deep.equal(['/api/people/u0002']);
    expect((await serverRequests('/api/avatars/')).map((r) => r.path)).to.deep.equal(['/api/avatars/u0002.svg']);
  });
});

describe('the test server’s faults', () => {
  afterEach(resetServer);

  it('a fault for a path hits that path and what is under it, not a longer name that starts the same', async () => {
    const headers = { Authorization: `Bearer ${tokenOf('u0001')}` };
    await injectFault({ path: '/api/me', status: 503, times: 3 });
    // `/api/mentors` starts with `/api/me` but is another resource: the fault leaves it alone.
    expect((await fetch(`${apiUrl}/mentors?limit=1`, { headers })).status).to.equal(200);
    expect((await fetch(`${apiUrl}/me`, { headers })).status).to.equal(503);
    expect((await fetch(`${apiUrl}/me?fields=id`, { headers })).status).to.equal(503);
    expect((await fetch(`${apiUrl}/me/skills`, { headers })).status).to.equal(503);
    expect((await fetch(`${apiUrl}/me`, { headers })).status, 'three times only').to.equal(200);
  });

  it('a fault this page injected is not used up by a request from another page', async () => {
    const headers = { Authorization: `Bearer ${tokenOf('u0001')}` };
    await injectFault({ path: '/api/me', status: 503, times: 1 });
    // A late request from the page of the file before, still running: the same server, another test session.
    const elsewhere = new URL(location.href);
    elsewhere.searchParams.set('wtr-session-id', 'another-session');
    expect((await fetch(`${apiUrl}/me`, { headers, referrer: elsewhere.href })).status).to.equal(200);
    expect((await fetch(`${apiUrl}/me`, { headers })).status, 'still there for this page').to.equal(503);
    expect((await fetch(`${apiUrl}/me`, { headers })).status, 'once only').to.equal(200);
  });
});
