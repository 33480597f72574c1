import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { ar } from '../../src/core/i18n/ar.js';
import { de } from '../../src/core/i18n/de.js';
import { en } from '../../src/core/i18n/en.js';

/* Every shipped language has every string, of the same kind (text, or a function of the same arguments). */
const shipped = { de, ar } as Record<string, Record<string, unknown>>;
const reference = en as Record<string, unknown>;

function sample(message: unknown, count: number): string {
  if (typeof message === 'string') return message;
  const fn = message as (...args: unknown[]) => string;
  // Numbers go where a count is expected; every other argument is a visible marker.
  const args = Array.from({ length: fn.length }, (_, i) => (i === 0 ? count : `«${i}»`));
  return String(fn(...args));
}

describe('languages', () => {
  for (const [lang, catalog] of Object.entries(shipped)) {
    it(`${lang} has every English string, of the same kind and arguments`, () => {
      const missing = Object.keys(reference).filter((key) => !(key in catalog));
      const extra = Object.keys(catalog).filter((key) => !(key in reference));
      assert.deepEqual({ missing, extra }, { missing: [], extra: [] });
      for (const [key, message] of Object.entries(reference)) {
        const translated = catalog[key];
        assert.equal(typeof translated, typeof message, `${lang} ${key}`);
        if (typeof message === 'function') {
          assert.equal((translated as () => string).length, message.length, `${lang} ${key}: arguments`);
        }
        for (const count of [0, 1, 2, 5, 11, 100]) {
          const text = sample(translated, count);
          // (a count of 0 may legitimately say nothing, as a mentor level of 0 does)
          if (count > 0) assert.ok(text.trim().length > 0, `${lang} ${key} is empty`);
          assert.doesNotMatch(text, /undefined|\[object /, `${lang} ${key}(${count})`);
        }
      }
    });
  }

  it('has no string that no element shows', () => {
    // Every source file outside the catalogs; a key is shown when it is written out, or when a template
    // builds it from a prefix (`skills.level.${level}`).
    const dir = resolve(import.meta.dirname, '../../src');
    const code = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.startsWith(join('core', 'i18n')))
      .map((file) => readFileSync(join(dir, file), 'utf8'))
      .join('\n');
    const prefixes = [...code.matchAll(/`([a-z]+(?:\.[a-zA-Z]+)*\.)\$\{/g)].map((m) => m[1]);
    const unused = Object.keys(reference).filter(
      (key) =>
        !new RegExp(`['"\`]${key.replaceAll('.', '\\.')}['"\`]`).test(code) && !prefixes.some((p) => key.startsWith(p)),
    );
    assert.deepEqual(unused, []);
  });

  it('chooses plural forms by the language’s rules, Arabic’s six included', () => {
    const found = [0, 1, 2, 3, 11, 100].map((n) => ar['picker.found'](n, String(n)));
    assert.equal(new Set(found).size, 6, found.join(' | '));
    assert.equal(de['picker.found'](1, '1'), '1 Person gefunden.');
    assert.equal(de['picker.found'](2, '2'), '2 Personen gefunden.');
    assert.equal(en['kudos.others'](1, '1'), '1 other');
    assert.equal(en['kudos.others'](0, '0'), '0 others');
  });
});
