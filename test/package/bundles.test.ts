import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { build, type Rollup } from 'vite';

/*
 * What an app gets when it imports one widget the way the README says (`import 'peerkit/person'`),
 * bundled with Vite from the built package: the modules in the bundle, listed, and its size.
 */
const root = resolve(import.meta.dirname, '../..');
mkdirSync(join(root, '.tmp'), { recursive: true });
const work = mkdtempSync(join(root, '.tmp', 'bundles-'));
after(() => rmSync(work, { recursive: true, force: true }));

async function bundle(source: string) {
  const dir = mkdtempSync(join(work, 'app-'));
  writeFileSync(join(dir, 'main.js'), source);
  const output = (await build({
    root,
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      target: 'es2022',
      lib: { entry: join(dir, 'main.js'), formats: ['es'], fileName: () => 'app.js' },
      rolldownOptions: { output: { minify: true } },
    },
  })) as Rollup.RollupOutput[] | Rollup.RollupOutput;
  const chunk = (Array.isArray(output) ? output[0] : output).output.find((o) => o.type === 'chunk')!;
  const modules = chunk.moduleIds.map((id) => relative(root, id)).filter((id) => !id.startsWith('.tmp'));
  return { modules, gzip: gzipSync(chunk.code, { level: 9 }).length };
}

const widgets = ['person', 'mentor-card', 'kudos-feed', 'skill-map', 'feedback-form'];
const own = (modules: string[]) =>
  new Set(modules.filter((m) => m.startsWith('dist/components/')).map((m) => m.split('/')[2]));

describe('one widget, bundled by an app', () => {
  for (const widget of widgets) {
    it(`peerkit/${widget} brings only what it renders`, async () => {
      const { modules, gzip } = await bundle(`import 'peerkit/${widget}';`);
      console.log(
        `peerkit/${widget}: ${(gzip / 1024).toFixed(1)} KB min+gzip, ${modules.length} modules:\n  ${modules.join('\n  ')}`,
      );
      const expected: Record<string, string[]> = {
        person: ['person'],
        'mentor-card': ['mentor-card', 'person'],
        'kudos-feed': ['kudos-feed', 'people-picker', 'person'],
        'skill-map': ['skill-map', 'mentor-card', 'person'],
        'feedback-form': ['feedback-form', 'people-picker', 'person'],
      };
      assert.deepEqual([...own(modules)].sort(), expected[widget].sort());
      assert.ok(!modules.some((m) => m.includes('/testing/')), 'no test helpers');
      assert.ok(!modules.some((m) => m.includes('zod')), 'no zod');
    });
  }
});
