import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';

/*
 * dist/peerkit.js compresses smaller when every stylesheet and every English string module stands
 * side by side before the widgets' code (gzip only finds repeats within 32 KB). A new styles or
 * strings module that src/peerkit.ts does not list early would land between the widgets again.
 */

const root = resolve(import.meta.dirname, '../..');
const entry = readFileSync(resolve(root, 'src/peerkit.ts'), 'utf8');
const imports = [...entry.matchAll(/^import '\.\/(.+)\.js';$/gm)].map((m) => m[1]);
const firstWidget = imports.findIndex((path) => !/\.styles$|^core\//.test(path));

const underSrc = (dir: string, pattern: RegExp) =>
  readdirSync(resolve(root, 'src', dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => pattern.test(file))
    .map((file) => `${dir}/${file.replace(/\.ts$/, '')}`);

describe('the single-file entry', () => {
  it('imports every stylesheet, then every English string module, before any widget', () => {
    const styles = underSrc('components', /\.styles\.ts$/);
    const english = underSrc('core/i18n', /^en-.+\.ts$/);
    assert.ok(styles.length >= 9 && english.length >= 7, 'found the modules');
    const early = imports.slice(0, firstWidget);
    for (const module of [...styles, ...english]) assert.ok(early.includes(module), `${module} is imported early`);
    const lastStyle = Math.max(...styles.map((m) => early.indexOf(m)));
    const firstEnglish = Math.min(...english.map((m) => early.indexOf(m)));
    assert.ok(lastStyle < firstEnglish, 'the stylesheets come before the strings');
  });
});
