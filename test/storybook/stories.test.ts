import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { chromeArgs, findChrome, NO_CHROME } from '../../scripts/find-chrome.mjs';

/*
 * Every story of the built Storybook (npm run build-storybook), opened in headless Chromium:
 * a console error, a failed request or an axe violation (WCAG 2.0–2.2 A and AA) fails it.
 * Every story is also opened in the dark and high-contrast themes, in Arabic (right to left), and
 * with forced colours (Windows high contrast).
 */

const root = resolve(import.meta.dirname, '../../storybook-static');
const axeSource = readFileSync(resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

interface Entry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
}

function serve(): Promise<Server> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://local').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    if (file.endsWith('/')) file += 'index.html';
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

describe('every story of the built Storybook', () => {
  let server: Server;
  let browser: Browser;
  let origin: string;
  const stories: Entry[] = existsSync(join(root, 'index.json'))
    ? Object.values(
        (JSON.parse(readFileSync(join(root, 'index.json'), 'utf8')) as { entries: Record<string, Entry> }).entries,
      ).filter((entry) => entry.type === 'story')
    : [];

  before(async () => {
    assert.ok(stories.length > 0, 'storybook-static/index.json lists stories (run npm run build-storybook)');
    const executablePath = findChrome();
    assert.ok(executablePath, NO_CHROME);
    server = await serve();
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath, args: chromeArgs });
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  it('covers every widget, with a page of all four together', () => {
    const titles = new Set(stories.map((s) => s.title));
    for (const title of [
      'Widgets/Mentor card',
      'Widgets/Kudos feed',
      'Widgets/Skill map',
      'Widgets/Feedback form',
      'Pages/Intranet page',
    ]) {
      assert.ok(titles.has(title), title);
    }
  });

  const variants = [
    { name: 'light', globals: '' },
    { name: 'dark', globals: 'theme:dark' },
    { name: 'high contrast', globals: 'theme:contrast' },
    { name: 'Arabic', globals: 'lang:ar' },
    { name: 'forced colours (Windows high contrast)', globals: '', forcedColors: true },
  ];

  for (const variant of variants) {
    it(`renders every story without errors, failed requests or axe violations (${variant.name})`, async () => {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        forcedColors: variant.forcedColors ? 'active' : 'none',
      });
      const problems: string[] = [];
      const queue = [...stories];
      const check = async (story: Entry) => {
        const page = await context.newPage();
        const seen: string[] = [];
        page.on('console', (message) => {
          if (message.type() === 'error') seen.push(`console: ${message.text()} ${message.location().url}`);
        });
        page.on('pageerror', (error) => seen.push(`page error: ${error.message}`));
        page.on('requestfailed', (request) => {
          // A story that leaves a request open for ever (the loading state) aborts it on close.
          if (request.failure()?.errorText !== 'net::ERR_ABORTED') seen.push(`request failed: ${request.url()}`);
        });
        page.on('response', (response) => {
          if (response.status() >= 400) seen.push(`HTTP ${response.status()}: ${response.url()}`);
        });
        try {
          const globals = variant.globals ? `&globals=${variant.globals}` : '';
          await page.goto(`${origin}/iframe.html?id=${story.id}&viewMode=story${globals}`);
          // A bound for "never renders", not a speed target: six pages share two cores here, and a
          // story that renders in 2 s alone has taken over 15 s among them.
          await page.waitForFunction(
            () => (document.querySelector('#storybook-root')?.childElementCount ?? 0) > 0,
            null,
            { timeout: 45_000 },
          );
          // Let data arrive and play functions finish.
          await page.waitForTimeout(500);
          await page.addScriptTag({ content: axeSource });
          const violations = await page.evaluate(
            async ([tags, forced]) => {
              type Result = { violations: { id: string; nodes: { target: unknown }[] }[] };
              const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<Result> } }).axe;
              const root = document.querySelector('#storybook-root');
              // The accessibility panel of Storybook runs axe too: wait for it to finish.
              let result: Result | undefined;
              for (let attempt = 0; !result; attempt++) {
                try {
                  result = await axe.run(root, {
                    runOnly: { type: 'tag', values: tags },
                    // With forced colours the reader's system palette sets every colour, so contrast is
                    // its choice, not ours; every other rule still applies.
                    rules: forced ? { 'color-contrast': { enabled: false } } : {},
                  });
                } catch (error) {
                  if (attempt > 50 || !String(error).includes('already running')) throw error;
                  await new Promise((resolve) => setTimeout(resolve, 200));
                }
              }
              return result.violations.map((v) => `${v.id} (${v.nodes.length}): ${JSON.stringify(v.nodes[0]?.target)}`);
            },
            [WCAG, variant.forcedColors === true] as const,
          );
          for (const violation of violations) seen.push(`axe: ${violation}`);
        } catch (error) {
          seen.push(`did not render: ${(error as Error).message.split('\n')[0]}`);
        } finally {
          await page.close();
        }
        if (seen.length) problems.push(`${story.id}\n  ${seen.join('\n  ')}`);
      };
      try {
        // A few pages at a time: the machine is shared, and a story measures nothing here.
        await Promise.all(
          Array.from({ length: 6 }, async () => {
            for (let story = queue.shift(); story; story = queue.shift()) await check(story);
          }),
        );
      } finally {
        await context.close();
      }
      assert.deepEqual(problems, [], `${problems.length} of ${stories.length} stories:\n${problems.join('\n')}`);
    });
  }
});
