import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startServer } from '../../scripts/start-test-server.mjs';

describe('server process', () => {
  it('serves on PORT and stops cleanly on SIGTERM', async () => {
    const server = await startServer();
    const health = await fetch(`${server.origin}/api/health`);
    assert.equal(health.status, 200);
    const code = await server.stop();
    assert.equal(code, 0);
    assert.match(server.output(), /SIGTERM: finishing open requests/);
  });
});
