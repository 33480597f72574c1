import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import type { PeerKudosFeed } from '../../src/components/kudos-feed/kudos-feed.component.js';
import type { Kudos } from '../../src/contract/kudos.js';
import { configure } from '../../src/core/config.js';
import { apiUrl, deepElements, resetServer, tokenOf, until } from './helpers.js';

/*
 * An app developer runs Lit in development mode, which warns of mistakes in the console. Rendering
 * every widget, with data, must not add a warning there. (Lit warns once per class and page, so this
 * file renders each widget for the first time on its page.)
 */

describe('in Lit’s development mode', () => {
  const warnings: string[] = [];
  const warn = console.warn;

  before(async () => {
    await resetServer();
    configure({ baseUrl: apiUrl, headers: { Authorization: `Bearer ${tokenOf('u0001')}` }, retryDelay: 10 });
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
      warn.apply(console, args);
    };
    // Loaded only now, so that a warning given while defining the elements is seen too.
    await Promise.all([
      import('../../src/components/feedback-form/feedback-form.js'),
      import('../../src/components/kudos-feed/kudos-feed.js'),
      import('../../src/components/mentor-card/mentor-card.js'),
      import('../../src/components/mentor-matches/mentor-matches.js'),
      import('../../src/components/skill-map/skill-map.js'),
    ]);
  });

  beforeEach(() => {
    warnings.length = 0;
  });

  after(() => {
    console.warn = warn;
  });

  it('no widget warns while it loads, renders its data and measures it', async () => {
    const page = await fixture<HTMLElement>(
      html`<div style="width: 900px">
        <peer-mentor-card mentor-id="u0002"></peer-mentor-card>
        <peer-mentor-matches limit="2"></peer-mentor-matches>
        <peer-kudos-feed live="off" composer="open"></peer-kudos-feed>
        <peer-skill-map department="eng"></peer-skill-map>
        <peer-feedback-form template-id="sbi"></peer-feedback-form>
      </div>`,
    );
    const all = () => [...deepElements(page)];
    await until(
      () =>
        all().some((el) => el.matches('[role="gridcell"]')) &&
        all().some((el) => el.matches('article')) &&
        all().some((el) => el.matches('textarea[id^="q:"]')) &&
        all().filter((el) => el.matches('[part~="request-button"]')).length === 3 &&
        !all().some((el) => el.getAttribute('aria-busy') === 'true'),
      'every widget with its data',
      15_000,
    );
    // Let measurements and late updates run.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(warnings.filter((w) => !w.includes('Lit is in dev mode'))).to.deep.equal([]);
  });
  it('a feed too long to render whole does not warn while it measures and scrolls', async () => {
    const response = await fetch(`${apiUrl}/kudos?limit=1`, {
      headers: { Authorization: `Bearer ${tokenOf('u0001')}` },
    });
    const template = ((await response.json()) as { items: Kudos[] }).items[0];
    const feed = await fixture<PeerKudosFeed>(html`<peer-kudos-feed live="off"></peer-kudos-feed>`);
    feed.kudos = Array.from({ length: 1000 }, (_, i) => ({ ...template, id: `w${i}`, message: `Message ${i + 1}` }));
    const articles = () => feed.shadowRoot!.querySelectorAll('article[data-index]');
    await until(() => articles().length > 0, 'articles');
    const scroller = feed.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    scroller.scrollTop = scroller.scrollHeight / 2;
    await until(() => [...articles()].some((a) => Number(a.getAttribute('aria-posinset')) > 300), 'the middle');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(articles().length, 'only what is visible').to.be.lessThan(100);
    expect(warnings.filter((w) => !w.includes('Lit is in dev mode'))).to.deep.equal([]);
  });
  it('the kudos composer does not warn when it brings back a draft', async () => {
    const composerOf = (feed: Element) => feed.shadowRoot!.querySelector('[part~="composer"]');
    const textarea = (feed: Element) => composerOf(feed)?.shadowRoot?.querySelector('textarea') ?? null;
    const first = await fixture(html`<peer-kudos-feed live="off" composer="open"></peer-kudos-feed>`);
    await until(() => !!textarea(first), 'the composer');
    // Wait until it knows who is signed in, so that what is typed is saved as theirs.
    await new Promise((resolve) => setTimeout(resolve, 300));
    textarea(first)!.value = 'Thanks for the review';
    textarea(first)!.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    first.remove();
    const second = await fixture(html`<peer-kudos-feed live="off" composer="open"></peer-kudos-feed>`);
    await until(() => textarea(second)?.value === 'Thanks for the review', 'the draft back');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(warnings.filter((w) => !w.includes('Lit is in dev mode'))).to.deep.equal([]);
    // Emptied, the draft is gone: the test files after this one find none.
    textarea(second)!.value = '';
    textarea(second)!.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  });
});
