// Sizes of the built files, minified + gzip, against Lit alone built the same way in the same run.
// Run after `npm run build`: `node bench/size.mjs`.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { bundleApp } from './widget-bundle.mjs';

const root = resolve(import.meta.dirname, '..');
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
/** The budgets of the distribution (min+gzip, Lit included). */
const BUDGETS = { peerkit: 40 * 1024, autoloader: 2 * 1024, widget: 20 * 1024 };
const against = (size, budget) =>
  `budget ${kb(budget)}: ${size <= budget ? 'met' : `NOT met, ${kb(size - budget)} over`}`;

async function bundle(source) {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  // Inside the project, so that the entry resolves 'lit' from node_modules.
  const dir = mkdtempSync(join(root, '.tmp', 'size-'));
  try {
    const entry = join(dir, 'entry.js');
    writeFileSync(entry, source);
    await build({
      root,
      configFile: false,
      logLevel: 'silent',
      build: {
        outDir: join(dir, 'out'),
        target: 'es2022',
        lib: { entry, formats: ['es'], fileName: () => 'out.js' },
        rolldownOptions: { output: { minify: true } },
      },
    });
    return readFileSync(join(dir, 'out', 'out.js'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The baseline: a minimal Lit element, so that Lit's core is all there and nothing else.
const litOnly = await bundle(
  `import { LitElement, html, css } from 'lit';
   class X extends LitElement { static styles = css\`:host{display:block}\`; render() { return html\`<p>\${this.id}</p>\`; } }
   customElements.define('x-baseline', X);`,
);
const litWithContext = await bundle(
  `import { LitElement, html } from 'lit';
   import { ContextProvider, ContextConsumer, ContextRoot, createContext } from '@lit/context';
   const c = createContext('x');
   class X extends LitElement { p = new ContextProvider(this, { context: c }); q = new ContextConsumer(this, { context: c });
     render() { return html\`\${this.q.value}\`; } }
   new ContextRoot(); customElements.define('x-baseline', X);`,
);
const peerkit = readFileSync(join(root, 'dist/peerkit.js'));
const autoloader = readFileSync(join(root, 'dist/peerkit-autoloader.js'));
const widgets = [];
for (const widget of [
  'person',
  'mentor-card',
  'mentorships',
  'kudos-feed',
  'skill-map',
  'feedback-form',
  'feedback-inbox',
]) {
  const app = await bundleApp(`import 'peerkit/${widget}';`);
  widgets.push([`peerkit/${widget} before it is defined`, app.gzip, BUDGETS.widget]);
}

const rows = [
  ['Lit alone (baseline)', gz(litOnly)],
  ['Lit + @lit/context', gz(litWithContext)],
  ['dist/peerkit.js (everything, Lit included)', gz(peerkit), BUDGETS.peerkit],
  ...readdirSync(join(root, 'dist/i18n')).map((file) => [
    `dist/i18n/${file} (when a page speaks it)`,
    gz(readFileSync(join(root, 'dist/i18n', file))),
  ]),
  ['dist/peerkit-autoloader.js', gz(autoloader), BUDGETS.autoloader],
  ...widgets,
];
const base = rows[0][1];
console.log('min+gzip sizes (gzip -9)');
for (const [name, size, budget] of rows) {
  const verdict = budget ? `  ${against(size, budget)}` : '';
  console.log(`${name.padEnd(48)} ${kb(size).padStart(9)}  ${(size / base).toFixed(2)}× Lit${verdict}`);
}
console.log(
  `Peerkit's own code in dist/peerkit.js: ${kb(gz(peerkit) - gz(litWithContext))} (difference of gzip sizes)`,
);

// What dist/peerkit.js is made of: the single-file build again, each module's own gzip size scaled so
// that the parts add up to the file (modules compress better together than alone).
const cdn = await build({ root, mode: 'cdn', logLevel: 'silent', build: { write: false } });
const entry = (Array.isArray(cdn) ? cdn[0] : cdn).output.find((o) => o.type === 'chunk' && o.isEntry);
const areas = new Map();
let parts = 0;
for (const [id, module] of Object.entries(entry.modules)) {
  const size = module.code ? gz(module.code) : 0;
  parts += size;
  const area = (/^\0|oxc-project|rolldown\/runtime/.test(id) ? 'bundler helpers' : relative(root, id))
    .replace(/^node_modules\/(@lit\/context|@lit\/reactive-element|lit-html|lit-element|lit)\/.*/, 'Lit: $1')
    .replace(/^node_modules\/.*/, 'other runtime helpers')
    .replace(/^src\/core\/i18n\/(en-\w+)\.ts$/, 'English strings')
    .replace(/^src\/(components\/[^/]+|core\/rest|core\/i18n|core|contract)\/.*/, '$1');
  areas.set(area, (areas.get(area) ?? 0) + size);
}
const scale = gz(entry.code) / parts;
console.log('\nWhat dist/peerkit.js is made of (estimated):');
for (const [area, size] of [...areas].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${area.padEnd(34)} ${kb(size * scale).padStart(9)}`);
}
