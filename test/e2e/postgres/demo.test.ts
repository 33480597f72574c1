import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { freshLocation, onPostgres } from '../../server/helpers.js';
import { showsEveryWidget } from '../demo-page.js';
import { serverAndBrowser } from '../running.js';

describe('the demo page on PostgreSQL', () => {
  // An empty database, migrated and seeded by the server's first start, as DATABASE_URL=… npm start does.
  const e2e = serverAndBrowser(async () => {
    assert.ok(onPostgres, 'run with PEERKIT_TEST_DATABASE_URL set: npm run test:e2e');
    return { DATABASE_URL: await freshLocation() };
  });

  it('shows every widget with its data and sends feedback, loading only dist/peerkit.js', async () => {
    assert.match(e2e.server.output(), /Database: PostgreSQL/);
    await showsEveryWidget(e2e.browser, e2e.server.origin);
  });
});
