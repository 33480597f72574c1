import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/mentor-card/mentor-card.js';
import '../../src/components/mentor-matches/mentor-matches.js';
import '../../src/components/mentorships/mentorships.js';
import type { PeerMentorCard } from '../../src/components/mentor-card/mentor-card.component.js';
import type { PeerMentorMatches } from '../../src/components/mentor-matches/mentor-matches.component.js';
import { GOAL_MAX, type MentorProfile, type MentorshipRequest } from '../../src/contract/mentors.js';
import { CAPACITY_MAX } from '../../src/contract/rules.js';
import {
  apiUrl,
  deepActive,
  injectFault,
  resetServer,
  serverRequests,
  tokenOf,
  until,
  signIn,
  getAs as api,
  shiftTab,
} from './helpers.js';

const shadow = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector);

let nextMentee = 90;
/** A seeded person who has not asked anyone in this test run yet. */
const freshMentee = () => `u${String(nextMentee++).padStart(4, '0')}`;

async function openMentorFor(mentee: string): Promise<MentorProfile> {
  const { items } = await api<{ items: MentorProfile[] }>('/mentors?available=true&limit=100', mentee);
  return items.find((m) => m.id !== mentee && m.activeMentees + 1 < m.capacity)!;
}

/** A request from the mentee to the mentor, sent past the widget; the created request. */
async function askAs(mentee: string, mentorId: string, goal: string): Promise<MentorshipRequest> {
  const response = await fetch(`${apiUrl}/mentorship-requests`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tokenOf(mentee)}` },
    body: JSON.stringify({ mentorId, goal }),
  });
  expect(response.status).to.equal(201);
  return (await response.json()) as MentorshipRequest;
}

async function ready(el: PeerMentorCard) {
  await until(
    () => $(el, '[part~="request-button"], [part~="incoming"], .message, [part~="error"]') !== null,
    'the card',
  );
  // The request button waits for who is signed in; a button that stays disabled says why beside it,
  // or shows the error. (A circle's member count is a hint too, so any `.hint` would not do.)
  await until(
    () =>
      !($(el, '[part~="request-button"]') as HTMLButtonElement | null)?.disabled ||
      !!$(el, '#request-reason, [part~="error"]'),
    'me',
  );
}

/** `me` joins a circle with room (past the widget); the card of its mentor, ready, and the circle's row in it. */
async function cardInACircle(me: string) {
  signIn(me);
  const { items } = await api<{ items: MentorProfile[] }>('/mentors?limit=100', me);
  const open = (m: MentorProfile) => m.circles.find((c) => !c.joined && c.memberCount < c.capacity);
  const mentor = items.find((m) => m.id !== me && open(m))!;
  const circle = open(mentor)!;
  const joined = await fetch(`${apiUrl}/circles/${circle.id}/join`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${tokenOf(me)}` },
  });
  expect(joined.status).to.equal(200);
  const el = await fixture<PeerMentorCard>(html`<peer-mentor-card mentor-id=${mentor.id}></peer-mentor-card>`);
  await ready(el);
  const row = () =>
    [...shadow(el).querySelectorAll('[part~="circles"] li')].find(
      (li) => li.querySelector('.circle-topic')!.textContent === circle.topic,
    )!;
  return { el, circle, row };
}

