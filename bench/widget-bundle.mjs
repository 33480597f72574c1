// What an app gets when it imports one widget from the built package (`import 'peerkit/<widget>'`),
// bundled with Vite: the code that must load before the element is defined (the entry's static
// module graph, Lit included, as one minified file) and what it loads later with `import()`.
// Used by bench/size.mjs and by the budget test in test/package/bundles.test.ts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..');
export const gzipSize = (code) => gzipSync(code, { level: 9 }).length;

async function bundle(entry, plugins) {
  const output = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins,
    build: {
      write: false,
      target: 'es2022',
      lib: { entry, formats: ['es'], fileName: () => 'app.js' },
      rolldownOptions: { output: { minify: true } },
    },
  });
  return (Array.isArray(output) ? output[0] : output).output.filter((o) => o.type === 'chunk');
}

/**
 * @param {string} source the app's code, e.g. `import 'peerkit/person';`
 * @returns {Promise<{ modules: string[], gzip: number, lazy: string[], chunks: { modules: string[], gzip: number }[] }>}
 *   `modules` and `gzip`: the static graph as one file; `lazy`: the modules it imports later;
 *   `chunks`: every chunk of a normal build (how Vite splits it), for the record.
 */
export async function bundleApp(source) {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(root, '.tmp', 'app-'));
  const entry = join(dir, 'main.js');
  writeFileSync(entry, source);
  const name = (id) => relative(root, id);
  try {
    const lazy = new Set();
    const [staticGraph] = await bundle(entry, [
      {
        name: 'peerkit:dynamic-imports-stay-out',
        resolveDynamicImport(specifier, importer) {
          if (typeof specifier === 'string' && importer) lazy.add(name(resolve(dirname(importer), specifier)));
          return { id: String(specifier), external: true };
        },
      },
    ]);
    const split = await bundle(entry, []);
    const own = (ids) => ids.map(name).filter((id) => !id.startsWith('.tmp'));
    return {
      modules: own(staticGraph.moduleIds),
      gzip: gzipSize(staticGraph.code),
      lazy: [...lazy].sort(),
      chunks: split.map((chunk) => ({ modules: own(chunk.moduleIds), gzip: gzipSize(chunk.code) })),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
