import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';

/* Right-to-left layouts mirror only when styles use logical properties: a physical one fails here. */
const root = resolve(import.meta.dirname, '../..');
const physical =
  /(?:^|[\s;{])((?:margin|padding|border|inset)-(?:left|right)(?:-[a-z]+)?|left|right|(?:min-|max-)?(?:width|height)|text-align:\s*(?:left|right)|float:\s*(?:left|right))\s*:/gm;

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (entry.name.endsWith('.ts')) yield path;
  }
}

describe('styles', () => {
  it('use logical properties only (inline-size, margin-inline-start, inset-inline, text-align: start …)', () => {
    const found: string[] = [];
    for (const file of sources(join(root, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const block of text.matchAll(/css`([^`]*)`/g)) {
        for (const match of block[1].matchAll(physical)) {
          found.push(`${relative(root, file)}: ${match[1]}`);
        }
      }
    }
    assert.deepEqual(found, []);
  });
});
