import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { minifyCss, minifyHtml, minifyHtmlParts, minifyTemplates } from '../../scripts/build-plugins.js';

describe('template minification in the build', () => {
  it('drops comments and white space from css, keeping strings exactly', () => {
    const css = `
      /* the host's box; a comment with a quote */
      :host {
        font-family: 'Segoe  UI', system-ui;
        content: "a  ;  b";
      }
      .a :hover > .b { margin: 0 auto; padding: 0.5em 10.25em -0.75em; }
      .c { content: '0.5'; inline-size: calc(100% - 0.5rem); }`;
    assert.equal(
      minifyCss(css),
      ` :host{font-family:'Segoe  UI',system-ui;content:"a  ;  b"}.a :hover>.b{margin:0 auto;padding:.5em 10.25em -0.75em}` +
        `.c{content:'0.5';inline-size:calc(100% - .5rem)}`,
    );
  });

  it('turns line breaks in html into single spaces', () => {
    assert.equal(minifyHtml('<p>\n        <b>a</b>\n        text\n      </p>'), '<p> <b>a</b> text </p>');
    assert.equal(minifyHtml('<span>a</span><span>b</span>'), '<span>a</span><span>b</span>');
  });

  it('keeps the white space inside <pre> and <textarea> elements, and minifies the rest, their opening tags too', () => {
    assert.equal(
      minifyHtml('<div>\n  <pre>\n  a\n    b\n</pre>\n  <p>\n    c\n  </p>\n</div>'),
      '<div> <pre>\n  a\n    b\n</pre> <p> c </p> </div>',
    );
    // An element whose opening tag holds values: the tag is minified, the content after it is kept.
    assert.deepEqual(
      minifyHtmlParts(['<label>\n  x\n</label>\n<textarea\n  id=', '\n  rows="2"\n>\n  ', '\n</textarea>\n<p>\n']),
      ['<label> x </label> <textarea id=', ' rows="2" >\n  ', '\n</textarea> <p> '],
    );
    // A `>` inside a quoted attribute does not end the opening tag.
    assert.equal(
      minifyHtml('<textarea\n  title="a > b"\n  placeholder=\'c>\'\n> keep\n  this</textarea>'),
      `<textarea title="a > b" placeholder='c>' > keep\n  this</textarea>`,
    );
  });

  it('rewrites only the literal parts of css and html templates, leaving <pre> and values alone', () => {
    const plugin = minifyTemplates() as { transform: (code: string, id: string) => { code: string } | null };
    const source = [
      'const s = css`\n  :host {\n    color: red;\n  }\n`;',
      'const t = html`<div>\n    ${value}\n  </div>`;',
      'const p = html`<pre>\n  keep\n</pre>`;',
      'const other = `\n  not a template of Lit\n`;',
    ].join('\n');
    const out = plugin.transform(source, '/project/src/x.ts')!.code;
    assert.match(out, /css`\s?:host\{color:red\}\s?`/);
    assert.match(out, /html`<div> \$\{value\} <\/div>`/);
    assert.match(out, /html`<pre>\n {2}keep\n<\/pre>`/);
    assert.match(out, /`\n {2}not a template of Lit\n`/);
  });
});
