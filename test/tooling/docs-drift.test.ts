import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, it } from 'node:test';

/*
 * The documentation of every element (its class JSDoc, turned into custom-elements.json) must say
 * exactly which `--peer-*` properties and parts its shadow DOM uses: documented ones that nothing
 * uses, and used ones nobody documented, both fail here.
 */

const root = resolve(import.meta.dirname, '../..');

interface Declaration {
  tagName?: string;
  customElement?: boolean;
  cssProperties?: { name: string }[];
  cssParts?: { name: string }[];
}

const manifest = JSON.parse(readFileSync(resolve(root, 'custom-elements.json'), 'utf8')) as {
  modules: { path: string; declarations?: Declaration[] }[];
};
const elements = manifest.modules.flatMap((module) =>
  (module.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => ({ ...d, path: module.path })),
);

/** The file and the local modules it imports that put styles or markup into the same shadow root. */
function ownSources(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const [, specifier] of source.matchAll(/^import\s+(?!type\b)[^'"]*from\s+'(\.[^']+)'/gm)) {
    const target = resolve(dirname(file), specifier.replace(/\.js$/, '.ts'));
    // Another element's class renders into its own shadow root: its properties and parts are its own.
    if (!existsSync(target) || target.endsWith('.component.ts') || target.includes('/contract/')) continue;
    ownSources(target, seen);
  }
  return seen;
}

function used(file: string) {
  const properties = new Set<string>();
  const parts = new Set<string>();
  for (const source of [...ownSources(file)].map((f) => readFileSync(f, 'utf8'))) {
    for (const [, name] of source.matchAll(/var\((--peer-[a-z0-9-]+)/g)) properties.add(name);
    for (const [, names] of source.matchAll(/\bpart="([^"$]+)"/g)) for (const n of names.split(/\s+/)) parts.add(n);
  }
  return { properties, parts };
}

const difference = (a: Set<string>, b: Set<string>) => [...a].filter((x) => !b.has(x)).sort();

describe('documentation of every element', () => {
  it('covers the elements that ship', () => {
    assert.ok(elements.length >= 9, `${elements.length} elements in custom-elements.json`);
    for (const tag of ['peer-mentor-card', 'peer-kudos-feed', 'peer-skill-map', 'peer-feedback-form']) {
      assert.ok(
        elements.some((e) => e.tagName === tag),
        tag,
      );
    }
  });

  for (const element of elements) {
    it(`${element.tagName}: custom properties and parts match the styles and templates`, () => {
      const { properties, parts } = used(resolve(root, element.path));
      const documentedProperties = new Set((element.cssProperties ?? []).map((p) => p.name));
      const documentedParts = new Set((element.cssParts ?? []).map((p) => p.name));
      assert.deepEqual(
        {
          undocumented: difference(properties, documentedProperties),
          unused: difference(documentedProperties, properties),
        },
        { undocumented: [], unused: [] },
        `--peer-* properties of ${element.tagName}`,
      );
      assert.deepEqual(
        { undocumented: difference(parts, documentedParts), unused: difference(documentedParts, parts) },
        { undocumented: [], unused: [] },
        `parts of ${element.tagName}`,
      );
    });
  }
});
