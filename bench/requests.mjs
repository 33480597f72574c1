// Requests an intranet page makes: a page of five web parts (a <peer-provider> each, as a CMS puts
// them), four kudos feeds of other filters among them, against the reference server in headless
// Chromium. Providers of the same settings share one backend; the baseline, in the same run, gives
// every web part a backend of its own (other `headers` objects), as every provider had before.
// Counts, not times: API requests until every widget shows (photos aside: the browser caches those
// alike), live streams asked for, and live streams the server holds open for the page at the end.
// Run after `npm run build`: `node bench/requests.mjs [rounds]`.
// Targets: one live stream open for the page; API requests at most 0.6× the baseline's.
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from '../scripts/find-chrome.mjs';
import { startServer } from '../scripts/start-test-server.mjs';

const rounds = Number(process.argv[2] ?? 3);
const parts = [
  '<peer-person person-id="me"></peer-person><peer-kudos-feed team="eng" page-size="5"></peer-kudos-feed>',
  '<peer-kudos-feed value="courage" page-size="5"></peer-kudos-feed>',
  '<peer-kudos-feed person="u0002" page-size="5"></peer-kudos-feed>',
  '<peer-mentor-matches limit="2"></peer-mentor-matches>',
  '<peer-kudos-feed page-size="5"></peer-kudos-feed>',
];
const body = parts.map((part) => `<section><peer-provider base-url="/api">${part}</peer-provider></section>`).join('');

// Test hooks on: the server says how many live streams it holds open.
const server = await startServer({ PEERKIT_TEST_HOOKS: '1' });
const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });

/** Loads the page; `own` gives each provider a backend of its own. Counts what reached the API. */
async function measure(own) {
  const context = await browser.newContext();
  const page = await context.newPage();
  // The demo page signs in its first person (a cookie); the bench page is served at the same origin.
  await page.goto(`${server.origin}/`);
  await page.route(`${server.origin}/bench.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><body><template>${body}</template><main></main>
        <script type="module">
          await import('/dist/peerkit.js');
          const parts = document.importNode(document.querySelector('template').content, true);
          // The baseline: each provider with headers of its own, so a backend of its own.
          if (${own}) for (const provider of parts.querySelectorAll('peer-provider')) provider.headers = {};
          document.querySelector('main').append(parts);
        </script></body></html>`,
    }),
  );
  const api = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/') && !url.pathname.startsWith('/api/avatars/')) api.push(url.pathname);
  });
  await page.goto(`${server.origin}/bench.html`);
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('peer-kudos-feed')].every((feed) => feed.shadowRoot?.querySelector('article')) &&
      document.querySelector('peer-mentor-matches')?.shadowRoot?.querySelector('peer-mentor-card'),
    null,
    { timeout: 60_000 },
  );
  // What loads after the first pages (who reads, values, streams) has a moment to go.
  await page.waitForTimeout(1500);
  const { open } = await (await fetch(`${server.origin}/__test/streams`)).json();
  await context.close();
  const streams = api.filter((path) => path === '/api/kudos/stream').length;
  return { requests: api.length, streams, open };
}

const samples = [];
for (let round = 0; round < rounds; round++) {
  // Alternate the order so that neither side always meets a warmer server.
  const sample = {};
  for (const own of round % 2 ? [false, true] : [true, false]) sample[own ? 'own' : 'shared'] = await measure(own);
  samples.push(sample);
}
await browser.close();
await server.stop();

console.log(`rounds: ${rounds}; a page of 5 web parts, 4 kudos feeds, a person card and mentor matches:`);
for (const [i, { shared, own }] of samples.entries()) {
  console.log(
    `  round ${i + 1}: a backend per web part (baseline): ${own.requests} API requests, ${own.open} live streams open` +
      ` (${own.streams} asked for); shared: ${shared.requests} requests = ${(shared.requests / own.requests).toFixed(2)}× baseline,` +
      ` ${shared.open} open (${shared.streams} asked for)`,
  );
}
const worst = Math.max(...samples.map(({ shared, own }) => shared.requests / own.requests));
const streams = Math.max(...samples.map(({ shared }) => shared.open));
console.log(`worst ratio ${worst.toFixed(2)}× (target ≤ 0.60×); most live streams open ${streams} (target 1)`);
const ok = worst <= 0.6 && streams === 1;
console.log(ok ? 'targets met' : 'TARGET MISSED');
process.exit(ok ? 0 : 1);
