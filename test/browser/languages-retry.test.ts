import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/components/person/person.js';
import { configure } from '../../src/core/config.js';
import { MemoryBackend } from '../../src/testing/memory-backend.js';
import { until } from './helpers.js';

/*
 * A language file that cannot be loaded (a network blip, a deploy in progress) must not leave a
 * widget blank or stuck: it speaks English at once, and switches when the file can be had again.
 * This file's page loads no language before these tests.
 */
const germanModule = '/src/core/i18n/de.ts';
const arabicModule = '/src/core/i18n/ar.ts';

function personIn(lang: string) {
  const wrapper = document.createElement('div');
  wrapper.lang = lang;
  const el = document.createElement('peer-person');
  el.personId = 'no-one';
  wrapper.append(el);
  const name = () => el.shadowRoot!.querySelector('[part~="name"]')?.textContent?.trim();
  return { wrapper, el, name };
}

describe('a language file that fails to load', () => {
  const warnings: unknown[][] = [];
  const warn = console.warn;
  before(() => {
    configure({ backend: new MemoryBackend() });
    console.warn = (...args: unknown[]) => warnings.push(args);
  });
  after(() => {
    configure({});
    console.warn = warn;
  });

  it('shows English at once, says so once, and switches to the language when it can be loaded again', async () => {
    const { wrapper, el, name } = personIn('de');

    await executeServerCommand('block-urls', { urls: [`*${germanModule}*`] });
    try {
      document.body.append(wrapper);
      await until(() => name() === 'Unknown person', 'the English not-found state');
      // Later renders do not wait for the file nor ask for it again at once.
      el.size = 'large';
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part~="base"]')).to.exist;
      expect(name()).to.equal('Unknown person');
      expect(warnings.filter((args) => String(args[0]).includes('"de"'))).to.have.length(1);
      await expect(el).to.be.accessible();
    } finally {
      await executeServerCommand('block-urls', { urls: [] });
    }

    window.dispatchEvent(new Event('online'));
    await until(() => name() === 'Unbekannte Person', 'the German not-found state');
    expect(el.shadowRoot!.textContent).not.to.contain('No one with this id');
    wrapper.remove();
  });

  it('without a network event, asks again on a render 30 seconds later', async () => {
    const { wrapper, el, name } = personIn('ar');
    await executeServerCommand('block-urls', { urls: [`*${arabicModule}*`] });
    try {
      document.body.append(wrapper);
      await until(() => name() === 'Unknown person', 'the English not-found state');
    } finally {
      await executeServerCommand('block-urls', { urls: [] });
    }
    el.size = 'large';
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(name(), 'no retry before the time is up').to.equal('Unknown person');

    const now = Date.now;
    Date.now = () => now() + 31_000;
    try {
      el.size = 'small';
      await until(() => /[\u0600-\u06ff]/.test(name() ?? ''), 'the Arabic state');
    } finally {
      Date.now = now;
    }
    wrapper.remove();
  });
});
