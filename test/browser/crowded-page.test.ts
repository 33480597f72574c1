import { expect, fixture, html } from '@open-wc/testing';
import { PeerMentorCard } from '../../src/components/mentor-card/mentor-card.component.js';
import { PeerFeedbackForm } from '../../src/components/feedback-form/feedback-form.component.js';
import { configure } from '../../src/core/config.js';
import { apiUrl, tokenOf, until } from './helpers.js';

const shadow = (el: Element) => el.shadowRoot!;

/** Tags used inside an element's shadow root. */
const innerTags = (el: Element) =>
  new Set([...shadow(el).querySelectorAll('*')].map((e) => e.localName).filter((t) => t.includes('-')));

describe('crowded pages', () => {
  before(() => configure({ baseUrl: apiUrl, headers: { Authorization: `Bearer ${tokenOf('u0001')}` } }));

  it('registers a widget and the elements it uses inside under a prefix of the page’s choosing', async () => {
    expect(PeerMentorCard.define('acme-mentor-card')).to.equal('acme-mentor-card');
    expect(customElements.get('acme-person')).to.exist;
    expect(customElements.get('peer-person')).to.equal(undefined, 'nothing is defined under the default prefix');
    const el = await fixture(html`<acme-mentor-card mentor-id="u0002"></acme-mentor-card>`);
    await until(() => !!shadow(el).querySelector('acme-person'), 'the card');
    expect([...innerTags(el)]).to.deep.equal(['acme-person']);
    await until(() => !!shadow(el).querySelector('acme-person')!.shadowRoot?.querySelector('[part~="name"]'), 'a name');

    PeerFeedbackForm.define('acme-feedback-form');
    // The people picker loads only when a form without a recipient needs it, under the form's prefix.
    expect(customElements.get('acme-people-picker')).to.equal(undefined);
    const form = await fixture(html`<acme-feedback-form template-id="quick-praise"></acme-feedback-form>`);
    await until(() => !!shadow(form).querySelector('form acme-people-picker'), 'the form and its picker');
    expect([...innerTags(form)]).to.deep.equal(['acme-people-picker']);
    expect(customElements.get('acme-people-picker')).to.exist;
    expect(customElements.get('peer-people-picker')).to.equal(undefined);
  });

  it('lets two copies of the library, and two prefixes of one class, live on one page', async () => {
    // Two module instances of the single-file build: the second finds every tag taken and leaves it alone.
    const first = await import(`${'/dist/peerkit.js'}?copy=1`);
    const second = await import(`${'/dist/peerkit.js'}?copy=2`);
    expect(first.PeerKudosFeed === second.PeerKudosFeed).to.be.false;
    expect(customElements.get('peer-kudos-feed')).to.exist;
    for (const copy of [first, second]) {
      copy.configure({ baseUrl: apiUrl, headers: { Authorization: `Bearer ${tokenOf('u0001')}` } });
      // The REST client is inside the single file: the default backend is one, with no lazy wrapper.
      expect(copy.getDefaultBackend()).to.be.instanceOf(copy.RestBackend);
    }
    // The second copy takes a prefix of its own, inner elements included.
    second.PeerMentorCard.define('v2-mentor-card');
    first.PeerMentorCard.define('v1-mentor-card');
    PeerMentorCard.define('acme-mentor-card'); // again: left alone, no error
    const el = await fixture(
      html`<div>
        <v1-mentor-card mentor-id="u0002"></v1-mentor-card>
        <v2-mentor-card mentor-id="u0002"></v2-mentor-card>
        <peer-mentor-card mentor-id="u0002"></peer-mentor-card>
      </div>`,
    );
    const [v1, v2, plain] = [...el.children];
    await until(
      () => [v1, v2, plain].every((card) => !!shadow(card).querySelector('[part~="expertise"]')),
      'three cards',
    );
    expect([...innerTags(v1)]).to.include('v1-person');
    expect([...innerTags(v2)]).to.include('v2-person');
    expect([...innerTags(plain)]).to.include('peer-person');
    expect(v1 instanceof first.PeerMentorCard).to.be.true;
    expect(v2 instanceof second.PeerMentorCard).to.be.true;
  });
});
