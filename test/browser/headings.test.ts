import { expect, fixture } from '@open-wc/testing';
import { a11ySnapshot } from '@web/test-runner-commands';
import { html } from 'lit';
import { configure } from '../../src/core/config.js';
import type { PeerElement } from '../../src/core/peer-element.js';
import { has, settled, widgets } from './fixtures/widget-states.js';
import { apiUrl, deepElements, resetServer, tokenOf, until } from './helpers.js';

/*
 * A widget's headings fit the outline of the page it is put in: with `heading-level`, its own
 * headings take that level and those under them the next, in the accessibility tree as well.
 */

const headingsIn = (box: Element) =>
  [...deepElements(box)]
    .filter((el) => /^h[1-6]$/.test(el.localName) || el.getAttribute('role') === 'heading')
    .map((el) => ({
      text: el.textContent!.trim(),
      level: Number(el.getAttribute('aria-level') ?? el.localName.slice(1)),
    }));

/** The widget's own headings and those one level under them, by their level without `heading-level`. */
const ownState = [
  ...widgets,
  {
    name: 'your own mentor card, with its settings',
    template: html`<peer-mentor-card mentor-id="u0001"></peer-mentor-card>`,
    done: has('#mentees-heading'),
  },
];

describe('heading-level', () => {
  before(resetServer);
  beforeEach(() => {
    configure({ baseUrl: apiUrl, headers: { Authorization: `Bearer ${tokenOf('u0001')}` }, retryDelay: 10 });
  });

  for (const widget of ownState) {
    it(`${widget.name}: its headings start at the level given and keep their order under it`, async () => {
      const box = await fixture<HTMLElement>(html`<div>${widget.template}</div>`);
      await until(settled(box, widget.done), widget.name, 15_000);
      const before = headingsIn(box);
      if (!before.length) return;
      const top = Math.min(...before.map((h) => h.level));
      const element = box.firstElementChild as PeerElement;
      element.headingLevel = 5;
      await until(() => Math.min(...headingsIn(box).map((h) => h.level)) === 5, 'the levels given');
      // Each heading is as far under the widget's first level as it was before.
      expect(headingsIn(box)).to.deep.equal(before.map((h) => ({ ...h, level: Math.min(h.level - top + 5, 6) })));
      element.headingLevel = undefined;
      await until(() => Math.min(...headingsIn(box).map((h) => h.level)) === top, 'the levels before');
      expect(headingsIn(box)).to.deep.equal(before);
    });
  }

  it('reaches the accessibility tree, and a level out of range stays within 1 to 6', async () => {
    const box = await fixture<HTMLElement>(
      html`<div><peer-kudos-feed live="off" composer="open" heading-level="3"></peer-kudos-feed></div>`,
    );
    await until(settled(box, widgets.find((w) => w.name === 'kudos feed with its composer open')!.done), 'the feed');
    type Node = { role: string; name?: string; level?: number; children?: Node[] };
    const levels = async () => {
      const found: Record<string, number> = {};
      const walk = (node: Node) => {
        if (node.role === 'heading' && node.name) found[node.name] = node.level!;
        node.children?.forEach(walk);
      };
      walk((await a11ySnapshot({})) as unknown as Node);
      return found;
    };
    expect(await levels()).to.deep.equal({ Kudos: 3, 'Give kudos': 4 });
    const feed = box.firstElementChild as PeerElement;
    feed.headingLevel = 6;
    await until(() => headingsIn(box).every((h) => h.level === 6), 'level 6 for both');
    expect(await levels()).to.deep.equal({ Kudos: 6, 'Give kudos': 6 });
    feed.setAttribute('heading-level', 'none');
    await until(() => headingsIn(box)[0].level === 2, 'the default again');
    expect(await levels()).to.deep.equal({ Kudos: 2, 'Give kudos': 3 });
  });
});
