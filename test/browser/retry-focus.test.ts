import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import type { PeerKudosFeed } from '../../src/components/kudos-feed/kudos-feed.js';
import type { Page } from '../../src/contract/common.js';
import type { Kudos } from '../../src/contract/kudos.js';
import type { CallOptions, KudosSearch } from '../../src/core/backend.js';
import { configure } from '../../src/core/config.js';
import { MemoryBackend } from '../../src/testing/memory-backend.js';
import type { LoggedRequest } from '../../server/test-hooks.js';
import { settled, widgets } from './fixtures/widget-states.js';
import {
  apiUrl,
  composedParent,
  deepActive,
  deepElements,
  injectFault,
  resetServer,
  serverOrigin,
  tokenOf,
  until,
} from './helpers.js';

/*
 * "Try again" and "Load more" take their own button off the page while they load. Focus must not
 * stay lost on the page (WCAG 2.4.3): it comes back into the widget once the load is over.
 */

/** Whether `el` is `widget` or inside it, through shadow roots. */
function within(widget: Element, el: Element | null) {
  for (let a: Element | null | undefined = el; a; a = composedParent(a)) if (a === widget) return true;
  return false;
}

const retryButton = (widget: Element) =>
  [...deepElements(widget.shadowRoot!)].find((el) => el.matches('[part~="retry-button"]')) as HTMLElement | undefined;

/** The request each widget state fails on first. */
const failing: Record<string, string> = {
  person: '/api/people',
  'mentor card': '/api/mentors',
  'mentor matches': '/api/me/mentor-matches',
  mentorships: '/api/me/mentorship-requests',
  'feedback inbox': '/api/me/feedback',
  'kudos feed': '/api/kudos',
  'kudos feed with its composer open': '/api/kudos',
  'kudos feed with kudos you gave': '/api/kudos',
  'skill map': '/api/skill-matrix',
  'feedback form': '/api/feedback-templates/sbi',
  'feedback form, choosing a template': '/api/feedback-templates',
};

/** Presses the retry button from the keyboard, as a reader without a mouse does; returns the button. */
async function pressRetry(widget: Element) {
  await until(() => !!retryButton(widget), 'the error state');
  const button = retryButton(widget)!;
  button.focus();
  expect(deepActive() === button, 'the retry button has focus').to.equal(true);
  await sendKeys({ press: 'Enter' });
  return button;
}

describe('focus after "Try again"', () => {
  before(resetServer);
  beforeEach(() => {
    configure({ baseUrl: apiUrl, headers: { Authorization: `Bearer ${tokenOf('u0001')}` }, retries: 0 });
  });

  for (const { name, template, done } of widgets) {
    it(`${name}: comes back to the widget once it has loaded`, async () => {
      await injectFault({ path: failing[name], status: 500, times: 1 });
      const box = await fixture<HTMLDivElement>(html`<div>${template}</div>`);
      const widget = box.firstElementChild!;
      await pressRetry(widget);
      await until(settled(box, done), `${name} after the retry`);
      await until(() => within(widget, deepActive()), 'focus back in the widget');
      const active = deepActive()!;
      expect(active.matches('button, input, select, textarea, a[href], [tabindex]'), active.outerHTML).to.equal(true);
    });

    it(`${name}: comes back to "Try again" when it fails again`, async () => {
      const since = Date.now();
      // Every load fails until the test ends: the first, the retry, and any other the widget makes.
      await injectFault({ path: failing[name], status: 500, times: 100 });
      const box = await fixture<HTMLDivElement>(html`<div>${template}</div>`);
      const widget = box.firstElementChild!;
      const pressed = await pressRetry(widget);
      try {
        // A new button: the retry took the pressed one away, and failed.
        await until(
          () => deepActive() !== null && deepActive() === retryButton(widget) && deepActive() !== pressed,
          'focus on the new retry button',
        );
      } catch (error) {
        // Say what happened: which requests for the failing path came, and where focus is.
        const all = (await (await fetch(`${serverOrigin}/__test/requests`)).json()) as LoggedRequest[];
        const seen = all.filter((r) => r.at >= since && r.path.startsWith(failing[name]));
        const lines = seen.map(
          (r) => `${r.at - since} ms: ${r.method} ${r.path}${r.search} ${r.status} from ${r.page}`,
        );
        throw new Error(
          `${(error as Error).message}; focus on ${deepActive()?.outerHTML.slice(0, 120)}; requests:\n${lines.join('\n')}`,
        );
      } finally {
        await resetServer();
      }
    });
  }

  it('comes back after the load that starts again by itself once back online', async () => {
    // Chromium itself tries a dropped GET again; the connection stays down until the error shows.
    await injectFault({ path: '/api/people', drop: true, times: 10 });
    const box = await fixture<HTMLDivElement>(html`<div><peer-person person-id="u0004"></peer-person></div>`);
    const widget = box.firstElementChild!;
    await until(() => !!retryButton(widget), 'the error state');
    await resetServer();
    retryButton(widget)!.focus();
    window.dispatchEvent(new Event('online'));
    await until(
      settled(box, (all) => all.some((el) => el.matches('[part~="name"]'))),
      'the person',
    );
    await until(() => within(widget, deepActive()), 'focus back in the widget');
  });

  it('leaves focus where the reader put it while the retry loaded', async () => {
    await injectFault({ path: '/api/people', status: 500, times: 1 });
    await injectFault({ path: '/api/people', delayMs: 600, times: 1 });
    const box = await fixture<HTMLDivElement>(
      html`<div><peer-person person-id="u0004"></peer-person><button class="elsewhere">Elsewhere</button></div>`,
    );
    const widget = box.firstElementChild!;
    await pressRetry(widget);
    const elsewhere = box.querySelector<HTMLButtonElement>('.elsewhere')!;
    elsewhere.focus();
    await until(
      settled(box, (all) => all.some((el) => el.matches('[part~="name"]'))),
      'the person',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.activeElement === elsewhere, 'focus stayed where the reader put it').to.equal(true);
  });
});

