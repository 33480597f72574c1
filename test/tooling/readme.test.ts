import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import ts from 'typescript';

/*
 * README's examples are what readers copy: its TypeScript compiles against the package as it is
 * built (`import … from 'peerkit'` resolves through package.json's exports to dist/types), and
 * its HTML uses only tags and attributes that the elements have. Run after `npm run build`.
 */

const root = resolve(import.meta.dirname, '../..');
const readme = readFileSync(resolve(root, 'README.md'), 'utf8');

interface Block {
  lang: string;
  code: string;
  line: number;
}
const blocks: Block[] = [...readme.matchAll(/^```(\w+)\n([\s\S]*?)^```/gm)].map((match) => ({
  lang: match[1],
  code: match[2],
  line: readme.slice(0, match.index).split('\n').length + 1,
}));

/**
 * What the examples leave to the reader's own code: the page's token source, its analytics, the
 * Vue plugin and Angular's decorator. Only these names may be missing; any other is an error.
 */
const readersOwn = `
declare function getToken(): Promise<string>;
declare const sso: { token(): Promise<string> };
declare const token: string;
declare function track(value: unknown): void;
declare function toast(message: string): void;
declare function vue(options: { template: { compilerOptions: { isCustomElement(tag: string): boolean } } }): unknown;
declare function Component(options: Record<string, unknown>): ClassDecorator;
declare const CUSTOM_ELEMENTS_SCHEMA: unknown;
`;

/** Names an example uses from the package without importing them, as a continuation of an earlier one. */
function continuation(code: string): string {
  const imported = new Set(
    [...code.matchAll(/import\s*\{([^}]*)\}/g)].flatMap((m) => m[1].split(',').map((s) => s.trim())),
  );
  const used = ['configure', 'RestBackend', 'registerTranslation'].filter(
    (name) => !imported.has(name) && new RegExp(`\\b${name}\\b`).test(code),
  );
  return used.length ? `import { ${used.join(', ')} } from 'peerkit';\n` : '';
}

describe('README', () => {
  const dir = (mkdirSync(resolve(root, '.tmp'), { recursive: true }), mkdtempSync(resolve(root, '.tmp', 'readme-')));
  after(() => rmSync(dir, { recursive: true, force: true }));

  const typed = blocks.filter((b) => b.lang === 'ts' || b.lang === 'tsx');

  it('has TypeScript examples for the API, React, Angular, backends and languages', () => {
    const all = typed.map((b) => b.code).join('\n');
    for (const needle of [
      "from 'peerkit/react'",
      'new RestBackend(',
      'configure(',
      'registerTranslation(',
      '@Component(',
    ]) {
      assert.ok(all.includes(needle), `README has an example with ${needle}`);
    }
  });

  it('has TypeScript examples that compile against the built package', () => {
    const files = typed.map((block, index) => {
      const file = join(dir, `example-${index}.${block.lang}`);
      // Each example is a module of its own (`export {}`), so that their names do not clash.
      writeFileSync(file, `${continuation(block.code)}${block.code}\n${readersOwn}\nexport {};\n`);
      return { file, block };
    });
    const program = ts.createProgram(
      files.map((f) => f.file),
      {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
        jsx: ts.JsxEmit.ReactJSX,
        strict: true,
        experimentalDecorators: true,
        skipLibCheck: true,
        noEmit: true,
        types: [],
      },
    );
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = files.find((f) => f.file === d.file?.fileName);
      const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : 0;
      const shift = where ? continuation(where.block.code).split('\n').length - 1 : 0;
      return `README.md:${where ? where.block.line + line - shift : '?'}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    });
    assert.deepEqual(problems, []);
  });

  it('uses only the tags and attributes the elements have in its HTML', () => {
    const manifest = JSON.parse(readFileSync(resolve(root, 'custom-elements.json'), 'utf8')) as {
      modules: { declarations?: { tagName?: string; attributes?: { name: string }[] }[] }[];
    };
    const attributes = new Map<string, Set<string>>();
    for (const d of manifest.modules.flatMap((m) => m.declarations ?? [])) {
      if (d.tagName) attributes.set(d.tagName, new Set((d.attributes ?? []).map((a) => a.name)));
    }
    const html = blocks.filter((b) => b.lang === 'html');
    const problems: string[] = [];
    let tags = 0;
    for (const block of html) {
      for (const [, tag, rest] of block.code.matchAll(/<(peer-[a-z-]+)([^>]*)>/g)) {
        tags++;
        const known = attributes.get(tag);
        if (!known) {
          problems.push(`<${tag}> is not an element of the package`);
          continue;
        }
        for (const [, name] of rest.matchAll(/\s([a-z][a-z-]*)=/g)) {
          if (!known.has(name)) problems.push(`<${tag} ${name}> is not an attribute of ${tag}`);
        }
      }
    }
    assert.ok(tags >= 5, `README's HTML examples use the tags (${tags} found)`);
    assert.deepEqual(problems, []);
  });
});
