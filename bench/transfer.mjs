// Bytes the demo intranet page (every widget) moves over the network, loaded in headless Chromium
// from the reference server: the script, the page, the API's answers and the photos, counted as
// they travel (headers included; the live stream, which never ends, aside). The baseline, in the
// same run, is the same visit by a browser that accepts no compression (`Accept-Encoding:
// identity`), which is what every visit cost while the server compressed nothing. Then the visit is
// repeated in the same browser: the files it holds are answered 304 Not Modified, without a body.
// The API's answers travel again (compressed): the widgets keep nobody's data in the browser's cache.
// Run after `npm run build`: `node bench/transfer.mjs`.
// Targets: the first visit at most 0.40× the baseline; a repeated visit at most 0.35× the first (what
// is left is mostly the headers of its requests).
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from '../scripts/find-chrome.mjs';
import { startServer } from '../scripts/start-test-server.mjs';

const server = await startServer();
const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });

/** Visits the demo page in `context` until every widget shows; the bytes received, and requests answered 304. */
async function visit(context, headers = {}) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  // Not Playwright's own cache switch: the page must use the browser's HTTP cache as a reader's would.
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  if (Object.keys(headers).length) await cdp.send('Network.setExtraHTTPHeaders', { headers });
  let bytes = 0;
  let notModified = 0;
  let body = 0;
  cdp.on('Network.loadingFinished', (event) => (bytes += event.encodedDataLength));
  cdp.on('Network.dataReceived', (event) => (body += event.dataLength));
  // The status that travelled: a revalidated answer is reported to the page as the 200 it holds.
  cdp.on('Network.responseReceivedExtraInfo', (event) => event.statusCode === 304 && notModified++);
  await page.goto(`${server.origin}/`);
  await page.waitForFunction(
    () =>
      ['peer-kudos-feed', 'peer-skill-map', 'peer-mentor-matches', 'peer-feedback-inbox'].every((tag) =>
        document.querySelector(tag)?.shadowRoot?.querySelector('article, [role=grid], peer-mentor-card'),
      ),
    null,
    { timeout: 60_000 },
  );
  // What loads after the first answers (photos, the next widgets' data) has a moment to go.
  await page.waitForTimeout(2000);
  await page.close();
  return { bytes, body, notModified };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const plainContext = await browser.newContext();
const baseline = await visit(plainContext, { 'Accept-Encoding': 'identity' });
await plainContext.close();
const context = await browser.newContext();
const first = await visit(context);
const again = await visit(context);
await context.close();
await browser.close();
await server.stop();

const firstRatio = first.bytes / baseline.bytes;
const againRatio = again.bytes / first.bytes;
console.log(`the demo page, every widget on it:`);
console.log(`  baseline, no compression:  ${kb(baseline.bytes)} received (${kb(baseline.body)} of content)`);
console.log(`  first visit, compressed:   ${kb(first.bytes)} = ${firstRatio.toFixed(2)}× baseline (target ≤ 0.40×)`);
console.log(
  `  repeated visit:            ${kb(again.bytes)} = ${againRatio.toFixed(2)}× the first (target ≤ 0.35×), ${again.notModified} answers 304`,
);
const ok = firstRatio <= 0.4 && againRatio <= 0.35;
console.log(ok ? 'targets met' : 'TARGET MISSED');
process.exit(ok ? 0 : 1);
