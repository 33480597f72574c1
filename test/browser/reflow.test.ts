import { expect, fixture } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import { configure } from '../../src/core/config.js';
import { has, settled, widgets } from './fixtures/widget-states.js';
import { apiUrl, composedParent, deepElements, resetServer, tokenOf, until } from './helpers.js';

/*
 * WCAG 1.4.10 (Reflow): on a phone, 320 CSS px wide, nothing needs scrolling sideways. Each widget
 * gets 280 px (a phone's width less a page's margins). The skill grid is two-dimensional data, which
 * the rule lets scroll inside its own box; there, skills must still show beside the names.
 */

const WIDTH = 280;

/** Whether something between `el` and `box` clips or scrolls what overflows it. */
function clipped(el: Element, box: Element) {
  for (let a = composedParent(el); a && a !== box; a = composedParent(a)) {
    if (getComputedStyle(a).overflowX !== 'visible') return true;
  }
  return false;
}

/** What sticks out of `box` sideways (and is not inside a box of its own that scrolls or clips). */
function overflowing(box: HTMLElement): string[] {
  const { left, right } = box.getBoundingClientRect();
  const found: string[] = [];
  for (const el of deepElements(box)) {
    const r = el.getBoundingClientRect();
    // Text only for screen readers is clipped to nothing where it stands.
    if (r.width === 0 || getComputedStyle(el).clip !== 'auto' || clipped(el, box)) continue;
    if (r.right > right + 0.5 || r.left < left - 0.5) {
      found.push(`${el.localName}.${[...el.classList].join('.')} [${Math.round(r.left)}, ${Math.round(r.right)}]`);
    }
  }
  return found;
}

