import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';

/**
 * The demo page as a reader meets it: every widget shows seeded data, feedback can be sent, and
 * the only script loaded is dist/peerkit.js. Also run on PostgreSQL (test/e2e/postgres).
 */
export async function showsEveryWidget(browser: Browser, origin: string) {
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
  await page.goto(`${origin}/`);
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
  // Ask the best match for mentoring: the request waits in "Learning from a mentor".
  await page.locator('peer-mentorships [part~="empty"]').waitFor();
  const best = page.locator('peer-mentor-matches peer-mentor-card').first();
  await best.locator('[part~="request-button"]').click();
  await best.locator('dialog[open] #goal').fill('Learn to lead a design review');
  await best.locator('dialog[open] [type="submit"]').click();
  const waiting = page.locator('peer-mentorships [part~="waiting"] li');
  await waiting.first().waitFor();
  assert.match((await waiting.first().textContent())!, /Learn to lead a design review/);
  await page.keyboard.press('Escape'); // the card's dialog, which says the request was sent
  await best.locator('dialog[open]').waitFor({ state: 'detached' });
  const kudos = page.locator('peer-kudos-feed article[aria-posinset]');
  await kudos.first().waitFor();
  assert.ok((await kudos.count()) >= 10, 'the seeded kudos history is shown');

  // The feedback the reader received: what the API holds for them, up to the page of five.
  const received = page.locator('peer-feedback-inbox [part~="item"]');
  await received.first().waitFor();
  const mine = await page.request.get(`${origin}/api/me/feedback?limit=5`);
  const { items } = (await mine.json()) as { items: { templateName: string }[] };
  assert.ok(items.length > 0, 'the seeded feedback includes some for the demo reader');
  assert.deepEqual(
    await page.locator('peer-feedback-inbox [part~="item"] h3').allTextContents(),
    items.map((item) => item.templateName),
  );

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
}
