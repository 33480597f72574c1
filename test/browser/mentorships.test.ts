import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/mentorships/mentorships.js';
import type { PeerMentorships } from '../../src/components/mentorships/mentorships.component.js';
import type { MentorProfile, MentorshipRequest } from '../../src/contract/mentors.js';
import { getDefaultBackend } from '../../src/core/config.js';
import {
  call,
  deepActive,
  eventually,
  injectFault,
  resetServer,
  serverRequests,
  signIn,
  until,
  shiftTab,
} from './helpers.js';

const shadow = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector);

/** Mentors this mentee may ask: taking requests, with room, not asked by them before. */
async function mentorsFor(mentee: string, count: number) {
  const { body } = await call<{ items: MentorProfile[] }>('/mentors?available=true&limit=100', mentee);
  const mine = (await call<{ items: MentorshipRequest[] }>('/me/mentorship-requests?role=mentee', mentee)).body.items;
  const mentors = body.items
    .filter((m) => m.id !== mentee && m.activeMentees + 2 < m.capacity)
    .filter((m) => !mine.some((r) => r.mentorId === m.id))
    .slice(0, count);
  expect(mentors.length).to.equal(count);
  return mentors.map((m) => m.id);
}

async function ask(mentee: string, mentorId: string, goal: string) {
  const asked = await call<MentorshipRequest>('/mentorship-requests', mentee, { mentorId, goal });
  expect(asked.status, JSON.stringify(asked.body)).to.equal(201);
  return asked.body;
}

const answer = async (request: MentorshipRequest, action: 'accept' | 'decline') => {
  const answered = await call<MentorshipRequest>(`/mentorship-requests/${request.id}/${action}`, request.mentorId, {});
  expect(answered.status).to.equal(200);
  return answered.body;
};

const stateOf = async (request: MentorshipRequest) =>
  (await call<{ items: MentorshipRequest[] }>('/me/mentorship-requests?role=mentee', request.menteeId)).body.items.find(
    (r) => r.id === request.id,
  )!.state;

async function ready(el: PeerMentorships) {
  await until(() => !$(el, '[aria-busy="true"]') && !!$(el, 'ul, [part~="empty"], [part~="error"]'), 'the list');
}

/** The row of a request, by its goal. */
const rowOf = (el: PeerMentorships, goal: string) =>
  [...shadow(el).querySelectorAll('li')].find((li) => li.querySelector('.goal')?.textContent === goal);

