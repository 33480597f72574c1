import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { serverAndBrowser } from './running.js';

/*
 * demo/hostile.html: dist/peerkit.js configured only by `data-base-url` on its script tag, under
 * a strict Content-Security-Policy with Trusted Types and an intranet theme's aggressive global CSS.
 */
describe('a hostile host page', () => {
  const e2e = serverAndBrowser(() => ({ PEERKIT_DB: ':memory:' }));

  it('runs every widget under a strict CSP with Trusted Types, with no violation, and keeps its look', async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { violations: string[] }).violations ??= [];
        (window as unknown as { violations: string[] }).violations.push(
          `${event.violatedDirective}: ${event.blockedURI} ${event.sample}`,
        );
      });
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(`${e2e.server.origin}/demo/hostile.html`);

    // Every widget rendered its data (so scripts ran, and the API was reached through data-base-url).
    await page.locator('peer-person [part~="name"]').first().waitFor();
    await page.locator('peer-mentor-card [part~="expertise"]').waitFor();
    await page.locator('peer-kudos-feed article[aria-posinset]').first().waitFor();
    await page.locator('peer-skill-map [role="gridcell"]').first().waitFor();
    await page.locator('peer-feedback-form .point').first().waitFor();

    const violations = await page.evaluate(() => (window as unknown as { violations?: string[] }).violations ?? []);
    assert.deepEqual(violations, [], 'no Content-Security-Policy or Trusted Types violation');
    assert.deepEqual(problems, []);

    // The theme's '* { … !important }' stays outside the shadow roots. (No named functions in
    // here: the test runs through a transpiler that would wrap them in a helper the page lacks.)
    const look = await page.evaluate(() => {
      const form = document.querySelector('peer-feedback-form')!.shadowRoot!;
      const send = form.querySelector<HTMLElement>('[part~="send-button"]')!;
      const legend = form.querySelector<HTMLElement>('legend')!;
      const cell = document
        .querySelector('peer-skill-map')!
        .shadowRoot!.querySelector<HTMLElement>('[role="gridcell"]')!;
      return {
        sendColor: getComputedStyle(send).color,
        sendBackground: getComputedStyle(send).backgroundColor,
        legendFont: getComputedStyle(legend).fontFamily,
        legendSpacing: getComputedStyle(legend).letterSpacing,
        legendTransform: getComputedStyle(legend).textTransform,
        legendLineHeight:
          Number.parseFloat(getComputedStyle(legend).lineHeight) / Number.parseFloat(getComputedStyle(legend).fontSize),
        cellArea: getComputedStyle(cell).gridArea,
        hostBorder: getComputedStyle(document.querySelector('peer-feedback-form')!).borderStyle,
      };
    });
    assert.equal(look.sendColor, 'rgb(255, 255, 255)');
    assert.equal(look.sendBackground, 'rgb(11, 92, 213)');
    assert.doesNotMatch(look.legendFont, /Comic/);
    assert.equal(look.legendSpacing, 'normal');
    assert.equal(look.legendTransform, 'none');
    assert.ok(look.legendLineHeight < 1.6, `line height ${look.legendLineHeight}`);
    assert.match(look.cellArea, /^\d+ \/ \d+/, 'cells are placed in the grid without a style attribute');
    await context.close();
  });
});
