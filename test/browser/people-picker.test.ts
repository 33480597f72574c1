import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/people-picker/people-picker.js';
import type { PeerPeoplePicker } from '../../src/components/people-picker/people-picker.component.js';
import { deepActive, injectFault, resetServer, signIn, until } from './helpers.js';

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const options = (el: Element) => [...el.shadowRoot!.querySelectorAll('[role="option"]')];
const status = (el: Element) => $(el, '[role="status"]')!.textContent!.trim();

describe('<peer-people-picker>', () => {
  beforeEach(async () => {
    await resetServer();
    signIn('u0001');
  });

  async function failedSearch(text: string) {
    // Enough failures for the client's own retries of a GET: the reader sees the error.
    await injectFault({ method: 'GET', path: '/api/people', status: 503, times: 20 });
    const el = await fixture<PeerPeoplePicker>(html`<peer-people-picker></peer-people-picker>`);
    $(el, 'input')!.focus();
    await sendKeys({ type: text });
    await until(() => !!$(el, '[part~="retry-button"]'), 'the retry button');
    expect(status(el)).to.equal('Something went wrong on the server.');
    expect(options(el)).to.have.length(0);
    await resetServer();
    return el;
  }

  it('offers to search again after a search failed, and gives the field back its focus', async () => {
    const el = await failedSearch('an');
    await expect(el).to.be.accessible();
    $(el, '[part~="retry-button"]')!.click();
    await until(() => options(el).length > 0, 'suggestions after retry');
    expect(status(el)).to.match(/^\d+ people found\.$/);
    expect($(el, '[part~="retry-button"]')).to.equal(null);
    expect(deepActive()).to.equal($(el, 'input'));
    expect($<HTMLInputElement>(el, 'input')!.value).to.equal('an');
  });

  it('searches again on Down after a search failed', async () => {
    const el = await failedSearch('an');
    expect(deepActive()).to.equal($(el, 'input'));
    await sendKeys({ press: 'ArrowDown' });
    await until(() => options(el).length > 0, 'suggestions after Down');
    expect($(el, 'input')!.getAttribute('aria-expanded')).to.equal('true');
    expect($(el, 'input')!.getAttribute('aria-activedescendant')).to.equal('listbox-0');
  });
});
