import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { showsEveryWidget } from './demo-page.js';
import { serverAndBrowser } from './running.js';

describe('the demo page, served as npm start serves it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'peerkit-e2e-'));
  // A database file, created and seeded on first start, as with npm start.
  const e2e = serverAndBrowser(() => ({ PEERKIT_DB: join(dir, 'peerkit.db') }));

  after(async () => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows people, loading only dist/peerkit.js', async () => {
    await showsEveryWidget(e2e.browser, e2e.server.origin);
  });

  it('lets the reader choose who they are', async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${e2e.server.origin}/`);
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
    const page = await e2e.browser.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${e2e.server.origin}/`);
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
