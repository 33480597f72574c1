import { esbuildPlugin } from '@web/dev-server-esbuild';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { readFileSync } from 'node:fs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromeArgs, findChrome, NO_CHROME } from './scripts/find-chrome.mjs';
import { freePort, startServer } from './scripts/start-test-server.mjs';

const executablePath = findChrome();
if (!executablePath) {
  console.error(NO_CHROME);
  process.exit(1);
}

// Every browser test talks to the real reference server, started here on an in-memory database.
const port = await freePort();
const server = await startServer({
  PEERKIT_TEST_HOOKS: '1',
  PEERKIT_RATE_LIMIT: '0',
  PEERKIT_FEEDBACK_PER_DAY: '1000',
  PEERKIT_CORS_ORIGINS: `http://localhost:${port},http://127.0.0.1:${port}`,
});
const stop = () => server.stop();
process.on('exit', () => server.child.kill('SIGTERM'));
process.on('SIGINT', () => stop().then(() => process.exit(130)));

/** The tab each test page is covered by, while it is. */
const covers = new WeakMap();
const cdpSessions = new WeakMap();
/** One DevTools session per test page, made once. */
async function cdpOf(page) {
  let cdp = cdpSessions.get(page);
  if (!cdp) {
    cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    cdpSessions.set(page, cdp);
  }
  return cdp;
}

export default {
  files: ['test/browser/**/*.test.ts'],
  port,
  hostname: 'localhost',
  nodeResolve: true,
  // One file at a time: the tests count the requests that reach the shared server.
  concurrency: 1,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 20_000 } },
  middleware: [
    // The shared hostile-strings list lives beside the project.
    async (context, next) => {
      if (context.path !== '/__shared/blns.json') return next();
      context.type = 'application/json';
      context.body = readFileSync(new URL('../shared/data/blns.json', import.meta.url));
    },
  ],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json' }),
    // `a11ySnapshot()`: the accessibility tree as Chromium gives it to screen readers.
    a11ySnapshotPlugin(),
    {
      // `executeServerCommand('block-urls', { urls })` makes the page's requests to these URL patterns
      // fail as a dropped network does (the test runner's own connection stays up); `[]` lifts it.
      name: 'block-urls',
      async executeCommand({ command, payload, session }) {
        if (command !== 'block-urls') return undefined;
        const cdp = await cdpOf(session.browser.getPage(session.id));
        await cdp.send('Network.setBlockedURLs', { urls: payload?.urls ?? [] });
        return true;
      },
    },
    {
      // `executeServerCommand('cover-page', { covered })`: another tab opens in front of the test page,
      // which is then hidden (`document.visibilityState`), as a reader's page is behind another tab;
      // `covered: false` closes it, and the test page is shown again.
      name: 'cover-page',
      async executeCommand({ command, payload, session }) {
        if (command !== 'cover-page') return undefined;
        const page = session.browser.getPage(session.id);
        await covers.get(page)?.close();
        covers.delete(page);
        // The focus emulation (see createPage) keeps a page visible whatever covers it: off meanwhile.
        await page.emulateFocusedPage(!payload?.covered);
        if (payload?.covered) covers.set(page, await page.browserContext().newPage());
        else await page.bringToFront();
        // The page learns of it a moment later: answer once it has (polled by timer, as a hidden page draws no frames).
        const state = payload?.covered ? 'hidden' : 'visible';
        await page.waitForFunction(
          (want) => document.visibilityState === want,
          { polling: 50, timeout: 10_000 },
          state,
        );
        return true;
      },
    },
    {
      // `executeServerCommand('forced-colors', { active })`: the page as in Windows high-contrast mode.
      name: 'forced-colors',
      async executeCommand({ command, payload, session }) {
        if (command !== 'forced-colors') return undefined;
        const cdp = await cdpOf(session.browser.getPage(session.id));
        const value = payload?.active ? 'active' : 'none';
        await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value }] });
        return true;
      },
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args: chromeArgs },
      // Each test page behaves as the focused window, as a reader's page does: without this, a page
      // opened after others can lack the system focus, and then focus() fires no focus events.
      createPage: async ({ context }) => {
        const page = await context.newPage();
        await page.emulateFocusedPage(true);
        return page;
      },
    }),
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8">
        <!-- Requests to the test server name this page in full (the server is another origin), so that a
             test counts its own requests, not a late one from the page of the file before. -->
        <meta name="referrer" content="unsafe-url">
      </head>
      <body>
        <script>window.PEERKIT_TEST_SERVER = ${JSON.stringify(server.origin)};</script>
        <script type="module" src="${testFramework}"></script>
      </body>
    </html>`,
};
