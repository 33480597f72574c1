import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { chromeArgs, findChrome, NO_CHROME } from '../../scripts/find-chrome.mjs';
import { startServer } from '../../scripts/start-test-server.mjs';

describe('the demo page, served as npm start serves it', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'peerkit-e2e-'));

  before(async () => {
    const executablePath = findChrome();
    assert.ok(executablePath, NO_CHROME);
    // A database file, created and seeded on first start, as with npm start.
    server = await startServer({ PEERKIT_DB: join(dir, 'peerkit.db') });
    browser = await chromium.launch({ executablePath, args: chromeArgs });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows people, loading only dist/peerkit.js', async () => {
    const page = await browser.newPage();
    const scripts: string[] = [];
    const failures: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') failures.push(message.text());
    });
    page.on('requestfailed', (request) => failures.push(`${request.url()} ${request.failure()?.errorText}`));
    await page.goto(`${server.origin}/`);
    const me = page.locator('peer-person[person-id="me"] [part~="name"]');
    await me.waitFor();
    assert.ok((await me.textContent())!.trim().length > 0);
    const grid = page.locator('div.grid > peer-person[size="large"] [part~="name"]');
    await page.waitForFunction(
      () =>
        document.querySelectorAll('peer-person').length > 0 &&
        [...document.querySelectorAll('peer-person')].every((el) => el.shadowRoot?.querySelector('[part~="name"]')),
    );
    assert.equal(await grid.count(), 12);
    assert.equal(
      await page.locator('peer-person[person-id="former-colleague"] [part~="name"]').textContent(),
      'Unknown person',
    );
    const matches = page.locator('peer-mentor-matches [part~="match"]');
    await matches.first().waitFor();
    assert.equal(await matches.count(), 3);
    await page.locator('peer-mentor-card[mentor-id="u0002"] [part~="expertise"]').waitFor();
    await page.locator('peer-mentor-card[mentor-id="u0001"] [part~="incoming"]').waitFor();
    const kudos = page.locator('peer-kudos-feed article[aria-posinset]');
    await kudos.first().waitFor();
    assert.ok((await kudos.count()) >= 10, 'the seeded kudos history is shown');

    // Feedback to someone in another department, from the page as it ships.
    const form = page.locator('peer-feedback-form');
    await form.locator('peer-people-picker input').fill('Zanele');
    await form.locator('peer-people-picker [role="option"]').first().waitFor();
    await form.locator('peer-people-picker input').press('Enter');
    await form.locator('input[name="kind"][value="constructive"]').check();
    await form.locator('textarea[id="q:situation"]').fill('The release review on Thursday.');
    await form.locator('textarea[id="q:behaviour"]').fill('The rollout plan was shared an hour before the review.');
    await form.locator('textarea[id="q:impact"]').fill('Support had no time to prepare answers for customers.');
    await form.locator('button[type="submit"]').click();
    await form.locator('.sent').waitFor();
    assert.match((await form.locator('.sent').textContent())!, /Zanele/);
    assert.deepEqual(scripts, ['/dist/peerkit.js']);
    assert.deepEqual(failures, []);
    await page.close();
  });

  it('lets the reader choose who they are', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    const select = page.locator('#identity');
    await page.waitForFunction(() => (document.getElementById('identity') as HTMLSelectElement).options.length > 100);
    const option = select.locator('option[value="u0002"]');
    const label = (await option.textContent())!;
    await Promise.all([page.waitForEvent('load'), select.selectOption('u0002')]);
    const me = page.locator('peer-person[person-id="me"] [part~="name"]');
    await me.waitFor();
    assert.ok(label.startsWith((await me.textContent())!.trim()));
    await context.close();
  });

  it('speaks German when the page does, loading the German file only then', async () => {
    const page = await browser.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${server.origin}/`);
    const unknown = page.locator('peer-person[person-id="former-colleague"] [part~="name"]');
    await unknown.waitFor();
    assert.equal(await unknown.textContent(), 'Unknown person');
    await page.locator('#language').selectOption('de');
    await page.waitForFunction(
      () =>
        document
          .querySelector('peer-person[person-id="former-colleague"]')
          ?.shadowRoot?.querySelector('[part~="name"]')
          ?.textContent?.trim() === 'Unbekannte Person',
    );
    assert.deepEqual(
      scripts.map((path) => path.replace(/-[\w-]{8}\.js$/, '-<hash>.js')),
      ['/dist/peerkit.js', '/dist/i18n/de-<hash>.js'],
    );
    await page.close();
  });
});
