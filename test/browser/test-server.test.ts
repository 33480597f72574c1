import { expect } from '@open-wc/testing';
import { apiUrl, resetServer, serverRequests, tokenOf } from './helpers.js';

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
});
