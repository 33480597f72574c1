import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/components/kudos-feed/kudos-feed.js';
import type { PeerKudosFeed } from '../../src/components/kudos-feed/kudos-feed.component.js';
import '../../src/components/feedback-form/feedback-form.js';
import type { PeerFeedbackForm } from '../../src/components/feedback-form/feedback-form.component.js';
import '../../src/components/mentor-card/mentor-card.js';
import '../../src/components/skill-map/skill-map.js';
import type { PeerSkillMap } from '../../src/components/skill-map/skill-map.component.js';
import type { PeerMentorCard } from '../../src/components/mentor-card/mentor-card.component.js';
import { configure } from '../../src/core/config.js';
import { MemoryBackend } from '../../src/testing/memory-backend.js';
import { backOnlineUntilSent, deepActive, until } from './helpers.js';

/*
 * Parts a reader opens (the kudos composer, the request dialog of a mentor card) load their code when
 * first needed. These tests run in order in one page: no such module may have been loaded before them.
 */
const composerModule = '/src/components/kudos-feed/kudos-composer.component.ts';
const requestModule = '/src/components/mentor-card/request-dialog.ts';
const sendingModule = '/src/components/feedback-form/feedback-delivery.ts';
const expertsModule = '/src/components/skill-map/skill-experts.ts';
const loaded = (path: string) =>
  performance.getEntriesByType('resource').some((entry) => new URL(entry.name).pathname === path);
const articles = (el: Element) => [...el.shadowRoot!.querySelectorAll('article')];
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);

