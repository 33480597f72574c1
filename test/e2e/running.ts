import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { chromeArgs, findChrome, NO_CHROME } from '../../scripts/find-chrome.mjs';
import { startServer } from '../../scripts/start-test-server.mjs';

export interface Running {
  /** The reference server, as `npm start` runs it, with `env`. */
  server: Awaited<ReturnType<typeof startServer>>;
  /** Headless Chromium. */
  browser: Browser;
}

/**
 * Starts the server (with the environment `env` gives) and Chromium before the tests of the
 * surrounding `describe`, and stops both after them. Read `server` and `browser` inside the tests.
 */
export function serverAndBrowser(env: () => Record<string, string> | Promise<Record<string, string>> = () => ({})) {
  const running = {} as Running;
  before(async () => {
    const executablePath = findChrome();
    assert.ok(executablePath, NO_CHROME);
    running.server = await startServer(await env());
    running.browser = await chromium.launch({ executablePath, args: chromeArgs });
  });
  after(async () => {
    await running.browser?.close();
    await running.server?.stop();
  });
  return running;
}
