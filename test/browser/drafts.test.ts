import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/kudos-feed/kudos-composer.js';
import '../../src/components/kudos-feed/kudos-feed.js';
import type { PeerKudosComposer } from '../../src/components/kudos-feed/kudos-composer.component.js';
import type { PeerKudosFeed } from '../../src/components/kudos-feed/kudos-feed.component.js';
import type { PeerMentorCard } from '../../src/components/mentor-card/mentor-card.component.js';
import type { PeerPeoplePicker } from '../../src/components/people-picker/people-picker.component.js';
import type { Kudos } from '../../src/contract/kudos.js';
import type { MentorProfile } from '../../src/contract/mentors.js';
import type { Person } from '../../src/contract/people.js';
import { configure } from '../../src/core/config.js';
import { restScope } from '../../src/core/rest/scope.js';
import { framed, mentorWithRoom, twoTabs, api, typeInto } from './frames.js';
import { apiUrl, injectFault, resetServer, serverRequests, tokenOf, until } from './helpers.js';

/*
 * Whatever a reader typed and has not sent comes back after a reload (a real one, in a frame: the
 * page goes away at once, as in a crash), for the person who typed it only, and goes away when
 * the server has it: the kudos composer and the mentorship request.
 */
const draftKeys = (area: string) => Object.keys(localStorage).filter((key) => key.startsWith(`peerkit:${area}-draft`));

const part = <T extends HTMLElement = HTMLElement>(root: Element | null | undefined, name: string) =>
  root?.shadowRoot?.querySelector<T>(`[part~="${name}"]`) ?? null;

