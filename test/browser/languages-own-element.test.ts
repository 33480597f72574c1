import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { LocalizeController } from '../../src/core/i18n/localize.js';
import { until } from './helpers.js';

/* An app's own element that uses Peerkit's LocalizeController gets the shipped languages too. */
class AppGreeting extends LitElement {
  private readonly localize = new LocalizeController(this);
  override render() {
    return html`<button>${this.localize.term('common.retry')}</button>`;
  }
}
customElements.define('app-greeting', AppGreeting);

describe('LocalizeController in an element of the app', () => {
  it('loads the language the element speaks, and updates when it arrives', async () => {
    const wrapper = await fixture<HTMLElement>(testHtml`<div lang="ar"><app-greeting></app-greeting></div>`);
    const el = wrapper.querySelector('app-greeting')!;
    await until(() => el.shadowRoot!.textContent === 'حاول مرة أخرى', 'the Arabic string');
    expect(el.shadowRoot!.querySelector('button')!.textContent).to.equal('حاول مرة أخرى');
  });
});
