import { expect, fixture } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { html, type TemplateResult } from 'lit';
import type { Circle, MentorProfile, MentorshipRequest } from '../../src/contract/mentors.js';
import { configure } from '../../src/core/config.js';
import { has, settled, widgets } from './fixtures/widget-states.js';
import { apiUrl, composedParent, deepActive, resetServer, shiftTab, tokenOf, until } from './helpers.js';

/*
 * WCAG 2.4.7 (Focus visible) and 2.4.11 (Focus not obscured): going through each widget with Tab,
 * every stop shows a focus indicator that it did not show before, and no box that scrolls or clips
 * cuts that indicator off. axe checks neither.
 */

/** How far the focus indicator reaches outside the element (0 for one drawn inside it). */
function ringReach(style: CSSStyleDeclaration): number | undefined {
  if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) {
    return Math.max(0, parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset));
  }
  if (style.boxShadow === 'none') return undefined;
  // "rgb(…) 0px 0px 0px 2px, rgb(…) 0px 0px 0px 4px": the spread is the last length of each shadow.
  const spreads = style.boxShadow
    .split(/,(?![^(]*\))/)
    .filter((shadow) => !shadow.includes('inset'))
    .map((shadow) => parseFloat(shadow.trim().split(/\s+/).at(-1)!) || 0);
  return Math.max(0, ...spreads);
}

const signature = (style: CSSStyleDeclaration) => `${style.outlineStyle} ${style.outlineWidth} ${style.boxShadow}`;

/**
 * The element that draws the indicator: the focused one, or the nearest box around it that shows
 * focus within (a field around its input, the label of a visually hidden radio button).
 */
function drawer(el: HTMLElement): HTMLElement | undefined {
  for (let a: Element | undefined = el, i = 0; a && i < 4; a = composedParent(a), i++) {
    if (a.getBoundingClientRect().width > 1 && ringReach(getComputedStyle(a)) !== undefined) return a as HTMLElement;
  }
  return undefined;
}

/** What cuts the indicator of `el` off: a box between it and the page that scrolls or clips. */
function cutBy(el: HTMLElement, reach: number): string | undefined {
  const r = el.getBoundingClientRect();
  for (let a = composedParent(el); a && a !== document.documentElement; a = composedParent(a)) {
    const style = getComputedStyle(a);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    const box = a.getBoundingClientRect();
    const left = box.left + parseFloat(style.borderLeftWidth);
    const top = box.top + parseFloat(style.borderTopWidth);
    const inside =
      r.left - reach >= left - 0.5 &&
      r.top - reach >= top - 0.5 &&
      r.right + reach <= left + a.clientWidth + 0.5 &&
      r.bottom + reach <= top + a.clientHeight + 0.5;
    if (!inside) return `${a.localName}.${[...a.classList].join('.')}`;
  }
  return undefined;
}

/** Waits until `measure` gives the same answer five frames in a row (at most a second). */
async function steady(measure: () => string) {
  let last = '';
  for (let same = 0, i = 0; same < 5 && i < 60; i++) {
    await new Promise(requestAnimationFrame);
    const now = measure();
    same = now === last ? same + 1 : 0;
    last = now;
  }
}

const describeEl = (el: Element) =>
  `${el.localName}.${[...el.classList].join('.')} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}"`;

/** The focus indicator where focus is now, or what is wrong with it. */
function check(active: HTMLElement, faults: string[], seen: { el: HTMLElement; ring: string }[]) {
  const el = drawer(active);
  if (!el) {
    faults.push(`no indicator: ${describeEl(active)}`);
    return;
  }
  const style = getComputedStyle(el);
  const cut = cutBy(el, ringReach(style)!);
  if (cut) faults.push(`indicator cut off by ${cut}: ${describeEl(active)}`);
  seen.push({ el, ring: signature(style) });
}

/**
 * Tabs from a button before `box` (or, with `here`, from where focus is) until focus leaves it, at
 * most `stops` times; lists each fault.
 */
async function tabThrough(box: HTMLElement, { here = false, stops = 60 } = {}) {
  const faults: string[] = [];
  const seen: { el: HTMLElement; ring: string }[] = [];
  if (here) check(deepActive()!, faults, seen);
  else (box.previousElementSibling as HTMLButtonElement).focus();
  for (let i = 0; i < stops; i++) {
    await sendKeys({ press: 'Tab' });
    const active = deepActive();
    if (!active || !box.contains(hostIn(active, box))) break;
    check(active, faults, seen);
  }
  deepActive()?.blur();
  for (const { el, ring } of seen) {
    if (el.isConnected && signature(getComputedStyle(el)) === ring)
      faults.push(`same without focus: ${describeEl(el)}`);
  }
  return { faults, stops: seen.length };
}

/** The element in `box`'s tree that holds `el`, however deep in shadow roots it is. */
function hostIn(el: Element, box: Element): Element {
  let node: Element | undefined = el;
  while (node && !box.contains(node)) node = (node.getRootNode() as ShadowRoot).host;
  return node ?? el;
}

