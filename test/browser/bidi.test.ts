import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/feedback-form/feedback-form.js';
import '../../src/components/kudos-feed/kudos-feed.js';
import '../../src/components/mentor-card/mentor-card.js';
import '../../src/components/person/person.js';
import '../../src/components/skill-map/skill-map.js';
import type { PeerFeedbackForm } from '../../src/components/feedback-form/feedback-form.component.js';
import type { PeerKudosFeed } from '../../src/components/kudos-feed/kudos-feed.component.js';
import type { PeerMentorCard } from '../../src/components/mentor-card/mentor-card.component.js';
import type { PeerSkillMap } from '../../src/components/skill-map/skill-map.component.js';
import type { Kudos } from '../../src/contract/kudos.js';
import { configure } from '../../src/core/config.js';
import { mentors } from '../../src/testing/organisation.js';
import { apiUrl, tokenOf, until } from './helpers.js';

/*
 * What people wrote keeps its own direction inside a widget that reads the other way: an English
 * kudos on an Arabic page ends with its full stop on the right, not on the left, and a field takes
 * the direction of what is typed into it.
 */
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const direction = (el: Element | null) => (el ? getComputedStyle(el).direction : 'missing');

/** Which edge of its box the first line of a text touches: 'left', 'right', 'both' (it fills the box) or 'neither'. */
function side(el: Element | null) {
  if (!el) return 'missing';
  const range = document.createRange();
  range.selectNodeContents(el);
  const text = range.getClientRects()[0];
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  const left = box.left + parseFloat(style.paddingLeft);
  const right = box.right - parseFloat(style.paddingRight);
  const onLeft = Math.abs(text.left - left) < 2;
  const onRight = Math.abs(right - text.right) < 2;
  return onLeft && onRight ? 'both' : onLeft ? 'left' : onRight ? 'right' : 'neither';
}

/** Where the first character that `pattern` finds in the text of `el` stands (its left edge, in px). */
function leftOf(el: Element, pattern: RegExp): number {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const index = node.textContent!.search(pattern);
    if (index < 0) continue;
    const range = document.createRange();
    range.setStart(node, index);
    range.setEnd(node, index + 1);
    return range.getBoundingClientRect().left;
  }
  throw new Error(`${pattern} is not in "${el.textContent}"`);
}