describe('on a phone (Reflow, 320 CSS px)', () => {
  before(resetServer);
  beforeEach(() => {
    configure({ baseUrl: apiUrl, headers: { Authorization: `Bearer ${tokenOf('u0001')}` }, retryDelay: 10 });
  });

  for (const [lang, dir] of [
    ['en', 'ltr'],
    ['de', 'ltr'],
    ['ar', 'rtl'],
  ]) {
    for (const widget of widgets) {
      it(`${widget.name}: nothing needs scrolling sideways (${lang})`, async () => {
        const box = await fixture<HTMLElement>(
          html`<div lang=${lang} dir=${dir} style="width: ${WIDTH}px">${widget.template}</div>`,
        );
        await until(settled(box, widget.done), widget.name, 15_000);
        expect(overflowing(box)).to.deep.equal([]);
      });
    }
  }

  it('the mentorship request dialog fits a phone screen', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const card = await fixture<HTMLElement>(html`<peer-mentor-card mentor-id="u0002"></peer-mentor-card>`);
      const button = () =>
        card.shadowRoot!.querySelector<HTMLButtonElement>('[part~="request-button"]:not([disabled])');
      await until(() => !!button(), 'the request button');
      button()!.click();
      const dialog = () =>
        [...deepElements(card.shadowRoot!)].find((el): el is HTMLDialogElement => el.localName === 'dialog');
      await until(() => !!dialog()?.open, 'the dialog');
      const { left, right } = dialog()!.getBoundingClientRect();
      expect(left, 'left edge').to.be.at.least(0);
      expect(right, 'right edge').to.be.at.most(320);
      expect(document.documentElement.scrollWidth).to.equal(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  for (const dir of ['ltr', 'rtl']) {
    it(`the skill map leaves room for skills beside the names, and the keyboard never hides a cell under them (${dir})`, async () => {
      const box = await fixture<HTMLElement>(
        html`<div dir=${dir} style="width: ${WIDTH}px"><peer-skill-map department="eng"></peer-skill-map></div>`,
      );
      const map = box.firstElementChild!;
      await until(settled(box, has('[role="gridcell"]')), 'the grid');
      const $ = (selector: string) => map.shadowRoot!.querySelector<HTMLElement>(selector)!;
      const viewport = $('.viewport').getBoundingClientRect();
      const name = $('[data-pos="3:0"]').getBoundingClientRect();
      const beside = (cell: DOMRect) =>
        dir === 'ltr'
          ? cell.left >= name.right - 0.5 && cell.right <= viewport.right + 0.5
          : cell.right <= name.left + 0.5 && cell.left >= viewport.left - 0.5;
      // At least two whole skill columns show beside the names.
      for (const c of [1, 2]) {
        expect(beside($(`[data-pos="3:${c}"]`).getBoundingClientRect()), `skill ${c} shows`).to.be.true;
      }
      $('[data-pos="3:1"]').focus();
      await sendKeys({ press: 'End' });
      const skills = Number($('[role="grid"]').getAttribute('aria-colcount')) - 1;
      await until(() => map.shadowRoot!.activeElement?.getAttribute('data-pos') === `3:${skills}`, 'the last skill');
      await until(() => beside($(`[data-pos="3:${skills}"]`).getBoundingClientRect()), 'the last skill in view');
      await sendKeys({ press: 'Home' });
      await sendKeys({ press: dir === 'ltr' ? 'ArrowRight' : 'ArrowLeft' });
      await until(() => map.shadowRoot!.activeElement?.getAttribute('data-pos') === '3:1', 'the first skill');
      await until(() => beside($('[data-pos="3:1"]').getBoundingClientRect()), 'the first skill in view again');
    });
  }

  it('the skill map keeps its full name column where there is room', async () => {
    const box = await fixture<HTMLElement>(
      html`<div style="width: 1000px"><peer-skill-map department="eng"></peer-skill-map></div>`,
    );
    const map = box.firstElementChild!;
    await until(settled(box, has('[role="gridcell"]')), 'the grid');
    expect(map.shadowRoot!.querySelector('[data-pos="3:0"]')!.getBoundingClientRect().width).to.equal(224);
  });
});

describe('with text at 200 % (Resize text)', () => {
  before(resetServer);
  beforeEach(() => {
    configure({ baseUrl: apiUrl, headers: { Authorization: `Bearer ${tokenOf('u0001')}` }, retryDelay: 10 });
    // A reader who sets the browser's text size to twice the usual.
    document.documentElement.style.fontSize = '32px';
  });
  afterEach(() => document.documentElement.style.removeProperty('font-size'));

  for (const widget of widgets) {
    it(`${widget.name}: nothing needs scrolling sideways in 640 px`, async () => {
      const box = await fixture<HTMLElement>(html`<div style="width: 640px">${widget.template}</div>`);
      await until(settled(box, widget.done), widget.name, 15_000);
      expect(overflowing(box)).to.deep.equal([]);
    });
  }

  it('the skill map grows its rows, columns and header with the text, so that nothing in them is cut off', async () => {
    const box = await fixture<HTMLElement>(
      html`<div style="width: 1000px"><peer-skill-map department="eng" category="Engineering"></peer-skill-map></div>`,
    );
    const map = box.firstElementChild!;
    await until(settled(box, has('[role="gridcell"]')), 'the grid');
    const cells = [
      ...map.shadowRoot!.querySelectorAll<HTMLElement>('[role="gridcell"], [role="rowheader"], [role="columnheader"]'),
    ];
    expect(cells.length).to.be.greaterThan(20);
    const cut = cells
      .filter((cell) => cell.scrollHeight > cell.clientHeight + 1 || cell.scrollWidth > cell.clientWidth + 1)
      .map((cell) => `${cell.dataset.pos}: ${cell.textContent!.trim()}`);
    expect(cut).to.deep.equal([]);
    // A person's name and title both show in full in their row.
    const name = map.shadowRoot!.querySelector<HTMLElement>('[data-pos="3:0"]')!;
    for (const line of name.querySelectorAll<HTMLElement>('.person-name, .person-title')) {
      expect(line.scrollWidth, line.textContent!).to.be.at.most(line.clientWidth + 1);
      expect(line.getBoundingClientRect().bottom).to.be.at.most(name.getBoundingClientRect().bottom + 0.5);
    }
  });

  it('the skill map grows its scrolling area with a larger --peer-font-size, so that rows still show', async () => {
    document.documentElement.style.removeProperty('font-size');
    const box = await fixture<HTMLElement>(
      html`<div style="width: 1000px; --peer-font-size: 1.875rem">
        <peer-skill-map department="eng" category="Engineering"></peer-skill-map>
      </div>`,
    );
    const map = box.querySelector('peer-skill-map')!;
    await until(settled(box, has('[role="gridcell"]')), 'the grid');
    const $ = (selector: string) => map.shadowRoot!.querySelector<HTMLElement>(selector)!;
    const row = $('[data-pos="3:0"]').getBoundingClientRect().height;
    const header = $('[data-pos="0:0"]').getBoundingClientRect().height;
    expect(row, 'rows grow with the text').to.be.at.least(70);
    const rowsShown = ($('.viewport').clientHeight - header - row) / row;
    expect(rowsShown).to.be.at.least(5);
  });
});
