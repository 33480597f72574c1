import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { eagerImports, minifyTemplates } from './scripts/build-plugins.js';

const root = import.meta.dirname;
const components = readdirSync(resolve(root, 'src/components'));

/** German, Arabic: loaded only when a page speaks them, from `i18n/` next to `peerkit.js`. */
const languageChunk = (chunk: { moduleIds: string[] }) =>
  chunk.moduleIds.length === 1 && /\/src\/core\/i18n\/[a-z]{2}\.ts$/.test(chunk.moduleIds[0]);

/**
 * Three builds into dist/:
 * - the default: tree-shakable ES modules, one file per source module, Lit left as a dependency;
 * - `--mode cdn`: dist/peerkit.js, one minified self-contained file that defines every tag;
 * - `--mode autoload`: dist/peerkit-autoloader.js and, in dist/cdn/, one minified file per tag
 *   with the code they share (Lit included) split into chunks, for the autoloader to load.
 */
export default defineConfig(({ mode }) => {
  if (mode === 'autoload') {
    const entries: Record<string, string> = { 'peerkit-autoloader': resolve(root, 'src/autoloader.ts') };
    // A define module sits beside its class: `<tag>.ts` next to `<tag>.component.ts`.
    for (const file of components.flatMap((name) =>
      readdirSync(resolve(root, `src/components/${name}`))
        .filter((f) => f.endsWith('.component.ts'))
        .map((f) => `${name}/${f.replace('.component.ts', '.ts')}`),
    )) {
      entries[`cdn/${file.split('/')[1].replace(/\.ts$/, '')}`] = resolve(root, `src/components/${file}`);
    }
    return {
      plugins: [minifyTemplates()],
      build: {
        emptyOutDir: false,
        target: 'es2022',
        lib: { entry: entries, formats: ['es'] },
        rolldownOptions: {
          output: {
            minify: true,
            entryFileNames: '[name].js',
            chunkFileNames: (chunk) => (languageChunk(chunk) ? 'i18n/[name]-[hash].js' : 'cdn/shared-[hash].js'),
          },
        },
      },
    };
  }
  if (mode === 'cdn') {
    return {
      // One file: what other builds load on demand is bundled in, except the languages.
      plugins: [minifyTemplates(), eagerImports(/\/(de|ar)\.js$/)],
      // The REST client is in the file anyway: the default backend is a RestBackend, not a lazy wrapper.
      resolve: {
        alias: [{ find: /^.*\/rest\/lazy-rest\.js$/, replacement: resolve(root, 'src/core/rest/eager-rest.ts') }],
      },
      build: {
        emptyOutDir: false,
        target: 'es2022',
        lib: { entry: resolve(root, 'src/peerkit.ts'), formats: ['es'], fileName: () => 'peerkit.js' },
        rolldownOptions: { output: { minify: true, chunkFileNames: 'i18n/[name]-[hash].js' } },
      },
    };
  }
  const entries: Record<string, string> = {
    index: resolve(root, 'src/index.ts'),
    'testing/index': resolve(root, 'src/testing/index.ts'),
    'react/index': resolve(root, 'src/react/index.ts'),
  };
  for (const name of components) {
    entries[`components/${name}/${name}`] = resolve(root, `src/components/${name}/${name}.ts`);
  }
  return {
    plugins: [minifyTemplates()],
    build: {
      target: 'es2022',
      emptyOutDir: true,
      minify: false,
      lib: { entry: entries, formats: ['es'] },
      rolldownOptions: {
        external: [/^lit($|\/)/, /^@lit\//, /^react($|\/)/],
        output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
      },
    },
  };
});
