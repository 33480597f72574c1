import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { serverAndBrowser } from './running.js';

/* demo/autoload.html: dist/peerkit-autoloader.js loads a widget's code when its tag first appears. */
describe('the autoloader', () => {
  const e2e = serverAndBrowser();

  it('is small', () => {
    const size = gzipSync(readFileSync(resolve(import.meta.dirname, '../../dist/peerkit-autoloader.js')), {
      level: 9,
    }).length;
    console.log(`dist/peerkit-autoloader.js: ${size} B min+gzip`);
    assert.ok(size <= 2048, `${size} B`);
  });

  it('loads only the widgets on the page, and more when content arrives later', async () => {
    const page = await e2e.browser.newPage();
    const scripts: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/dist/cdn/') && !path.includes('/shared-')) scripts.push(path);
    });
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(`${e2e.server.origin}/demo/autoload.html`);
    await page.locator('peer-person [part~="name"]').waitFor();
    assert.deepEqual(scripts, ['/dist/cdn/person.js']);
    assert.equal(await page.evaluate(() => customElements.get('peer-kudos-feed') === undefined), true);

    await page.locator('#add-feed').click();
    await page.locator('peer-kudos-feed article[aria-posinset]').first().waitFor();
    assert.deepEqual(scripts.sort(), ['/dist/cdn/kudos-feed.js', '/dist/cdn/person.js']);

    // A tag inside the shadow root of the page's own component is found too.
    await page.locator('#add-badge').click();
    await page.locator('team-badge peer-mentor-card [part~="expertise"]').waitFor();
    assert.deepEqual(scripts.sort(), ['/dist/cdn/kudos-feed.js', '/dist/cdn/mentor-card.js', '/dist/cdn/person.js']);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
