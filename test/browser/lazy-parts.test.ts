import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/components/kudos-feed/kudos-feed.js';
import type { PeerKudosFeed } from '../../src/components/kudos-feed/kudos-feed.component.js';
import { configure } from '../../src/core/config.js';
import { MemoryBackend } from '../../src/testing/memory-backend.js';
import { until } from './helpers.js';

/*
 * Parts a reader opens (the kudos composer here) load their code when first needed. These tests run
 * in order in one page: the composer's module must not have been loaded before the first one.
 */
const composerModule = '/src/components/kudos-feed/kudos-composer.component.ts';
const loaded = (path: string) =>
  performance.getEntriesByType('resource').some((entry) => new URL(entry.name).pathname === path);
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);

describe('parts loaded when the reader opens them', () => {
  before(() => configure({ backend: new MemoryBackend() }));
  after(() => configure({}));

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

    $(feed, '.composer-slot [part~="retry-button"]')!.click();
    await until(
      () => !!$(feed, 'peer-kudos-composer')?.shadowRoot?.querySelector('textarea'),
      'the composer after retry',
    );
    expect(customElements.get('peer-kudos-composer')).to.exist;
    expect($(feed, '.composer-slot [part~="error"]')).to.equal(null);
  });
});
