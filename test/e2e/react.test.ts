import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { chromeArgs, findChrome, NO_CHROME } from '../../scripts/find-chrome.mjs';
import { freePort, startServer } from '../../scripts/start-test-server.mjs';

/* A small React app that imports `peerkit/react` as an app would (built with Vite), in Chromium. */
const root = resolve(import.meta.dirname, '../..');

const app = `
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { FeedbackForm, MentorCard, Provider } from 'peerkit/react';

const api = new URLSearchParams(location.search).get('api');
const headers = { Authorization: 'Bearer demo-u0150' };

function App() {
  const [mentor, setMentor] = useState('u0002');
  const [sent, setSent] = useState([]);
  return h(
    Provider,
    { baseUrl: api, headers },
    h(MentorCard, { mentorId: mentor, variant: 'compact' }),
    h('button', { id: 'other-mentor', onClick: () => setMentor('u0009') }, 'Another mentor'),
    h(FeedbackForm, {
      templateId: 'quick-praise',
      recipientId: 'u0012',
      onPeerFeedbackSubmitted: (event) => setSent((list) => [...list, event.detail.receipt.recipient.id]),
    }),
    h('output', { id: 'sent' }, sent.join(',')),
  );
}
createRoot(document.getElementById('root')).render(h(App));
`;

describe('peerkit/react in a React app', () => {
  let api: Awaited<ReturnType<typeof startServer>>;
  let site: Server;
  let browser: Browser;
  let origin: string;
  const work = join(root, '.tmp');
  mkdirSync(work, { recursive: true });
  const dir = mkdtempSync(join(work, 'react-app-'));

  before(async () => {
    const executablePath = findChrome();
    assert.ok(executablePath, NO_CHROME);
    assert.ok(existsSync(join(root, 'dist/react/index.js')), 'run npm run build first');
    writeFileSync(join(dir, 'main.js'), app);
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><html lang="en"><head><link rel="icon" href="data:,"></head><body><div id="root"></div><script type="module" src="./main.js"></script></body></html>',
    );
    await build({
      root: dir,
      configFile: false,
      logLevel: 'silent',
      base: './',
      build: { outDir: join(dir, 'out'), target: 'es2022' },
    });
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    site = createServer((request, response) => {
      const path = new URL(request.url ?? '/', origin).pathname;
      const file = join(dir, 'out', path === '/' ? 'index.html' : path);
      if (!file.startsWith(join(dir, 'out')) || !existsSync(file)) return response.writeHead(404).end();
      response.writeHead(200, { 'Content-Type': extname(file) === '.js' ? 'text/javascript' : 'text/html' });
      response.end(readFileSync(file));
    });
    await new Promise<void>((done) => site.listen(port, '127.0.0.1', done));
    api = await startServer({ PEERKIT_CORS_ORIGINS: origin });
    browser = await chromium.launch({ executablePath, args: chromeArgs });
  });

  after(async () => {
    await browser?.close();
    site?.close();
    await api?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes props as properties, updates them on re-render, and calls event props', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${origin}/?api=${encodeURIComponent(`${api.origin}/api`)}`);

    const name = page.locator('peer-mentor-card peer-person [part~="name"]').first();
    await name.waitFor();
    const first = await name.textContent();
    await page.locator('#other-mentor').click();
    await page.waitForFunction(
      (before) =>
        document
          .querySelector('peer-mentor-card')
          ?.shadowRoot?.querySelector('peer-person')
          ?.shadowRoot?.querySelector('[part~="name"]')?.textContent !== before,
      first,
    );
    assert.equal(
      await page.locator('peer-mentor-card').evaluate((el) => (el as HTMLElement & { mentorId: string }).mentorId),
      'u0009',
    );

    await page.locator('peer-feedback-form textarea[id="q:what"]').fill('Your React review notes were a great help.');
    await page.locator('peer-feedback-form [part~="send-button"]').click();
    await page.locator('#sent').filter({ hasText: 'u0012' }).waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });
});
