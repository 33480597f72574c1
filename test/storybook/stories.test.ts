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
      // Storybook's accessibility panel runs axe after each story too: this test runs its own, once.
      const globals = [variant.globals, 'a11y.manual:!true'].filter(Boolean).join(';');
      // A page loads Storybook once, then moves from story to story as its sidebar does; a page
      // whose story failed is loaded afresh for the next.
      const worker = async () => {
        const page = await context.newPage();
        let seen: string[] = [];
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
        let loaded = false;
        try {
          for (let story = queue.shift(); story; story = queue.shift()) {
            seen = [];
            try {
              if (loaded) {
                await page.evaluate((storyId) => {
                  type Channel = { emit: (event: string, payload: unknown) => void };
                  const channel = (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: Channel })
                    .__STORYBOOK_ADDONS_CHANNEL__;
                  channel.emit('setCurrentStory', { storyId, viewMode: 'story' });
                }, story.id);
              } else {
                await page.goto(`${origin}/iframe.html?id=${story.id}&viewMode=story&globals=${globals}`);
                await page.addScriptTag({ content: axeSource });
                loaded = true;
              }
              // Rendered, and its play function done. A bound for "never renders", not a speed target.
              await page.waitForFunction(
                (id) => {
                  type Render = { id: string; phase?: string };
                  const preview = (window as unknown as { __STORYBOOK_PREVIEW__?: { currentRender?: Render } })
                    .__STORYBOOK_PREVIEW__;
                  return preview?.currentRender?.id === id && preview.currentRender.phase === 'finished';
                },
                story.id,
                { timeout: 45_000 },
              );
              const failure = await page.evaluate(() => {
                if (document.body.classList.contains('sb-show-errordisplay')) {
                  return `error shown: ${document.querySelector('#error-message')?.textContent ?? ''}`;
                }
                return (document.querySelector('#storybook-root')?.childElementCount ?? 0) > 0 ? '' : 'nothing shown';
              });
              if (failure) throw new Error(failure);
              // Let data arrive.
              await page.waitForTimeout(500);
              const violations = await page.evaluate(
                async ([tags, forced]) => {
                  type Result = { violations: { id: string; nodes: { target: unknown }[] }[] };
                  const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<Result> } }).axe;
                  const result = await axe.run(document.querySelector('#storybook-root'), {
                    runOnly: { type: 'tag', values: tags },
                    // With forced colours the reader's system palette sets every colour, so contrast is
                    // its choice, not ours; every other rule still applies.
                    rules: forced ? { 'color-contrast': { enabled: false } } : {},
                  });
                  return result.violations.map(
                    (v) => `${v.id} (${v.nodes.length}): ${JSON.stringify(v.nodes[0]?.target)}`,
                  );
                },
                [WCAG, variant.forcedColors === true] as const,
              );
              for (const violation of violations) seen.push(`axe: ${violation}`);
            } catch (error) {
              seen.push(`did not render: ${(error as Error).message.split('\n')[0]}`);
              loaded = false;
            }
            if (seen.length) problems.push(`${story.id}\n  ${seen.join('\n  ')}`);
          }
        } finally {
          await page.close();
        }
      };
      try {
        // Two pages at a time: the machine is shared, and a story measures nothing here.
        await Promise.all(Array.from({ length: 2 }, worker));
      } finally {
        await context.close();
      }
      assert.deepEqual(problems, [], `${problems.length} of ${stories.length} stories:\n${problems.join('\n')}`);
    });
  }
});
