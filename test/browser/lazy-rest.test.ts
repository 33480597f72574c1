import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/components/person/person.js';
import type { PeerPerson } from '../../src/components/person/person.component.js';
import { configure } from '../../src/core/config.js';
import { LazyRestBackend } from '../../src/core/rest/lazy-rest.js';
import './readable-failures.js';

/*
 * The REST client loads with the first request, not with the widgets. This file imports nothing
 * that loads it (no test helpers), so that the first test sees the page before any request.
 */
const restModule = '/src/core/rest/rest-backend.ts';
const loaded = () =>
  performance.getEntriesByType('resource').some((entry) => new URL(entry.name).pathname === restModule);
const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

async function until(check: () => boolean, what: string) {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > 10_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

describe('the REST client, loaded when first needed', () => {
  before(() =>
    configure({ baseUrl: `${window.PEERKIT_TEST_SERVER}/api`, headers: { Authorization: 'Bearer demo-u0001' } }),
  );
  after(() => configure({}));

  it('is not loaded by defining the widgets, nor by forgetting cached answers', async () => {
    expect(customElements.get('peer-person')).to.exist;
    // What widgets do when another tab saved something: a client not loaded has nothing to forget.
    new LazyRestBackend({ baseUrl: `${window.PEERKIT_TEST_SERVER}/api` }).clearCache();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(loaded()).to.equal(false);
  });

  it('when it cannot be loaded, the widget shows a network error, and its retry loads it', async () => {
    await executeServerCommand('block-urls', { urls: [`*${restModule}*`] });
    let el: PeerPerson;
    try {
      el = await fixture<PeerPerson>(html`<peer-person person-id="u0002"></peer-person>`);
      await until(() => !!part(el, 'retry-button'), 'the error state');
      expect(part(el, 'error')!.textContent).to.contain('The server could not be reached.');
      await expect(el).to.be.accessible();
    } finally {
      await executeServerCommand('block-urls', { urls: [] });
    }
    part(el, 'retry-button')!.click();
    await until(() => !!part(el, 'name')?.textContent?.trim(), 'the person');
    expect(loaded()).to.equal(true);
  });
});
