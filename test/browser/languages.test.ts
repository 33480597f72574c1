import { expect } from '@open-wc/testing';
import '../../src/components/person/person.js';
import { configure } from '../../src/core/config.js';
import { registerTranslation } from '../../src/core/i18n/localize.js';
import { MemoryBackend } from '../../src/testing/memory-backend.js';
import { until } from './helpers.js';

/*
 * German and Arabic are separate files that a page downloads only when a widget speaks them; a
 * widget waits for them rather than showing English first. These tests run in order in one page.
 */
const loadedFiles = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => /\/i18n\/(de|ar)\b/.test(path));

/** Adds `<peer-person person-id="no-one">` inside a `lang` wrapper and records every text it ever shows. */
function personIn(lang: string | undefined) {
  const wrapper = document.createElement('div');
  if (lang) wrapper.lang = lang;
  const el = document.createElement('peer-person');
  el.personId = 'no-one';
  wrapper.append(el);
  const shown: string[] = [];
  const observer = new MutationObserver(() => shown.push(el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim()));
  document.body.append(wrapper);
  observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
  const name = () => el.shadowRoot!.querySelector('[part~="name"]')?.textContent?.trim();
  return { el, shown, name, done: () => (observer.disconnect(), wrapper.remove()) };
}

describe('languages on demand', () => {
  before(() => configure({ backend: new MemoryBackend() }));
  after(() => configure({}));

  it('an English page never downloads the other languages', async () => {
    const person = personIn(undefined);
    await until(() => person.name() === 'Unknown person', 'the English not-found state');
    expect(loadedFiles()).to.deep.equal([]);
    person.done();
  });

  it('a German widget loads German alone and never shows English first', async () => {
    const person = personIn('de');
    await until(() => person.name() === 'Unbekannte Person', 'the German not-found state');
    expect(person.shown.length).to.be.greaterThan(0);
    for (const text of person.shown) {
      expect(text).not.to.match(/Loading person|Unknown person|No one with this id/);
    }
    expect(loadedFiles().map((path) => path.match(/\/i18n\/(de|ar)\b/)![1])).to.deep.equal(['de']);
    person.done();
  });

  it('strings registered before a language arrives win over the shipped ones', async () => {
    registerTranslation('ar', { 'person.notFound': 'لا أحد' });
    const person = personIn('ar');
    await until(() => person.name() === 'لا أحد', 'the registered Arabic string');
    // The rest of the element speaks the shipped Arabic.
    expect(person.el.shadowRoot!.textContent).to.contain('لم يُعثر على أحد بهذا المعرّف.');
    expect(loadedFiles().some((path) => /\/i18n\/ar\b/.test(path))).to.equal(true);
    person.done();
  });
});