describe('<peer-mentorships>', () => {
  beforeEach(() => resetServer());

  it('shows waiting, running and earlier requests; withdraws with the keyboard, asking once more first', async () => {
    const mentee = 'u0083';
    const [first, second, third] = await mentorsFor(mentee, 3);
    const hostile = '<img src=x onerror="window.hacked=1"> & "quotes"';
    const waiting = await ask(mentee, first, hostile);
    const running = await answer(await ask(mentee, second, 'Learn to run a design critique'), 'accept');
    const declined = await answer(await ask(mentee, third, 'Learn to estimate'), 'decline');
    signIn(mentee);
    const withdrawn: MentorshipRequest[] = [];
    const el = await fixture<PeerMentorships>(
      html`<peer-mentorships
        @peer-mentorship-withdrawn=${(e: CustomEvent<{ request: MentorshipRequest }>) => withdrawn.push(e.detail.request)}
      ></peer-mentorships>`,
    );
    await ready(el);
    // Each in its group, the mentor named, the goal as text.
    expect(rowOf(el, hostile)!.closest('[part]')!.getAttribute('part')).to.equal('waiting');
    expect(rowOf(el, hostile)!.querySelector('[person-id]')!.getAttribute('person-id')).to.equal(first);
    expect(rowOf(el, hostile)!.querySelector('.goal')!.children.length, 'no markup made from the goal').to.equal(0);
    expect((window as { hacked?: number }).hacked).to.equal(undefined);
    expect(rowOf(el, hostile)!.textContent).to.match(/Sent .*, open until /);
    expect(rowOf(el, running.goal)!.closest('[part]')!.getAttribute('part')).to.equal('running');
    expect(rowOf(el, running.goal)!.textContent).to.contain('Since ');
    expect(rowOf(el, declined.goal)!.closest('[part]')!.getAttribute('part')).to.equal('earlier');
    expect(rowOf(el, declined.goal)!.textContent).to.contain('Declined on ');
    expect(rowOf(el, declined.goal)!.querySelector('button'), 'nothing to do about a declined one').to.equal(null);
    await expect(el).to.be.accessible();

    const button = rowOf(el, hostile)!.querySelector<HTMLButtonElement>('.ask')!;
    expect(button.textContent!.trim()).to.equal('Withdraw request…');
    expect(button.getAttribute('aria-describedby'), 'the goal tells the buttons apart').to.equal(
      rowOf(el, hostile)!.querySelector('.goal')!.id,
    );
    button.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => deepActive()?.classList.contains('keep') === true, 'the safe answer focused');
    expect(rowOf(el, hostile)!.querySelector('[role="group"]')!.textContent).to.contain('Withdraw this request?');
    await expect(el).to.be.accessible();
    // Escape keeps it, back on the button it came from; nothing is sent.
    await sendKeys({ press: 'Escape' });
    await until(() => deepActive()?.classList.contains('ask') === true, 'back on the button');
    expect(await stateOf(waiting)).to.equal('pending');

    await sendKeys({ press: 'Enter' });
    await until(() => deepActive()?.classList.contains('keep') === true, 'asked again');
    await shiftTab();
    expect(deepActive()!.textContent!.trim()).to.equal('Withdraw request');
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, '[role="status"]:not([aria-busy])')?.textContent === 'Your request was withdrawn.', 'done');
    expect(deepActive()!.id, 'the keyboard lands on the heading').to.equal('heading');
    expect(withdrawn.map((r) => [r.id, r.state])).to.deep.equal([[waiting.id, 'withdrawn']]);
    expect(await stateOf(waiting)).to.equal('withdrawn');
    // It moves to the earlier ones, which are folded.
    expect(rowOf(el, hostile)!.closest('[part]')!.getAttribute('part')).to.equal('earlier');
    expect(rowOf(el, hostile)!.textContent).to.contain('Withdrawn on ');
    expect($(el, '[part~="waiting"]')).to.equal(null);
    expect($(el, 'summary')!.textContent).to.equal('Earlier (2)');
    await expect(el).to.be.accessible();
  });

  it("ends a running mentorship, freeing the mentor's place", async () => {
    const mentee = 'u0084';
    const [mentor] = await mentorsFor(mentee, 1);
    const running = await answer(await ask(mentee, mentor, 'Learn to plan a quarter'), 'accept');
    const places = async () => (await call<MentorProfile>(`/mentors/${mentor}`, mentee)).body.activeMentees;
    const before = await places();
    signIn(mentee);
    const ended: MentorshipRequest[] = [];
    const el = await fixture<PeerMentorships>(
      html`<peer-mentorships
        @peer-mentorship-ended=${(e: CustomEvent<{ request: MentorshipRequest }>) => ended.push(e.detail.request)}
      ></peer-mentorships>`,
    );
    await ready(el);
    rowOf(el, running.goal)!.querySelector<HTMLButtonElement>('.ask')!.click();
    await until(() => !!rowOf(el, running.goal)?.querySelector('.confirm'), 'asked');
    expect(rowOf(el, running.goal)!.querySelector('[role="group"]')!.textContent).to.contain('End this mentorship?');
    rowOf(el, running.goal)!.querySelector<HTMLButtonElement>('.confirm')!.click();
    await until(() => $(el, '[role="status"]:not([aria-busy])')?.textContent === 'The mentorship has ended.', 'done');
    expect(ended.map((r) => r.state)).to.deep.equal(['ended']);
    expect(await stateOf(running)).to.equal('ended');
    expect(await places()).to.equal(before - 1);
    expect(rowOf(el, running.goal)!.textContent).to.contain('Ended on ');
  });

  it('keeps the request and says why when withdrawing fails, then withdraws it on retry', async () => {
    const mentee = 'u0085';
    const [mentor] = await mentorsFor(mentee, 1);
    const waiting = await ask(mentee, mentor, 'Learn to write release notes');
    signIn(mentee, { retries: 0 });
    const el = await fixture<PeerMentorships>(html`<peer-mentorships></peer-mentorships>`);
    await ready(el);
    await injectFault({
      method: 'POST',
      path: `/api/mentorship-requests/${waiting.id}/withdraw`,
      status: 503,
      times: 1,
    });
    rowOf(el, waiting.goal)!.querySelector<HTMLButtonElement>('.ask')!.click();
    await until(() => !!rowOf(el, waiting.goal)?.querySelector('.confirm'), 'asked');
    rowOf(el, waiting.goal)!.querySelector<HTMLButtonElement>('.confirm')!.click();
    await until(() => $(el, '[part~="error"]') !== null, 'the error');
    expect($(el, '[part~="error"]')!.textContent).to.contain('Your request was not withdrawn.');
    expect(rowOf(el, waiting.goal)!.closest('[part]')!.getAttribute('part'), 'still waiting').to.equal('waiting');
    expect(await stateOf(waiting)).to.equal('pending');
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(el, '[part~="retry-button"]')!.click();
    await until(() => rowOf(el, waiting.goal)?.closest('[part]')?.getAttribute('part') === 'earlier', 'withdrawn');
    expect(await stateOf(waiting)).to.equal('withdrawn');
    expect($(el, '[part~="error"]')).to.equal(null);
  });

  it('says so, and shows how it stands, when the mentor answered meanwhile', async () => {
    const mentee = 'u0086';
    const [mentor] = await mentorsFor(mentee, 1);
    const waiting = await ask(mentee, mentor, 'Learn to lead an incident review');
    signIn(mentee);
    const el = await fixture<PeerMentorships>(html`<peer-mentorships></peer-mentorships>`);
    await ready(el);
    rowOf(el, waiting.goal)!.querySelector<HTMLButtonElement>('.ask')!.click();
    await until(() => !!rowOf(el, waiting.goal)?.querySelector('.confirm'), 'asked');
    await answer(waiting, 'accept'); // while the question is open
    rowOf(el, waiting.goal)!.querySelector<HTMLButtonElement>('.confirm')!.click();
    await until(() => rowOf(el, waiting.goal)?.closest('[part]')?.getAttribute('part') === 'running', 'running now');
    expect($(el, '[role="status"]:not([aria-busy])')!.textContent).to.equal(
      'It changed meanwhile. The list shows how it stands now.',
    );
    expect($(el, '[part~="error"]')).to.equal(null);
    expect(await stateOf(waiting)).to.equal('accepted');
    await expect(el).to.be.accessible();
  });

  it('says when there is none, and when the list cannot be loaded, with retry; a request made on the page joins', async () => {
    const mentee = 'u0088';
    signIn(mentee, { retries: 0 });
    await injectFault({ method: 'GET', path: '/api/me/mentorship-requests', status: 500, times: 1 });
    const el = await fixture<PeerMentorships>(html`<peer-mentorships></peer-mentorships>`);
    await until(() => $(el, '[part~="error"]') !== null, 'the error');
    expect($(el, '[part~="error"]')!.textContent).to.contain('Your mentorships could not be loaded.');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part~="retry-button"]')!.click();
    await until(() => $(el, '[part~="empty"]') !== null, 'loaded on retry');
    expect($(el, '[part~="empty"]')!.textContent).to.contain('You have not asked anyone for mentorship yet.');
    await expect(el).to.be.accessible();

    // A mentor card on the page sends a request through the same backend, and says so: the list loads it.
    const [mentor, another] = await mentorsFor(mentee, 2);
    const sent = await getDefaultBackend().requestMentorship({ mentorId: mentor, goal: 'Learn to coach a new lead' });
    document.body.dispatchEvent(
      new CustomEvent('peer-mentorship-requested', { bubbles: true, composed: true, detail: { request: sent } }),
    );
    await until(() => !!rowOf(el, sent.goal), 'the new request');
    expect(rowOf(el, sent.goal)!.closest('[part]')!.getAttribute('part')).to.equal('waiting');

    // Loading again in the background fails: what is shown stays, with no error in its place.
    await injectFault({ method: 'GET', path: '/api/me/mentorship-requests', status: 500, times: 1 });
    const before = (await serverRequests('/api/me/mentorship-requests')).length;
    const next = await getDefaultBackend().requestMentorship({ mentorId: another, goal: 'Learn to hire' });
    document.body.dispatchEvent(
      new CustomEvent('peer-mentorship-requested', { bubbles: true, composed: true, detail: { request: next } }),
    );
    await eventually(
      async () => (await serverRequests('/api/me/mentorship-requests')).some((r, i) => i >= before && r.status === 500),
      'the failed load',
    );
    await el.updateComplete;
    expect(rowOf(el, sent.goal), 'the request still shown').to.exist;
    expect($(el, '[part~="error"]')).to.equal(null);
  });
});