describe('unsent drafts', () => {
  beforeEach(async () => {
    localStorage.clear();
    await resetServer();
  });
  after(() => configure({}));

  it('the kudos composer in a feed brings back recipients, message, values and privacy after a reload', async () => {
    const giver = 'u0061';
    const colleague = await api<Person>('/people/u0062', giver);
    const feed = await framed('peer-kudos-feed', giver, { live: 'off' });
    try {
      const give = () => part<HTMLButtonElement>(feed.element<PeerKudosFeed>(), 'give-button');
      await until(() => !!give(), 'the feed', 15_000);
      expect(give()!.textContent!.trim()).to.equal('Give kudos');
      give()!.click();
      const composer = () => part<PeerKudosComposer>(feed.element(), 'composer');
      const inside = (selector: string) => composer()?.shadowRoot?.querySelector<HTMLInputElement>(selector) ?? null;
      await until(() => !!inside('input[name="value"]'), 'the composer and its values', 15_000);
      const picker = part<PeerPeoplePicker>(composer(), 'picker')!;
      picker.selected = [colleague];
      picker.dispatchEvent(new Event('change', { bubbles: true }));
      typeInto(inside('textarea')!, 'Thanks for pairing on the migration');
      inside('input[name="value"]')!.click();
      inside('.private input')!.click();
      const valueId = inside('input[name="value"]')!.value;
      expect(draftKeys('kudos')).to.have.length(1);

      await feed.reload();
      await until(() => !!give(), 'the feed again', 15_000);
      await until(() => give()?.textContent?.trim() === 'Continue your kudos', 'the offer to continue');
      give()!.click();
      await until(() => inside('textarea')?.value === 'Thanks for pairing on the migration', 'the message', 15_000);
      await until(() => part<PeerPeoplePicker>(composer(), 'picker')?.value[0] === colleague.id, 'the recipient');
      await until(() => !!inside(`input[name="value"][value="${valueId}"]`)?.checked, 'the value');
      expect(inside('.private input')!.checked).to.equal(true);
      expect(part(composer(), 'restored')!.textContent).to.contain('Your unsent kudos from');
      expect(await feed.axeViolations(feed.element()!)).to.deep.equal([]);

      inside('[part~="send-button"]')!.click();
      await until(() => draftKeys('kudos').length === 0, 'the draft cleared once sent', 15_000);
      const posts = (await serverRequests('/api/kudos')).filter((r) => r.method === 'POST');
      expect(posts).to.have.length(1);
      const mine = await api<{ items: Kudos[] }>(`/kudos?person=${colleague.id}&limit=5`, giver);
      const sent = mine.items.find((k) => k.message === 'Thanks for pairing on the migration')!;
      expect(sent.visibility).to.equal('private');
      expect(sent.values.map((v) => v.id)).to.deep.equal([valueId]);
      await until(() => give()?.textContent?.trim() === 'Give kudos', 'nothing left to continue');
    } finally {
      feed.remove();
    }
  });

  it('two kudos feeds on one page keep a draft each, by filter', async () => {
    const giver = 'u0063';
    const page = await framed('peer-kudos-feed', giver, { live: 'off' }, { count: '2', 'attr2.team': 'eng' });
    try {
      const feeds = () => page.elements<PeerKudosFeed>();
      const give = (n: number) => part<HTMLButtonElement>(feeds()[n], 'give-button');
      const textarea = (n: number) =>
        part(feeds()[n], 'composer')?.shadowRoot?.querySelector<HTMLTextAreaElement>('textarea') ?? null;
      const open = async () => {
        for (const n of [0, 1]) {
          await until(() => !!give(n), `feed ${n + 1}`, 15_000);
          give(n)!.click();
          await until(() => !!textarea(n), `the composer of feed ${n + 1}`, 15_000);
        }
      };
      await open();
      typeInto(textarea(0)!, 'Written in the company feed');
      typeInto(textarea(1)!, 'Written in the engineering feed');
      expect(draftKeys('kudos')).to.have.length(2);

      await page.reload();
      for (const n of [0, 1]) {
        await until(() => give(n)?.textContent?.trim() === 'Continue your kudos', `the offer in feed ${n + 1}`, 15_000);
      }
      await open();
      await until(() => textarea(0)?.value === 'Written in the company feed', 'the first draft', 15_000);
      await until(() => textarea(1)?.value === 'Written in the engineering feed', 'the second draft', 15_000);
    } finally {
      page.remove();
    }
  });

  it('two tabs of one feed keep one kudos draft: each takes up what the other typed, and a send there empties it here', async () => {
    const giver = 'u0068';
    const colleague = await api<Person>('/people/u0069', giver);
    const tabs = await twoTabs('peer-kudos-feed', giver, { live: 'off' });
    try {
      const composer = (n: number) => part<PeerKudosComposer>(tabs[n].element(), 'composer');
      const textarea = (n: number) => composer(n)?.shadowRoot?.querySelector<HTMLTextAreaElement>('textarea') ?? null;
      const picker = (n: number) => part<PeerPeoplePicker>(composer(n), 'picker')!;
      for (const n of [0, 1]) {
        const give = () => part<HTMLButtonElement>(tabs[n].element(), 'give-button');
        await until(() => !!give(), `the feed in tab ${n + 1}`, 15_000);
        give()!.click();
        await until(() => !!textarea(n), `the composer in tab ${n + 1}`, 15_000);
      }
      typeInto(textarea(0)!, 'Thanks for the review');
      await until(() => textarea(1)!.value === 'Thanks for the review', 'the second tab taking up the draft', 5_000);
      // Taken up as it is typed, not brought back: no "Your unsent kudos from now is back".
      await composer(1)!.updateComplete;
      expect(part(composer(1), 'restored')).to.equal(null);
      picker(1).selected = [colleague];
      picker(1).dispatchEvent(new Event('change', { bubbles: true }));
      typeInto(textarea(1)!, 'Thanks for the review, it caught a real bug');
      await until(
        () => textarea(0)!.value === 'Thanks for the review, it caught a real bug',
        'the first tab taking it up',
        5_000,
      );
      await until(() => picker(0).value[0] === colleague.id, 'the recipient in the first tab', 5_000);
      const value = (n: number) => composer(n)!.shadowRoot!.querySelector<HTMLInputElement>('input[name="value"]')!;
      value(0).click();
      await until(() => value(1).checked, 'the value in the second tab', 5_000);

      composer(1)!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="send-button"]')!.click();
      await until(() => draftKeys('kudos').length === 0, 'the draft cleared once sent', 15_000);
      await until(() => textarea(0)!.value === '' && picker(0).value.length === 0, 'the first tab emptied', 5_000);
      const posts = (await serverRequests('/api/kudos')).filter((r) => r.method === 'POST');
      expect(posts).to.have.length(1);
    } finally {
      for (const tab of tabs) tab.remove();
    }
  });

  it("a feed's give button follows a kudos draft written and sent in another tab", async () => {
    const giver = 'u0074';
    const colleague = await api<Person>('/people/u0076', giver);
    const tabs = await twoTabs('peer-kudos-feed', giver, { live: 'off' });
    try {
      const give = (n: number) => part<HTMLButtonElement>(tabs[n].element(), 'give-button');
      const composer = () => part<PeerKudosComposer>(tabs[1].element(), 'composer');
      const inside = (selector: string) => composer()?.shadowRoot?.querySelector<HTMLInputElement>(selector) ?? null;
      for (const n of [0, 1]) await until(() => give(n)?.textContent?.trim() === 'Give kudos', `tab ${n + 1}`, 15_000);
      give(1)!.click();
      await until(() => !!inside('input[name="value"]'), 'the composer in the second tab', 15_000);
      const picker = part<PeerPeoplePicker>(composer(), 'picker')!;
      picker.selected = [colleague];
      picker.dispatchEvent(new Event('change', { bubbles: true }));
      typeInto(inside('textarea')!, 'Thanks for covering my on-call shift');
      await until(() => give(0)?.textContent?.trim() === 'Continue your kudos', 'the offer in the first tab', 5_000);

      inside('input[name="value"]')!.click();
      inside('[part~="send-button"]')!.click();
      await until(() => draftKeys('kudos').length === 0, 'sent from the second tab', 15_000);
      await until(() => give(0)?.textContent?.trim() === 'Give kudos', 'no offer left in the first tab', 5_000);
    } finally {
      for (const tab of tabs) tab.remove();
    }
  });

  it('a composer whose draft key changes takes what is typed to the new key', async () => {
    // Typed and moved before it is known who is signed in, which is when a feed's filter is set.
    await injectFault({ method: 'GET', path: '/api/me', delayMs: 1500, times: 1 });
    configure({ baseUrl: apiUrl, headers: { Authorization: `Bearer ${tokenOf('u0064')}` } });
    const el = await fixture<PeerKudosComposer>(html`<peer-kudos-composer draft-key="before"></peer-kudos-composer>`);
    await until(() => !!el.shadowRoot!.querySelector('input[name="value"]'), 'the composer');
    typeInto(el.shadowRoot!.querySelector('textarea')!, 'Carried over');
    const key = (name: string) => `peerkit:kudos-draft:v1:${restScope(apiUrl)}:${name}`;
    expect(localStorage.getItem(key('before'))).to.contain('Carried over');
    el.draftKey = 'after';
    await el.updateComplete;
    expect(localStorage.getItem(key('before'))).to.equal(null);
    expect(localStorage.getItem(key('after'))).to.contain('Carried over');
    await until(() => localStorage.getItem(key('after'))?.includes('"owner":"u0064"') === true, 'the draft owned');
    expect(localStorage.getItem(key('before'))).to.equal(null);
    el.remove();
  });

  it('shows a kudos draft only to the person who wrote it', async () => {
    const key = `peerkit:kudos-draft:v1:${restScope(apiUrl)}:composer`;
    const draft = { recipientIds: [], message: 'A note only u0071 should see', valueIds: [], isPrivate: false };
    localStorage.setItem(key, JSON.stringify({ value: draft, savedAt: Date.now(), owner: 'u0071' }));

    configure({ baseUrl: apiUrl, headers: { Authorization: `Bearer ${tokenOf('u0072')}` } });
    const other = await fixture<PeerKudosComposer>(html`<peer-kudos-composer></peer-kudos-composer>`);
    await until(() => !!other.shadowRoot!.querySelector('input[name="value"]'), 'the composer of u0072');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(other.shadowRoot!.querySelector('textarea')!.value).to.equal('');
    expect(part(other, 'restored')).to.equal(null);
    other.remove();

    const otherFeed = await fixture<PeerKudosFeed>(html`<peer-kudos-feed live="off" page-size="2"></peer-kudos-feed>`);
    await until(() => !!part(otherFeed, 'give-button'), 'the feed of u0072');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(part(otherFeed, 'give-button')!.textContent!.trim()).to.equal('Give kudos');
    otherFeed.remove();

    configure({ baseUrl: apiUrl, headers: { Authorization: `Bearer ${tokenOf('u0071')}` } });
    const ownFeed = await fixture<PeerKudosFeed>(html`<peer-kudos-feed live="off" page-size="2"></peer-kudos-feed>`);
    await until(() => part(ownFeed, 'give-button')?.textContent?.trim() === 'Continue your kudos', 'the offer');
    ownFeed.remove();
    const own = await fixture<PeerKudosComposer>(html`<peer-kudos-composer></peer-kudos-composer>`);
    await until(() => own.shadowRoot!.querySelector('textarea')?.value === draft.message, 'the draft of u0071');
  });

  it('a kudos draft typed before the signed-in person is known becomes theirs once known', async () => {
    await injectFault({ method: 'GET', path: '/api/me', delayMs: 1500, times: 1 });
    configure({ baseUrl: apiUrl, headers: { Authorization: `Bearer ${tokenOf('u0075')}` } });
    const el = await fixture<PeerKudosComposer>(html`<peer-kudos-composer id="early"></peer-kudos-composer>`);
    await until(() => !!el.shadowRoot!.querySelector('textarea'), 'the composer');
    typeInto(el.shadowRoot!.querySelector('textarea')!, 'Typed before anyone was known');
    const key = `peerkit:kudos-draft:v1:${restScope(apiUrl)}:early`;
    const saved = () =>
      JSON.parse(localStorage.getItem(key) ?? 'null') as { owner: string | null; value: { message: string } };
    expect(saved().owner).to.equal(null, 'saved before /me answered');
    await until(() => saved().owner === 'u0075', 'the owner');
    expect(saved().value.message).to.equal('Typed before anyone was known');
    el.remove();
  });

  it("a mentor's bio on their own card comes back after a reload, until it is saved", async () => {
    // A mentor no listing shows and no other test changes; the bio is put back after.
    const mentor = 'u0013';
    const before = await api<MentorProfile>(`/mentors/${mentor}`, mentor);
    const card = await framed('peer-mentor-card', mentor, { 'mentor-id': mentor });
    const settings = () => card.element()?.shadowRoot?.querySelector('peer-mentor-settings')?.shadowRoot ?? null;
    const field = () => settings()?.querySelector<HTMLTextAreaElement>('textarea') ?? null;
    const typed = '  Ask me about <b>welding</b> & safety.  ';
    try {
      await until(() => field()?.value === before.bio, 'the bio field', 15_000);
      typeInto(field()!, typed);
      expect(draftKeys('mentor-bio')).to.have.length(1);

      await card.reload();
      await until(() => !!field(), 'the bio field again', 15_000);
      expect(field()!.value).to.equal(typed);
      expect(settings()!.textContent).to.contain('Your unsaved text from');
      expect(part(card.element(), 'bio')!.textContent, 'not saved yet').to.equal(before.bio);
      expect(await card.axeViolations(card.element()!)).to.deep.equal([]);

      [...settings()!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Save')!.click();
      await until(() => part(card.element(), 'bio')?.textContent === typed.trim(), 'the saved bio on the card');
      expect(part(card.element(), 'bio')!.querySelector('b') === null, 'text stays text').to.equal(true);
      expect(field()!.value).to.equal(typed.trim());
      expect(draftKeys('mentor-bio')).to.deep.equal([]);
      expect((await api<MentorProfile>(`/mentors/${mentor}`, 'u0150')).bio).to.equal(typed.trim());
    } finally {
      card.remove();
      await api('/me/mentor-profile', mentor, { method: 'PATCH', body: JSON.stringify({ bio: before.bio }) });
    }
  });

  it('the mentorship request brings back goal and message after a reload, until it is sent', async () => {
    const mentee = 'u0081';
    const mentor = await mentorWithRoom(mentee);
    const card = await framed('peer-mentor-card', mentee, { 'mentor-id': mentor.id });
    try {
      const button = () => part<HTMLButtonElement>(card.element<PeerMentorCard>(), 'request-button');
      const dialog = () => card.element()?.shadowRoot?.querySelector<HTMLDialogElement>('dialog') ?? null;
      const field = (id: string) => dialog()?.querySelector<HTMLInputElement>(`#${id}`) ?? null;
      await until(() => !!button() && !button()!.disabled, 'the card', 15_000);
      expect(button()!.textContent!.trim()).to.equal('Request mentorship');
      button()!.click();
      await until(() => !!dialog()?.open, 'the dialog');
      typeInto(field('goal')!, 'Lead my first incident review');
      typeInto(field('message')!, 'Thursdays suit me best.');
      expect(draftKeys('mentorship')).to.have.length(1);

      await card.reload();
      await until(() => !!button() && !button()!.disabled, 'the card again', 15_000);
      expect(button()!.textContent!.trim()).to.equal('Continue your request');
      button()!.click();
      await until(() => !!dialog()?.open, 'the dialog again');
      expect(field('goal')!.value).to.equal('Lead my first incident review');
      expect(field('message')!.value).to.equal('Thursdays suit me best.');
      expect(dialog()!.querySelector('.restored')!.textContent).to.contain('Your unsent request from');
      expect(await card.axeViolations(card.element()!)).to.deep.equal([]);

      dialog()!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await until(() => !!dialog()!.querySelector('.sent'), 'sent', 15_000);
      expect(draftKeys('mentorship')).to.deep.equal([]);
      const mine = await api<{ items: { goal: string }[] }>('/me/mentorship-requests?role=mentee', mentee);
      expect(mine.items.map((r) => r.goal)).to.include('Lead my first incident review');
    } finally {
      card.remove();
    }
  });
  it("two tabs of a mentor's own card keep one unsaved bio: each takes up what the other typed, and what is saved there shows here", async () => {
    const mentor = 'u0013';
    const before = await api<MentorProfile>(`/mentors/${mentor}`, mentor);
    const tabs = await twoTabs('peer-mentor-card', mentor, { 'mentor-id': mentor });
    const settings = (n: number) =>
      tabs[n].element()?.shadowRoot?.querySelector('peer-mentor-settings')?.shadowRoot ?? null;
    const field = (n: number) => settings(n)?.querySelector('textarea') ?? null;
    try {
      for (const n of [0, 1])
        await until(() => field(n)?.value === before.bio, `the bio field in tab ${n + 1}`, 15_000);
      typeInto(field(0)!, 'Ask me about incident reviews.');
      await until(() => field(1)!.value === 'Ask me about incident reviews.', 'the second tab taking it up', 5_000);
      typeInto(field(1)!, 'Ask me about incident reviews and on-call.');
      await until(
        () => field(0)!.value === 'Ask me about incident reviews and on-call.',
        'the first tab taking it up',
        5_000,
      );
      // Back to the saved bio in one tab: the draft is gone, and the other shows the saved bio too.
      typeInto(field(0)!, before.bio);
      await until(() => field(1)!.value === before.bio, 'the saved bio in the second tab', 5_000);
      expect(draftKeys('mentor-bio')).to.deep.equal([]);

      // Saved in one tab: the other's field shows the bio as stored, not the one from before.
      typeInto(field(1)!, '  Ask me about on-call.  ');
      await until(() => field(0)!.value === '  Ask me about on-call.  ', 'the first tab taking it up', 5_000);
      const save = [...settings(1)!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Save')!;
      save.click();
      await until(() => part(tabs[1].element(), 'bio')?.textContent === 'Ask me about on-call.', 'saved', 15_000);
      await until(() => field(0)!.value === 'Ask me about on-call.', 'the first field', 5_000);
      expect(draftKeys('mentor-bio')).to.deep.equal([]);
      // The first tab's card shows what was saved too, and so it does with the availability.
      await until(
        () => part(tabs[0].element(), 'bio')?.textContent === 'Ask me about on-call.',
        'the first card',
        5_000,
      );
      const taking = (n: number) => settings(n)!.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
      expect(taking(0).checked).to.equal(before.accepting);
      taking(1).click();
      await until(() => taking(0).checked === !before.accepting, 'the availability in the first tab', 15_000);
    } finally {
      for (const tab of tabs) tab.remove();
      await api('/me/mentor-profile', mentor, {
        method: 'PATCH',
        body: JSON.stringify({ bio: before.bio, accepting: before.accepting }),
      });
    }
  });

  it("a mentor card's request button follows a draft written and sent in another tab", async () => {
    const mentee = 'u0077';
    const mentor = await mentorWithRoom(mentee);
    const tabs = await twoTabs('peer-mentor-card', mentee, { 'mentor-id': mentor.id });
    try {
      const button = (n: number) => part<HTMLButtonElement>(tabs[n].element<PeerMentorCard>(), 'request-button');
      const dialog = () => tabs[1].element()?.shadowRoot?.querySelector<HTMLDialogElement>('dialog') ?? null;
      for (const n of [0, 1]) {
        // Enabled once it is known who is signed in: a click before that does nothing.
        await until(
          () => button(n)?.textContent?.trim() === 'Request mentorship' && !button(n)!.disabled,
          `the card in tab ${n + 1}`,
          15_000,
        );
      }
      button(1)!.click();
      await until(() => !!dialog()?.open, 'the dialog in the second tab');
      typeInto(dialog()!.querySelector<HTMLInputElement>('#goal')!, 'Plan my first conference talk');
      await until(
        () => button(0)!.textContent!.trim() === 'Continue your request',
        'the offer in the first tab',
        5_000,
      );
      dialog()!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await until(() => !!dialog()!.querySelector('.sent'), 'sent from the second tab', 15_000);
      await until(
        () => button(0)!.textContent!.trim() !== 'Continue your request',
        'no offer left in the first tab',
        5_000,
      );
    } finally {
      for (const tab of tabs) tab.remove();
    }
  });

  it('two tabs of a mentor card keep one request draft: each takes up what the other typed, and a send there empties it here', async () => {
    const mentee = 'u0082';
    const mentor = await mentorWithRoom(mentee);
    const tabs = await twoTabs('peer-mentor-card', mentee, { 'mentor-id': mentor.id });
    try {
      const dialog = (n: number) => tabs[n].element()?.shadowRoot?.querySelector<HTMLDialogElement>('dialog') ?? null;
      const field = (n: number, id: string) => dialog(n)?.querySelector<HTMLInputElement>(`#${id}`) ?? null;
      for (const n of [0, 1]) {
        const button = () => part<HTMLButtonElement>(tabs[n].element<PeerMentorCard>(), 'request-button');
        await until(() => !!button() && !button()!.disabled, `the card in tab ${n + 1}`, 15_000);
        button()!.click();
        await until(() => !!dialog(n)?.open, `the dialog in tab ${n + 1}`);
      }
      typeInto(field(0, 'goal')!, 'Lead my first incident review');
      await until(
        () => field(1, 'goal')!.value === 'Lead my first incident review',
        'the goal in the second tab',
        5_000,
      );
      typeInto(field(1, 'message')!, 'Thursdays suit me best.');
      await until(
        () => field(0, 'message')!.value === 'Thursdays suit me best.',
        'the message in the first tab',
        5_000,
      );
      expect(field(0, 'goal')!.value).to.equal('Lead my first incident review');

      dialog(1)!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await until(() => !!dialog(1)!.querySelector('.sent'), 'sent from the second tab', 15_000);
      await until(
        () => field(0, 'goal')!.value === '' && field(0, 'message')!.value === '',
        'the first tab emptied',
        5_000,
      );
      const posts = (await serverRequests('/api/mentorship-requests')).filter((r) => r.method === 'POST');
      expect(posts).to.have.length(1);
    } finally {
      for (const tab of tabs) tab.remove();
    }
  });
});
