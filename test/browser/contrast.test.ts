import { expect, fixture } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import '../../src/components/feedback-form/feedback-form.js';
import '../../src/components/kudos-feed/kudos-feed.js';
import '../../src/components/mentor-card/mentor-card.js';
import '../../src/components/skill-map/skill-map.js';
import { configure } from '../../src/core/config.js';
import { apiUrl, composedParent, deepElements, resetServer, tokenOf, until } from './helpers.js';

/*
 * WCAG 1.4.11 (Non-text contrast): what shows where a text field or a select is, its border, has a
 * contrast of at least 3:1 with what is around it, in every theme. (axe checks the text, not this.)
 */

const rgb = (color: string) => color.match(/[\d.]+/g)!.map(Number);

function luminance([r, g, b]: number[]) {
  const channel = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

const ratio = (a: number[], b: number[]) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
};

/** The first background that is not transparent, from `el` outwards. */
function backgroundAround(el: Element) {
  for (let a: Element | undefined = el; a; a = composedParent(a)) {
    const color = rgb(getComputedStyle(a).backgroundColor);
    if (color.length < 4 || color[3] > 0) return color;
  }
  return [255, 255, 255];
}

/** The element that draws the field's edge: the field itself, or the box it sits in. */
function edgeOf(field: Element) {
  for (let a: Element | undefined = field; a; a = composedParent(a)) {
    const style = getComputedStyle(a);
    if (style.borderTopStyle !== 'none' && parseFloat(style.borderTopWidth) > 0) return a;
  }
  return field;
}

const FIELDS = 'input:not([type="checkbox"], [type="radio"], [type="hidden"]), textarea, select';

const cases: {
  name: string;
  template: (theme: string) => TemplateResult;
  open?: (all: Element[]) => void;
  fields: number;
}[] = [
  {
    name: 'skill map filters',
    template: (theme) => html`<peer-skill-map department="eng" theme=${theme}></peer-skill-map>`,
    fields: 3,
  },
  {
    name: 'feedback form',
    template: (theme) => html`<peer-feedback-form template-id="sbi" theme=${theme}></peer-feedback-form>`,
    fields: 4,
  },
  {
    name: 'kudos composer',
    template: (theme) => html`<peer-kudos-feed live="off" composer="open" theme=${theme}></peer-kudos-feed>`,
    fields: 2,
  },
  {
    name: 'mentorship request',
    template: (theme) => html`<peer-mentor-card mentor-id="u0002" theme=${theme}></peer-mentor-card>`,
    open: (all) => (all.find((el) => el.matches('[part~="request-button"]:not([disabled])')) as HTMLElement)?.click(),
    fields: 1,
  },
];

describe('text fields and selects stand out from what is around them (Non-text contrast)', () => {
  before(resetServer);
  beforeEach(() => {
    configure({ baseUrl: apiUrl, headers: { Authorization: `Bearer ${tokenOf('u0150')}` }, retryDelay: 10 });
  });

  for (const theme of ['light', 'dark', 'contrast']) {
    for (const { name, template, open, fields } of cases) {
      it(`${name} (${theme})`, async () => {
        // The theme is there from the start: the fields the widget makes later take it from the widget.
        const box = await fixture<HTMLElement>(html`<div>${template(theme)}</div>`);
        const found = () => [...deepElements(box)].filter((el) => el.matches(FIELDS));
        if (open) {
          await until(() =>
            [...deepElements(box)].some((el) => el.matches('[part~="request-button"]:not([disabled])')),
          );
          open([...deepElements(box)]);
        }
        await until(() => found().length >= fields, `${fields} fields`, 15_000);
        for (const field of found()) {
          const edge = edgeOf(field);
          const contrast = ratio(rgb(getComputedStyle(edge).borderTopColor), backgroundAround(composedParent(edge)!));
          expect(contrast, `${field.localName} ${field.getAttribute('aria-label') ?? ''}`).to.be.at.least(3);
        }
      });
    }
  }
});