interface State {
  name: string;
  template: TemplateResult | (() => TemplateResult);
  done: (all: Element[]) => boolean;
  minStops: number;
  /** Prepares the server before the widget loads. */
  setup?: () => Promise<void>;
  /** Brings the widget to the state, and focus into it. */
  open?: (widget: HTMLElement) => Promise<void>;
}

let ownMentor = '';
let circleLead = '';
/** Someone other than the mentor who has not asked anyone yet in this run. */
const mentee = (mentor: string) => (mentor === 'u0178' ? 'u0179' : 'u0178');

const states: State[] = [
  // As u0001, who has asked no one: the mentorships show only that.
  ...widgets.map((w) => ({ ...w, minStops: w.name === 'person' || w.name === 'mentorships' ? 0 : 1 })),
  {
    name: 'my mentorships, one waiting and one running',
    template: html`<peer-mentorships></peer-mentorships>`,
    done: has('[part~="waiting"] .ask'),
    minStops: 2,
    setup: async () => {
      const me = 'u0087';
      configure({ baseUrl: apiUrl, headers: { Authorization: `Bearer ${tokenOf(me)}` }, retryDelay: 10 });
      const list = await fetch(`${apiUrl}/me/mentorship-requests?role=mentee`, {
        headers: { Authorization: `Bearer ${tokenOf(me)}` },
      });
      const { items } = (await list.json()) as { items: MentorshipRequest[] };
      if (items.some((r) => r.state === 'pending')) return;
      const mentors = await fetch(`${apiUrl}/mentors?available=true&limit=100`, {
        headers: { Authorization: `Bearer ${tokenOf(me)}` },
      });
      const open = ((await mentors.json()) as { items: MentorProfile[] }).items.find(
        (m) => m.id !== me && !items.some((r) => r.mentorId === m.id),
      )!;
      const asked = await fetch(`${apiUrl}/mentorship-requests`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${tokenOf(me)}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ mentorId: open.id, goal: 'Learn to give a talk' }),
      });
      expect(asked.status).to.equal(201);
    },
  },
  {
    name: 'my own mentor card, with requests waiting',
    // A mentor with room whom no other test answers for: a request waits, and both its buttons work.
    template: () => html`<peer-mentor-card mentor-id=${ownMentor}></peer-mentor-card>`,
    done: has('.incoming-request'),
    minStops: 2,
    setup: async () => {
      if (!ownMentor) {
        const response = await fetch(`${apiUrl}/mentors?available=true&limit=100`, {
          headers: { Authorization: `Bearer ${tokenOf('u0001')}` },
        });
        const { items } = (await response.json()) as { items: MentorProfile[] };
        // Three places free or more: the full-mentor test in mentor-card.test.ts takes one with two or fewer.
        const mentor = items.filter((m) => m.capacity - m.activeMentees >= 3).at(-1)!;
        ownMentor = mentor.id;
        const asked = await fetch(`${apiUrl}/mentorship-requests`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${tokenOf(mentee(mentor.id))}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ mentorId: mentor.id, goal: 'Learn to run a design critique' }),
        });
        expect(asked.status).to.equal(201);
      }
      configure({ baseUrl: apiUrl, headers: { Authorization: `Bearer ${tokenOf(ownMentor)}` }, retryDelay: 10 });
    },
  },
  {
    name: 'the mentorship request dialog',
    template: html`<peer-mentor-card mentor-id="u0002"></peer-mentor-card>`,
    done: has('[part~="request-button"]:not([disabled])'),
    minStops: 4,
    open: async (card) => {
      card.shadowRoot!.querySelector<HTMLButtonElement>('[part~="request-button"]')!.click();
      await until(() => deepActive()?.id === 'goal', 'the goal field');
    },
  },
  {
    name: 'a mentor card with a circle I am in, asked whether to leave it',
    template: () => html`<peer-mentor-card mentor-id=${circleLead}></peer-mentor-card>`,
    done: has('[part~="circles"] .leave'),
    minStops: 3,
    setup: async () => {
      if (circleLead) return;
      const response = await fetch(`${apiUrl}/circles`, { headers: { Authorization: `Bearer ${tokenOf('u0001')}` } });
      const { items } = (await response.json()) as { items: Circle[] };
      const mentors = await fetch(`${apiUrl}/mentors?limit=100`, {
        headers: { Authorization: `Bearer ${tokenOf('u0001')}` },
      });
      const leads = new Set(((await mentors.json()) as { items: MentorProfile[] }).items.map((m) => m.id));
      const circle = items.find((c) => c.memberCount < c.capacity && leads.has(c.leadId) && c.leadId !== 'u0001')!;
      const joined = await fetch(`${apiUrl}/circles/${circle.id}/join`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${tokenOf('u0001')}` },
      });
      expect(joined.status).to.equal(200);
      circleLead = circle.leadId;
    },
    open: async (card) => {
      card.shadowRoot!.querySelector<HTMLButtonElement>('[part~="circles"] .leave')!.click();
      await until(() => deepActive()?.classList.contains('keep') === true, '"Stay"');
      // From "Leave", the question's first button: both of its buttons are Tab stops to check.
      await shiftTab();
    },
  },
  {
    name: 'a kudos feed, changing kudos I gave',
    template: html`<peer-kudos-feed live="off" person="u0001" composer="none"></peer-kudos-feed>`,
    done: has('article .edit'),
    minStops: 4,
    open: async (feed) => {
      feed.shadowRoot!.querySelector<HTMLButtonElement>('article .edit')!.click();
      await until(() => deepActive()?.localName === 'textarea', 'the message being changed');
    },
  },
  {
    name: 'the skill map, rating my own level',
    template: html`<peer-skill-map department="eng"></peer-skill-map>`,
    done: has('.cell.editable'),
    minStops: 3,
    open: async (map) => {
      map.shadowRoot!.querySelector<HTMLElement>('.cell.editable')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => !!deepActive()?.closest('[part~="editor"]'), 'the editor');
    },
  },
];

describe('focus is visible at every Tab stop', () => {
  before(resetServer);
  beforeEach(() => {
    configure({ baseUrl: apiUrl, headers: { Authorization: `Bearer ${tokenOf('u0001')}` }, retryDelay: 10 });
  });

  afterEach(() => executeServerCommand('forced-colors', { active: false }));

  for (const theme of ['light', 'dark', 'contrast', 'forced colors']) {
    for (const state of states) {
      it(`${state.name} (${theme})`, async () => {
        // Windows high-contrast mode: the system colours win, and box shadows are not drawn.
        if (theme === 'forced colors') await executeServerCommand('forced-colors', { active: true });
        await state.setup?.();
        const wrapper = await fixture<HTMLElement>(
          html`<div>
            <button>before</button>
            <div class="box">${typeof state.template === 'function' ? state.template() : state.template}</div>
          </div>`,
        );
        const box = wrapper.querySelector<HTMLElement>('.box')!;
        box.firstElementChild!.setAttribute('theme', theme === 'forced colors' ? 'light' : theme);
        await until(settled(box, state.done), state.name, 15_000);
        await state.open?.(box.firstElementChild as HTMLElement);
        // A modal dialog keeps Tab inside it: a round or two of it is enough.
        const { faults, stops } = await tabThrough(box, state.open ? { here: true, stops: 12 } : {});
        expect(faults).to.deep.equal([]);
        expect(stops, 'Tab stops').to.be.at.least(state.minStops);
      });
    }
  }

  for (const dir of ['ltr', 'rtl']) {
    it(`skill map: arrow keys move a visible focus that nothing covers (${dir})`, async () => {
      const box = await fixture<HTMLElement>(
        html`<div dir=${dir} style="width: 600px"><peer-skill-map department="eng"></peer-skill-map></div>`,
      );
      const [forward, back] = dir === 'ltr' ? ['ArrowRight', 'ArrowLeft'] : ['ArrowLeft', 'ArrowRight'];
      const map = box.firstElementChild!;
      await until(settled(box, has('[role="gridcell"]')), 'the grid');
      map.shadowRoot!.querySelector<HTMLElement>('[data-pos="3:1"]')!.focus();
      const keys = [
        ...Array<string>(12).fill(forward),
        ...Array<string>(12).fill('ArrowDown'),
        'End',
        'PageDown',
        ...Array<string>(3).fill(back),
        'Home',
        forward,
        'PageUp',
      ];
      const faults: string[] = [];
      const cells = new Set<string>();
      for (const key of keys) {
        await sendKeys({ press: key });
        // The move ends once the grid has drawn what it scrolled to, and the focused cell stays put.
        await steady(() => {
          const r = deepActive()!.getBoundingClientRect();
          return `${deepActive()!.dataset.pos} ${r.left} ${r.top} ${scrollY}`;
        });
        const cell = deepActive()!;
        const at = `${key} → ${cell.dataset.pos}`;
        cells.add(cell.dataset.pos!);
        const reach = ringReach(getComputedStyle(cell));
        if (reach === undefined) faults.push(`no indicator: ${at}`);
        else if (cutBy(cell, reach)) faults.push(`indicator cut off: ${at}`);
        // Nothing sticky (the names, the skills, the coverage row) lies over the middle of the cell.
        const r = cell.getBoundingClientRect();
        const top = map.shadowRoot!.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        if (!top || !cell.contains(top)) faults.push(`covered by ${top ? describeEl(top) : 'nothing'}: ${at}`);
      }
      expect(faults).to.deep.equal([]);
      expect(cells.size, 'cells visited').to.be.greaterThan(20);
    });
  }
});
