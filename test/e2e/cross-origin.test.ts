import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { serverAndBrowser } from './running.js';

interface Circle {
  id: string;
  joined: boolean;
  memberCount: number;
  capacity: number;
}

/*
 * A reader signed in with a session cookie (the demo's; an SSO proxy's works alike) visits a page
 * of another origin on the same site (another port of the intranet's host), which sends the
 * browser to join a mentorship circle in the reader's name. The cookie goes with the request: the
 * server must refuse it.
 */
describe('a page of another origin', () => {
  const e2e = serverAndBrowser(() => ({ PEERKIT_DB: ':memory:' }));
  let other: { origin: string; close: () => void };

  before(async () => {
    const page = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end('<!doctype html><title>Elsewhere</title><p>Nothing to see.</p>');
    });
    await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
    other = { origin: `http://127.0.0.1:${(page.address() as AddressInfo).port}`, close: () => page.close() };
  });

  after(async () => {
    other?.close();
  });

  /** Asks the browser, from `page`, to join the circle, as a form or an image would: no CORS, the cookie sent. */
  const joinFrom = (page: Page, url: string) =>
    page.evaluate(async (url) => {
      await fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include' });
    }, url);

  it('cannot make a signed-in reader join a circle; the server’s own page can', async () => {
    const context = await e2e.browser.newContext();
    const own = await context.newPage();
    await own.goto(`${e2e.server.origin}/demo/`);
    const circles = await own.evaluate(async () => {
      const signedIn = await fetch('/api/demo/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ personId: 'u0160' }),
      });
      if (!signedIn.ok) throw new Error(`sign-in: ${signedIn.status}`);
      return ((await (await fetch('/api/circles')).json()) as { items: Circle[] }).items;
    });
    const circle = circles.find((c) => !c.joined && c.memberCount < c.capacity)!;
    const joinUrl = `${e2e.server.origin}/api/circles/${circle.id}/join`;
    const joined = () =>
      own.evaluate(
        async (id) =>
          ((await (await fetch('/api/circles')).json()) as { items: Circle[] }).items.find((c) => c.id === id)!.joined,
        circle.id,
      );

    // Another origin of the same host: another port, where the intranet runs something else.
    const elsewhere = await context.newPage();
    const refused: number[] = [];
    elsewhere.on('response', (response) => response.url() === joinUrl && refused.push(response.status()));
    await elsewhere.goto(`${other.origin}/`);
    await joinFrom(elsewhere, joinUrl);
    assert.deepEqual(refused, [403]);
    assert.equal(await joined(), false);

    await joinFrom(own, joinUrl);
    assert.equal(await joined(), true);
    await context.close();
  });
});