describe('focus after "Load more"', () => {
  before(resetServer);
  beforeEach(() => {
    configure({ baseUrl: apiUrl, headers: { Authorization: `Bearer ${tokenOf('u0001')}` }, retries: 0 });
  });

  const article = (feed: PeerKudosFeed, index: number) =>
    feed.shadowRoot!.querySelector<HTMLElement>(`article[data-index="${index}"]`);

  async function pressLoadMore(feed: PeerKudosFeed) {
    await until(() => !!feed.shadowRoot!.querySelector('[part~="load-more"]'), 'the load-more button');
    feed.shadowRoot!.querySelector<HTMLElement>('[part~="load-more"]')!.focus();
    await sendKeys({ press: 'Enter' });
  }

  it('moves to the first new kudos', async () => {
    const feed = await fixture<PeerKudosFeed>(html`<peer-kudos-feed page-size="3" live="off"></peer-kudos-feed>`);
    await pressLoadMore(feed);
    await until(() => deepActive() === article(feed, 3), 'focus on the fourth kudos');
  });

  it('moves to the last kudos when the next page brought none', async () => {
    class NothingMore extends MemoryBackend {
      override getKudos(search: KudosSearch, options?: CallOptions): Promise<Page<Kudos>> {
        return search.cursor ? Promise.resolve({ items: [], nextCursor: null }) : super.getKudos(search, options);
      }
    }
    configure({ backend: new NothingMore({ meId: 'u0001', storageScope: `nothing-more-${Date.now()}` }) });
    const feed = await fixture<PeerKudosFeed>(html`<peer-kudos-feed page-size="3" live="off"></peer-kudos-feed>`);
    await pressLoadMore(feed);
    await until(() => deepActive() === article(feed, 2), 'focus on the third kudos');
    expect(!!feed.shadowRoot!.querySelector('[part~="load-more"]'), 'no more to load').to.equal(false);
  });

  it('moves to "Try again" when the page failed, and from there to the first new kudos', async () => {
    const feed = await fixture<PeerKudosFeed>(html`<peer-kudos-feed page-size="3" live="off"></peer-kudos-feed>`);
    await until(() => !!article(feed, 2), 'the first page');
    await injectFault({ path: '/api/kudos', status: 500, times: 1 });
    await pressLoadMore(feed);
    await until(() => deepActive() === retryButton(feed), 'focus on "Try again"');
    await sendKeys({ press: 'Enter' });
    await until(() => deepActive() === article(feed, 3), 'focus on the fourth kudos');
  });
});
