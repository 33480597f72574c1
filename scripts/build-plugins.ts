import { parseAst, type Plugin } from 'vite';

/*
 * Shrinks the literal text of Lit's `css` and `html` templates in the built files; a minifier leaves
 * template literals alone, and they are a good part of each widget.
 * - css: comments go, runs of white space become one space, and none is kept next to { } ; > or
 *   after a colon or comma; the last declaration of a block loses its semicolon and `0.5` becomes
 *   `.5`. Quoted strings are left exactly as written.
 * - html: a run of white space that contains a line break becomes one space, which renders the
 *   same in normal text; inside <pre> and <textarea> elements, where white space shows, it stays.
 * Only the parts between `${…}` change, so no value a template receives is touched.
 */

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

export function minifyCss(text: string): string {
  let out = '';
  const withoutComments = text.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const piece of withoutComments.split(/('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/)) {
    if (piece.startsWith("'") || piece.startsWith('"')) {
      out += piece;
      continue;
    }
    out += piece
      .replace(/\s+/g, ' ')
      .replace(/ ?([{};>]) ?/g, '$1')
      .replace(/([:,]) /g, '$1')
      .replace(/;\}/g, '}')
      .replace(/(^|[^\w.#-])0\.(\d)/g, '$1.$2');
  }
  return out;
}

const collapse = (text: string) => text.replace(/[ \t]*\n\s*/g, ' ');

/**
 * The content of <pre> and <textarea> elements, where white space shows (group 3), after their
 * opening tag (group 1), which is minified like any other: a `>` inside a quoted attribute does not
 * end it.
 */
const KEEP = /(<(pre|textarea)\b(?:[^>"']|"[^"]*"|'[^']*')*>)([\s\S]*?<\/\2\s*>)/gi;

export function minifyHtml(text: string): string {
  return minifyHtmlParts([text])[0];
}

/**
 * The literal parts of one html template, minified as a whole: a <pre> or <textarea> element may
 * open in one part and close in a later one, with values between.
 */
export function minifyHtmlParts(parts: string[]): string[] {
  // A character no template contains marks where each value sat.
  const joined = parts.join('\u0000');
  let out = '';
  let last = 0;
  for (const kept of joined.matchAll(KEEP)) {
    out += collapse(joined.slice(last, kept.index) + kept[1]) + kept[3];
    last = kept.index + kept[0].length;
  }
  out += collapse(joined.slice(last));
  return out.split('\u0000');
}

function tagName(tag: Node): string | undefined {
  if (tag.type === 'Identifier') return tag.name as string;
  // `staticHtml` and bundler-renamed imports keep the name as the suffix.
  if (tag.type === 'MemberExpression') return tagName(tag.property as Node);
  return undefined;
}

function templates(node: unknown, found: { kind: 'css' | 'html'; quasi: Node }[]) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) templates(child, found);
    return;
  }
  const n = node as Node;
  if (n.type === 'TaggedTemplateExpression') {
    const name = tagName(n.tag as Node) ?? '';
    if (/^css$/.test(name)) found.push({ kind: 'css', quasi: n.quasi as Node });
    else if (/^(html|svg|staticHtml)$/.test(name)) found.push({ kind: 'html', quasi: n.quasi as Node });
  }
  for (const key of Object.keys(n)) {
    if (key !== 'type' && key !== 'start' && key !== 'end') templates(n[key], found);
  }
}

export function minifyTemplates(): Plugin {
  return {
    name: 'peerkit:minify-templates',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(css|html|svg)`/.test(code)) return null;
      const found: { kind: 'css' | 'html'; quasi: Node }[] = [];
      templates(parseAst(code), found);
      const edits: { start: number; end: number; text: string }[] = [];
      for (const { kind, quasi } of found) {
        const quasis = quasi.quasis as Node[];
        const raws = quasis.map((q) => (q.value as { raw: string }).raw);
        if (raws.some((raw) => raw.includes('\u0000'))) continue;
        const minified = kind === 'css' ? raws.map(minifyCss) : minifyHtmlParts(raws);
        quasis.forEach((q, i) => {
          if (minified[i] !== raws[i]) edits.push({ start: q.start, end: q.end, text: minified[i] });
        });
      }
      if (!edits.length) return null;
      let out = code;
      for (const edit of edits.sort((a, b) => b.start - a.start)) {
        // A quasi's span may or may not include its delimiters (` ${ }); keep whatever surrounds the raw text.
        const span = out.slice(edit.start, edit.end);
        const original = quasiText(span);
        out = out.slice(0, edit.start) + span.replace(original, () => edit.text) + out.slice(edit.end);
      }
      return { code: out, map: null };
    },
  };
}

function quasiText(span: string): string {
  return span.replace(/^(`|\})/, '').replace(/(`|\$\{)$/, '');
}

/**
 * For the single-file build: the parts other builds load on demand (`import('./…')`) are bundled in,
 * except the modules `keepLazy` matches (the languages), which stay separate files.
 */
export function eagerImports(keepLazy: RegExp): Plugin {
  return {
    name: 'peerkit:eager-imports',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id)) return null;
      const imports: string[] = [];
      const out = code.replace(/\bimport\((['"])(\.{1,2}\/[^'"]+)\1\)/g, (call, _quote, specifier: string) => {
        if (keepLazy.test(specifier)) return call;
        imports.push(specifier);
        return `Promise.resolve(__eager${imports.length - 1})`;
      });
      if (!imports.length) return null;
      const head = imports.map((specifier, i) => `import * as __eager${i} from ${JSON.stringify(specifier)};`).join('');
      return { code: head + out, map: null };
    },
  };
}
