import { expect, fixture, html } from '@open-wc/testing';
import { a11ySnapshot, executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/components/kudos-feed/kudos-feed.js';
import '../../src/components/provider/provider.js';
import type { PeerProvider } from '../../src/components/provider/provider.component.js';
import type { PeerKudosFeed } from '../../src/components/kudos-feed/kudos-feed.component.js';
import type { Kudos } from '../../src/contract/kudos.js';
import type { Person } from '../../src/contract/people.js';
import { configure } from '../../src/core/config.js';
import { registerTranslation } from '../../src/core/i18n/localize.js';
import {
  apiUrl,
  deepActive,
  eventually,
  injectFault,
  openStreams,
  resetServer,
  serverOrigin,
  serverRequests,
  shownText,
  tokenOf,
  until,
  signIn,
  testBackend,
  shiftTab,
} from './helpers.js';

const shadow = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...shadow(el).querySelectorAll<T>(selector),
];
const articles = (el: Element) => $$(el, 'article');

async function api<T>(path: string, as = 'u0001', init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${apiUrl}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${tokenOf(as)}`, 'Content-Type': 'application/json' },
  });
  return (await response.json()) as T;
}

const give = (as: string, body: Record<string, unknown>) =>
  api<Kudos>('/kudos', as, { method: 'POST', body: JSON.stringify(body) });

async function loaded(el: PeerKudosFeed, count = 1) {
  await until(() => articles(el).length >= count || !!$(el, '.empty, [part~="error"]'), 'the feed');
}

/** A feed with its composer open, once the composer shows the company values. */
async function feedWithComposer(pageSize: number) {
  const el = await fixture<PeerKudosFeed>(
    html`<peer-kudos-feed composer="open" page-size=${pageSize} live="off"></peer-kudos-feed>`,
  );
  await loaded(el, pageSize);
  const composer = $(el, 'peer-kudos-composer')!;
  await until(() => !!composer.shadowRoot?.querySelector('input[name="value"]'), 'the values');
  return { el, composer };
}

async function streamOpen() {
  await until(() => true);
  const start = performance.now();
  for (;;) {
    if ((await openStreams()) > 0) return;
    if (performance.now() - start > 10_000) throw new Error('no stream opened');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A kudos like the server's, for feeds given their items directly. */
function kudosLike(template: Kudos, id: string, message: string, name = template.giver.name): Kudos {
  return { ...template, id, message, mentions: [], giver: { ...template.giver, name } };
}

/** Ctrl+Enter, as a person presses it. */
async function ctrlEnter() {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'Enter' });
  await sendKeys({ up: 'Control' });
}

/** What readers chose to show, kept in this browser: each test starts without. */
const keptChoices = () => Object.keys(localStorage).filter((key) => key.startsWith('peerkit:kudos-show'));

describe('<peer-kudos-feed>', () => {
  beforeEach(async () => {
    for (const key of keptChoices()) localStorage.removeItem(key);
    await resetServer();
  });

  it('renders the first page as a WAI-ARIA feed with one request', async () => {
    signIn('u0001');
    const expected = await api<{ items: Kudos[] }>('/kudos?limit=5');
    await resetServer();
    const el = await fixture<PeerKudosFeed>(html`<peer-kudos-feed page-size="5" live="off"></peer-kudos-feed>`);
    await loaded(el, 5);
    const feed = $(el, '[role="feed"]')!;
    expect(feed.getAttribute('aria-busy')).to.equal('false');
    expect(articles(el).map((a) => a.getAttribute('aria-posinset'))).to.deep.equal(['1', '2', '3', '4', '5']);
    expect(articles(el).every((a) => a.getAttribute('aria-setsize') === '-1')).to.be.true;
    expect(articles(el).map((a) => a.tabIndex)).to.deep.equal([0, -1, -1, -1, -1]);
    const first = articles(el)[0];
    expect(first.querySelector('.kudos-title')!.textContent).to.contain(expected.items[0].giver.name);
    expect(first.querySelector('.message')!.textContent).to.equal(
      expected.items[0].message.replace(
        /@\{(\w+)\}/g,
        (_, id) => `@${expected.items[0].mentions.find((p) => p.id === id)!.name}`,
      ),
    );
    const labelled = shadow(el).getElementById(first.getAttribute('aria-labelledby')!);
    expect(labelled?.textContent).to.contain(expected.items[0].giver.name);
    const requests = await serverRequests('/api/kudos');
    expect(requests.map((r) => r.method + r.path + r.search)).to.deep.equal(['GET/api/kudos?limit=5']);
    await expect(el).to.be.accessible();
    el.theme = 'dark';
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('moves between articles with Page Down and Page Up, loading more near the end', async () => {
    signIn('u0001');
    const el = await fixture<PeerKudosFeed>(html`<peer-kudos-feed page-size="5" live="off"></peer-kudos-feed>`);
    await loaded(el, 5);
    articles(el)[0].focus();
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'PageDown' });
    await until(() => deepActive()?.getAttribute('aria-posinset') === '5', 'focus on the fifth article');
    await until(() => articles(el).length >= 10, 'the next page');
    await sendKeys({ press: 'PageDown' });
    await until(() => deepActive()?.getAttribute('aria-posinset') === '6', 'focus on the sixth article');
    await sendKeys({ press: 'PageUp' });
    await sendKeys({ press: 'PageUp' });
    await until(() => deepActive()?.getAttribute('aria-posinset') === '4', 'focus back on the fourth');
    expect((deepActive() as HTMLElement).tabIndex).to.equal(0);
    const texts = articles(el).map(
      (a) => a.querySelector('.kudos-title')!.textContent! + a.querySelector('time')!.dateTime,
    );
    expect(new Set(texts).size).to.equal(articles(el).length);
    // One request per page of five shown (a page asked for just now is counted once it is shown).
    let pages = await serverRequests('/api/kudos');
    await eventually(
      async () => (pages = await serverRequests('/api/kudos')).length * 5 === articles(el).length,
      'one request per page',
    );
    expect(pages.slice(1).every((p) => /cursor=/.test(p.search))).to.be.true;
  });

  it('pages with the load-more button without showing a kudos twice', async () => {
    signIn('u0001');
    const el = await fixture<PeerKudosFeed>(html`<peer-kudos-feed page-size="4" live="off"></peer-kudos-feed>`);
    await loaded(el, 4);
    $(el, '[part~="load-more"]')!.click();
    await until(() => articles(el).length === 8, 'the second page');
    $(el, '[part~="load-more"]')!.click();
    await until(() => articles(el).length === 12, 'the third page');
    const messages = await Promise.all((await api<{ items: Kudos[] }>('/kudos?limit=12')).items.map((k) => k.id));
    expect(messages.length).to.equal(12);
    expect(new Set(articles(el).map((a) => a.querySelector('.message')!.textContent)).size).to.be.greaterThan(1);
    expect(articles(el).map((a) => a.getAttribute('aria-posinset'))).to.deep.equal(
      Array.from({ length: 12 }, (_, i) => String(i + 1)),
    );
  });

  it('loads the next page by itself when the connection that failed it comes back', async () => {
    let connected = true;
    const fetchWhileConnected: typeof fetch = (input, init) =>
      connected ? fetch(input, init) : Promise.reject(new TypeError('Failed to fetch'));
    signIn('u0001', { retries: 0, fetch: fetchWhileConnected });
    const el = await fixture<PeerKudosFeed>(html`<peer-kudos-feed page-size="4" live="off"></peer-kudos-feed>`);
    await loaded(el, 4);
    connected = false;
    $(el, '[part~="load-more"]')!.click();
    await until(() => !!$(el, '[part~="error"]'), 'the error of the second page');
    expect(articles(el).length, 'the first page stays').to.equal(4);
    connected = true;
    window.dispatchEvent(new Event('online'));
    await until(() => articles(el).length === 8, 'the second page, without pressing retry');
  });

  it('filters by value, team and person from attributes, and follows changes at run time', async () => {
    signIn('u0001');
    const el = await fixture<PeerKudosFeed>(
      html`<peer-kudos-feed value="courage" page-size="8" live="off"></peer-kudos-feed>`,
    );
    await loaded(el, 8);
    expect(articles(el).every((a) => a.querySelector('.values')!.textContent!.includes('Be bold'))).to.be.true;
    el.value = 'learning';
    el.team = 'legal';
    await until(() => (serverRequests as unknown) !== null);
    await until(
      () =>
        articles(el).length > 0 &&
        articles(el).every((a) => a.querySelector('.values')!.textContent!.includes('Learn and share')),
      'the filtered feed',
    );
    const searches = (await serverRequests('/api/kudos')).map((r) => new URLSearchParams(r.search));
    const last = searches.at(-1)!;
    expect(last.get('value')).to.equal('learning');
    expect(last.get('team')).to.equal('legal');
    const expected = await api<{ items: Kudos[] }>('/kudos?limit=8&value=learning&team=legal');
    expect(articles(el).length).to.equal(expected.items.length);
  });

  it("lets the reader choose to show their own kudos, their department's or one value's, with the keyboard", async () => {
    signIn('u0001');
    const me = await api<Person>('/people/u0001');
    const values = await api<{ items: { id: string; name: string }[] }>('/values');
    const el = await fixture<PeerKudosFeed>(html`<peer-kudos-feed page-size="8" live="off"></peer-kudos-feed>`);
    await loaded(el, 8);
    await until(() => !!$(el, '.show select option[value^="value:"]'), 'the "Show" list');
    const select = $<HTMLSelectElement>(el, '.show select')!;
    expect($(el, '.show')!.textContent).to.contain('Show');
    expect([...select.options].map((o) => o.value)).to.deep.equal([
      '',
      'person:u0001',
      `team:${me.department.id}`,
      ...values.items.map((v) => `value:${v.id}`),
    ]);
    expect(select.options[2].textContent).to.equal(`Your department: ${me.department.name}`);
    await expect(el).to.be.accessible();
    const lastSearch = async () =>
      Object.fromEntries(new URLSearchParams((await serverRequests('/api/kudos')).at(-1)!.search));

    // A closed list steps through its options with the arrow keys.
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await eventually(async () => (await lastSearch()).person === 'u0001', 'a request for your kudos');
    await until(() => articles(el).length > 0, 'your kudos');
    const yours = await api<{ items: Kudos[] }>('/kudos?limit=8&person=u0001');
    expect(articles(el).map((a) => a.querySelector('.message')!.textContent)).to.deep.equal(
      yours.items.map((k) =>
        k.message.replace(/@\{(\w+)\}/g, (_, id) => `@${k.mentions.find((p) => p.id === id)!.name}`),
      ),
    );
    expect(deepActive() === select, 'focus stays on the list').to.equal(true);

    await sendKeys({ press: 'ArrowDown' });
    await eventually(async () => (await lastSearch()).team === me.department.id, 'a request for your department');
    await sendKeys({ press: 'ArrowDown' });
    const first = values.items[0];
    await until(
      () =>
        articles(el).length > 0 &&
        articles(el).every((a) => a.querySelector('.values')!.textContent!.includes(first.name)),
      `the kudos tagged ${first.name}`,
    );
    expect(await lastSearch()).to.deep.equal({ limit: '8', value: first.id });
    expect(el.filter).to.deep.equal({ value: first.id });

    select.value = '';
    select.dispatchEvent(new Event('change'));
    await eventually(async () => Object.keys(await lastSearch()).join() === 'limit', 'all kudos again');
    expect(el.filter).to.deep.equal({});
  });

  it('offers only the choices its attributes leave open, and none with filters="off"', async () => {
    signIn('u0001');
    const el = await fixture<PeerKudosFeed>(
      html`<peer-kudos-feed value="courage" page-size="5" live="off"></peer-kudos-feed>`,
    );
    await loaded(el, 5);
    await until(() => !!$(el, '.show select'), 'the "Show" list');
    const options = () => [...$<HTMLSelectElement>(el, '.show select')!.options].map((o) => o.value.split(':')[0]);
    expect(options()).to.deep.equal(['', 'person', 'team']);
    // What the reader chooses narrows what the attributes give.
    const select = $<HTMLSelectElement>(el, '.show select')!;
    select.value = 'person:u0001';
    select.dispatchEvent(new Event('change'));
    await until(() => el.filter.person === 'u0001', 'the choice');
    expect(el.filter).to.deep.equal({ value: 'courage', person: 'u0001' });
    // Taking the list away takes the choice with it: nothing would show it or undo it.
    el.filters = 'off';
    await until(() => !$(el, '.show'), 'no "Show" list');
    expect(el.filter).to.deep.equal({ value: 'courage' });
    await eventually(
      async () => !new URLSearchParams((await serverRequests('/api/kudos')).at(-1)!.search).has('person'),
      'the feed loaded without the choice',
    );

    // Without the list, what u0001 gave still has "Delete…": the code that draws both has loaded.
    const off = await fixture<PeerKudosFeed>(
      html`<peer-kudos-feed person="u0001" filters="off" page-size="20" live="off"></peer-kudos-feed>`,
    );
    await loaded(off, 1);
    await until(() => !!$(off, 'article .ask'), 'Delete… on what u0001 gave');
    expect($(off, '.show')).to.equal(null);
  });

  it('shows a reaction at once and rolls it back with a message when the server refuses', async () => {
    signIn('u0001');
    const el = await fixture<PeerKudosFeed>(html`<peer-kudos-feed page-size="3" live="off"></peer-kudos-feed>`);
    await loaded(el, 3);
    const first = () => articles(el)[0];
    const clap = () => first().querySelector<HTMLButtonElement>('[data-reaction="clap"]')!;
    const countOf = (button: HTMLButtonElement) => Number(button.querySelector('.count')?.textContent ?? 0);
    const before = countOf(clap());
    const wasPressed = clap().getAttribute('aria-pressed') === 'true';
    const id = (await api<{ items: Kudos[] }>('/kudos?limit=1')).items[0].id;
    await injectFault({
      method: wasPressed ? 'DELETE' : 'PUT',
      path: `/api/kudos/${id}/reactions/clap`,
      status: 500,
      times: 10,
      delayMs: 150,
    });
    // Named by what it means and how many gave it, on hover as to a screen reader.
    expect(clap().title).to.equal(`Applause: ${before}`);
    clap().click();
    await el.updateComplete;
    expect(clap().getAttribute('aria-pressed')).to.equal(wasPressed ? 'false' : 'true');
    expect(countOf(clap())).to.equal(before + (wasPressed ? -1 : 1));
    expect(clap().title).to.equal(`Applause: ${before + (wasPressed ? -1 : 1)}`);
    await until(() => !!first().querySelector('.reaction-error'), 'the rollback');
    expect(clap().getAttribute('aria-pressed')).to.equal(wasPressed ? 'true' : 'false');
    expect(countOf(clap())).to.equal(before);
    expect(first().querySelector('[role="alert"]')!.textContent).to.contain('could not be saved');
    await resetServer();
    clap().click();
    await until(() => !first().querySelector('.reaction-error') && countOf(clap()) !== before, 'the reaction shown');
    // The button shows it at once; the server has it when its answer arrives.
    const storedClap = async () =>
      (await api<{ items: Kudos[] }>('/kudos?limit=1')).items[0].reactions.find((r) => r.reaction === 'clap')!;
    await eventually(async () => (await storedClap()).mine === !wasPressed, 'the saved reaction');
    const stored = await storedClap();
    expect(stored.count).to.equal(countOf(clap()));
    expect(first().querySelector('.reaction-error')).to.equal(null);
  });

  it('deletes kudos you gave after asking once more, with the keyboard; others have no "Delete…"', async () => {
    signIn('u0060');
    const older = await give('u0060', {
      recipientIds: ['u0061'],
      message: 'Older thanks to keep',
      valueIds: ['together'],
    });
    const wrong = await give('u0060', {
      recipientIds: ['u0062'],
      message: 'Sent to the wrong person',
      valueIds: ['together'],
    });
    await give('u0063', {
      recipientIds: ['u0060'],
      message: 'Thanks to u0060 from someone else',
      valueIds: ['learning'],
    });
    const el = await fixture<PeerKudosFeed>(
      html`<peer-kudos-feed person="u0060" page-size="10" live="off"></peer-kudos-feed>`,
    );
    await loaded(el, 3);
    const articleOf = (id: string) =>
      articles(el).find(
        (a) => a.querySelector('.message')!.textContent === (id === wrong.id ? wrong.message : older.message),
      );
    await until(() => !!articleOf(wrong.id)?.querySelector('.ask'), 'Delete… on your own kudos');
    // Only on what you gave.
    for (const article of articles(el)) {
      const mine = article.querySelector('.kudos-title')!.textContent!.startsWith(wrong.giver.name);
      expect(!!article.querySelector('.ask'), article.textContent!).to.equal(mine);
    }
    const ask = () => articleOf(wrong.id)!.querySelector<HTMLButtonElement>('.ask');
    expect(ask()!.textContent!.trim()).to.equal('Delete…');
    const deleted: string[] = [];
    el.addEventListener('peer-kudos-deleted', (e) => deleted.push(e.detail.kudosId));

    ask()!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => deepActive()?.classList.contains('keep') === true, 'focus on "Keep it"');
    const question = articleOf(wrong.id)!.querySelector('.actions[role="group"]')!;
    expect(question.textContent).to.contain('Delete this kudos for everyone? Its reactions go with it.');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => deepActive() === ask(), 'focus back on "Delete…"');
    expect(articleOf(wrong.id)!.querySelector('.actions[role="group"]')).to.equal(null);

    await sendKeys({ press: 'Enter' });
    await until(() => deepActive()?.classList.contains('keep') === true, 'the question again');
    await shiftTab();
    expect(deepActive()!.textContent!.trim()).to.equal('Delete');
    const index = articles(el).indexOf(articleOf(wrong.id)!);
    const count = articles(el).length;
    await sendKeys({ press: 'Enter' });
    await until(() => !articleOf(wrong.id), 'the kudos gone');
    expect(deleted).to.deep.equal([wrong.id]);
    expect($(el, '[aria-live="polite"]')!.textContent).to.equal('Your kudos was deleted.');
    // Focus goes to the kudos now in its place, not to the page.
    await until(() => deepActive() === articles(el)[Math.min(index, articles(el).length - 1)], 'focus in the feed');
    expect(articles(el).length).to.equal(count - 1);
    const gone = await fetch(`${apiUrl}/kudos/${wrong.id}`, {
      headers: { Authorization: `Bearer ${tokenOf('u0060')}` },
    });
    expect(gone.status).to.equal(404);
    expect(articleOf(older.id)).to.not.equal(undefined);
  });

  it('offers "Delete…" to whoever its backend signs in, and asks again when the backend changes', async () => {
    const kudos = await give('u0072', { recipientIds: ['u0073'], message: 'Whose to delete?', valueIds: ['learning'] });
    const provider = await fixture<PeerProvider>(
      html`<peer-provider .backend=${testBackend({}, 'u0072')}
        ><peer-kudos-feed person="u0072" page-size="5" live="off"></peer-kudos-feed
      ></peer-provider>`,
    );
    const el = provider.querySelector<PeerKudosFeed>('peer-kudos-feed')!;
    const shown = () => articles(el).find((a) => a.querySelector('.message')!.textContent === kudos.message);
    await until(() => !!shown()?.querySelector('.ask'), 'Delete… for the giver');
    provider.backend = testBackend({}, 'u0073');
    await until(() => !!shown() && !shown()!.querySelector('.ask'), 'no Delete… for the recipient');
    provider.backend = testBackend({}, 'u0072');
    await until(() => !!shown()?.querySelector('.ask'), 'Delete… for the giver again');
  });

  it('shows what the reader chose after a reload, from the first request, to them and not to the next person', async () => {
    signIn('u0001');
    const me = await api<Person>('/people/u0001');
    const feed = () =>
      fixture<PeerKudosFeed>(html`<peer-kudos-feed value="courage" page-size="5" live="off"></peer-kudos-feed>`);
    const first = await feed();
    await until(() => !!$(first, `.show select option[value="team:${me.department.id}"]`), 'the "Show" list');
    const select = $<HTMLSelectElement>(first, '.show select')!;
    select.value = `team:${me.department.id}`;
    select.dispatchEvent(new Event('change'));
    await until(() => first.filter.team === me.department.id, 'your department');
    first.remove();

    // The page again: the first request is already your department's, and the list says so.
    await resetServer();
    const again = await feed();
    expect(again.filter).to.deep.equal({ value: 'courage', team: me.department.id });
    await until(() => !!$(again, '.show select option[value^="team:"]'), 'the "Show" list');
    expect($<HTMLSelectElement>(again, '.show select')!.value).to.equal(`team:${me.department.id}`);
    const searches = (await serverRequests('/api/kudos')).map((r) => Object.fromEntries(new URLSearchParams(r.search)));
    expect(searches[0]).to.deep.equal({ limit: '5', value: 'courage', team: me.department.id });
    // A feed of other attributes keeps its own choice.
    const other = await fixture<PeerKudosFeed>(html`<peer-kudos-feed page-size="5" live="off"></peer-kudos-feed>`);
    expect(other.filter).to.deep.equal({});
    other.remove();
    again.remove();

    // Someone else signs in on this computer: what u0001 chose is not theirs, not even for a moment.
    // The newest kudos of that value are between people of other departments: a page of u0001's
    // department would show none of them.
    const outside: string[] = [];
    for (let n = 150; outside.length < 2; n++) {
      const person = await api<Person>(`/people/u0${n}`);
      if (person.department.id !== me.department.id) outside.push(person.id);
    }
    for (let i = 1; i <= 5; i++) {
      await give(outside[0], { recipientIds: [outside[1]], message: `Courage, take ${i}`, valueIds: ['courage'] });
    }
    await resetServer();
    signIn('u0090');
    const seen = new Set<string>();
    const watch = new MutationObserver(() => {
      for (const article of $$(theirs, 'article .message')) seen.add(article.textContent!);
    });
    const theirs = await feed();
    watch.observe(theirs.shadowRoot!, { childList: true, subtree: true });
    await until(() => !!$(theirs, '.show select option[value="person:u0090"]'), 'their "Show" list');
    watch.disconnect();
    expect(theirs.filter).to.deep.equal({ value: 'courage' });
    expect($<HTMLSelectElement>(theirs, '.show select')!.value).to.equal('');
    expect([...seen].sort()).to.deep.equal([1, 2, 3, 4, 5].map((i) => `Courage, take ${i}`));
    // Nor is it asked for in their name.
    const theirSearches = (await serverRequests('/api/kudos')).map((r) => new URLSearchParams(r.search));
    expect(theirSearches.map((search) => search.get('team'))).to.deep.equal([null]);
    // What u0001 chose stays theirs.
    expect(keptChoices()).to.have.length(1);
    expect((JSON.parse(localStorage.getItem(keptChoices()[0])!) as { value: string }).value).to.equal(
      `team:${me.department.id}`,
    );
  });

  it('shows all kudos when what it kept from the last visit is gone (a value taken away), and forgets it', async () => {
    signIn('u0001');
    const first = await fixture<PeerKudosFeed>(html`<peer-kudos-feed page-size="5" live="off"></peer-kudos-feed>`);
    await until(() => !!$(first, '.show select option[value="value:courage"]'), 'the "Show" list');
    const select = $<HTMLSelectElement>(first, '.show select')!;
    select.value = 'value:courage';
    select.dispatchEvent(new Event('change'));
    await until(() => first.filter.value === 'courage', 'one value');
    first.remove();
    const [key] = keptChoices();
    const kept = JSON.parse(localStorage.getItem(key)!) as { value: string };
    localStorage.setItem(key, JSON.stringify({ ...kept, value: 'value:retired' }));

    await resetServer();
    const el = await fixture<PeerKudosFeed>(html`<peer-kudos-feed page-size="5" live="off"></peer-kudos-feed>`);
    await loaded(el, 5);
    expect(el.filter).to.deep.equal({});
    expect($(el, '[part~="error"]')).to.equal(null);
    const searches = (await serverRequests('/api/kudos')).map((r) => new URLSearchParams(r.search).get('value'));
    expect(searches).to.deep.equal(['retired', null]);
    expect((JSON.parse(localStorage.getItem(key)!) as { value: string }).value).to.equal('');
  });

  it('forgets what the reader chose to show when the backend changes: it may sign in someone else', async () => {
    const provider = await fixture<PeerProvider>(
      html`<peer-provider .backend=${testBackend({}, 'u0072')}
        ><peer-kudos-feed page-size="5" live="off"></peer-kudos-feed
      ></peer-provider>`,
    );
    const el = provider.querySelector<PeerKudosFeed>('peer-kudos-feed')!;
    await until(() => !!$(el, '.show select option[value="person:u0072"]'), 'the choice of your own kudos');
    const select = $<HTMLSelectElement>(el, '.show select')!;
    select.value = 'person:u0072';
    select.dispatchEvent(new Event('change'));
    await until(() => el.filter.person === 'u0072', 'your own kudos');
    provider.backend = testBackend({}, 'u0073');
    await until(() => !!$(el, '.show select option[value="person:u0073"]'), 'the choices of the one now signed in');
    expect(el.filter).to.deep.equal({});
    expect($<HTMLSelectElement>(el, '.show select')!.value).to.equal('');
  });

  it('keeps focus in a feed whose last kudos was deleted, even one without a give-kudos button', async () => {
    // A person, a value and u0001's department that no kudos has together yet: the feed of the three
    // holds only the kudos given here (from that person, with that value, to u0001).
    const team = (await api<Person>('/people/u0001')).department.id;
    let pair: [string, string] | undefined;
    for (let n = 180; !pair && n > 100; n--) {
      const person = `u0${n}`;
      for (const value of ['simplicity', 'courage', 'ownership']) {
        const page = await api<{ items: Kudos[] }>(
          `/kudos?person=${person}&value=${value}&team=${team}&limit=1`,
          person,
        );
        if (page.items.length === 0) {
          pair = [person, value];
          break;
        }
      }
    }
    const [person, value] = pair!;
    signIn(person);
    const kudos = await give(person, { recipientIds: ['u0001'], message: 'The only one here', valueIds: [value] });
    const el = await fixture<PeerKudosFeed>(
      html`<peer-kudos-feed person=${person} value=${value} team=${team} composer="none" live="off"></peer-kudos-feed>`,
    );
    await loaded(el, 1);
    expect(articles(el).map((a) => a.querySelector('.message')!.textContent)).to.deep.equal([kudos.message]);
    await until(() => !!articles(el)[0].querySelector('.ask'), 'Delete…');
    articles(el)[0].querySelector<HTMLButtonElement>('.ask')!.click();
    await until(() => !!$(el, '.confirm'), 'the question');
    $<HTMLButtonElement>(el, '.confirm')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!$(el, '[part~="empty"]'), 'the empty feed');
    await until(() => deepActive() === $(el, '.empty-title'), 'focus on what the empty feed says');
    await expect(el).to.be.accessible();
  });

  it('keeps kudos whose deletion failed, says why, and deletes them on a second try', async () => {
    signIn('u0064');
    const kudos = await give('u0064', { recipientIds: ['u0065'], message: 'Delete me later', valueIds: ['courage'] });
    const el = await fixture<PeerKudosFeed>(
      html`<peer-kudos-feed person="u0064" page-size="5" live="off"></peer-kudos-feed>`,
    );
    await loaded(el, 1);
    const mine = () => articles(el).find((a) => a.querySelector('.message')!.textContent === kudos.message);
    await until(() => !!mine()?.querySelector('.ask'), 'Delete…');
    await injectFault({ method: 'DELETE', path: `/api/kudos/${kudos.id}`, status: 403, times: 1, delayMs: 300 });
    mine()!.querySelector<HTMLButtonElement>('.ask')!.click();
    await until(() => !!mine()!.querySelector('.confirm'), 'the question');
    mine()!.querySelector<HTMLButtonElement>('.confirm')!.click();
    // While it is under way the button says so, and a second press sends nothing more.
    await until(() => mine()!.querySelector('.confirm')?.getAttribute('aria-busy') === 'true', 'busy');
    mine()!.querySelector<HTMLButtonElement>('.confirm')!.click();
    await until(() => !!mine()!.querySelector('[role="alert"]'), 'the failure');
    expect(mine()!.querySelector('.confirm')!.getAttribute('aria-busy')).to.equal('false');
    const sent = (await serverRequests(`/api/kudos/${kudos.id}`)).filter((r) => r.method === 'DELETE');
    expect(sent.length, 'one DELETE for two presses').to.equal(1);
    expect(mine()!.querySelector('[role="alert"]')!.textContent).to.contain('Your kudos was not deleted.');
    // The question stays, to try again from where the reader is.
    mine()!.querySelector<HTMLButtonElement>('.confirm')!.click();
    await until(() => !mine(), 'deleted on the second try');
    const gone = await fetch(`${apiUrl}/kudos/${kudos.id}`, {
      headers: { Authorization: `Bearer ${tokenOf('u0064')}` },
    });
    expect(gone.status).to.equal(404);
  });

  it('drops live a kudos its giver deleted elsewhere, keeping focus in the feed', async () => {
    signIn('u0001');
    const kudos = await give('u0066', { recipientIds: ['u0067'], message: 'Soon withdrawn', valueIds: ['learning'] });
    const el = await fixture<PeerKudosFeed>(html`<peer-kudos-feed page-size="5"></peer-kudos-feed>`);
    await loaded(el, 5);
    await streamOpen();
    const shown = () => articles(el).find((a) => a.querySelector('.message')!.textContent === kudos.message);
    expect(shown(), 'the newest kudos is shown').to.not.equal(undefined);
    expect(shown()!.querySelector('.ask'), 'not yours to delete').to.equal(null);
    shown()!.focus();
    const response = await fetch(`${apiUrl}/kudos/${kudos.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${tokenOf('u0066')}` },
    });
    expect(response.status).to.equal(204);
    await until(() => !shown(), 'the kudos dropped');
    await until(() => deepActive() === articles(el)[0], 'focus on the kudos in its place');
  });

  describe('changing kudos you gave', () => {
    const mentionee = async () => (await api<Person>('/people/u0086')).name;
    /** A feed of u0084's kudos, one of which u0084 just gave; its article once "Edit…" is there. */
    async function feedWithOwn(message = 'Thanks @{u0086} for the tyop fix') {
      signIn('u0084');
      const kudos = await give('u0084', { recipientIds: ['u0085'], message, valueIds: ['learning'] });
      const el = await fixture<PeerKudosFeed>(
        html`<peer-kudos-feed person="u0084" page-size="10" live="off"></peer-kudos-feed>`,
      );
      await loaded(el, 1);
      // The newest, first in the feed.
      const article = () => articles(el).find((a) => a.dataset.index === '0')!;
      await until(() => !!article()?.querySelector('.edit'), 'Edit… on your own kudos');
      return { el, kudos, article };
    }
    const textarea = (article: HTMLElement) => article.querySelector<HTMLTextAreaElement>('textarea')!;
    const type = (area: HTMLTextAreaElement, value: string) => {
      area.value = value;
      area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    };

    it('changes the message, its mentions and the values in place, with the keyboard, and says it was edited', async () => {
      const name = await mentionee();
      const { el, kudos, article } = await feedWithOwn();
      expect(article().querySelector('time')!.textContent).to.not.contain('edited');
      const edited: Kudos[] = [];
      el.addEventListener('peer-kudos-edited', (e) => edited.push(e.detail.kudos));
      article().querySelector<HTMLButtonElement>('.edit')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => deepActive()?.localName === 'textarea', 'focus in the message');
      // Mentions read as names, as in the composer.
      expect(textarea(article()).value).to.equal(`Thanks @${name} for the tyop fix`);
      // Text as written, not in the weight of the label around the field.
      expect(getComputedStyle(textarea(article())).fontWeight).to.equal('400');
      // As wide as the editor: the whole message in view.
      const widths = [textarea(article()), article().querySelector('.editor')!].map(
        (e) => e.getBoundingClientRect().width,
      );
      expect(Math.abs(widths[0] - widths[1])).to.be.lessThan(2);
      await expect(el).to.be.accessible();
      const area = textarea(article());
      area.setSelectionRange(area.value.length, area.value.length);
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ type: 'typo fix, twice over' });
      expect(area.value).to.equal(`Thanks @${name} for the tyop typo fix, twice over`);
      // Page Down moves in the text, not to the next kudos.
      await sendKeys({ press: 'PageDown' });
      expect(deepActive() === area, 'focus stays in the message').to.equal(true);
      // To the values: "Be bold" on, and "Learn and share" stays.
      const bold = [...article().querySelectorAll<HTMLInputElement>('fieldset input')].find((box) =>
        box.closest('label')!.textContent!.includes('Be bold'),
      )!;
      bold.focus();
      await sendKeys({ press: 'Space' });
      expect(bold.checked).to.equal(true);
      article().querySelector<HTMLButtonElement>('.editor .send')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => !article().querySelector('.editor'), 'the kudos saved');
      const message = article().querySelector('.message')!.textContent;
      expect(message).to.equal(`Thanks @${name} for the tyop typo fix, twice over`);
      expect(article().querySelector('.values')!.textContent).to.contain('Be bold');
      expect(article().querySelector('time')!.textContent).to.contain('· edited');
      expect($(el, '[aria-live="polite"]')!.textContent).to.equal('Your kudos was changed.');
      await until(() => deepActive() === article(), 'focus on the kudos');
      const stored = await api<Kudos>(`/kudos/${kudos.id}`, 'u0084');
      expect(stored.message).to.equal('Thanks @{u0086} for the tyop typo fix, twice over');
      expect(stored.values.map((v) => v.id).sort()).to.deep.equal(['courage', 'learning']);
      expect(stored.editedAt).to.be.a('string');
      expect(edited.map((k) => k.message)).to.deep.equal([stored.message]);
    });

    it('checks the changes before saving, keeps them when saving fails, and Escape keeps the kudos as it was', async () => {
      const { kudos, article } = await feedWithOwn('Thanks for the quick review today');
      article().querySelector<HTMLButtonElement>('.edit')!.click();
      await until(() => !!article().querySelector('textarea'), 'the editor');
      type(textarea(article()), ' ');
      article().querySelector<HTMLButtonElement>('.editor .send')!.click();
      await until(() => !!article().querySelector('.editor [role="alert"]'), 'the problem');
      expect(article().querySelector('.editor [role="alert"]')!.textContent).to.equal('Write at least 3 characters.');
      expect(textarea(article()).getAttribute('aria-invalid')).to.equal('true');
      await until(() => deepActive() === textarea(article()), 'focus on the message');
      // No value: said beside the values, whose first box takes the focus.
      type(textarea(article()), 'Thanks for the quick and careful review');
      article().querySelector<HTMLInputElement>('fieldset input:checked')!.click();
      article().querySelector<HTMLButtonElement>('.editor .send')!.click();
      await until(
        () => article().querySelector('.editor [role="alert"]')?.textContent === 'Choose at least one value.',
        'the values problem',
      );
      await until(() => deepActive() === article().querySelector('fieldset input'), 'focus on the values');
      expect((await serverRequests(`/api/kudos/${kudos.id}`)).filter((r) => r.method === 'PATCH')).to.have.length(0);

      article().querySelector<HTMLInputElement>('fieldset input')!.click();
      await injectFault({ method: 'PATCH', path: `/api/kudos/${kudos.id}`, status: 403, times: 1 });
      article().querySelector<HTMLButtonElement>('.editor .send')!.click();
      await until(
        () => !!article().querySelector('.editor [role="alert"]')?.textContent?.includes('not saved'),
        'the refusal',
      );
      expect(article().querySelector('.editor [role="alert"]')!.textContent).to.contain(
        'Your changes were not saved; they are still here.',
      );
      expect(textarea(article()).value).to.equal('Thanks for the quick and careful review');
      await until(() => deepActive() === textarea(article()), 'focus back on the message');
      // Escape, easily pressed by mistake: the kudos as it was, the changes kept for later.
      await sendKeys({ press: 'Escape' });
      await until(() => !article().querySelector('.editor'), 'the kudos as it was');
      expect(article().querySelector('.message')!.textContent).to.equal('Thanks for the quick review today');
      await until(() => deepActive() === article().querySelector('.edit'), 'focus on the button');
      expect(article().querySelector('.edit')!.textContent!.trim()).to.equal('Continue editing…');
      expect((await api<Kudos>(`/kudos/${kudos.id}`, 'u0084')).editedAt).to.equal(null);
      await sendKeys({ press: 'Enter' });
      await until(() => !!article().querySelector('textarea'), 'the editor again');
      expect(textarea(article()).value).to.equal('Thanks for the quick and careful review');
      // "Cancel" forgets them.
      article().querySelector<HTMLButtonElement>('.editor .cancel')!.click();
      await until(() => !article().querySelector('.editor'), 'closed');
      await until(() => deepActive() === article().querySelector('.edit'), 'focus on "Edit…"');
      expect(article().querySelector('.edit')!.textContent!.trim()).to.equal('Edit…');
      // Escape with nothing changed in the end keeps nothing.
      article().querySelector<HTMLButtonElement>('.edit')!.click();
      await until(() => deepActive() === textarea(article()), 'the editor, as the kudos is');
      type(textarea(article()), 'Thanks for the quick review today!');
      type(textarea(article()), 'Thanks for the quick review today');
      await sendKeys({ press: 'Escape' });
      await until(() => !article().querySelector('.editor'), 'closed again');
      expect(article().querySelector('.edit')!.textContent!.trim()).to.equal('Edit…');
      expect(Object.keys(localStorage).filter((key) => key.endsWith(`:edit:${kudos.id}`))).to.deep.equal([]);
    });

    it('suggests people to mention after @, with the keyboard, and keeps the ones chosen through a reload', async () => {
      const giver = (await api<Person>('/people/u0084')).name;
      const first = await feedWithOwn('Thanks for the pairing session');
      const options = (el: PeerKudosFeed) => $$(el, '#edit-mentions [role="option"]');
      first.article().querySelector<HTMLButtonElement>('.edit')!.click();
      await until(() => deepActive()?.localName === 'textarea', 'focus in the message');
      const area = textarea(first.article());
      expect(
        first.article().querySelector(`#${area.getAttribute('aria-describedby')!.split(' ')[0]}`)!.textContent,
      ).to.equal('Type @ and a name to mention someone.');
      area.setSelectionRange(area.value.length, area.value.length);
      // The giver is not suggested: kudos do not mention those who give them.
      await sendKeys({ type: ` with @${giver.split(' ')[0]}` });
      await until(() => options(first.el).length > 0, 'people to mention');
      expect(options(first.el).map((o) => o.querySelector('.option-name')!.textContent)).to.not.include(giver);
      expect(area.getAttribute('aria-activedescendant')).to.equal('edit-mentions-0');
      expect(first.article().querySelector('.editor [role="status"]')!.textContent).to.match(/found/);
      await expect(first.el).to.be.accessible();
      // Down to the second, then Enter: "@Name " in place of what was typed, and the text goes on.
      const count = options(first.el).length;
      await sendKeys({ press: 'ArrowDown' });
      const index = count > 1 ? 1 : 0;
      expect(area.getAttribute('aria-activedescendant')).to.equal(`edit-mentions-${index}`);
      const chosen = options(first.el)[index].querySelector('.option-name')!.textContent!;
      await sendKeys({ press: 'Enter' });
      await until(() => textarea(first.article()).value.endsWith(`@${chosen} `), 'the mention in the text');
      expect(options(first.el)).to.have.length(0);
      expect(deepActive() === textarea(first.article()), 'focus stays in the text').to.equal(true);
      expect($(first.el, '.editor'), 'Enter chose; it did not save').to.not.equal(null);
      // Escape closes the suggestions only; the editor stays.
      await sendKeys({ type: 'and @a' });
      await until(() => options(first.el).length > 0, 'suggestions again');
      await sendKeys({ press: 'Escape' });
      await until(() => options(first.el).length === 0, 'the list closed');
      expect($(first.el, '.editor'), 'the editor stays').to.not.equal(null);
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ type: 'Sam' });

      // The page again: the chosen mention comes back with the text, and is saved as that person.
      first.el.remove();
      const el = await fixture<PeerKudosFeed>(
        html`<peer-kudos-feed person="u0084" page-size="10" live="off"></peer-kudos-feed>`,
      );
      await loaded(el, 1);
      const article = () => articles(el).find((a) => a.dataset.index === '0')!;
      await until(() => article()?.querySelector('.edit')?.textContent!.trim() === 'Continue editing…', 'Continue');
      article().querySelector<HTMLButtonElement>('.edit')!.click();
      await until(() => !!article().querySelector('textarea'), 'the editor again');
      expect(textarea(article()).value).to.equal(`Thanks for the pairing session with @${chosen} and Sam`);
      // Ctrl+Enter in the message saves, as in the composer.
      textarea(article()).focus();
      await ctrlEnter();
      await until(() => !article().querySelector('.editor'), 'saved');
      const stored = await api<Kudos>(`/kudos/${first.kudos.id}`, 'u0084');
      expect(stored.mentions.map((person) => person.name)).to.deep.equal([chosen]);
      expect(stored.message).to.equal(`Thanks for the pairing session with @{${stored.mentions[0].id}} and Sam`);
      expect(article().querySelector('.mention')!.textContent).to.equal(`@${chosen}`);
    });

    it('keeps hostile text as text, and keeps the changes when the connection drops while saving', async () => {
      const strings = (await (await fetch('/__shared/blns.json')).json()) as string[];
      const hostile = strings
        .filter((s) => s.trim().length >= 3 && s.length < 1000 && /[<>"'&]/.test(s) && !s.includes('@'))
        .slice(0, 6);
      const { el, kudos, article } = await feedWithOwn('Thanks for the careful review');
      for (const text of hostile) {
        article().querySelector<HTMLButtonElement>('.edit')!.click();
        await until(() => !!article().querySelector('textarea'), 'the editor');
        type(textarea(article()), text);
        article().querySelector<HTMLButtonElement>('.editor .send')!.click();
        await until(() => !article().querySelector('.editor'), 'saved');
        expect(article().querySelector('.message')!.textContent).to.equal(text.trim());
        expect((await api<Kudos>(`/kudos/${kudos.id}`, 'u0084')).message).to.equal(text.trim());
      }
      expect($$(el, 'script, iframe, object, embed, svg, a').length).to.equal(0);

      // One dropped connection: tried again, saved once.
      const patches = async () =>
        (await serverRequests(`/api/kudos/${kudos.id}`)).filter((r) => r.method === 'PATCH').length;
      const before = await patches();
      article().querySelector<HTMLButtonElement>('.edit')!.click();
      await until(() => !!article().querySelector('textarea'), 'the editor');
      type(textarea(article()), 'Thanks for the careful review, sent again');
      await injectFault({ method: 'PATCH', path: `/api/kudos/${kudos.id}`, dropAfter: true, times: 1 });
      article().querySelector<HTMLButtonElement>('.editor .send')!.click();
      await until(() => !article().querySelector('.editor'), 'saved after all');
      expect(article().querySelector('.message')!.textContent).to.equal('Thanks for the careful review, sent again');
      expect(await patches()).to.equal(before + 2);

      // Dropped on every try: the changes stay, with the reason, and go once the connection is back.
      article().querySelector<HTMLButtonElement>('.edit')!.click();
      await until(() => !!article().querySelector('textarea'), 'the editor');
      type(textarea(article()), 'Thanks for the careful review, sent twice');
      await injectFault({ method: 'PATCH', path: `/api/kudos/${kudos.id}`, drop: true, times: 100 });
      article().querySelector<HTMLButtonElement>('.editor .send')!.click();
      await until(() => !!article().querySelector('.editor [role="alert"]'), 'the failure');
      expect(await patches()).to.be.at.least(before + 2 + 4);
      const alert = article().querySelector('.editor [role="alert"]')!.textContent!;
      expect(alert).to.contain('Your changes were not saved; they are still here.');
      expect(alert.length).to.be.greaterThan('Your changes were not saved; they are still here.'.length + 5);
      expect(textarea(article()).value).to.equal('Thanks for the careful review, sent twice');
      const kept = Object.keys(localStorage).filter((key) => key.endsWith(`:edit:${kudos.id}`));
      expect(kept, 'the changes kept for a reload too').to.have.length(1);
      await resetServer();
      article().querySelector<HTMLButtonElement>('.editor .send')!.click();
      await until(() => !article().querySelector('.editor'), 'saved at last');
      expect(article().querySelector('.message')!.textContent).to.equal('Thanks for the careful review, sent twice');
    });

    it('brings unsaved changes back after a reload ("Continue editing…"), and forgets them with the kudos', async () => {
      const first = await feedWithOwn('Thanks for hosting the retro');
      /** The page again: a new feed of the same kudos, its article once its buttons are there. */
      const reload = async (before: PeerKudosFeed) => {
        before.remove();
        const el = await fixture<PeerKudosFeed>(
          html`<peer-kudos-feed person="u0084" page-size="10" live="off"></peer-kudos-feed>`,
        );
        await loaded(el, 1);
        const article = () => articles(el).find((a) => a.dataset.index === '0')!;
        await until(() => article()?.querySelector('.message')?.textContent === first.kudos.message, 'the kudos');
        await until(() => !!article().querySelector('.edit'), 'Edit…');
        return { el, article };
      };
      const changeTo = async (article: () => HTMLElement, text: string) => {
        article().querySelector<HTMLButtonElement>('.edit')!.click();
        await until(() => !!article().querySelector('textarea'), 'the editor');
        type(textarea(article()), text);
      };
      await changeTo(first.article, 'Thanks for hosting the retro so well');
      const second = await reload(first.el);
      expect(second.article().querySelector('.edit')!.textContent!.trim()).to.equal('Continue editing…');
      second.article().querySelector<HTMLButtonElement>('.edit')!.click();
      await until(() => !!second.article().querySelector('textarea'), 'the editor again');
      expect(textarea(second.article()).value).to.equal('Thanks for hosting the retro so well');
      expect(second.article().querySelector('.editor [role="status"]')!.textContent).to.equal(
        'Your unsaved changes are back.',
      );
      // Cancelled: forgotten.
      second.article().querySelector<HTMLButtonElement>('.editor .cancel')!.click();
      await until(() => second.article().querySelector('.edit')?.textContent!.trim() === 'Edit…', '"Edit…" again');

      // Deleted with changes unsaved: they go with it.
      await changeTo(second.article, 'Thanks for hosting the retro, again');
      const third = await reload(second.el);
      expect(third.article().querySelector('.edit')!.textContent!.trim()).to.equal('Continue editing…');
      const kept = () => Object.keys(localStorage).filter((key) => key.endsWith(`:edit:${first.kudos.id}`));
      expect(kept()).to.have.length(1);
      third.article().querySelector<HTMLButtonElement>('.ask')!.click();
      await until(() => !!third.article().querySelector('.confirm'), 'the question');
      third.article().querySelector<HTMLButtonElement>('.confirm')!.click();
      await until(
        () => !articles(third.el).some((a) => a.textContent!.includes('Thanks for hosting the retro')),
        'gone',
      );
      expect(kept()).to.deep.equal([]);
    });

    it('forgets changes being made to kudos deleted elsewhere meanwhile', async () => {
      signIn('u0084');
      const kudos = await give('u0084', {
        recipientIds: ['u0085'],
        message: 'Deleted in another tab',
        valueIds: ['learning'],
      });
      const el = await fixture<PeerKudosFeed>(html`<peer-kudos-feed person="u0084" page-size="10"></peer-kudos-feed>`);
      await loaded(el, 1);
      await streamOpen();
      const article = () => articles(el).find((a) => a.dataset.index === '0')!;
      await until(() => !!article()?.querySelector('.edit'), 'Edit…');
      article().querySelector<HTMLButtonElement>('.edit')!.click();
      await until(() => !!article().querySelector('textarea'), 'the editor');
      type(textarea(article()), 'Deleted in another tab, or so I hear');
      const kept = () => Object.keys(localStorage).filter((key) => key.endsWith(`:edit:${kudos.id}`));
      expect(kept()).to.have.length(1);
      const deleted = await fetch(`${apiUrl}/kudos/${kudos.id}`, {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${tokenOf('u0084')}` },
      });
      expect(deleted.status).to.equal(204);
      await until(() => !$(el, '.editor'), 'the editor gone with the kudos');
      expect(kept()).to.deep.equal([]);
    });

    it('shows kudos changed elsewhere as they happen, and a feed of one value drops those that left it', async () => {
      signIn('u0001');
      const kudos = await give('u0087', {
        recipientIds: ['u0088'],
        message: 'Before the change',
        valueIds: ['learning'],
      });
      const page = await fixture<HTMLElement>(
        html`<div>
          <peer-kudos-feed page-size="5"></peer-kudos-feed
          ><peer-kudos-feed value="learning" page-size="5"></peer-kudos-feed>
        </div>`,
      );
      const [all, learning] = [...page.querySelectorAll<PeerKudosFeed>('peer-kudos-feed')];
      await loaded(all, 5);
      await loaded(learning, 5);
      await streamOpen();
      const shown = (el: PeerKudosFeed) => articles(el).find((a) => a.dataset.index === '0')!;
      expect(shown(all).querySelector('.message')!.textContent).to.equal('Before the change');
      expect(shown(learning).querySelector('.message')!.textContent).to.equal('Before the change');
      const changed = await fetch(`${apiUrl}/kudos/${kudos.id}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${tokenOf('u0087')}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ message: 'After the change', valueIds: ['courage'] }),
      });
      expect(changed.status).to.equal(200);
      await until(() => shown(all).querySelector('.message')!.textContent === 'After the change', 'the change');
      expect(shown(all).querySelector('time')!.textContent).to.contain('edited');
      await until(
        () => !articles(learning).some((a) => a.querySelector('.message')!.textContent!.includes('the change')),
        'dropped from the feed of a value it left',
      );
    });

    it('shows it changed or deleted at once in the other feeds of its backend on the page, with live="off" too', async () => {
      signIn('u0084');
      const message = `Thanks for the tyop fix ${Date.now()}`;
      await give('u0084', { recipientIds: ['u0085'], message, valueIds: ['learning'] });
      const box = await fixture<HTMLElement>(
        html`<div>
          <peer-kudos-feed id="mine" person="u0084" page-size="10" live="off"></peer-kudos-feed>
          <peer-kudos-feed id="all" page-size="10" live="off"></peer-kudos-feed>
          <peer-provider base-url=${apiUrl} .headers=${{ Authorization: `Bearer ${tokenOf('u0084')}` }}>
            <peer-kudos-feed id="elsewhere" page-size="10" live="off"></peer-kudos-feed>
          </peer-provider>
        </div>`,
      );
      const [mine, all, elsewhere] = ['mine', 'all', 'elsewhere'].map((id) =>
        box.querySelector<PeerKudosFeed>(`#${id}`)!,
      );
      const find = (el: PeerKudosFeed, text: string) =>
        articles(el).find(
          (a) =>
            (a.querySelector('.message, textarea') as HTMLElement | null)?.textContent?.startsWith(text) ||
            (a.querySelector('textarea')?.value ?? '').startsWith(text),
        );
      for (const el of [mine, all, elsewhere]) await until(() => !!find(el, message), 'the kudos in each feed');
      await until(() => !!find(mine, message)?.querySelector('.edit'), 'Edit…');
      find(mine, message)!.querySelector<HTMLButtonElement>('.edit')!.click();
      await until(() => !!find(mine, message)?.querySelector('textarea'), 'the editor');
      type(textarea(find(mine, message)!), `${message}, twice`);
      find(mine, message)!.querySelector<HTMLButtonElement>('.editor .send')!.click();
      await until(() => find(mine, `${message}, twice`) !== undefined, 'saved');
      await until(() => find(all, `${message}, twice`) !== undefined, 'the change in the other feed');
      expect(find(all, `${message}, twice`)!.querySelector('time')!.textContent).to.contain('edited');
      // A feed of another backend (other settings: perhaps someone else) is not told; the stream would.
      expect(find(elsewhere, message)!.querySelector('.message')!.textContent).to.equal(message);
      find(mine, message)!.querySelector<HTMLButtonElement>('.ask')!.click();
      await until(() => !!find(mine, message)?.querySelector('.confirm'), 'the question');
      find(mine, message)!.querySelector<HTMLButtonElement>('.confirm')!.click();
      await until(() => !find(mine, message), 'deleted');
      await until(() => !find(all, message), 'gone from the other feed');
      expect(find(elsewhere, message)).to.not.equal(undefined);
    });
  });

  it('names each reaction once to a screen reader, and on hover', async () => {
    signIn('u0001');
    const el = await fixture<PeerKudosFeed>(html`<peer-kudos-feed page-size="1" live="off"></peer-kudos-feed>`);
    await loaded(el, 1);
    const buttons = [...articles(el)[0].querySelectorAll<HTMLButtonElement>('[data-reaction]')];
    const names = ['Applause', 'Celebrate', 'Love', 'Impressive', 'Insightful', 'Thank you'];
    expect(buttons.map((b) => b.title.replace(/: \d+$/, ''))).to.deep.equal(names);
    type Node = { role: string; name?: string; description?: string; pressed?: boolean; children?: Node[] };
    const found: Node[] = [];
    const walk = (node: Node) => {
      if (node.role === 'button' && names.some((name) => node.name?.startsWith(`${name}: `))) found.push(node);
      node.children?.forEach(walk);
    };
    walk((await a11ySnapshot({})) as unknown as Node);
    // Each button's name is its title, "Love: 2", and nothing repeats it as a description.
    expect(found.map((node) => node.name)).to.deep.equal(buttons.map((b) => b.title));
    expect(found.map((node) => node.description ?? '')).to.deep.equal(buttons.map(() => ''));
  });

  it('gives kudos with the keyboard only; it shows at once and is confirmed', async () => {
    signIn('u0002');
    const el = await fixture<PeerKudosFeed>(html`<peer-kudos-feed page-size="5" live="off"></peer-kudos-feed>`);
    await loaded(el, 5);
    const sent: Kudos[] = [];
    el.addEventListener('peer-kudos-sent', (e) => sent.push(e.detail.kudos));
    $(el, '.give')!.focus();
    await sendKeys({ press: 'Enter' });
    const composer = () => $(el, 'peer-kudos-composer')!;
    await until(() => !!composer()?.shadowRoot?.querySelector('peer-people-picker'), 'the composer');
    await until(() => deepActive()?.getAttribute('role') === 'combobox', 'focus in the people picker');
    await sendKeys({ type: 'Priya' });
    const picker = composer().shadowRoot!.querySelector('peer-people-picker')!;
    await until(() => (picker.shadowRoot!.querySelectorAll('[role="option"]').length ?? 0) > 0, 'suggestions');
    const input = picker.shadowRoot!.querySelector('input')!;
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    expect(input.getAttribute('aria-activedescendant')).to.equal('listbox-0');
    const chosenName = picker.shadowRoot!.querySelector('#listbox-0 .option-name')!.textContent;
    await sendKeys({ press: 'Enter' });
    await until(() => picker.selected.length === 1, 'a recipient');
    expect(picker.selected[0].name).to.equal(chosenName);
    await sendKeys({ press: 'Tab' });
    const message = `Thanks for the review, keyboard test ${Date.now()}`;
    await sendKeys({ type: message });
    await sendKeys({ press: 'Tab' });
    await until(() => (deepActive() as HTMLInputElement | null)?.name === 'value', 'a value checkbox');
    await sendKeys({ press: 'Space' });
    for (let i = 0; i < 7; i++) await sendKeys({ press: 'Tab' });
    expect(deepActive()?.getAttribute('part')).to.equal('send-button');
    await sendKeys({ press: 'Enter' });
    await until(() => articles(el)[0]?.querySelector('.message')?.textContent === message, 'the kudos at the top');
    await until(() => sent.length === 1, 'peer-kudos-sent');
    await until(() => !articles(el)[0].classList.contains('pending'), 'the confirmation');
    expect(sent[0].message).to.equal(message);
    const stored = (await api<{ items: Kudos[] }>('/kudos?limit=1&person=u0002', 'u0002')).items[0];
    expect(stored.id).to.equal(sent[0].id);
    expect(stored.recipients[0].name).to.equal(chosenName);
    expect(stored.values.length).to.equal(1);
  });

  it('suggests people after @ in the message; a chosen mention is stored as that person', async () => {
    localStorage.clear();
    signIn('u0011');
    const { el, composer } = await feedWithComposer(3);
    const picker = composer.shadowRoot!.querySelector('peer-people-picker')!;
    picker.selected = [await api<Person>('/people/u0012', 'u0011')];
    const area = composer.shadowRoot!.querySelector('textarea')!;
    const options = () => [...composer.shadowRoot!.querySelectorAll('#mentions [role="option"]')];
    area.focus();
    await sendKeys({ type: 'Great pairing with @Priy' });
    await until(() => options().length > 0, 'people to mention');
    expect(area.getAttribute('aria-activedescendant')).to.equal('mentions-0');
    expect(composer.shadowRoot!.querySelector('#mention-status')!.textContent).to.match(/found/);
    await expect(composer).to.be.accessible();
    const chosen = options()[0].querySelector('.option-name')!.textContent!;
    await sendKeys({ press: 'Enter' });
    expect(area.value).to.equal(`Great pairing with @${chosen} `);
    expect(options()).to.have.length(0);
    expect(deepActive() === area, 'focus stays in the text').to.be.true;
    // Escape closes the suggestions only; the composer and the text stay.
    await sendKeys({ type: 'and @Priy' });
    await until(() => options().length > 0, 'suggestions again');
    await sendKeys({ press: 'Escape' });
    await until(() => options().length === 0, 'the list closed');
    expect($(el, 'peer-kudos-composer')).to.equal(composer);
    expect(area.value).to.equal(`Great pairing with @${chosen} and @Priy`);
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'everyone!' });
    composer.shadowRoot!.querySelector<HTMLInputElement>('input[name="value"]')!.click();
    // Ctrl+Enter in the message sends, as in most message boxes.
    expect(area.getAttribute('aria-keyshortcuts')).to.equal('Control+Enter Meta+Enter');
    area.focus();
    await ctrlEnter();
    await until(() => (articles(el)[0]?.textContent ?? '').includes('everyone!'), 'the kudos at the top');
    await until(() => !articles(el)[0].classList.contains('pending'), 'the confirmation');
    const stored = (await api<{ items: Kudos[] }>('/kudos?limit=1&person=u0012', 'u0011')).items[0];
    expect(stored.mentions.map((p) => p.name)).to.deep.equal([chosen]);
    expect(stored.message).to.equal(`Great pairing with @{${stored.mentions[0].id}} and everyone!`);
    expect(articles(el)[0].querySelector('.mention')!.textContent).to.equal(`@${chosen}`);
  });

  it('lists up to eight people to mention, all in view and reachable with the arrows', async () => {
    signIn('u0013');
    const { composer } = await feedWithComposer(2);
    const area = composer.shadowRoot!.querySelector('textarea')!;
    const options = () => [...composer.shadowRoot!.querySelectorAll('#mentions [role="option"]')];
    area.focus();
    await sendKeys({ type: '@a' });
    await until(() => options().length === 8, 'eight people');
    const list = composer.shadowRoot!.querySelector<HTMLElement>('#mentions')!;
    expect(list.scrollHeight).to.equal(list.clientHeight, 'the list does not scroll on its own');
    await expect(composer).to.be.accessible();
    await sendKeys({ press: 'ArrowUp' });
    expect(area.getAttribute('aria-activedescendant')).to.equal('mentions-7');
    expect(options()[7].getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    expect(area.getAttribute('aria-activedescendant')).to.equal('mentions-0');
  });

  it('says under the message when people to mention cannot be searched, or none is found', async () => {
    signIn('u0014');
    const { composer } = await feedWithComposer(2);
    const area = composer.shadowRoot!.querySelector('textarea')!;
    const status = composer.shadowRoot!.querySelector<HTMLElement>('#mention-status')!;
    // The search fails as a dropped network does, in the browser: a connection the server drops may be
    // retried by the browser on its own, so that faults at the server run out.
    await executeServerCommand('block-urls', { urls: [`${apiUrl}/people?q=*`] });
    try {
      area.focus();
      await sendKeys({ type: 'Thanks @Zed' });
      await until(() => (status.textContent ?? '').includes('could not be reached'), 'the failure');
      expect(status.getBoundingClientRect().height, 'shown, not only announced').to.be.greaterThan(4);
      expect(area.getAttribute('aria-describedby')).to.contain('mention-status');
      await expect(composer).to.be.accessible();
    } finally {
      await executeServerCommand('block-urls', { urls: [] });
    }
    // Down searches again.
    await sendKeys({ press: 'ArrowDown' });
    await until(() => (status.textContent ?? '').includes('No one found.'), 'no one found after Down');
    expect(area.value).to.equal('Thanks @Zed');
    await sendKeys({ type: 'x' });
    await until(() => (status.textContent ?? '').includes('No one found.'), 'no one found');
    expect(area.value).to.equal('Thanks @Zedx');
    // With nothing to choose, the arrows move the caret as in any text, and leaving the mention ends its search.
    await sendKeys({ press: 'ArrowUp' });
    expect(area.selectionStart).to.equal(0);
    await until(() => (status.textContent ?? '') === '', 'the search closed');
  });

  it('keeps the text when sending fails, and a retried send is stored once', async () => {
    signIn('u0003', { timeout: 400 });
    const { el, composer } = await feedWithComposer(3);
    const picker = composer.shadowRoot!.querySelector('peer-people-picker')!;
    picker.selected = [(await api<{ items: Kudos[] }>('/kudos?limit=1')).items[0].recipients[0]].filter(
      (p) => p.id !== 'u0003',
    );
    if (picker.selected.length === 0)
      picker.selected = [(await api<{ name: string; id: string }>('/people/u0004')) as never];
    const message = `Thank you for covering my shift ${Date.now()}`;
    const textarea = composer.shadowRoot!.querySelector('textarea')!;
    textarea.value = message;
    textarea.dispatchEvent(new Event('input'));
    composer.shadowRoot!.querySelector<HTMLInputElement>('input[name="value"]')!.click();
    const before = articles(el).length;

    // Every attempt fails: the kudos is rolled back, the text stays.
    await injectFault({ method: 'POST', path: '/api/kudos', status: 503, times: 4 });
    composer.shadowRoot!.querySelector<HTMLButtonElement>('[part~="send-button"]')!.click();
    await until(() => composer.shadowRoot!.querySelector('.status.failed') !== null, 'the failure');
    expect(composer.shadowRoot!.querySelector('.status')!.textContent).to.contain('Your text is kept');
    expect(textarea.value).to.equal(message);
    expect(articles(el).length).to.equal(before);

    // The server is slow: the first attempt times out in the browser but is stored; the retry replays it.
    await resetServer();
    await injectFault({ method: 'POST', path: '/api/kudos', delayMs: 700, times: 1 });
    composer.shadowRoot!.querySelector<HTMLButtonElement>('[part~="send-button"]')!.click();
    await until(
      () =>
        articles(el)[0]?.querySelector('.message')?.textContent === message &&
        !articles(el)[0].classList.contains('pending'),
      'the confirmed kudos',
    );
    await new Promise((r) => setTimeout(r, 900));
    const posts = (await serverRequests('/api/kudos')).filter((r) => r.method === 'POST');
    expect(posts.length).to.equal(2);
    const mine = (await api<{ items: Kudos[] }>('/kudos?limit=20&person=u0003', 'u0003')).items;
    expect(mine.filter((k) => k.message === message).length).to.equal(1);
  });

  it('validates the composer inline and moves focus to the first problem', async () => {
    signIn('u0001');
    const { el, composer } = await feedWithComposer(2);
    composer.shadowRoot!.querySelector<HTMLButtonElement>('[part~="send-button"]')!.click();
    await until(() => deepActive()?.getAttribute('role') === 'combobox', 'focus on the people picker');
    const picker = composer.shadowRoot!.querySelector('peer-people-picker')!;
    expect(picker.shadowRoot!.querySelector('input')!.getAttribute('aria-invalid')).to.equal('true');
    expect(picker.shadowRoot!.querySelector('#error')!.textContent).to.contain('at least one colleague');
    expect(composer.shadowRoot!.querySelector('#message-error')!.textContent).to.contain('at least 3');
    expect(composer.shadowRoot!.querySelector('#values-error')!.textContent).to.contain('at least one value');
    expect(composer.shadowRoot!.querySelector('textarea')!.getAttribute('aria-describedby')).to.contain(
      'message-error',
    );
    const requests = await serverRequests('/api/kudos');
    expect(requests.filter((r) => r.method === 'POST').length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('shows live kudos behind a button, announced, without moving what is read', async () => {
    signIn('u0001');
    const el = await fixture<PeerKudosFeed>(html`<peer-kudos-feed page-size="5"></peer-kudos-feed>`);
    await loaded(el, 5);
    await streamOpen();
    const firstBefore = articles(el)[0].querySelector('.message')!.textContent;
    const message = `Live thanks ${Date.now()}`;
    await give('u0050', { recipientIds: ['u0051'], message, valueIds: ['together'] });
    await until(() => !!$(el, '[part~="new-button"]'), 'the new-kudos button');
    expect($(el, '[part~="new-button"]')!.textContent!.trim()).to.equal('Show 1 new kudos');
    expect($(el, '[aria-live="polite"]')!.textContent).to.equal('1 new kudos arrived.');
    expect(articles(el)[0].querySelector('.message')!.textContent).to.equal(firstBefore);
    $(el, '[part~="new-button"]')!.click();
    await until(() => articles(el)[0].querySelector('.message')!.textContent === message, 'the new kudos on top');
    await until(() => deepActive() === articles(el)[0], 'focus on the new kudos');
    expect(articles(el).length).to.equal(6);
  });

  it('follows new kudos from before its first page is asked for: none given meanwhile is missed', async () => {
    signIn('u0001');
    // The first page is slow: the server takes it up a second and a half after it is asked for.
    await injectFault({ method: 'GET', path: '/api/kudos?', delayMs: 1500 });
    const el = await fixture<PeerKudosFeed>(html`<peer-kudos-feed page-size="5" composer="none"></peer-kudos-feed>`);
    await streamOpen();
    expect(articles(el).length, 'the first page still on its way').to.equal(0);
    const message = `Given while the feed loaded ${Date.now()}`;
    await give('u0056', { recipientIds: ['u0057'], message, valueIds: ['together'] });
    await until(() => !!$(el, '[part~="new-button"]'), 'the kudos from the stream');
    expect(articles(el).length, 'still loading').to.equal(0);
    expect($(el, '[aria-live="polite"]')!.textContent, 'not announced: the page may bring it').to.equal('');
    // The page, taken up after it was given, brings it: shown once, not also as new.
    await loaded(el, 5);
    const shown = articles(el).filter((a) => a.querySelector('.message')!.textContent === message);
    expect(shown.length).to.equal(1);
    expect($(el, '[part~="new-button"]')).to.equal(null);
    expect($(el, '[aria-live="polite"]')!.textContent).to.equal('');
  });

  it('stops following when its first page fails, and follows again once "Try again" loads it', async () => {
    signIn('u0001', { retries: 0 });
    await injectFault({ method: 'GET', path: '/api/kudos?', status: 500 });
    const el = await fixture<PeerKudosFeed>(html`<peer-kudos-feed page-size="3" composer="none"></peer-kudos-feed>`);
    await until(() => !!$(el, '[part~="error"]'), 'the error');
    await eventually(async () => (await openStreams()) === 0, 'no stream beside the error');
    await give('u0058', { recipientIds: ['u0059'], message: `Beside an error ${Date.now()}`, valueIds: ['together'] });
    await new Promise((r) => setTimeout(r, 300));
    expect($(el, '[part~="new-button"]'), 'nothing new above the error').to.equal(null);
    $(el, '[part~="retry-button"]')!.click();
    await loaded(el, 3);
    await streamOpen();
  });

  it('reconnects after the stream drops and delivers what was missed', async () => {
    signIn('u0001');
    const el = await fixture<PeerKudosFeed>(html`<peer-kudos-feed page-size="3"></peer-kudos-feed>`);
    await loaded(el, 3);
    await streamOpen();
    const dropped = (await (await fetch(`${serverOrigin}/__test/streams`, { method: 'DELETE' })).json()) as {
      closed: number;
    };
    expect(dropped.closed).to.be.greaterThan(0);
    // Given while the feed is disconnected: only a resume with Last-Event-ID can bring it.
    const message = `Missed while away ${Date.now()}`;
    await give('u0052', { recipientIds: ['u0053'], message, valueIds: ['learning'] });
    await until(() => !!$(el, '[part~="new-button"]'), 'the missed kudos', 15_000);
    $(el, '[part~="new-button"]')!.click();
    await until(() => articles(el)[0].querySelector('.message')!.textContent === message, 'the missed kudos on top');
    const streams = (await serverRequests('/api/kudos/stream')).length;
    expect(streams).to.be.greaterThan(1);
  });

  it('says when live updates stop for good, and why, keeping what it shows; "Try again" follows again', async () => {
    signIn('u0001');
    const el = await fixture<PeerKudosFeed>(html`<peer-kudos-feed page-size="3"></peer-kudos-feed>`);
    await loaded(el, 3);
    await streamOpen();
    // Signed out meanwhile: the stream drops, and its reconnection is refused.
    await injectFault({ method: 'GET', path: '/api/kudos/stream', status: 401, times: 1 });
    await fetch(`${serverOrigin}/__test/streams`, { method: 'DELETE' });
    await until(() => !!$(el, '[part~="error"]'), 'the notice');
    expect(shownText($(el, '[part~="error"]')))
      .to.contain('Live updates stopped.')
      .and.to.contain('Please sign in again.');
    expect(articles(el).length, 'what was shown stays').to.equal(3);
    expect($(el, '[part~="error"]')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    expect(await openStreams()).to.equal(0);
    $(el, '[part~="retry-button"]')!.click();
    await loaded(el, 3);
    await streamOpen();
    expect($(el, '[part~="error"]')).to.equal(null);
  });

  it('shares one live stream among all its feeds on a page, each shown only its own new kudos', async () => {
    signIn('u0001');
    // Two people of one team thank one of another; two of a third team thank each other.
    const people = (await api<{ items: Person[] }>('/people?limit=100')).items.filter((p) => p.id >= 'u0040');
    const [giver, recipient, giver2, recipient2] = (() => {
      const g = people[0];
      const r = people.find((p) => p.department.id !== g.department.id)!;
      const third = people.filter((p) => p.department.id !== g.department.id && p.department.id !== r.department.id);
      const g2 = third[0];
      return [g, r, g2, third.find((p) => p !== g2 && p.department.id === g2.department.id)!];
    })();
    expect(recipient2, 'two people of a third team').to.not.equal(undefined);
    // Seven feeds: over HTTP/1.1 a stream each would take all six connections to the server.
    const filters = [
      {},
      { team: giver.department.id },
      { team: giver2.department.id },
      { person: recipient.id },
      { value: 'courage' },
      { team: giver.department.id, value: 'together' },
      { person: giver2.id, value: 'together' },
    ];
    const page = await fixture(
      html`<div>
        ${filters.map(
          (f) =>
            html`<peer-kudos-feed
              team=${f.team ?? ''}
              person=${f.person ?? ''}
              value=${f.value ?? ''}
              page-size="2"
              composer="none"
            ></peer-kudos-feed>`,
        )}
      </div>`,
    );
    const feeds = [...page.querySelectorAll<PeerKudosFeed>('peer-kudos-feed')];
    for (const feed of feeds) await loaded(feed);
    await streamOpen();
    await eventually(async () => (await openStreams()) === 1, 'one stream for the seven feeds');

    const stamp = Date.now();
    await give(giver.id, { recipientIds: [recipient.id], message: `Brave, ${stamp}`, valueIds: ['courage'] });
    await give(giver2.id, { recipientIds: [recipient2.id], message: `Together, ${stamp}`, valueIds: ['together'] });
    const news = (feed: PeerKudosFeed) => $(feed, '[part~="new-button"]')?.textContent?.trim() ?? '';
    // One stream brings both in order: once the first feed has both, every feed has what it gets.
    await until(() => news(feeds[0]) === 'Show 2 new kudos', 'both in the feed of everything');
    expect(feeds.map(news)).to.deep.equal([
      'Show 2 new kudos',
      'Show 1 new kudos',
      'Show 1 new kudos',
      'Show 1 new kudos',
      'Show 1 new kudos',
      '',
      'Show 1 new kudos',
    ]);
    expect(await openStreams()).to.equal(1);

    // With one feed left, the stream asks the server for its team alone, and nothing is missed.
    feeds.slice(0, 2).forEach((feed) => feed.remove());
    feeds.slice(3).forEach((feed) => feed.remove());
    const team = `team=${encodeURIComponent(giver2.department.id)}`;
    await eventually(
      async () => (await serverRequests('/api/kudos/stream')).at(-1)?.search === `?${team}`,
      'a stream of the one team',
    );
    await give(recipient2.id, { recipientIds: [giver2.id], message: `Back, ${stamp}`, valueIds: ['learning'] });
    await until(() => news(feeds[2]) === 'Show 2 new kudos', 'the next kudos of the team');
    expect(await openStreams()).to.equal(1);
  });

  it('shares one backend, and so one live stream, among providers of the same settings on a page', async () => {
    // Headers from configure(): the same for every provider without its own.
    signIn('u0001');
    const page = await fixture(
      html`<div>
        <peer-provider base-url=${apiUrl}
          ><peer-kudos-feed page-size="2" composer="none"></peer-kudos-feed
        ></peer-provider>
        <peer-provider base-url=${apiUrl}
          ><peer-kudos-feed value="courage" page-size="2" composer="none"></peer-kudos-feed
        ></peer-provider>
      </div>`,
    );
    const [first, second] = page.querySelectorAll<PeerProvider>('peer-provider');
    expect(first.value === second.value, 'one backend').to.equal(true);
    const feeds = [...page.querySelectorAll<PeerKudosFeed>('peer-kudos-feed')];
    for (const feed of feeds) await loaded(feed, 2);
    await streamOpen();
    await eventually(async () => (await openStreams()) === 1, 'one stream for both');
    expect((await serverRequests('/api/me')).length, 'who reads, asked once').to.equal(1);

    // Other settings, another backend; and once those providers are gone, the same settings start afresh.
    const other = await fixture<PeerProvider>(
      html`<peer-provider
        base-url=${apiUrl}
        .headers=${{ Authorization: `Bearer ${tokenOf('u0002')}` }}
      ></peer-provider>`,
    );
    expect(other.value === first.value, 'another person, another backend').to.equal(false);
    page.remove();
    const later = await fixture<PeerProvider>(html`<peer-provider base-url=${apiUrl}></peer-provider>`);
    expect(later.value === first.value, 'a backend of its own').to.equal(false);
  });

  describe('behind another tab', () => {
    // A hidden page draws no frames: wait with timers, not `until` (which waits for frames).
    afterEach(() => executeServerCommand('cover-page', { covered: false }));

    it('closes its live stream while hidden, and catches up from its last event when shown', async () => {
      signIn('u0001');
      const el = await fixture<PeerKudosFeed>(html`<peer-kudos-feed page-size="3"></peer-kudos-feed>`);
      await loaded(el, 3);
      await streamOpen();
      await executeServerCommand('cover-page', { covered: true });
      expect(document.visibilityState).to.equal('hidden');
      await eventually(async () => (await openStreams()) === 0, 'the stream to close');
      const message = `Given while the tab was hidden ${Date.now()}`;
      await give('u0054', { recipientIds: ['u0055'], message, valueIds: ['together'] });
      await new Promise((r) => setTimeout(r, 300));
      expect(!!$(el, '[part~="new-button"]'), 'nothing arrives while hidden').to.be.false;
      expect(await openStreams()).to.equal(0);

      await executeServerCommand('cover-page', { covered: false });
      expect(document.visibilityState).to.equal('visible');
      await until(() => !!$(el, '[part~="new-button"]'), 'the kudos given meanwhile');
      $(el, '[part~="new-button"]')!.click();
      await until(() => articles(el)[0].querySelector('.message')!.textContent === message, 'it on top');
      expect(await openStreams()).to.equal(1);
    });

    it('opens no stream while it starts hidden, and one once shown', async () => {
      signIn('u0001');
      await executeServerCommand('cover-page', { covered: true });
      const el = await fixture<PeerKudosFeed>(html`<peer-kudos-feed page-size="3"></peer-kudos-feed>`);
      await eventually(async () => articles(el).length === 3, 'the first page');
      await new Promise((r) => setTimeout(r, 500));
      expect(await openStreams()).to.equal(0);
      await executeServerCommand('cover-page', { covered: false });
      await streamOpen();
    });
  });

  it('renders every hostile string as text, and posts through the server stay text', async () => {
    signIn('u0001');
    const strings = (await (await fetch('/__shared/blns.json')).json()) as string[];
    const template = (await api<{ items: Kudos[] }>('/kudos?limit=1')).items[0];
    const el = await fixture<PeerKudosFeed>(html`<peer-kudos-feed virtual-threshold="100000"></peer-kudos-feed>`);
    el.kudos = strings.map((s, i) => kudosLike(template, `h${i}`, s, s || 'x'));
    await el.updateComplete;
    expect(articles(el).length).to.equal(strings.length);
    const allowed = new Set([
      'section',
      'header',
      'h2',
      'button',
      'p',
      'div',
      'article',
      'img',
      'span',
      'time',
      'ul',
      'li',
      'bdi',
    ]);
    const unexpected = $$(el, '*').filter((node) => !allowed.has(node.localName));
    expect(unexpected.map((n) => n.localName)).to.deep.equal([]);
    articles(el).forEach((article, i) => {
      if (article.querySelector('.message')!.textContent !== strings[i]) throw new Error(`string ${i} changed`);
      if (!article.querySelector('.kudos-title')!.textContent!.includes(strings[i] || 'x'))
        throw new Error(`name ${i} changed`);
    });

    const hostile = strings.filter((s) => s.trim().length >= 3 && s.length < 1000 && /[<>"'&]/.test(s)).slice(0, 8);
    for (const message of hostile) await give('u0061', { recipientIds: ['u0062'], message, valueIds: ['courage'] });
    const fromServer = await fixture<PeerKudosFeed>(
      html`<peer-kudos-feed person="u0061" page-size="8" live="off"></peer-kudos-feed>`,
    );
    await loaded(fromServer, hostile.length);
    const shown = articles(fromServer).map((a) => a.querySelector('.message')!.textContent);
    expect(shown.slice().reverse()).to.deep.equal(hostile.map((s) => s.trim()));
    expect($$(fromServer, 'script, iframe, object, embed, svg, a').length).to.equal(0);
  });

  it('renders only what is visible of 10,000 kudos, with positions and set size intact', async () => {
    signIn('u0001');
    const template = (await api<{ items: Kudos[] }>('/kudos?limit=1')).items[0];
    const el = await fixture<PeerKudosFeed>(html`<peer-kudos-feed live="off"></peer-kudos-feed>`);
    el.kudos = Array.from({ length: 10_000 }, (_, i) => kudosLike(template, `v${i}`, `Message number ${i + 1}`));
    await el.updateComplete;
    await until(() => articles(el).length > 0, 'articles');
    expect(articles(el).length).to.be.lessThan(60);
    expect(articles(el)[0].getAttribute('aria-posinset')).to.equal('1');
    expect(articles(el).every((a) => a.getAttribute('aria-setsize') === '10000')).to.be.true;
    const scroller = $(el, '.scroller')!;
    scroller.scrollTop = scroller.scrollHeight / 2;
    await until(
      () => articles(el).some((a) => Math.abs(Number(a.getAttribute('aria-posinset')) - 5000) < 300),
      'the middle',
    );
    expect(articles(el).length).to.be.lessThan(60);
    const article = articles(el).find((a) => Number(a.getAttribute('aria-posinset')) > 4900)!;
    const position = Number(article.getAttribute('aria-posinset'));
    expect(article.querySelector('.message')!.textContent).to.equal(`Message number ${position}`);
    // Page Down walks past what was rendered.
    article.focus();
    const last = Math.max(...articles(el).map((a) => Number(a.getAttribute('aria-posinset'))));
    for (let i = position; i <= last; i++) await sendKeys({ press: 'PageDown' });
    await until(() => deepActive()?.getAttribute('aria-posinset') === String(last + 1), 'the next unrendered article');
    expect(deepActive()!.querySelector('.message')!.textContent).to.equal(`Message number ${last + 1}`);
  });

  it('has the code of a long feed before it passes its threshold, so that it never goes blank as it grows', async () => {
    signIn('u0001');
    const el = await fixture<PeerKudosFeed>(
      html`<peer-kudos-feed live="off" page-size="5" virtual-threshold="8"></peer-kudos-feed>`,
    );
    await loaded(el, 5);
    await el.loadMore();
    await el.updateComplete;
    // Past the threshold: drawn at once by the window (as many as its estimate of the view holds),
    // from the first, at their positions in the whole feed.
    const positions = articles(el).map((a) => Number(a.getAttribute('aria-posinset')));
    expect(positions.length).to.be.at.least(5);
    expect(positions).to.deep.equal(Array.from({ length: positions.length }, (_, i) => i + 1));
  });

  it('keeps the focused article in view and in the feed, paging up and down through 10,000 of mixed heights', async () => {
    signIn('u0001');
    const template = (await api<{ items: Kudos[] }>('/kudos?limit=1')).items[0];
    const el = await fixture<PeerKudosFeed>(html`<peer-kudos-feed live="off"></peer-kudos-feed>`);
    // Heights the feed can only guess until it has drawn them: one to seven lines of text.
    const words = (i: number) =>
      `Message number ${i + 1}. ` + 'Thanks for all the help this week. '.repeat((i * 7) % 23);
    el.kudos = Array.from({ length: 10_000 }, (_, i) => kudosLike(template, `m${i}`, words(i)));
    await until(() => articles(el).length > 0, 'articles');
    const scroller = $(el, '.scroller')!;
    scroller.scrollTop = scroller.scrollHeight / 2;
    await until(() => articles(el).some((a) => Number(a.getAttribute('aria-posinset')) > 4000), 'the middle');
    let position = Number(articles(el)[2].getAttribute('aria-posinset'));
    articles(el)[2].focus();
    const faults: string[] = [];
    for (const [key, step, times] of [
      ['PageUp', -1, 25],
      ['PageDown', 1, 10],
    ] as const) {
      for (let i = 0; i < times; i++) {
        await sendKeys({ press: key });
        position += step;
        await until(() => deepActive()?.getAttribute('aria-posinset') === String(position), `article ${position}`);
        // Let the feed measure and draw what it scrolled to; focus must stay where it was put.
        for (let f = 0; f < 4; f++) await new Promise(requestAnimationFrame);
        const active = deepActive();
        if (active?.getAttribute('aria-posinset') !== String(position)) {
          faults.push(`${key} to ${position}: focus on ${active?.getAttribute('aria-posinset') ?? active?.localName}`);
          break;
        }
        const r = active.getBoundingClientRect();
        const box = scroller.getBoundingClientRect();
        if (r.top < box.top - 0.5 || r.top > box.bottom) faults.push(`${key} to ${position}: article out of view`);
        expect(active.querySelector('.message')!.textContent).to.equal(words(position - 1));
      }
    }
    expect(faults).to.deep.equal([]);
    // Scrolled away from with the wheel, the focused article keeps focus, and Page Down goes on from it.
    scroller.scrollTop += 3000;
    for (let f = 0; f < 6; f++) await new Promise(requestAnimationFrame);
    expect(deepActive()?.getAttribute('aria-posinset')).to.equal(String(position));
    await sendKeys({ press: 'PageDown' });
    await until(() => deepActive()?.getAttribute('aria-posinset') === String(position + 1), 'the next article');
  });

  it('does not jump while the reader scrolls up through 10,000 of mixed heights', async () => {
    signIn('u0001');
    const template = (await api<{ items: Kudos[] }>('/kudos?limit=1')).items[0];
    const el = await fixture<PeerKudosFeed>(html`<peer-kudos-feed live="off"></peer-kudos-feed>`);
    const words = (i: number) => `Message ${i + 1}. ` + 'Thanks for all the help this week. '.repeat((i * 5) % 19);
    el.kudos = Array.from({ length: 10_000 }, (_, i) => kudosLike(template, `s${i}`, words(i)));
    await until(() => articles(el).length > 0, 'articles');
    const scroller = $(el, '.scroller')!;
    scroller.scrollTop = scroller.scrollHeight * 0.7;
    await until(() => articles(el).some((a) => Number(a.getAttribute('aria-posinset')) > 6000), 'the place');
    const frames = async () => {
      for (let f = 0; f < 4; f++) await new Promise(requestAnimationFrame);
    };
    await frames();
    const jumps: string[] = [];
    for (let i = 0; i < 30; i++) {
      const top = scroller.getBoundingClientRect().top;
      const seen = articles(el).find((a) => a.getBoundingClientRect().bottom > top + 1)!;
      const before = seen.getBoundingClientRect().top;
      scroller.scrollTop -= 150;
      await frames();
      // What was in view moved down by what was scrolled, no more and no less (within a pixel or two).
      const moved = seen.isConnected ? seen.getBoundingClientRect().top - before : NaN;
      if (!(Math.abs(moved - 150) <= 2)) jumps.push(`step ${i}: moved ${moved}`);
    }
    expect(jumps).to.deep.equal([]);
  });

  it('wraps very long messages and names inside a 320 px feed', async () => {
    signIn('u0001');
    const template = (await api<{ items: Kudos[] }>('/kudos?limit=1')).items[0];
    const el = await fixture<PeerKudosFeed>(html`<peer-kudos-feed live="off" style="width: 320px"></peer-kudos-feed>`);
    const word = 'Unbrokenwordthatmustwrapinsidethecard'.repeat(20);
    el.kudos = [
      kudosLike(template, 'long-1', word, 'N'.repeat(200)),
      kudosLike(template, 'long-2', 'Thank you '.repeat(100).trim()),
    ];
    await el.updateComplete;
    for (const article of articles(el)) {
      expect(article.scrollWidth, 'no horizontal overflow').to.be.at.most(article.clientWidth + 1);
    }
    expect(articles(el)[0].querySelector('.message')!.textContent).to.equal(word);
    await expect(el).to.be.accessible();
  });

  it('shows a kudos from a server whose clock is ahead as just given, not as given in the future', async () => {
    signIn('u0001');
    const template = (await api<{ items: Kudos[] }>('/kudos?limit=1')).items[0];
    const el = await fixture<PeerKudosFeed>(html`<peer-kudos-feed live="off"></peer-kudos-feed>`);
    const ahead = (ms: number) => new Date(Date.now() + ms).toISOString();
    el.kudos = [
      { ...kudosLike(template, 'ahead-1', 'Given a moment ago'), createdAt: ahead(3 * 60_000) },
      { ...kudosLike(template, 'behind-1', 'Given earlier'), createdAt: ahead(-3 * 3_600_000) },
    ];
    await el.updateComplete;
    const times = articles(el).map((a) => a.querySelector('time')!.textContent!.trim());
    expect(times).to.deep.equal(['now', '3 hours ago']);
  });

  it('keeps dates and lists in the language of its words on a page in a language it has none in', async () => {
    signIn('u0001');
    const template = (await api<{ items: Kudos[] }>('/kudos?limit=1')).items[0];
    const people = (await api<{ items: Person[] }>('/people?limit=2')).items;
    const kudos = {
      ...kudosLike(template, 'lang-1', 'Merci !'),
      recipients: people,
      createdAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
    };
    const shown = async (lang: string) => {
      const page = await fixture(html`<div lang=${lang}><peer-kudos-feed live="off"></peer-kudos-feed></div>`);
      const el = page.querySelector<PeerKudosFeed>('peer-kudos-feed')!;
      el.kudos = [kudos];
      await el.updateComplete;
      const article = articles(el)[0];
      return [article.querySelector('time')!.textContent!.trim(), shownText(article.querySelector('.kudos-title'))];
    };
    // French: no words for it, so English throughout, not "il y a 3 heures" or "… et …" among English words.
    const [when, title] = await shown('fr');
    expect(when).to.equal('3 hours ago');
    expect(title).to.match(/ to .+ and /);
    // Once a page registers words in a language, its dates and lists follow.
    registerTranslation('nl', { 'kudos.feed': 'Complimenten' });
    const [nlWhen, nlTitle] = await shown('nl');
    expect(nlWhen).to.equal('3 uur geleden');
    expect(nlTitle).to.match(/ en /);
  });

  it('invites to give the first kudos when the feed is empty', async () => {
    signIn('u0001');
    // Both exist, but in the seeded history nobody in finance ever thanked u0180 or was thanked by them.
    const none = await api<{ items: Kudos[] }>('/kudos?person=u0180&team=finance&limit=1');
    expect(none.items, 'an empty filter of the seed').to.deep.equal([]);
    const el = await fixture<PeerKudosFeed>(
      html`<peer-kudos-feed person="u0180" team="finance" live="off"></peer-kudos-feed>`,
    );
    await loaded(el);
    expect($(el, '[part~="empty"]')!.textContent).to.contain('Be the first');
    await expect(el).to.be.accessible();
    $(el, '.invite')!.click();
    await until(() => deepActive()?.getAttribute('role') === 'combobox', 'focus on the people picker');
  });

  it('says which filter names nothing, instead of showing an empty feed', async () => {
    signIn('u0001');
    const el = await fixture<PeerKudosFeed>(html`<peer-kudos-feed team="desgin" live="off"></peer-kudos-feed>`);
    await loaded(el);
    expect(!!$(el, '[part~="empty"]'), 'no empty').to.equal(false);
    const error = $(el, '[part~="error"]')!;
    expect(error.textContent).to.contain('Could not load kudos');
    expect(shownText(error)).to.contain('Nothing is called "desgin" (team).');
    await expect(el).to.be.accessible();
    el.team = 'design';
    await until(() => articles(el).length > 0, 'the design team’s kudos');
    expect(!!$(el, '[part~="error"]'), 'no error').to.equal(false);

    // In the page's language, with the id the author most likely meant.
    const page = await fixture(html`<div lang="de"><peer-kudos-feed team="Design" live="off"></peer-kudos-feed></div>`);
    const german = page.querySelector<PeerKudosFeed>('peer-kudos-feed')!;
    await until(() => !!$(german, '[part~="error"]'), 'the German error');
    expect(shownText($(german, '[part~="error"]'))).to.contain('Nichts heißt „Design“ (team). Meinten Sie „design“?');
  });

  it('says where no API answered when the base URL points at something else', async () => {
    // A web server's own "not found" (no problem+json), and a page that is not JSON at all.
    const cases = [
      ['/not-the-api', `${location.origin}/not-the-api/kudos`],
      ['/test/browser/fixtures/widget-page.html?at=', `${location.origin}/test/browser/fixtures/widget-page.html`],
    ];
    for (const [baseUrl, address] of cases) {
      configure({ baseUrl, retries: 0 });
      const el = await fixture<PeerKudosFeed>(html`<peer-kudos-feed live="off"></peer-kudos-feed>`);
      await loaded(el);
      expect(shownText($(el, '[part~="error"]'))).to.contain(`No Peerkit API answered at ${address}.`);
      await expect(el).to.be.accessible();
      el.remove();
    }
  });

  it('shows an error with retry, and an offline notice', async () => {
    signIn('u0001');
    await injectFault({ path: '/api/kudos', status: 500, times: 4 });
    const el = await fixture<PeerKudosFeed>(html`<peer-kudos-feed page-size="3" live="off"></peer-kudos-feed>`);
    await loaded(el);
    expect($(el, '[part~="error"]')!.textContent).to.contain('Could not load kudos');
    await expect(el).to.be.accessible();
    $(el, '[part~="retry-button"]')!.click();
    await loaded(el, 3);
    window.dispatchEvent(new Event('offline'));
    await el.updateComplete;
    expect($(el, '[part~="notice"]')!.textContent).to.contain('offline');
    await expect(el).to.be.accessible();
    window.dispatchEvent(new Event('online'));
    await el.updateComplete;
    expect($(el, '[part~="notice"]')).to.equal(null);
  });
});
