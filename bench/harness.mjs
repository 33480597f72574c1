// Shared by the rendering benchmarks: serves the project, opens headless Chromium on a blank
// page with a bench module loaded as `window.bench`, and takes medians.
import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from '../scripts/find-chrome.mjs';

const root = resolve(import.meta.dirname, '..');
const types = { '.js': 'text/javascript', '.html': 'text/html', '.map': 'application/json' };

export const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

export async function openBenchPage(module, viewport = { width: 1000, height: 800 }) {
  if (!existsSync(join(root, 'dist/peerkit.js'))) {
    console.error('Build first: npm run build');
    process.exit(1);
  }
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://localhost').pathname;
    if (path === '/') {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end('<!doctype html><html lang="en"><body><div id="stage"></div></body></html>');
      return;
    }
    const file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
  const page = await browser.newPage({ viewport });
  await page.goto(`http://127.0.0.1:${server.address().port}`);
  await page.addScriptTag({ type: 'module', content: `import * as b from '${module}'; window.bench = b;` });
  await page.waitForFunction(() => window.bench);
  return {
    page,
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}
