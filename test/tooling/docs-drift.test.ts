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
  attributes?: { name: string }[];
}

const manifest = JSON.parse(readFileSync(resolve(root, 'custom-elements.json'), 'utf8')) as {
  modules: { path: string; declarations?: Declaration[] }[];
};
const elements = manifest.modules.flatMap((module) =>
  (module.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => ({ ...d, path: module.path })),
);

/**
 * The file and the local modules it imports, at once or when first needed (`import('./…')`), that
 * put styles or markup into the same shadow root.
 */
function ownSources(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  const imports = [
    ...source.matchAll(/^import\s+(?!type\b)[^'"]*from\s+'(\.[^']+)'/gm),
    ...source.matchAll(/\bimport\(\s*'(\.[^']+)'\s*\)/g),
  ];
  for (const [, specifier] of imports) {
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

/**
 * The attributes an element's class observes, read from the `static properties` blocks of its
 * file and of `PeerElement`: every entry but internal state and `attribute: false`, named by
 * `attribute: '…'` or else the lowercased property name, as Lit does.
 */
function observedAttributes(file: string): Set<string> {
  const attributes = new Set<string>();
  for (const source of [file, resolve(root, 'src/core/peer-element.ts')].map((f) => readFileSync(f, 'utf8'))) {
    for (const [, block] of source.matchAll(/static override properties[^=]*= \{\n([\s\S]*?)\n {2}\};/g)) {
      for (const [, name, options] of block.matchAll(/^\s+(\w+): (\{.*\}),$/gm)) {
        if (/state: true|attribute: false/.test(options)) continue;
        attributes.add(/attribute: '([^']+)'/.exec(options)?.[1] ?? name.toLowerCase());
      }
    }
  }
  return attributes;
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

    it(`${element.tagName}: attributes match what the class observes`, () => {
      const observed = observedAttributes(resolve(root, element.path));
      const documented = new Set((element.attributes ?? []).map((a) => a.name));
      assert.ok(observed.has('theme'), 'reads the static properties blocks');
      assert.deepEqual(
        { undocumented: difference(observed, documented), unobserved: difference(documented, observed) },
        { undocumented: [], unobserved: [] },
        `attributes of ${element.tagName}`,
      );
    });
  }
});
