import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { serverAndBrowser } from './running.js';

const axeSource = readFileSync(resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

/** The `<details>` of one operation, by its method and path. */
const operation = (page: Page, method: string, path: string) =>
  page.locator('details').filter({
    has: page.locator('summary', { hasText: new RegExp(`^${method}\\s*${path.replace(/[/{}]/g, '\\$&')} — `) }),
  });

describe('the interactive API reference (/api/docs)', () => {
  const e2e = serverAndBrowser();

  it('sends a write with its example body and its headers as headers; a bad body is refused before sending', async () => {
    const page = await e2e.browser.newPage();
    const failures: string[] = [];
    page.on('console', (message) => message.type() === 'error' && failures.push(message.text()));
    page.on('pageerror', (error) => failures.push(error.message));
    await page.goto(`${e2e.server.origin}/api/docs`);
    await page.getByLabel('Bearer token').fill('demo-u0001');
    await page.getByLabel('Bearer token').press('Tab');

    const give = operation(page, 'POST', '/kudos');
    await give.locator('summary').click();
    // The document's example, ready to send; its `code` spans shown as code.
    const body = give.getByLabel('Request body (JSON)');
    const example = JSON.parse(await body.inputValue());
    assert.deepEqual(example.recipientIds, ['u0002']);
    assert.equal(await give.locator('p code').first().textContent(), 'Idempotency-Key');

    const message = `Sent from the reference page ${Date.now()}`;
    await body.fill(JSON.stringify({ ...example, message }));
    await give.getByLabel('Idempotency-Key (header)').fill('reference-page-1');
    const status = give.getByRole('status');
    const response = give.getByLabel('Response to POST /kudos');
    for (let attempt = 0; attempt < 2; attempt++) {
      await status.evaluate((node) => (node.textContent = ''));
      await give.getByRole('button', { name: 'Send request' }).click();
      await status.filter({ hasText: '201 Created' }).waitFor();
      assert.match((await response.textContent())!, /Location: .*\/kudos\/\S+/);
      assert.match((await response.textContent())!, new RegExp(message));
    }
    // The key went as a header: sent twice, stored once.
    const feed = await fetch(`${e2e.server.origin}/api/kudos?person=u0002&limit=100`, {
      headers: { Authorization: 'Bearer demo-u0001' },
    });
    const items = ((await feed.json()) as { items: { message: string }[] }).items;
    assert.equal(items.filter((kudos) => kudos.message === message).length, 1);

    // Not JSON: nothing is sent, the reader is told why, and the body keeps what they typed.
    await body.fill('{ "message": ');
    await give.getByRole('button', { name: 'Send request' }).click();
    await status.filter({ hasText: 'The request body is not valid JSON' }).waitFor();
    assert.equal(await body.getAttribute('aria-invalid'), 'true');
    assert.equal(await body.evaluate((node) => node === document.activeElement), true);
    assert.equal(await body.inputValue(), '{ "message": ');
    assert.deepEqual(failures, []);
    await page.close();
  });

  it('shows a live stream as it arrives, until stopped', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.server.origin}/api/docs`);
    await page.getByLabel('Bearer token').fill('demo-u0003');
    await page.getByLabel('Bearer token').press('Tab');
    const stream = operation(page, 'GET', '/kudos/stream');
    await stream.locator('summary').click();
    await stream.getByRole('button', { name: 'Send request' }).click();
    await stream.getByRole('status').filter({ hasText: '200 OK: events show as they arrive' }).waitFor();
    const stop = stream.getByRole('button', { name: 'Stop' });
    assert.equal(await stop.isVisible(), true);

    const message = `Live on the reference page ${Date.now()}`;
    const sent = await fetch(`${e2e.server.origin}/api/kudos`, {
      method: 'POST',
      headers: { Authorization: 'Bearer demo-u0004', 'Content-Type': 'application/json' },
      body: JSON.stringify({ recipientIds: ['u0005'], message, valueIds: ['learning'], visibility: 'public' }),
    });
    assert.equal(sent.status, 201);
    const output = stream.getByLabel('Response to GET /kudos/stream');
    await output.filter({ hasText: message }).waitFor();
    assert.match((await output.textContent())!, /event: kudos/);

    await stop.click();
    await stream.getByRole('status').filter({ hasText: 'Stopped.' }).waitFor();
    assert.equal(await stop.isVisible(), false);
    await page.close();
  });

  it('is axe-clean with every operation open, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await e2e.browser.newPage({ colorScheme });
      await page.goto(`${e2e.server.origin}/api/docs`);
      await page.locator('details').first().waitFor();
      await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        type Axe = { run: (context: Document) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
        const result = await (window as unknown as { axe: Axe }).axe.run(document);
        return result.violations.map(
          (v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => (n as { target: unknown }).target))}`,
        );
      });
      assert.deepEqual(violations, [], colorScheme);
      await page.close();
    }
  });
});
