import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/person/person.js';
import '../../src/components/provider/provider.js';
import type { PeerPerson } from '../../src/components/person/person.component.js';
import { configure, getDefaultBackend } from '../../src/core/config.js';
import { PeerError } from '../../src/core/errors.js';
import { RestBackend } from '../../src/core/rest/rest-backend.js';
import { MemoryBackend } from '../../src/testing/memory-backend.js';
import type { Person } from '../../src/contract/people.js';
import { apiUrl, injectFault, resetServer, serverRequests, tokenOf, until } from './helpers.js';

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (el: Element, name: string) => part(el, name)?.textContent?.trim();

function useServer(personId = 'u0001', options = {}) {
  configure({ baseUrl: apiUrl, headers: { Authorization: `Bearer ${tokenOf(personId)}` }, retryDelay: 10, ...options });
}

async function loaded(el: PeerPerson) {
  await until(() => !el.shadowRoot?.querySelector('[aria-busy="true"]'), 'the person to load');
  await el.updateComplete;
}

describe('<peer-person>', () => {
  beforeEach(async () => {
    await resetServer();
    useServer();
  });

  it('shows name, title and photo of a person from the server', async () => {
    const el = await fixture<PeerPerson>(html`<peer-person person-id="u0002"></peer-person>`);
    await loaded(el);
    const response = await fetch(`${apiUrl}/people/u0002`, { headers: { Authorization: 'Bearer demo-u0001' } });
    const person = (await response.json()) as Person;
    expect(text(el, 'name')).to.equal(person.name);
    expect(text(el, 'title')).to.equal(person.title);
    const img = part(el, 'avatar') as HTMLImageElement;
    expect(img.tagName).to.equal('IMG');
    expect(img.src).to.match(/\/api\/avatars\/u0002\.svg$/);
    expect(img.alt).to.equal('');
  });

  it('costs one HTTP request for 50 people on one page', async () => {
    const ids = Array.from({ length: 50 }, (_, i) => `u${String(i + 21).padStart(4, '0')}`);
    const container = await fixture<HTMLElement>(
      html`<div>${ids.map((id) => html`<peer-person person-id=${id}></peer-person>`)}</div>`,
    );
    const elements = [...container.querySelectorAll<PeerPerson>('peer-person')];
    await Promise.all(elements.map(loaded));
    expect(elements.every((el) => (text(el, 'name') ?? '').length > 0)).to.be.true;
    // Only what asked for these people: a page of an earlier test file may still be finishing its own.
    const requests = (await serverRequests()).filter((r) => ids.some((id) => `${r.path}${r.search}`.includes(id)));
    expect(requests).to.have.length(1);
    expect(requests[0].path).to.equal('/api/people');
    expect(new URLSearchParams(requests[0].search).get('ids')!.split(',').sort()).to.deep.equal(ids);
  });

  it('shows a skeleton while loading, announced to screen readers', async () => {
    await injectFault({ path: '/api/people', delayMs: 800 });
    const el = await fixture<PeerPerson>(html`<peer-person person-id="u0003"></peer-person>`);
    const skeleton = part(el, 'skeleton');
    expect(skeleton).to.exist;
    expect(skeleton!.getAttribute('aria-busy')).to.equal('true');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('Loading person');
    await expect(el).to.be.accessible();
    await loaded(el);
    expect(part(el, 'skeleton')).to.equal(null);
  });

  it('shows "Unknown person" for an id nobody has', async () => {
    const el = await fixture<PeerPerson>(html`<peer-person person-id="nobody-here"></peer-person>`);
    await loaded(el);
    await until(() => text(el, 'name') === 'Unknown person', 'the not-found state');
    expect(part(el, 'retry-button')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry button that loads again, and fires peer-error', async () => {
    useServer('u0001', { retries: 1 });
    await injectFault({ path: '/api/people', status: 503, times: 2 });
    const errors: PeerError[] = [];
    const el = await fixture<PeerPerson>(
      html`<peer-person
        person-id="u0004"
        @peer-error=${(e: CustomEvent) => errors.push(e.detail.error)}
      ></peer-person>`,
    );
    await until(() => part(el, 'retry-button') !== null, 'the error state');
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    expect(text(el, 'error')).to.contain('Could not load this person.');
    expect(errors).to.have.length(1);
    expect(errors[0].status).to.equal(503);
    await expect(el).to.be.accessible();
    part(el, 'retry-button')!.click();
    await loaded(el);
    await until(() => part(el, 'name') !== null, 'the person after retry');
    expect(text(el, 'name')).to.not.equal('Unknown person');
  });

  it('shows initials when the person has no photo, or the photo fails to load', async () => {
    const noPhoto = (await getDefaultBackend().searchPeople({ limit: 100 })).items.find((p) => p.photoUrl === null)!;
    const el = await fixture<PeerPerson>(html`<peer-person person-id=${noPhoto.id}></peer-person>`);
    await loaded(el);
    const initials = part(el, 'initials')!;
    expect(initials.textContent!.trim()).to.match(/^\p{Lu}{2}$/u);
    expect(initials.getAttribute('aria-hidden')).to.equal('true');

    const broken = await fixture<PeerPerson>(
      html`<peer-person
        .person=${{ ...noPhoto, name: 'Ada Lovelace', photoUrl: `${apiUrl}/avatars/nobody.svg` }}
      ></peer-person>`,
    );
    await until(() => part(broken, 'initials') !== null, 'the initials after a broken photo');
    expect(text(broken, 'initials')).to.equal('AL');
  });

  it('never uses a javascript: URL as a photo', async () => {
    const person = (await getDefaultBackend().getPerson('u0005')) as Person;
    const el = await fixture<PeerPerson>(
      html`<peer-person .person=${{ ...person, photoUrl: 'javascript:alert(1)' }}></peer-person>`,
    );
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(part(el, 'initials')).to.exist;
  });

  it('renders every hostile string as text', async () => {
    const strings = (await (await fetch('/__shared/blns.json')).json()) as string[];
    expect(strings.length).to.be.greaterThan(500);
    const base = (await getDefaultBackend().getPerson('u0006')) as Person;
    const el = await fixture<PeerPerson>(html`<peer-person size="large"></peer-person>`);
    for (const hostile of strings) {
      el.person = { ...base, name: hostile, title: hostile, department: { id: 'x', name: hostile }, location: hostile };
      await el.updateComplete;
      expect(part(el, 'name')!.textContent).to.equal(hostile);
      expect(part(el, 'title')!.textContent).to.equal(hostile);
      // Only the markup of the template: no element came from the data.
      const tags = [...el.shadowRoot!.querySelectorAll('*')].map((node) => node.tagName);
      expect(tags.filter((tag) => !['DIV', 'SPAN', 'BDI', 'IMG'].includes(tag))).to.deep.equal([]);
    }
    expect((window as unknown as { __pwned?: boolean }).__pwned).to.equal(undefined);
  });

  it('is accessible in every size, and in the dark theme', async () => {
    for (const size of ['small', 'medium', 'large']) {
      const el = await fixture<PeerPerson>(html`<peer-person person-id="u0007" size=${size}></peer-person>`);
      await loaded(el);
      await expect(el).to.be.accessible();
    }
    const dark = await fixture<PeerPerson>(html`<peer-person person-id="u0007" theme="dark"></peer-person>`);
    await loaded(dark);
    expect(getComputedStyle(dark).colorScheme).to.equal('dark');
    await expect(dark).to.be.accessible();
  });

  it('speaks the language of its closest lang attribute', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="de"><peer-person person-id="no-one"></peer-person></div>`,
    );
    const el = wrapper.querySelector<PeerPerson>('peer-person')!;
    await until(() => text(el, 'name') === 'Unbekannte Person', 'the German not-found state');
    wrapper.lang = 'ar';
    await until(() => text(el, 'name') === 'شخص غير معروف', 'the Arabic not-found state');
  });

  it('aborts its request when removed before it is sent', async () => {
    const el = document.createElement('peer-person');
    el.personId = 'u0042';
    document.body.append(el);
    await el.updateComplete;
    el.remove();
    await new Promise((r) => setTimeout(r, 50));
    expect(await serverRequests('/api/people')).to.deep.equal([]);
    document.body.append(el);
    await loaded(el);
    await until(() => part(el, 'name') !== null, 'the person after reconnection');
    expect(await serverRequests('/api/people')).to.have.length(1);
    el.remove();
  });

  describe('backend configuration', () => {
    it('uses the backend of its <peer-provider>', async () => {
      configure({ backend: new MemoryBackend({ fail: new PeerError({ kind: 'network' }) }) });
      const provider = await fixture(
        html`<peer-provider base-url=${apiUrl} .headers=${{ Authorization: 'Bearer demo-u0001' }}
          ><peer-person person-id="u0008"></peer-person
        ></peer-provider>`,
      );
      const el = provider.querySelector<PeerPerson>('peer-person')!;
      await loaded(el);
      await until(() => part(el, 'name') !== null, 'the person');
      expect((await serverRequests('/api/people')).length).to.equal(1);
    });

    it('reaches children when the provider upgrades after them', async () => {
      configure({ backend: new MemoryBackend({ fail: new PeerError({ kind: 'network' }) }) });
      const tag = `late-provider-${Math.random().toString(36).slice(2)}`;
      const wrapper = await fixture<HTMLElement>(html`<div></div>`);
      const late = document.createElement(tag);
      late.setAttribute('base-url', apiUrl);
      const el = document.createElement('peer-person');
      el.personId = 'u0009';
      late.append(el);
      wrapper.append(late);
      await until(() => part(el, 'retry-button') !== null, 'the error from the default backend');
      // The provider's headers come from configure() when it has none of its own.
      configure({ backend: undefined, baseUrl: apiUrl, headers: { Authorization: 'Bearer demo-u0001' } });
      const { PeerProvider } = await import('../../src/components/provider/provider.component.js');
      PeerProvider.define(tag);
      await until(
        () => part(el, 'name') !== null && text(el, 'name') !== 'Unknown person',
        'the person from the late provider',
      );
    });

    it('switches to a new default when configure() is called', async () => {
      const memory = new MemoryBackend();
      configure({ backend: memory });
      const el = await fixture<PeerPerson>(html`<peer-person person-id="u0010"></peer-person>`);
      await loaded(el);
      expect(memory.calls.getPerson).to.equal(1);
      const other = new MemoryBackend({ people: [{ ...memory.people.get('u0010')!, name: 'Switched Name' }] });
      configure({ backend: other });
      await until(() => text(el, 'name') === 'Switched Name', 'the new default backend');
    });

    it('falls back to <meta name="peerkit-base-url">, then /api', () => {
      configure({});
      expect((getDefaultBackend() as RestBackend).baseUrl).to.equal('/api');
      const meta = document.createElement('meta');
      meta.name = 'peerkit-base-url';
      meta.content = 'https://intranet.example/peer-api';
      document.head.append(meta);
      configure({});
      expect((getDefaultBackend() as RestBackend).baseUrl).to.equal('https://intranet.example/peer-api');
      meta.remove();
    });
  });

  describe('registration', () => {
    it('defines idempotently and under any tag', async () => {
      const { PeerPerson: Class } = await import('../../src/components/person/person.component.js');
      expect(() => Class.define()).to.not.throw();
      expect(Class.define('acme-person')).to.equal('acme-person');
      expect(() => Class.define('acme-person')).to.not.throw();
      configure({ backend: new MemoryBackend() });
      const el = await fixture<PeerPerson>(html`<acme-person person-id="u0011"></acme-person>`);
      await loaded(el);
      expect(text(el, 'name')).to.equal(new MemoryBackend().people.get('u0011')!.name);
    });
  });
});