function typeInto(field: HTMLTextAreaElement, text: string) {
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

describe('text in the other direction', () => {
  before(() => configure({ baseUrl: apiUrl, headers: { Authorization: `Bearer ${tokenOf('u0001')}` } }));
  after(() => configure({}));

  it('reads English kudos, templates, bios, names and skills left to right on an Arabic page', async () => {
    const mentor = mentors.find((m) => m.bio && !m.hidden && m.personId !== 'u0001')!;
    const page = await fixture(
      html`<div lang="ar" dir="rtl">
        <peer-kudos-feed live="off" page-size="2"></peer-kudos-feed>
        <peer-feedback-form template-id="sbi"></peer-feedback-form>
        <peer-mentor-card mentor-id=${mentor.personId}></peer-mentor-card>
        <peer-person person-id="u0002" size="large"></peer-person>
        <peer-skill-map department="eng" category="Engineering"></peer-skill-map>
      </div>`,
    );
    const feed = page.querySelector<PeerKudosFeed>('peer-kudos-feed')!;
    const form = page.querySelector<PeerFeedbackForm>('peer-feedback-form')!;
    const card = page.querySelector<PeerMentorCard>('peer-mentor-card')!;
    const person = page.querySelector('peer-person')!;
    const map = page.querySelector('peer-skill-map')!;
    await until(
      () =>
        !!$(feed, 'article .message') &&
        !!$(form, 'form') &&
        !!$(card, '[part~="bio"]') &&
        !!$(person, '[part~="name"]') &&
        !!$(map, '.skill-name'),
      'the widgets',
    );

    expect(direction($(feed, 'article'))).to.equal('rtl', 'the widget itself reads right to left');
    expect(direction($(feed, 'article .message'))).to.equal('ltr');
    expect(direction($(feed, 'article .values bdi'))).to.equal('ltr');
    expect(direction($(form, '#title'))).to.equal('ltr');
    expect(direction($(form, 'header .hint'))).to.equal('ltr');
    expect(direction($(form, '.question bdi'))).to.equal('ltr');
    expect(direction($(card, '[part~="bio"]'))).to.equal('ltr');
    expect(direction($(card, '.skill'))).to.equal('ltr');
    expect(direction($(person, '[part~="name"]'))).to.equal('ltr');
    expect(direction($(person, '[part~="title"]'))).to.equal('ltr');
    expect(direction($(map, '.skill-name'))).to.equal('ltr');
    expect(direction($(map, '.person-name'))).to.equal('ltr');

    // Names, titles and headings still line up with the widget, on the right; prose on the left.
    expect(side($(form, '#title'))).to.equal('right', 'template title');
    expect(side($(form, 'header .hint'))).to.equal('right', 'template description');
    expect(side($(person, '[part~="name"]'))).to.equal('right', 'person name');
    expect(side($(feed, 'article .message'))).to.equal('left', 'kudos message');
    expect(side($(card, '[part~="bio"]'))).to.equal('left', 'bio');
  });

  it('gives a field the direction of what is typed into it', async () => {
    const form = await fixture<PeerFeedbackForm>(html`<peer-feedback-form template-id="sbi"></peer-feedback-form>`);
    await until(() => !!$(form, 'textarea'), 'the form');
    const field = $<HTMLTextAreaElement>(form, 'textarea')!;
    expect(direction(field)).to.equal('ltr');
    typeInto(field, 'شكرًا على العرض الواضح للخطة.');
    await form.updateComplete;
    expect(direction(field)).to.equal('rtl');
  });

  /** The heading of the experts panel of a one-skill map, on a page of `lang` and `dir`. */
  async function expertsHeading(skill: string, lang: string, dir: string) {
    const page = await fixture(html`<div lang=${lang} dir=${dir}><peer-skill-map></peer-skill-map></div>`);
    const map = page.querySelector<PeerSkillMap>('peer-skill-map')!;
    map.matrix = {
      people: [{ id: 'p1', name: 'Lina', title: 'Engineer', department: { id: 'eng', name: 'Eng' }, photoUrl: null }],
      skills: [{ id: 's1', name: skill, category: 'Engineering', synonyms: [] }],
      cells: [[0, 0, 3, 'self', '2026-01-01T00:00:00.000Z']],
      targets: [],
      levels: [],
    };
    await until(() => !!$(map, '[data-pos="0:1"]'), 'the grid');
    $(map, '[data-pos="0:1"]')!.click();
    await until(() => !!$(map, '[part~="experts"] h3'), `the experts of ${skill}`);
    return $(map, '[part~="experts"] h3')!;
  }

  it('keeps a level next to its label in a cell’s details, whatever the direction of the names', async () => {
    // "Lina · Go: 3 Skilled" on an Arabic page: the names are English; the number belongs to the Arabic label,
    // so it stands between the skill (on its right) and the label (on its left), not after the names.
    const page = await fixture(html`<div lang="ar" dir="rtl"><peer-skill-map></peer-skill-map></div>`);
    const map = page.querySelector<PeerSkillMap>('peer-skill-map')!;
    map.matrix = {
      people: [{ id: 'p1', name: 'Lina', title: 'Engineer', department: { id: 'eng', name: 'Eng' }, photoUrl: null }],
      skills: [{ id: 's1', name: 'Go', category: 'Engineering', synonyms: [] }],
      cells: [[0, 0, 3, 'self', '2026-01-01T00:00:00.000Z']],
      targets: [],
      levels: [],
    };
    await until(() => !!$(map, '.cell'), 'the grid');
    $(map, '.cell')!.focus();
    await until(() => !!$(map, '.summary strong'), 'the details of the cell');
    const summary = $(map, '.summary')!;
    const at = (pattern: RegExp) => leftOf(summary, pattern);
    const level = at(/[0-9\u0660-\u0669]/);
    expect(level).to.be.lessThan(at(/Go/), 'the level stands after the skill, reading right to left');
    expect(level).to.be.greaterThan(at(/[\u0600-\u06ff]/), 'and before its Arabic label');
  });

  it('keeps a mention of a name written the other way from pulling the words after it', async () => {
    // "Thanks @محمد 3 times": without isolating the mention, the 3 joins the Arabic name and shows before it.
    const response = await fetch(`${apiUrl}/kudos?limit=1`, {
      headers: { Authorization: `Bearer ${tokenOf('u0001')}` },
    });
    const template = ((await response.json()) as { items: Kudos[] }).items[0];
    const named = { ...template.recipients[0], name: 'محمد' };
    const feed = await fixture<PeerKudosFeed>(html`<peer-kudos-feed live="off"></peer-kudos-feed>`);
    feed.kudos = [{ ...template, id: 'bidi', message: `Thanks @{${named.id}} 3 times`, mentions: [named] }];
    await until(() => !!$(feed, '.message'), 'the message');
    const message = $(feed, '.message')!;
    const at = (pattern: RegExp) => leftOf(message, pattern);
    expect(at(/3/)).to.be.greaterThan(at(/[\u0600-\u06ff]/), 'the 3 stands after the name');
    expect(at(/3/)).to.be.lessThan(at(/times/));
  });

  it('keeps a time next to its AM or PM after a place written the other way', async () => {
    // "San Francisco · 1:45 ص بالتوقيت المحلي": the time and its marker stay together, after the place.
    const page = await fixture(
      html`<div lang="ar" dir="rtl"><peer-person person-id="u0002" size="large"></peer-person></div>`,
    );
    const person = page.querySelector('peer-person')!;
    await until(() => !!$(person, '.location'), 'the location');
    const location = $(person, '.location')!;
    const place = leftOf(location, /[A-Za-z]/);
    expect(leftOf(location, /[0-9\u0660-\u0669]/)).to.be.lessThan(
      place,
      'the time stands after the place, on its left',
    );
  });

  it('keeps a value put into a translated sentence in its own order', async () => {
    // "Experts in C#" in Arabic: the sentence reads right to left, and "C#" still reads "C#", not "#C".
    const heading = await expertsHeading('C#', 'ar', 'rtl');
    const text = [...heading.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes('C#'))!;
    const left = (offset: number) => {
      const range = document.createRange();
      range.setStart(text, offset);
      range.setEnd(text, offset + 1);
      return range.getBoundingClientRect().left;
    };
    const c = text.textContent!.indexOf('C#');
    expect(left(c)).to.be.lessThan(left(c + 1), '"C" stands left of "#"');
    expect(left(c)).to.be.lessThan(
      left(text.textContent!.indexOf('خ')),
      'the skill ends the Arabic sentence, on its left',
    );

    // Isolated only where the value's letters run the other way: nothing invisible otherwise.
    expect((await expertsHeading('برمجة', 'en', 'ltr')).textContent).to.contain('Experts in \u2068برمجة\u2069');
    expect((await expertsHeading('Go', 'en', 'ltr')).textContent!.trim()).to.equal('Experts in Go');
    // Every right-to-left script, not only those of the languages Peerkit ships: Syriac, N'Ko, Adlam.
    for (const skill of ['ܠܫܢܐ', 'ߒߞߏ', '𞤆𞤵𞤤𞤢𞤪'])
      expect((await expertsHeading(skill, 'en', 'ltr')).textContent).to.contain(`Experts in \u2068${skill}\u2069`);
    expect((await expertsHeading('ܠܫܢܐ', 'ar', 'rtl')).textContent).to.not.match(/[\u2068\u2069]/);
    // A hostile name with a right-to-left override cannot reverse the rest of the sentence.
    expect((await expertsHeading('Go\u202e evil', 'en', 'ltr')).textContent).to.contain('\u2068Go\u202e evil\u2069');
    expect((await expertsHeading('Go', 'de', 'ltr')).textContent).to.not.match(/[\u2068\u2069]/);
    expect((await expertsHeading('برمجة', 'ar', 'rtl')).textContent).to.not.match(/[\u2068\u2069]/);
  });
});
