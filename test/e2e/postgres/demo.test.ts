import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { chromeArgs, findChrome, NO_CHROME } from '../../../scripts/find-chrome.mjs';
import { startServer } from '../../../scripts/start-test-server.mjs';
import { freshLocation, onPostgres } from '../../server/helpers.js';
import { showsEveryWidget } from '../demo-page.js';

describe('the demo page on PostgreSQL', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;

  before(async () => {
    assert.ok(onPostgres, 'run with PEERKIT_TEST_DATABASE_URL set: npm run test:e2e');
    const executablePath = findChrome();
    assert.ok(executablePath, NO_CHROME);
    // An empty database, migrated and seeded by the server's first start, as DATABASE_URL=… npm start does.
    server = await startServer({ DATABASE_URL: await freshLocation() });
    browser = await chromium.launch({ executablePath, args: chromeArgs });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows every widget with its data and sends feedback, loading only dist/peerkit.js', async () => {
    assert.match(server.output(), /Database: PostgreSQL/);
    await showsEveryWidget(browser, server.origin);
  });
});