describe('parts loaded when the reader opens them', () => {
  before(() => configure({ backend: new MemoryBackend() }));
  after(() => configure({}));

  it('a feedback form without a recipient loads its people picker; after a failed load, loads it once back online', async () => {
    const pickerModule = '/src/components/people-picker/people-picker.component.ts';
    expect(loaded(pickerModule)).to.equal(false);
    await executeServerCommand('block-urls', { urls: [`*${pickerModule}*`] });
    let form: PeerFeedbackForm;
    try {
      form = await fixture<PeerFeedbackForm>(
        html`<peer-feedback-form template-id="quick-praise"></peer-feedback-form>`,
      );
      await until(() => !!$(form, 'form [part~="error"]'), 'the error where the picker would be');
      expect($(form, 'form [part~="error"]')!.textContent).to.contain('This part could not be loaded.');
      await expect(form).to.be.accessible();
    } finally {
      await executeServerCommand('block-urls', { urls: [] });
    }
    // Nothing is pressed: the browser coming back online is enough.
    window.dispatchEvent(new Event('online'));
    await until(() => !!$(form, '[part~="picker"]'), 'the picker');
    expect($(form, 'form [part~="error"]')).to.equal(null);
  });

  it('a feed does not load its composer until "Give kudos"; when loading fails, says so and retries', async () => {
    const feed = await fixture<PeerKudosFeed>(html`<peer-kudos-feed page-size="5"></peer-kudos-feed>`);
    await until(() => !!$(feed, 'article'), 'the feed');
    expect(loaded(composerModule)).to.equal(false);
    expect(customElements.get('peer-kudos-composer')).to.equal(undefined);

    await executeServerCommand('block-urls', { urls: [`*${composerModule}*`] });
    try {
      // Keyboard only: focus "Give kudos" (which starts loading, and fails), then press Enter.
      $(feed, '[part~="give-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => !!$(feed, '.composer-slot [part~="error"]'), 'the error where the composer would be');
      expect($(feed, '.composer-slot [part~="error"]')!.textContent).to.contain('This part could not be loaded.');
      await until(
        () => feed.shadowRoot!.activeElement === $(feed, '.composer-slot [part~="retry-button"]'),
        'focus on retry',
      );
      await expect(feed).to.be.accessible();
    } finally {
      await executeServerCommand('block-urls', { urls: [] });
    }

    // Retry with the keyboard: the composer comes, and takes the focus the retry button had.
    await sendKeys({ press: 'Enter' });
    await until(
      () => !!$(feed, 'peer-kudos-composer')?.shadowRoot?.querySelector('textarea'),
      'the composer after retry',
    );
    await until(() => feed.shadowRoot!.activeElement === $(feed, 'peer-kudos-composer'), 'focus in the composer');
    expect(customElements.get('peer-kudos-composer')).to.exist;
    expect($(feed, '.composer-slot [part~="error"]')).to.equal(null);
  });

  it('a feed past its threshold whose long-feed code cannot load draws every kudos; once it loads, only those in view', async () => {
    const windowModule = '/src/components/kudos-feed/kudos-window.ts';
    expect(loaded(windowModule)).to.equal(false);
    const template = (await new MemoryBackend().getKudos({ limit: 1 })).items[0];
    const many = (count: number) =>
      Array.from({ length: count }, (_, i) => ({ ...template, id: `w${i}`, message: `Kudos ${i + 1}` }));
    await executeServerCommand('block-urls', { urls: [`*${windowModule}*`] });
    let feed: PeerKudosFeed;
    try {
      // A list given at once: blank while the code is on its way, then drawn whole when it fails.
      feed = await fixture<PeerKudosFeed>(
        html`<peer-kudos-feed
          live="off"
          virtual-threshold="8"
          style="--peer-kudos-feed-max-height: 20rem"
          .kudos=${many(40)}
        ></peer-kudos-feed>`,
      );
      await until(() => articles(feed).length === 40, 'every kudos drawn');
      const positions = articles(feed).map((a) => Number(a.getAttribute('aria-posinset')));
      expect(positions).to.deep.equal(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(articles(feed)[39].querySelector('.message')!.textContent).to.equal('Kudos 40');
    } finally {
      await executeServerCommand('block-urls', { urls: [] });
    }
    // The kudos change (one more): the code is asked for again, and the feed draws only what is in view.
    feed.kudos = many(41);
    await feed!.updateComplete;
    await until(() => articles(feed).length < 41, 'the feed windowed');
    expect(loaded(windowModule)).to.equal(true);
    expect(articles(feed)[0].getAttribute('aria-posinset')).to.equal('1');
    expect(articles(feed).every((a) => a.getAttribute('aria-setsize') === '41')).to.equal(true);
  });

  it('a mentor card loads its request dialog only when asked; when loading fails, says so and retries', async () => {
    const card = await fixture<PeerMentorCard>(html`<peer-mentor-card mentor-id="u0002"></peer-mentor-card>`);
    const button = () => $<HTMLButtonElement>(card, '[part~="request-button"]');
    await until(() => button()?.disabled === false, 'the request button');
    expect(loaded(requestModule)).to.equal(false);
    expect($(card, 'dialog')).to.equal(null);

    await executeServerCommand('block-urls', { urls: [`*${requestModule}*`] });
    try {
      // Focus starts loading; its failure shows only once the reader presses the button.
      button()!.focus();
      // Once the same module, asked for here after the card asked, has failed to load, the card's load has too.
      const failed = await import(/* @vite-ignore */ `${requestModule}?after-the-card`).then(
        () => false,
        () => true,
      );
      expect(failed, 'the module is blocked').to.equal(true);
      await card.updateComplete;
      expect($(card, '.dialog-failed')).to.equal(null);
      await sendKeys({ press: 'Enter' });
      await until(() => !!$(card, '.dialog-failed [part~="error"]'), 'the error');
      expect($(card, '.dialog-failed [part~="error"]')!.textContent).to.contain('This part could not be loaded.');
      await until(() => deepActive() === $(card, '.dialog-failed [part~="retry-button"]'), 'focus on retry');
      await expect(card).to.be.accessible();
    } finally {
      await executeServerCommand('block-urls', { urls: [] });
    }

    $(card, '.dialog-failed [part~="retry-button"]')!.click();
    await until(() => !!$<HTMLDialogElement>(card, 'dialog')?.open, 'the dialog after retry');
    expect(deepActive()?.id).to.equal('goal');
    expect($(card, '.dialog-failed')).to.equal(null);
    await sendKeys({ press: 'Escape' });
    await until(() => deepActive() === button(), 'focus back on the button');
  });

  it('a feedback form loads the code that sends once it is used; a send that cannot load it waits in the outbox', async () => {
    localStorage.clear();
    const backend = new MemoryBackend();
    configure({ backend });
    const events: string[] = [];
    const form = await fixture<PeerFeedbackForm>(
      html`<peer-feedback-form
        template-id="quick-praise"
        recipient-id="u0003"
        @peer-feedback-queued=${() => events.push('queued')}
        @peer-feedback-submitted=${(e: CustomEvent) => events.push(`submitted queued=${e.detail.queued}`)}
      ></peer-feedback-form>`,
    );
    await until(() => !!$(form, 'form'), 'the form');
    expect(loaded(sendingModule)).to.equal(false);
    const outbox = () => Object.keys(localStorage).filter((key) => key.startsWith('peerkit:outbox'));

    await executeServerCommand('block-urls', { urls: [`*${sendingModule}*`] });
    try {
      const what = $<HTMLTextAreaElement>(form, 'textarea[id="q:what"]')!;
      what.value = 'Thank you for the calm release night.';
      what.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      $(form, 'button[type="submit"]')!.click();
      await until(() => events.includes('queued'), 'queued');
      await form.updateComplete;
      expect($(form, '.notice.queued')!.textContent).to.contain('will be sent by itself');
      expect(outbox()).to.have.length(1);
      expect(backend.calls.sendFeedback ?? 0).to.equal(0);
    } finally {
      await executeServerCommand('block-urls', { urls: [] });
    }
    // Once the connection is back it goes out by itself, once.
    await backOnlineUntilSent(form, events);
    expect(backend.calls.sendFeedback).to.equal(1);
    expect(JSON.parse(localStorage.getItem(outbox()[0] ?? '') ?? '[]')).to.deep.equal([]);
    configure({ backend: new MemoryBackend() });
  });

  it('a skill map loads its experts panel only when a skill is chosen; when loading fails, says so and retries', async () => {
    const map = await fixture<PeerSkillMap>(html`<peer-skill-map department="eng"></peer-skill-map>`);
    const header = () => $(map, '[data-pos="0:1"]');
    await until(() => !!header(), 'the grid');
    expect(loaded(expertsModule)).to.equal(false);

    await executeServerCommand('block-urls', { urls: [`*${expertsModule}*`] });
    try {
      header()!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => !!$(map, '.detail [part~="error"]'), 'the error where the experts would be');
      expect($(map, '.detail [part~="error"]')!.textContent).to.contain('This part could not be loaded.');
      expect($(map, '[part~="experts"]')).to.equal(null);
      await expect(map).to.be.accessible();
    } finally {
      await executeServerCommand('block-urls', { urls: [] });
    }

    // Retry with the keyboard: once the experts are there, the keyboard goes on from their heading.
    $(map, '.detail [part~="retry-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => deepActive() === $(map, '[part~="experts"] h3'), 'focus on the experts heading');
    await until(() => (map.shadowRoot!.querySelectorAll('[part~="experts"] li').length ?? 0) > 0, 'the experts');
    expect($(map, '.detail [part~="error"]')).to.equal(null);
    await expect(map).to.be.accessible();
  });
});