describe('<peer-mentor-card>', () => {
  beforeEach(resetServer);

  it('shows the profile: expertise with levels as text, availability, response time, circles', async () => {
    signIn('u0100');
    const mentor = await openMentorFor('u0100');
    const el = await fixture<PeerMentorCard>(html`<peer-mentor-card mentor-id=${mentor.id}></peer-mentor-card>`);
    await ready(el);
    const person = $(el, 'peer-person')!;
    await until(() => person.shadowRoot?.querySelector('[part~="name"]')?.textContent === mentor.person.name, 'name');
    const expertise = [...shadow(el).querySelectorAll('[part~="expertise"] li')].map((li) =>
      li.textContent!.replace(/\s+/g, ' '),
    );
    expect(expertise).to.have.length(mentor.expertise.length);
    expect(expertise[0]).to.contain(mentor.expertise[0].skill.name);
    expect(expertise[0]).to.match(/Skilled|Advanced|Expert/);
    const free = mentor.capacity - mentor.activeMentees;
    expect($(el, '[part~="availability"]')!.textContent).to.contain(`${free} of ${mentor.capacity} places free`);
    await expect(el).to.be.accessible();
  });

  it('says "place" for a mentor with room for one, in English and German', async () => {
    signIn('u0100');
    const { items } = await api<{ items: MentorProfile[] }>('/mentors?limit=100', 'u0100');
    const single = items.find((m) => m.capacity === 1 && m.accepting && m.id !== 'u0100')!;
    const free = single.capacity - single.activeMentees;
    const page = await fixture<HTMLElement>(
      html`<div>
        <peer-mentor-card mentor-id=${single.id}></peer-mentor-card>
        <peer-mentor-card lang="de" mentor-id=${single.id}></peer-mentor-card>
      </div>`,
    );
    const [english, german] = [...page.querySelectorAll<PeerMentorCard>('peer-mentor-card')];
    await until(() => !!$(english, '[part~="availability"]') && !!$(german, '[part~="availability"]'), 'both');
    expect($(english, '[part~="availability"] .status')!.textContent).to.equal(`${free} of 1 place free`);
    expect($(german, '[part~="availability"] .status')!.textContent).to.equal(`${free} von 1 Platz frei`);
  });

  it('costs at most 2 HTTP requests for 20 cards on one page', async () => {
    signIn('u0101');
    const { items } = await api<{ items: MentorProfile[] }>('/mentors?limit=20');
    await resetServer();
    const container = await fixture<HTMLElement>(
      html`<div>
        ${items.map((m) => html`<peer-mentor-card mentor-id=${m.id} variant="compact"></peer-mentor-card>`)}
      </div>`,
    );
    const cards = [...container.querySelectorAll<PeerMentorCard>('peer-mentor-card')];
    await Promise.all(cards.map(ready));
    await until(
      () => cards.every((card) => $(card, 'peer-person')?.shadowRoot?.querySelector('[part~="name"]')),
      'every name',
    );
    const requests = await serverRequests();
    const seen = JSON.stringify(requests.map((r) => `${r.method} ${r.path}${r.search} ${r.status}`));
    expect(requests.map((r) => r.path).sort(), seen).to.deep.equal(['/api/me', '/api/mentors']);
  });

  it('completes the request flow with the keyboard only, and fires peer-mentorship-requested', async () => {
    const mentee = freshMentee();
    signIn(mentee);
    const mentor = await openMentorFor(mentee);
    const events: CustomEvent[] = [];
    const el = await fixture<PeerMentorCard>(
      html`<peer-mentor-card
        mentor-id=${mentor.id}
        @peer-mentorship-requested=${(e: CustomEvent) => events.push(e)}
      ></peer-mentor-card>`,
    );
    await ready(el);
    const button = $<HTMLButtonElement>(el, '[part~="request-button"]')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!$<HTMLDialogElement>(el, 'dialog')?.open, 'the dialog');
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    expect(deepActive()?.id).to.equal('goal');
    await expect(el).to.be.accessible();
    await sendKeys({ type: 'Learn to run workshops' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.id).to.equal('message');
    await sendKeys({ type: 'Every other week?' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.getAttribute('type')).to.equal('submit');
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, '.sent') !== null, 'the success message');
    expect($(el, '.sent')!.textContent).to.contain(mentor.person.name);
    expect(deepActive()?.classList.contains('close-sent')).to.be.true;
    expect(events).to.have.length(1);
    expect(events[0].detail.request.goal).to.equal('Learn to run workshops');
    expect(events[0].detail.request.message).to.equal('Every other week?');
    await sendKeys({ press: 'Enter' });
    await until(() => !dialog.open, 'the dialog to close');
    expect(deepActive() === button, 'focus is on button').to.be.true;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.textContent!.trim()).to.equal('Request sent');
    const posts = (await serverRequests('/api/mentorship-requests')).filter((r) => r.method === 'POST');
    expect(posts).to.have.length(1);
    // A card of the same mentor added to the page later knows the request is yours (nothing stale).
    const later = await fixture<PeerMentorCard>(html`<peer-mentor-card mentor-id=${mentor.id}></peer-mentor-card>`);
    await ready(later);
    expect($(later, '[part~="request-button"]')!.textContent!.trim()).to.equal('Request sent');
    expect($(later, '#request-reason')!.textContent).to.equal('Your request is waiting for their answer.');
  });

  it('keeps every card of a mentor and the mentorships list on one page in step, without reloading what is shown', async () => {
    const mentee = 'u0140';
    signIn(mentee);
    const mentor = await openMentorFor(mentee);
    const given = await api<MentorProfile>(`/mentors/${mentor.id}`, mentee);
    const page = await fixture<HTMLElement>(
      html`<div>
        <peer-mentor-card mentor-id=${mentor.id}></peer-mentor-card>
        <peer-mentor-card mentor-id=${mentor.id} variant="compact"></peer-mentor-card>
        <peer-mentor-card .profile=${given}></peer-mentor-card>
        <peer-mentorships></peer-mentorships>
      </div>`,
    );
    const [sender, other, fromMatches] = [...page.querySelectorAll<PeerMentorCard>('peer-mentor-card')];
    const list = page.querySelector('peer-mentorships')!;
    await Promise.all([sender, other, fromMatches].map(ready));
    await until(() => !!$(list, 'ul, [part~="empty"]'), 'the list');
    const label = (card: PeerMentorCard) => $(card, '[part~="request-button"]')?.textContent?.trim();
    // Whatever changes, a card already shown never falls back to its loading placeholder.
    let flickered = false;
    const watch = new MutationObserver(() => {
      flickered ||= [sender, other, fromMatches].some((card) => !!$(card, '[part~="skeleton"]'));
    });
    for (const card of [sender, other, fromMatches])
      watch.observe(card.shadowRoot!, { subtree: true, childList: true });

    $<HTMLButtonElement>(sender, '[part~="request-button"]')!.click();
    await until(() => !!$<HTMLDialogElement>(sender, 'dialog')?.open, 'the dialog');
    await sendKeys({ type: 'Learn to lead a retro' });
    $<HTMLButtonElement>(sender, 'button[type="submit"]')!.click();
    await until(() => !!$(sender, '.sent'), 'sent');
    $<HTMLButtonElement>(sender, '.close-sent')!.click();
    await until(() => [other, fromMatches].every((card) => label(card) === 'Request sent'), 'the other cards');
    expect($(other, '#request-reason')!.textContent).to.equal('Your request is waiting for their answer.');
    const row = () => [...list.shadowRoot!.querySelectorAll('li')].find((li) => li.textContent!.includes('retro'));
    await until(() => !!row()?.closest('[part~="waiting"]'), 'the request in the list');

    // Withdrawn in the list: every card offers a request again.
    const seen = (await serverRequests('/api/mentors')).length;
    row()!.querySelector<HTMLButtonElement>('.ask')!.click();
    await until(() => !!row()?.querySelector('.confirm'), 'asked once more');
    row()!.querySelector<HTMLButtonElement>('.confirm')!.click();
    await until(
      () => [sender, other, fromMatches].every((card) => label(card) === 'Request mentorship'),
      'offered again',
    );
    // The two cards that load their profile ask for it again in one request; the given one asks nothing.
    const asked = (await serverRequests('/api/mentors')).slice(seen).filter((r) => r.method === 'GET');
    expect(asked.map((r) => `${r.path}${r.search}`)).to.deep.equal([`/api/mentors?ids=${mentor.id}`]);
    for (const card of [sender, other, fromMatches]) {
      expect($<HTMLButtonElement>(card, '[part~="request-button"]')!.getAttribute('aria-disabled')).to.equal(null);
      expect($(card, '#request-reason')).to.equal(null);
    }
    watch.disconnect();
    expect(flickered, 'a card showed its loading placeholder again').to.equal(false);
    // And a new request can be sent from a card whose dialog said "sent" before.
    $<HTMLButtonElement>(sender, '[part~="request-button"]')!.click();
    await until(() => !!$<HTMLDialogElement>(sender, 'dialog')?.open, 'the dialog again');
    expect($<HTMLInputElement>(sender, '#goal')!.value).to.equal('');
    await expect(sender).to.be.accessible();
  });

  it("a card given its profile takes up the signed-in person's requests told by others, not someone else's, and places taken", async () => {
    const mentee = 'u0146';
    signIn(mentee);
    const mentor = await openMentorFor(mentee);
    const given = await api<MentorProfile>(`/mentors/${mentor.id}`, mentee);
    const el = await fixture<PeerMentorCard>(html`<peer-mentor-card .profile=${given}></peer-mentor-card>`);
    const button = () => $<HTMLButtonElement>(el, '[part~="request-button"]')!;
    await until(() => !!button() && !button().disabled, 'the card, knowing who is signed in');
    const told = (menteeId: string) =>
      window.dispatchEvent(
        new CustomEvent('peer-mentorship-requested', {
          detail: { request: { id: `r-${menteeId}`, mentorId: mentor.id, menteeId, state: 'pending' }, mentor: given },
        }),
      );
    // Another tab may have someone else signed in.
    told('u0147');
    await el.updateComplete;
    expect(button().textContent!.trim()).to.equal('Request mentorship');
    expect(el.profile!.yourRequest).to.equal(null);
    told(mentee);
    await el.updateComplete;
    expect(button().textContent!.trim()).to.equal('Request sent');
    expect(el.profile!.yourRequest).to.deep.equal({ id: `r-${mentee}`, state: 'pending' });
    // A request the mentor accepted elsewhere takes one of the places it shows.
    const places = el.profile!.activeMentees;
    window.dispatchEvent(
      new CustomEvent('peer-mentorship-answered', {
        detail: { request: { id: 'r-u0147', mentorId: mentor.id, menteeId: 'u0147', state: 'accepted' } },
      }),
    );
    await el.updateComplete;
    expect(el.profile!.activeMentees).to.equal(places + 1);
  });

  it('closes with Escape and returns focus to the button', async () => {
    signIn('u0102');
    const mentor = await openMentorFor('u0102');
    const el = await fixture<PeerMentorCard>(html`<peer-mentor-card mentor-id=${mentor.id}></peer-mentor-card>`);
    await ready(el);
    const button = $<HTMLButtonElement>(el, '[part~="request-button"]')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!$<HTMLDialogElement>(el, 'dialog')?.open, 'the dialog');
    await sendKeys({ press: 'Escape' });
    await until(() => !$<HTMLDialogElement>(el, 'dialog')?.open, 'the dialog to close');
    expect(deepActive() === button, 'focus is on button').to.be.true;
  });

  it('validates the goal inline, focuses it, and sends nothing', async () => {
    signIn('u0103');
    const mentor = await openMentorFor('u0103');
    const el = await fixture<PeerMentorCard>(html`<peer-mentor-card mentor-id=${mentor.id}></peer-mentor-card>`);
    await ready(el);
    $<HTMLButtonElement>(el, '[part~="request-button"]')!.click();
    await until(() => !!$<HTMLDialogElement>(el, 'dialog')?.open, 'the dialog');
    await sendKeys({ type: 'x' });
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await until(() => $(el, '#goal-error') !== null, 'the goal error');
    const goal = $<HTMLInputElement>(el, '#goal')!;
    expect(goal.getAttribute('aria-invalid')).to.equal('true');
    expect(goal.getAttribute('aria-describedby')).to.contain('goal-error');
    expect(deepActive() === goal, 'focus is on goal').to.be.true;
    expect(goal.value).to.equal('x');
    await expect(el).to.be.accessible();
    expect((await serverRequests('/api/mentorship-requests')).filter((r) => r.method === 'POST')).to.deep.equal([]);
  });

  it('keeps the typed text and says so when the network fails, then sends on retry', async () => {
    const mentee = freshMentee();
    signIn(mentee, { retries: 0 });
    const mentor = await openMentorFor(mentee);
    const el = await fixture<PeerMentorCard>(html`<peer-mentor-card mentor-id=${mentor.id}></peer-mentor-card>`);
    await ready(el);
    $<HTMLButtonElement>(el, '[part~="request-button"]')!.click();
    await until(() => !!$<HTMLDialogElement>(el, 'dialog')?.open, 'the dialog');
    await sendKeys({ type: 'Understand pricing' });
    await injectFault({ method: 'POST', path: '/api/mentorship-requests', status: 503 });
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await until(() => $(el, '.failure') !== null, 'the failure message');
    expect($(el, '.failure')!.textContent).to.contain('Your text is kept');
    expect($<HTMLInputElement>(el, '#goal')!.value).to.equal('Understand pricing');
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await until(() => $(el, '.sent') !== null, 'success on retry');
  });

  it('knows of your request waiting for an answer, and of your running mentorship, after a reload', async () => {
    const mentee = freshMentee();
    signIn(mentee);
    const mentor = await openMentorFor(mentee);
    const created = await askAs(mentee, mentor.id, 'Learn to plan releases');
    const waiting = await fixture<PeerMentorCard>(html`<peer-mentor-card mentor-id=${mentor.id}></peer-mentor-card>`);
    await ready(waiting);
    const button = $<HTMLButtonElement>(waiting, '[part~="request-button"]')!;
    expect(button.textContent!.trim()).to.equal('Request sent');
    // `ready` can see the reason before the card knows who is signed in; focusable once it does.
    await until(() => !button.disabled, 'the sent request focusable');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    const reason = $(waiting, `#${button.getAttribute('aria-describedby')}`)!;
    expect(reason.textContent).to.equal('Your request is waiting for their answer.');
    button.focus();
    await sendKeys({ press: 'Enter' });
    // Focus loads the dialog's code; once it has run and every task queued since has too, a dialog
    // that the press had asked for would be open.
    const dialogModule = '/src/components/mentor-card/request-dialog.ts';
    await import(/* @vite-ignore */ dialogModule);
    await new Promise((resolve) => setTimeout(resolve));
    await waiting.updateComplete;
    expect($<HTMLDialogElement>(waiting, 'dialog')?.open ?? false, 'no dialog').to.be.false;
    await expect(waiting).to.be.accessible();

    const accepted = await fetch(`${apiUrl}/mentorship-requests/${created.id}/accept`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokenOf(mentor.id)}` },
    });
    expect(accepted.status).to.equal(200);
    signIn(mentee); // a page loaded afresh, with nothing cached
    const yours = await fixture<PeerMentorCard>(html`<peer-mentor-card mentor-id=${mentor.id}></peer-mentor-card>`);
    await until(() => $(yours, '[part~="your-mentorship"]') !== null, 'your mentorship');
    expect($(yours, '[part~="your-mentorship"]')!.textContent).to.equal('You are their mentee.');
    expect($(yours, '[part~="request-button"]')).to.be.null;
    await expect(yours).to.be.accessible();
  });

  it('explains a duplicate request in plain words', async () => {
    const mentee = freshMentee();
    signIn(mentee);
    const mentor = await openMentorFor(mentee);
    const el = await fixture<PeerMentorCard>(html`<peer-mentor-card mentor-id=${mentor.id}></peer-mentor-card>`);
    await ready(el);
    // Sent from another tab after this card loaded.
    await askAs(mentee, mentor.id, 'Already asked');
    $<HTMLButtonElement>(el, '[part~="request-button"]')!.click();
    await until(() => !!$<HTMLDialogElement>(el, 'dialog')?.open, 'the dialog');
    await sendKeys({ type: 'Asking again' });
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await until(() => $(el, '.failure') !== null, 'the conflict message');
    expect($(el, '.failure')!.textContent).to.equal('You already have an open request or mentorship with this mentor.');
    expect($<HTMLInputElement>(el, '#goal')!.value).to.equal('Asking again');
  });

  it('says why in plain words for every 409 reason, keeping the text', async () => {
    const mentee = freshMentee();
    signIn(mentee);
    const mentor = await openMentorFor(mentee);
    const el = await fixture<PeerMentorCard>(html`<peer-mentor-card mentor-id=${mentor.id}></peer-mentor-card>`);
    await ready(el);
    $<HTMLButtonElement>(el, '[part~="request-button"]')!.click();
    await until(() => !!$<HTMLDialogElement>(el, 'dialog')?.open, 'the dialog');
    await sendKeys({ type: 'Learn from the best' });
    const reasons = [
      ['urn:peerkit:problem:mentorship-self', 'You cannot ask yourself to be your mentor.'],
      [
        'urn:peerkit:problem:mentor-not-accepting',
        'This mentor stopped taking new mentees. Try one of your other matches.',
      ],
      ['urn:peerkit:problem:mentorship-duplicate', 'You already have an open request or mentorship with this mentor.'],
      [
        'urn:peerkit:problem:mentor-full',
        'This mentor just filled their last place. Try again later or ask another mentor.',
      ],
    ];
    for (const [type, message] of reasons) {
      await injectFault({ method: 'POST', path: '/api/mentorship-requests', status: 409, type });
      $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
      await until(() => $(el, '.failure')?.textContent === message, message);
      expect($<HTMLInputElement>(el, '#goal')!.value).to.equal('Learn from the best');
      expect(deepActive() === $(el, '.failure'), 'focus moves to the message').to.be.true;
    }
    await expect(el).to.be.accessible();
  });

  it('keeps Tab inside the open dialog', async () => {
    signIn('u0108');
    const mentor = await openMentorFor('u0108');
    const el = await fixture<PeerMentorCard>(html`<peer-mentor-card mentor-id=${mentor.id}></peer-mentor-card>`);
    await ready(el);
    $<HTMLButtonElement>(el, '[part~="request-button"]')!.click();
    await until(() => !!$<HTMLDialogElement>(el, 'dialog')?.open, 'the dialog');
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    for (let i = 0; i < 8; i++) {
      await sendKeys({ press: 'Tab' });
      const active = deepActive();
      // The page outside a modal dialog is inert: focus is in the dialog, or briefly on the browser's own UI.
      expect(active === document.body || active === null || dialog.contains(active), `tab ${i}`).to.be.true;
    }
    await sendKeys({ press: 'Escape' });
  });

  it('disables the request with the reason when the mentor is not accepting or full', async () => {
    signIn('u0104');
    const { items } = await api<{ items: MentorProfile[] }>('/mentors?limit=100', 'u0104');
    const closed = items.find((m) => !m.accepting)!;
    const full = items.find((m) => m.accepting && m.activeMentees >= m.capacity)!;
    for (const [mentor, reason] of [
      [closed, 'Not taking new mentees right now.'],
      [full, 'No free places right now.'],
    ] as const) {
      const el = await fixture<PeerMentorCard>(html`<peer-mentor-card mentor-id=${mentor.id}></peer-mentor-card>`);
      await until(() => $(el, '#request-reason') !== null, 'the reason');
      const button = $<HTMLButtonElement>(el, '[part~="request-button"]')!;
      expect(button.disabled).to.be.true;
      expect(button.getAttribute('aria-describedby')).to.equal('request-reason');
      expect($(el, '#request-reason')!.textContent).to.equal(reason);
      await expect(el).to.be.accessible();
    }
  });

  it('says why the request is not possible when the signed-in person cannot be loaded, with retry', async () => {
    signIn('u0100');
    const mentor = await openMentorFor('u0100');
    await resetServer();
    await injectFault({ path: '/api/me', status: 401, times: 1 });
    const el = await fixture<PeerMentorCard>(html`<peer-mentor-card mentor-id=${mentor.id}></peer-mentor-card>`);
    await until(() => !!$(el, '[part~="error"]'), 'the sign-in error');
    const error = $(el, '[part~="error"]')!;
    expect(error.textContent).to.contain('Requests cannot be sent until we know who you are.');
    expect(error.textContent).to.contain('Please sign in again.');
    expect(($(el, '[part~="request-button"]') as HTMLButtonElement).disabled).to.be.true;
    await expect(el).to.be.accessible();
    $(el, '[part~="retry-button"]')!.click();
    await until(() => !($(el, '[part~="request-button"]') as HTMLButtonElement).disabled, 'the enabled button');
    expect($(el, '[part~="error"]')).to.equal(null);
  });

  describe('on my own card, what I set of my availability', () => {
    // A mentor no listing shows, so that no other test meets the changes; put back after each test.
    const mentor = 'u0020';
    let before: MentorProfile;
    const change = (body: object) =>
      fetch(`${apiUrl}/me/mentor-profile`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${tokenOf(mentor)}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const stored = () => api<MentorProfile>(`/mentors/${mentor}`, 'u0150');
    beforeEach(async () => {
      before = await stored();
    });
    afterEach(async () => {
      await change({ accepting: before.accepting, capacity: before.capacity, bio: before.bio });
      localStorage.clear();
    });

    async function settingsOf(el: PeerMentorCard) {
      await until(() => $(el, 'peer-mentor-settings')?.shadowRoot?.querySelector('fieldset') != null, 'the settings');
      const settings = $(el, 'peer-mentor-settings')!;
      return {
        settings,
        box: $<HTMLInputElement>(settings, 'input[type=checkbox]')!,
        select: $<HTMLSelectElement>(settings, 'select')!,
        status: () => $(settings, '[role=status]')!.textContent!.trim(),
      };
    }

    it('takes requests or not and sets how many mentees, with the keyboard; everyone sees it', async () => {
      signIn(mentor);
      const changed: MentorProfile[] = [];
      const el = await fixture<PeerMentorCard>(
        html`<peer-mentor-card
          mentor-id=${mentor}
          @peer-mentor-profile-changed=${(e: CustomEvent<{ profile: MentorProfile }>) => changed.push(e.detail.profile)}
        ></peer-mentor-card>`,
      );
      const { settings, box, select, status } = await settingsOf(el);
      expect(box.checked).to.equal(before.accepting);
      expect(select.value).to.equal(String(before.capacity));
      expect(select.options[0].value, 'never fewer places than mentees').to.equal(String(before.activeMentees));
      await expect(settings).to.be.accessible();
      // The group's name lines up with the fields under it, not 2px in as a browser draws a legend.
      const textLeft = (node: Node) => {
        const range = document.createRange();
        range.selectNodeContents(node);
        return range.getBoundingClientRect().left;
      };
      expect(textLeft($(settings, 'legend')!)).to.equal(textLeft($(settings, '.hint')!));

      box.focus();
      await sendKeys({ press: 'Space' });
      await until(() => status() === 'Saved. Everyone sees the change.', 'saved');
      expect((await stored()).accepting).to.equal(!before.accepting);
      expect($(el, '[part~="availability"]')!.textContent).to.include(
        before.accepting ? 'Not taking new mentees' : 'free',
      );

      select.focus();
      await sendKeys({ press: 'ArrowDown' });
      await until(() => changed.length === 2, 'the second change');
      expect(changed[1].capacity).to.equal(before.capacity + 1);
      expect((await stored()).capacity).to.equal(before.capacity + 1);
      expect(deepActive(), 'the keyboard stays where it was').to.equal(select);
      await expect(el).to.be.accessible();
    });

    it('follows the card into the dark and high-contrast themes, readable in each', async () => {
      signIn(mentor);
      for (const theme of ['dark', 'contrast']) {
        const el = await fixture<PeerMentorCard>(
          html`<peer-mentor-card mentor-id=${mentor} theme=${theme}></peer-mentor-card>`,
        );
        const { settings } = await settingsOf(el);
        expect(settings.getAttribute('theme')).to.equal(theme);
        await expect(el).to.be.accessible();
      }
    });

    it('keeps the bio typed while the last one was being saved, with its draft', async () => {
      signIn(mentor);
      const el = await fixture<PeerMentorCard>(html`<peer-mentor-card mentor-id=${mentor}></peer-mentor-card>`);
      const { settings, status } = await settingsOf(el);
      const field = $<HTMLTextAreaElement>(settings, 'textarea')!;
      const type = (text: string) => {
        field.value = text;
        field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      };
      await injectFault({ method: 'PATCH', path: '/api/me/mentor-profile', delayMs: 400, times: 1 });
      type('First words.');
      [...shadow(settings).querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Save')!.click();
      await until(() => status() === 'Saving…', 'saving');
      type('First words. And more.');
      await until(() => status() === 'Saved. Everyone sees the change.', 'saved');
      expect((await stored()).bio).to.equal('First words.');
      expect(field.value, 'what was typed meanwhile stays').to.equal('First words. And more.');
      const drafts = Object.keys(localStorage).filter((key) => key.startsWith('peerkit:mentor-bio-draft'));
      expect(drafts, 'and is kept as a draft').to.have.length(1);
    });

    it('says when the bio is too long, keeps it, and sends nothing', async () => {
      signIn(mentor);
      const el = await fixture<PeerMentorCard>(html`<peer-mentor-card mentor-id=${mentor}></peer-mentor-card>`);
      const { settings } = await settingsOf(el);
      const field = $<HTMLTextAreaElement>(settings, 'textarea')!;
      field.value = 'x'.repeat(2001);
      field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await until(() => $(settings, '#bio-error') !== null, 'the error');
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      expect(field.getAttribute('aria-describedby')).to.include('bio-error');
      expect($(settings, '#bio-error')!.textContent).to.contain('At most 2,000 characters');
      const save = [...shadow(settings).querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Save')!;
      save.click();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await serverRequests('/api/me/mentor-profile')).length, 'nothing sent').to.equal(0);
      expect(field.value).to.have.length(2001);
      await expect(settings).to.be.accessible();
      localStorage.clear();
    });

    it('keeps what is stored and says why when a change fails, then sends it again', async () => {
      signIn(mentor, { retries: 0 });
      const el = await fixture<PeerMentorCard>(html`<peer-mentor-card mentor-id=${mentor}></peer-mentor-card>`);
      const { settings, box, status } = await settingsOf(el);
      await injectFault({ method: 'PATCH', path: '/api/me/mentor-profile', status: 500, times: 1 });
      box.click();
      await until(() => $(settings, '[part~="error"]') !== null, 'the error');
      expect(box.checked, 'back to what is stored').to.equal(before.accepting);
      expect((await stored()).accepting).to.equal(before.accepting);
      await expect(settings).to.be.accessible();

      $<HTMLButtonElement>(settings, '[part~="retry-button"]')!.click();
      await until(() => status() === 'Saved. Everyone sees the change.', 'saved on retry');
      expect(box.checked).to.equal(!before.accepting);
      expect($(settings, '[part~="error"]') === null, 'the error is gone').to.equal(true);
      expect((await stored()).accepting).to.equal(!before.accepting);
    });

    /** A running mentorship of this mentor with someone who has not asked before. */
    async function mentorshipWith(goal: string) {
      expect((await change({ accepting: true, capacity: 50 })).status).to.equal(200);
      const asked = await fetch(`${apiUrl}/mentorship-requests`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${tokenOf(freshMentee())}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ mentorId: mentor, goal }),
      });
      expect(asked.status).to.equal(201);
      const { id } = (await asked.json()) as MentorshipRequest;
      const accepted = await fetch(`${apiUrl}/mentorship-requests/${id}/accept`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${tokenOf(mentor)}` },
      });
      expect(accepted.status).to.equal(200);
      return (await accepted.json()) as MentorshipRequest;
    }
    const stateOf = async (id: string) =>
      (await api<{ items: MentorshipRequest[] }>('/me/mentorship-requests?role=mentor', mentor)).items.find(
        (r) => r.id === id,
      )!.state;

    it('ends a mentorship with the keyboard, asking once more first; the place is free again', async () => {
      const running = await mentorshipWith('Learn to lead a retrospective');
      const places = (await stored()).activeMentees;
      signIn(mentor);
      const ended: MentorshipRequest[] = [];
      const el = await fixture<PeerMentorCard>(
        html`<peer-mentor-card
          mentor-id=${mentor}
          @peer-mentorship-ended=${(e: CustomEvent<{ request: MentorshipRequest }>) => ended.push(e.detail.request)}
        ></peer-mentor-card>`,
      );
      const { settings, select } = await settingsOf(el);
      const row = () =>
        [...shadow(settings).querySelectorAll('[part~="mentees"] li')].find(
          (li) => li.querySelector('.goal')?.textContent === running.goal,
        );
      await until(() => !!row(), 'the mentee');
      expect(row()!.querySelector('[person-id]')!.getAttribute('person-id')).to.equal(running.menteeId);
      await expect(settings).to.be.accessible();

      const ask = row()!.querySelector<HTMLButtonElement>('.ask-end')!;
      expect(ask.getAttribute('aria-describedby'), 'the goal tells the buttons apart').to.equal(
        row()!.querySelector('.goal')!.id,
      );
      ask.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => deepActive()?.classList.contains('keep') === true, 'the safe answer focused');
      expect(row()!.querySelector('[role="group"]')!.textContent).to.contain('End this mentorship?');
      await expect(settings).to.be.accessible();
      // Escape takes it back, to the button it came from; nothing is sent.
      await sendKeys({ press: 'Escape' });
      await until(() => deepActive()?.classList.contains('ask-end') === true, 'back on the button');
      expect(row()!.querySelector('[role="group"]') === null).to.equal(true);
      expect(await stateOf(running.id)).to.equal('accepted');

      await sendKeys({ press: 'Enter' });
      await until(() => deepActive()?.classList.contains('keep') === true, 'asked again');
      await shiftTab();
      expect(deepActive()!.textContent!.trim()).to.equal('End mentorship');
      await sendKeys({ press: 'Enter' });
      await until(() => !row(), 'the mentee gone from the list');
      expect(ended.map((r) => [r.id, r.state])).to.deep.equal([[running.id, 'ended']]);
      expect($(settings, '[part~="mentees"] [role="status"]')!.textContent).to.contain('has ended');
      expect(deepActive()!.id, 'the keyboard lands on the list').to.equal('mentees-heading');
      expect(await stateOf(running.id)).to.equal('ended');
      expect((await stored()).activeMentees, 'the place is free').to.equal(places - 1);
      // The capacity may now go as low as the mentees left, and the card counts the free place.
      await until(() => select.options[0]?.value === String(places - 1), 'a lower capacity offered');
      expect($(el, '[part~="availability"]')!.textContent).to.contain(`${50 - (places - 1)} of 50 places free`);
      await expect(el).to.be.accessible();
    });

    it('keeps the mentee and says why when ending fails, then ends it on retry', async () => {
      const running = await mentorshipWith('Learn to write a design review');
      signIn(mentor, { retries: 0 });
      const el = await fixture<PeerMentorCard>(html`<peer-mentor-card mentor-id=${mentor}></peer-mentor-card>`);
      const { settings } = await settingsOf(el);
      const row = () =>
        [...shadow(settings).querySelectorAll('[part~="mentees"] li')].find(
          (li) => li.querySelector('.goal')?.textContent === running.goal,
        );
      await until(() => !!row(), 'the mentee');
      await injectFault({ method: 'POST', path: `/api/mentorship-requests/${running.id}/end`, status: 503, times: 1 });
      row()!.querySelector<HTMLButtonElement>('.ask-end')!.click();
      await until(() => !!row()?.querySelector('.confirm'), 'asked');
      row()!.querySelector<HTMLButtonElement>('.confirm')!.click();
      await until(() => $(settings, '[part~="mentees"] [part~="error"]') !== null, 'the error');
      expect($(settings, '[part~="mentees"] [part~="error"]')!.textContent).to.contain('The mentorship was not ended.');
      expect(!!row(), 'the mentee stays').to.equal(true);
      expect(await stateOf(running.id)).to.equal('accepted');
      await expect(settings).to.be.accessible();

      $<HTMLButtonElement>(settings, '[part~="mentees"] [part~="retry-button"]')!.click();
      await until(() => !row(), 'ended on retry');
      expect(await stateOf(running.id)).to.equal('ended');
      expect($(settings, '[part~="mentees"] [part~="error"]') === null).to.equal(true);
    });

    it('says so when it has no mentees, and when they cannot be loaded, with retry', async () => {
      // No mentorship running: those of the demo data end (through the API).
      for (const r of (await api<{ items: MentorshipRequest[] }>('/me/mentorship-requests?role=mentor', mentor))
        .items) {
        if (r.state !== 'accepted') continue;
        const ended = await fetch(`${apiUrl}/mentorship-requests/${r.id}/end`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${tokenOf(r.menteeId)}` },
        });
        expect(ended.status).to.equal(200);
      }
      expect((await stored()).activeMentees).to.equal(0);
      signIn(mentor, { retries: 0 });
      await injectFault({ method: 'GET', path: '/api/me/mentorship-requests', status: 500, times: 2 });
      const el = await fixture<PeerMentorCard>(html`<peer-mentor-card mentor-id=${mentor}></peer-mentor-card>`);
      const { settings } = await settingsOf(el);
      await until(() => $(settings, '[part~="mentees"] [part~="error"]') !== null, 'the error');
      expect($(settings, '[part~="mentees"] [part~="error"]')!.textContent).to.contain(
        'Your mentees could not be loaded.',
      );
      await expect(settings).to.be.accessible();
      // The card's own list of requests may have shared the failed load or met the second fault: use up what is left.
      for (let n = 0; n < 2; n++) {
        const left = await fetch(`${apiUrl}/me/mentorship-requests?role=mentee`, {
          headers: { Authorization: `Bearer ${tokenOf(mentor)}` },
        });
        if (left.ok) break;
      }
      $<HTMLButtonElement>(settings, '[part~="mentees"] [part~="retry-button"]')!.click();
      await until(() => $(settings, '[part~="mentees"] [part~="error"]') === null, 'loaded on retry');
      await until(() => !$(settings, '[part~="mentees"] [aria-busy="true"]'), 'the list');
      expect($(settings, '[part~="mentees"] p.hint')!.textContent).to.equal('No mentorships are running.');
      expect(shadow(settings).querySelectorAll('[part~="mentees"] li').length).to.equal(0);
    });

    it('lists a full mentor’s 50 mentees, with hostile goals shown as text', async () => {
      const strings = (await (await fetch('/__shared/blns.json')).json()) as string[];
      const usable = strings.filter((s) => s.trim().length >= 3 && s.trim().length <= GOAL_MAX);
      const markup = usable.filter((s) => /[<>"'&]/.test(s));
      const goals = [...markup, ...usable.filter((s) => !markup.includes(s))];
      expect((await change({ accepting: true, capacity: CAPACITY_MAX })).status).to.equal(200);
      const running: MentorshipRequest[] = [];
      try {
        // People the freshMentee() range of the other tests never reaches, from the end of the list.
        for (let n = 179; n >= 100 && (await stored()).activeMentees < CAPACITY_MAX; n--) {
          const mentee = `u${String(n).padStart(4, '0')}`;
          if (mentee === mentor) continue;
          const asked = await fetch(`${apiUrl}/mentorship-requests`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${tokenOf(mentee)}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ mentorId: mentor, goal: goals[running.length] }),
          });
          if (asked.status !== 201) continue; // one who asked this mentor before
          const { id } = (await asked.json()) as MentorshipRequest;
          const accepted = await fetch(`${apiUrl}/mentorship-requests/${id}/accept`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${tokenOf(mentor)}` },
          });
          expect(accepted.status).to.equal(200);
          running.push((await accepted.json()) as MentorshipRequest);
        }
        expect((await stored()).activeMentees).to.equal(CAPACITY_MAX);

        signIn(mentor);
        const el = await fixture<PeerMentorCard>(html`<peer-mentor-card mentor-id=${mentor}></peer-mentor-card>`);
        const { settings, select } = await settingsOf(el);
        const rows = () => [...shadow(settings).querySelectorAll('[part~="mentees"] li')];
        await until(() => rows().length === CAPACITY_MAX, 'every mentee');
        const shown = new Map(rows().map((li) => [li.querySelector('[person-id]')!.getAttribute('person-id'), li]));
        for (const request of running) {
          const li = shown.get(request.menteeId);
          if (!li) throw new Error(`${request.menteeId} is missing`);
          // Each goal exactly as stored, as one text node: no markup of it became an element.
          if (li.querySelector('.goal')!.textContent !== request.goal) throw new Error(`goal of ${request.menteeId}`);
          if (li.querySelector('.goal')!.children.length) throw new Error(`markup in ${request.menteeId}`);
        }
        const allowed = new Set(['li', 'span', 'time', 'bdi', 'button', 'peer-person']);
        const unexpected = rows().flatMap((li) =>
          [...li.querySelectorAll('*')].filter((n) => !allowed.has(n.localName)),
        );
        expect(unexpected.map((n) => n.localName)).to.deep.equal([]);
        expect(
          running.some((r) => r.goal.includes('<script')),
          'script tags among the goals',
        ).to.equal(true);
        // Full: no fewer places can be chosen than the mentees there are, and the card says so.
        expect([...select.options].map((o) => o.value)).to.deep.equal([String(CAPACITY_MAX)]);
        expect($(el, '[part~="availability"]')!.textContent).to.contain(`0 of ${CAPACITY_MAX} places free`);
        await expect(settings).to.be.accessible();
      } finally {
        for (const request of running) {
          const ended = await fetch(`${apiUrl}/mentorship-requests/${request.id}/end`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${tokenOf(mentor)}` },
          });
          expect(ended.status).to.equal(200);
        }
      }
    });
  });

  it('on my own card, lists incoming requests to accept or decline', async () => {
    signIn('u0001');
    const el = await fixture<PeerMentorCard>(html`<peer-mentor-card mentor-id="u0001"></peer-mentor-card>`);
    await until(() => shadow(el).querySelectorAll('.incoming-request').length > 0, 'incoming requests');
    expect($(el, '[part~="request-button"]')).to.equal(null);
    const [first] = shadow(el).querySelectorAll('.incoming-request');
    const accept = [...first.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Accept')!;
    accept.click();
    await until(() => first.querySelector('.status')?.textContent === 'Accepted', 'the accepted state');
    await expect(el).to.be.accessible();
  });

  it('says when each request came and what its buttons answer, and keeps the keyboard in place', async () => {
    signIn('u0001');
    const asks = { u0150: 'Plan a quarterly roadmap', u0151: 'Review pull requests kindly' };
    for (const [mentee, goal] of Object.entries(asks)) {
      const asked = await fetch(`${apiUrl}/mentorship-requests`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${tokenOf(mentee)}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ mentorId: 'u0001', goal }),
      });
      expect(asked.status).to.equal(201);
    }
    const { items } = await api<{ items: MentorshipRequest[] }>('/me/mentorship-requests?role=mentor', 'u0001');
    const pending = items.filter((r) => r.state === 'pending');
    const el = await fixture<PeerMentorCard>(html`<peer-mentor-card mentor-id="u0001"></peer-mentor-card>`);
    await until(() => shadow(el).querySelectorAll('.incoming-request').length === pending.length, 'incoming requests');
    const rows = [...shadow(el).querySelectorAll<HTMLElement>('.incoming-request')];
    for (const row of rows) {
      const goal = row.querySelector('.goal')!;
      const request = pending.find((r) => goal.textContent === r.goal)!;
      const time = row.querySelector('time')!;
      expect(time.dateTime).to.equal(request.createdAt);
      expect(time.textContent!.trim()).to.match(/^now$| ago$/);
      expect(time.title).to.contain(String(new Date(request.createdAt).getFullYear()));
      // Every row has an "Accept" and a "Decline": each button names the request it answers.
      for (const button of row.querySelectorAll('button')) {
        expect(button.getAttribute('aria-describedby')!.split(' '), request.goal).to.include(goal.id);
      }
      expect(shadow(el).querySelectorAll(`[id="${goal.id}"]`).length).to.equal(1);
    }

    const mine = rows.find((row) => row.querySelector('.goal')!.textContent === 'Review pull requests kindly')!;
    const decline = [...mine.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Decline')!;
    decline.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => mine.querySelector('.status')?.textContent === 'Declined', 'the declined state');
    // The button is gone; the keyboard stays on the answer, not at the top of the page.
    await until(() => deepActive() === mine.querySelector('.status'), 'focus on the answer');
  });

  it('shows a request from a server whose clock is ahead as just made, not as made in the future', async () => {
    signIn('u0001');
    const goal = 'Estimate work with less guessing';
    const asked = await fetch(`${apiUrl}/mentorship-requests`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokenOf(freshMentee())}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ mentorId: 'u0001', goal }),
    });
    expect(asked.status).to.equal(201);
    // The reader's clock is five minutes behind the server's, which stamped the request a moment ago.
    const serverNow = Date.now;
    Date.now = () => serverNow() - 5 * 60_000;
    try {
      const el = await fixture<PeerMentorCard>(html`<peer-mentor-card mentor-id="u0001"></peer-mentor-card>`);
      const row = () =>
        [...shadow(el).querySelectorAll('.incoming-request')].find(
          (li) => li.querySelector('.goal')!.textContent === goal,
        );
      await until(() => !!row(), 'the request');
      expect(row()!.querySelector('time')!.textContent!.trim()).to.equal('now');
    } finally {
      Date.now = serverNow;
    }
  });

  it('when full, Accept stays reachable, says why it cannot be used, and sends nothing', async () => {
    signIn('u0001');
    const { items } = await api<{ items: MentorProfile[] }>('/mentors?available=true&limit=100');
    // Not u0001 or u0002, whom other tests (and other files) need with room.
    const mentor = items.filter((m) => !['u0001', 'u0002'].includes(m.id) && m.capacity - m.activeMentees <= 2).at(-1)!;
    // Requests from people who have not asked this mentor yet: one for each free place, and one more.
    const asked: MentorshipRequest[] = [];
    for (let n = 160; asked.length <= mentor.capacity - mentor.activeMentees && n < 180; n++) {
      const mentee = `u0${n}`;
      if (mentee === mentor.id) continue;
      const response = await fetch(`${apiUrl}/mentorship-requests`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${tokenOf(mentee)}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ mentorId: mentor.id, goal: `Goal of ${mentee}` }),
      });
      if (response.status === 201) asked.push((await response.json()) as MentorshipRequest);
    }
    const [waiting, ...accepted] = asked;
    for (const request of accepted) {
      const response = await fetch(`${apiUrl}/mentorship-requests/${request.id}/accept`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${tokenOf(mentor.id)}` },
      });
      expect(response.status).to.equal(200);
    }
    signIn(mentor.id);
    const el = await fixture<PeerMentorCard>(html`<peer-mentor-card mentor-id=${mentor.id}></peer-mentor-card>`);
    const row = () =>
      [...shadow(el).querySelectorAll('.incoming-request')].find(
        (li) => li.querySelector('.goal')!.textContent === waiting.goal,
      );
    await until(() => !!row(), 'the waiting request');
    const accept = [...row()!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Accept')!;
    expect(accept.getAttribute('aria-disabled')).to.equal('true');
    const reasons = accept
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => shadow(el).getElementById(id));
    expect(reasons.map((r) => r?.textContent?.trim())).to.deep.equal([
      waiting.goal,
      'You are full: end a mentorship or raise your capacity to accept.',
    ]);
    accept.focus();
    expect(deepActive() === accept, 'reachable with the keyboard').to.equal(true);
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: ' ' });
    const answers = (await serverRequests(`/api/mentorship-requests/${waiting.id}/`)).filter(
      (r) => r.method === 'POST',
    );
    expect(answers).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('answers an incoming request once, and says so when it was withdrawn meanwhile', async () => {
    signIn('u0001');
    // A second request waiting, from someone who has no open request to u0001 yet.
    let mentee = freshMentee();
    while ((await api<MentorProfile>('/mentors/u0001', mentee)).yourRequest) mentee = freshMentee();
    await askAs(mentee, 'u0001', 'Learn to plan a release');
    const { items } = await api<{ items: MentorshipRequest[] }>('/me/mentorship-requests?role=mentor', 'u0001');
    const pending = items.filter((r) => r.state === 'pending');
    expect(pending.length, 'two requests waiting').to.be.greaterThanOrEqual(2);
    const el = await fixture<PeerMentorCard>(html`<peer-mentor-card mentor-id="u0001"></peer-mentor-card>`);
    await until(() => shadow(el).querySelectorAll('.incoming-request').length === pending.length, 'incoming requests');
    const rowOf = (request: MentorshipRequest) =>
      [...shadow(el).querySelectorAll('.incoming-request')].find((li) =>
        li.querySelector('.goal')!.textContent!.includes(request.goal),
      )!;
    const pressed = (request: MentorshipRequest, label: string) =>
      [...rowOf(request).querySelectorAll('button')].find((b) => b.textContent!.trim() === label)!;

    const [first, second] = pending;
    // The mentee takes the second request back while the card still offers it.
    const withdrawn = await fetch(`${apiUrl}/mentorship-requests/${second.id}/withdraw`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokenOf(second.menteeId)}` },
    });
    expect(withdrawn.status).to.equal(200);
    pressed(second, 'Decline').click();
    await until(() => !!$(el, '[part~="incoming"] [role="alert"]'), 'the refusal');
    expect($(el, '[part~="incoming"] [role="alert"]')!.textContent).to.equal(
      'This request was answered or withdrawn meanwhile.',
    );
    await until(() => !rowOf(second), 'the withdrawn request gone from the list');

    pressed(first, 'Accept').click();
    pressed(first, 'Decline').click();
    await until(() => rowOf(first).querySelector('.status')?.textContent === 'Accepted', 'accepted');
    const answers = (await serverRequests(`/api/mentorship-requests/${first.id}/`)).filter((r) => r.method === 'POST');
    expect(answers.map((r) => r.path)).to.deep.equal([`/api/mentorship-requests/${first.id}/accept`]);
    await expect(el).to.be.accessible();
  });

  it('shows not-found and error-with-retry states', async () => {
    signIn('u0105', { retries: 0 });
    const missing = await fixture<PeerMentorCard>(html`<peer-mentor-card mentor-id="u0179x"></peer-mentor-card>`);
    await until(() => $(missing, '.message') !== null, 'not found');
    expect($(missing, '.message')!.textContent).to.contain('not a mentor');
    await injectFault({ path: '/api/mentors', status: 503 });
    const failing = await fixture<PeerMentorCard>(html`<peer-mentor-card mentor-id="u0002"></peer-mentor-card>`);
    await until(() => $(failing, '[part~="retry-button"]') !== null, 'the error');
    await expect(failing).to.be.accessible();
    $<HTMLButtonElement>(failing, '[part~="retry-button"]')!.click();
    await until(() => $(failing, '[part~="expertise"]') !== null, 'the card after retry');
  });

  it('loads again by itself when the connection comes back', async () => {
    // The connection is gone: every request fails as fetch fails then.
    let connected = false;
    const fetchWhileConnected: typeof fetch = (input, init) =>
      connected ? fetch(input, init) : Promise.reject(new TypeError('Failed to fetch'));
    signIn('u0106', { retries: 0, fetch: fetchWhileConnected });
    const el = await fixture<PeerMentorCard>(html`<peer-mentor-card mentor-id="u0002"></peer-mentor-card>`);
    await until(() => $(el, '[part~="retry-button"]') !== null, 'the error');
    // Nothing happens until the browser says it is back online: no retry loop while offline.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(!!$(el, '[part~="retry-button"]'), 'still the error').to.equal(true);
    connected = true;
    window.dispatchEvent(new Event('online'));
    await until(() => $(el, '[part~="expertise"]') !== null, 'the card, without pressing retry');
  });

  it('joins a circle once however often the button is pressed, and says so when it just filled', async () => {
    const me = 'u0107';
    signIn(me);
    const { items } = await api<{ items: MentorProfile[] }>('/mentors?limit=100', me);
    const open = (m: MentorProfile) => m.circles.find((c) => !c.joined && c.memberCount < c.capacity);
    const [a, b] = items.filter((m) => m.id !== me && open(m));
    const [first, second] = [open(a)!, open(b)!];
    const page = await fixture<HTMLElement>(
      html`<div>
        <peer-mentor-card mentor-id=${a.id}></peer-mentor-card><peer-mentor-card mentor-id=${b.id}></peer-mentor-card>
      </div>`,
    );
    const [cardA, cardB] = [...page.querySelectorAll<PeerMentorCard>('peer-mentor-card')];
    await ready(cardA);
    await ready(cardB);
    const button = (el: PeerMentorCard) => $<HTMLButtonElement>(el, '[part~="circles"] button')!;
    const row = (el: PeerMentorCard) => button(el).closest('li')!;

    // With the keyboard: the button keeps focus while it joins and once joined, and does nothing more.
    button(cardA).focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await until(() => button(cardA).textContent!.trim() === 'Joined', 'joined');
    expect(button(cardA).getAttribute('aria-disabled')).to.equal('true');
    expect(deepActive() === button(cardA), 'focus stays on the button').to.equal(true);
    await sendKeys({ press: 'Enter' });
    expect(row(cardA).textContent).to.contain(`${first.memberCount + 1} of ${first.capacity} members`);
    const joins = (await serverRequests(`/api/circles/${first.id}/join`)).filter((r) => r.method === 'POST');
    expect(joins, 'one join for three presses').to.have.length(1);

    // Others take the last places of the second circle while its card still shows it open.
    for (let i = 0; i < second.capacity - second.memberCount; i++) {
      const other = `u0${150 + i}`;
      const joined = await fetch(`${apiUrl}/circles/${second.id}/join`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${tokenOf(other)}` },
      });
      expect(joined.status, other).to.equal(200);
    }
    button(cardB).click();
    await until(() => !!row(cardB).querySelector('[role="alert"]')?.textContent, 'the refusal');
    expect(row(cardB).querySelector('[role="alert"]')!.textContent).to.equal('This circle just filled its last place.');
    expect(button(cardB).textContent!.trim()).to.equal('Full');
    expect(button(cardB).getAttribute('aria-disabled')).to.equal('true');
    await expect(cardB).to.be.accessible();
  });

  it('leaves a circle after asking once more, with the keyboard; the place is free again', async () => {
    const { el, circle, row } = await cardInACircle('u0108');
    const leave = () => row().querySelector<HTMLButtonElement>('.leave');
    const join = () => row().querySelector<HTMLButtonElement>('.join');
    expect(join()!.textContent!.trim()).to.equal('Joined');
    // What the circle is about, between its topic and its places.
    const lines = [...row().children].map((child) => child.className.split(' ')[0]);
    expect(lines.slice(0, 3)).to.deep.equal(['circle-topic', 'circle-about', 'hint']);
    expect(row().querySelector('.circle-about')!.textContent).to.equal(circle.description);
    expect(leave()!.textContent!.trim()).to.equal('Leave…');
    // "Leave…" names its circle.
    expect(shadow(el).getElementById(leave()!.getAttribute('aria-describedby')!)!.textContent).to.equal(circle.topic);

    leave()!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => deepActive()?.classList.contains('keep') === true, 'focus on "Stay"');
    expect(row().querySelector('[role="group"]')!.textContent).to.contain(
      'Leave this circle? Someone else may take your place.',
    );
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => deepActive() === leave(), 'focus back on "Leave…"');
    expect(row().querySelector('[role="group"]')).to.equal(null);

    await sendKeys({ press: 'Enter' });
    await until(() => deepActive()?.classList.contains('keep') === true, 'the question again');
    await shiftTab();
    expect(deepActive()!.textContent!.trim()).to.equal('Leave');
    await sendKeys({ press: 'Enter' });
    await until(() => join()?.textContent!.trim() === 'Join', '"Join" again');
    // The buttons went; the keyboard is on "Join", not at the top of the page.
    await until(() => deepActive() === join(), 'focus on "Join"');
    expect(leave()).to.equal(null);
    expect(row().textContent).to.contain(`${circle.memberCount} of ${circle.capacity} members`);
    const { items: circles } = await api<{ items: { id: string; joined: boolean }[] }>('/circles', 'u0108');
    expect(circles.find((c) => c.id === circle.id)!.joined).to.equal(false);
  });

  it('keeps you in a circle when leaving fails, says why, and leaves on a second try', async () => {
    const { circle, row } = await cardInACircle('u0109');
    const leave = () => row().querySelector<HTMLButtonElement>('.leave');
    await injectFault({ method: 'POST', path: `/api/circles/${circle.id}/leave`, status: 403, times: 1, delayMs: 300 });
    leave()!.click();
    await until(() => !!row().querySelector('.confirm'), 'the question');
    row().querySelector<HTMLButtonElement>('.confirm')!.click();
    await until(() => row().querySelector('.confirm')?.getAttribute('aria-busy') === 'true', 'leaving under way');
    // A second press while it is under way sends nothing more.
    row().querySelector<HTMLButtonElement>('.confirm')!.click();
    await until(() => !!row().querySelector('[role="alert"]')?.textContent, 'the reason');
    expect(row().querySelector('.join')!.textContent!.trim()).to.equal('Joined');
    expect(leave()).to.not.equal(null);
    const tries = (await serverRequests(`/api/circles/${circle.id}/leave`)).length;

    leave()!.click();
    await until(() => !!row().querySelector('.confirm'), 'the question again');
    row().querySelector<HTMLButtonElement>('.confirm')!.click();
    await until(() => row().querySelector('.join')?.textContent!.trim() === 'Join', 'left');
    expect(row().querySelector('[role="alert"]')).to.equal(null);
    expect((await serverRequests(`/api/circles/${circle.id}/leave`)).length).to.equal(tries + 1);
  });

  it('renders hostile bios and names as text', async () => {
    signIn('u0106');
    const mentor = await openMentorFor('u0106');
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const el = await fixture<PeerMentorCard>(
      html`<peer-mentor-card
        .profile=${{ ...mentor, bio: hostile, person: { ...mentor.person, name: hostile } }}
      ></peer-mentor-card>`,
    );
    expect($(el, '[part~="bio"]')!.textContent).to.equal(hostile);
    expect(shadow(el).querySelector('img, script')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});

describe('<peer-mentor-matches>', () => {
  beforeEach(resetServer);

  it('shows the top matches with a plain-language why', async () => {
    signIn('u0107');
    const el = await fixture<PeerMentorMatches>(html`<peer-mentor-matches limit="3"></peer-mentor-matches>`);
    await until(() => shadow(el).querySelectorAll('[part~="match"]').length === 3, 'three matches');
    const reasons = [...shadow(el).querySelectorAll('[part~="reasons"] li')].map((li) => li.textContent!);
    expect(reasons.some((r) => r.startsWith('Has room for you'))).to.be.true;
    const cards = [...shadow(el).querySelectorAll<PeerMentorCard>('peer-mentor-card')];
    expect(cards.every((card) => card.variant === 'compact' && card.profile)).to.be.true;
    // Each card holds its reasons, above its request button; cards side by side end on one line.
    for (const card of cards) {
      await until(() => !!$(card, '[part~="request-button"]'), 'the request button');
      const why = card.querySelector('[slot="why"]')!.getBoundingClientRect();
      const base = $(card, '[part~="base"]')!.getBoundingClientRect();
      const button = $(card, '[part~="request-button"]')!.getBoundingClientRect();
      expect(why.top).to.be.greaterThan(base.top);
      expect(why.bottom).to.be.at.most(button.top);
      expect(button.bottom).to.be.lessThan(base.bottom);
    }
    el.style.display = 'block';
    el.style.width = '1100px';
    await until(() => cards[0].getBoundingClientRect().top === cards[2].getBoundingClientRect().top, 'one row');
    const bottoms = cards.map((card) => Math.round($(card, '[part~="base"]')!.getBoundingClientRect().bottom));
    const buttons = cards.map((card) => Math.round($(card, '[part~="request-button"]')!.getBoundingClientRect().top));
    expect(new Set(bottoms).size, `card bottoms ${bottoms}`).to.equal(1);
    expect(new Set(buttons).size, `button tops ${buttons}`).to.equal(1);
    await expect(el).to.be.accessible();
  });
});
