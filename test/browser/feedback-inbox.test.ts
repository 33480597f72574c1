import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/feedback-form/feedback-form.js';
import type { PeerFeedbackForm } from '../../src/components/feedback-form/feedback-form.component.js';
import '../../src/components/feedback-inbox/feedback-inbox.js';
import type { PeerFeedbackInbox } from '../../src/components/feedback-inbox/feedback-inbox.component.js';
import type { NewFeedback, ReceivedFeedback } from '../../src/contract/feedback.js';
import { receivedOn } from '../../src/contract/feedback-rules.js';
import { MemoryBackend } from '../../src/testing/memory-backend.js';
import {
  call,
  deepActive,
  injectFault,
  moveClock,
  resetServer,
  serverRequests,
  shownText,
  signIn,
  until,
} from './helpers.js';

const shadow = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector);
const $$ = (el: Element, selector: string) => [...shadow(el).querySelectorAll<HTMLElement>(selector)];

// Recipients without seeded feedback (and their managers), and givers no other test uses.
const RECIPIENT = { id: 'u0142', manager: 'u0032' };
const PAGED = 'u0153';
const EMPTY = 'u0154';
const GIVERS = ['u0121', 'u0122', 'u0123', 'u0124', 'u0125'];

async function give(as: string, feedback: NewFeedback) {
  const sent = await call('/feedback', as, feedback);
  expect(sent.status, JSON.stringify(sent.body)).to.equal(201);
}

const praise = (recipientId: string, what: string, extra: Partial<NewFeedback> = {}): NewFeedback => ({
  templateId: 'quick-praise',
  recipientId,
  kind: 'praise',
  answers: { what, strengths: ['craft', 'helping'] },
  ...extra,
});

const project = (
  recipientId: string,
  kind: 'praise' | 'constructive',
  highlight: string,
  improve = '',
): NewFeedback => ({
  templateId: 'project',
  recipientId,
  kind,
  answers: { communication: 4, reliability: 2, highlight, ...(improve ? { improve } : {}), again: 'maybe' },
});

/** What the server stores for a person, newest first, as they read it themselves. */
async function storedFor(personId: string) {
  return (await call<{ items: ReceivedFeedback[] }>('/me/feedback?limit=100', personId)).body.items;
}

async function ready(el: PeerFeedbackInbox) {
  await until(() => !$(el, '[aria-busy="true"]') && !!$(el, '.list, [part~="empty"], [part~="error"]'), 'the list');
}

const items = (el: PeerFeedbackInbox) => $$(el, '[part~="item"]');
const itemOf = (el: PeerFeedbackInbox, id: string) =>
  $$(el, '[part~="item"]').find((item) => item.querySelector('h3')?.id === `feedback-${id}`);
const answerOf = (item: HTMLElement, prompt: string) =>
  [...item.querySelectorAll('.answer')].find((a) => a.querySelector('dt')?.textContent === prompt)?.querySelector('dd');

describe('<peer-feedback-inbox>', () => {
  beforeEach(() => resetServer());
  afterEach(() => moveClock(0));

  it('shows each feedback with its template, giver or anonymity, date, readers and every answer as asked', async () => {
    const [named, anonymous] = GIVERS;
    await give(named, {
      ...project(RECIPIENT.id, 'constructive', 'The release notes were clear.'),
      visibility: 'recipient-and-manager',
    });
    await give(anonymous, { ...praise(RECIPIENT.id, 'You unblocked the whole team on Friday.'), anonymous: true });
    signIn(RECIPIENT.id);
    // Anonymous feedback shows once its week is over; until then only the named one, and a note why.
    const held = await fixture<PeerFeedbackInbox>(html`<peer-feedback-inbox></peer-feedback-inbox>`);
    await ready(held);
    expect(items(held)).to.have.length(1);
    expect(items(held)[0].querySelector('.anonymous')).to.equal(null);
    expect($(held, '[part~="note"]')!.textContent).to.equal(
      'Anonymous feedback shows once the week it was sent is over, so that when it arrives does not point to who sent it.',
    );
    held.remove();

    await moveClock(7);
    const stored = await storedFor(RECIPIENT.id);
    expect(stored).to.have.length(2);
    const [namedFeedback, anonymousFeedback] = [stored.find((f) => !f.anonymous)!, stored.find((f) => f.anonymous)!];

    const el = await fixture<PeerFeedbackInbox>(html`<peer-feedback-inbox></peer-feedback-inbox>`);
    await ready(el);
    expect($(el, 'h2')!.textContent).to.equal('Feedback you received');
    expect(items(el)).to.have.length(2);

    const first = itemOf(el, namedFeedback.id)!;
    expect(first.querySelector('h3')!.textContent).to.equal('Project collaboration');
    expect(first.querySelector('.kind')!.textContent!.trim()).to.equal('Constructive');
    const giver = first.querySelector('.meta peer-person')!;
    await until(() => shownText(giver.shadowRoot).includes(namedFeedback.giver!.name), 'the giver');
    const day = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${namedFeedback.receivedOn}T12:00:00Z`),
    );
    // Two sentences, each ending with its full stop.
    expect(first.querySelector('.meta')!.textContent!.replace(/\s+/g, ' ')).to.contain(
      `Received on ${day}. You and your manager can read it.`,
    );
    expect(answerOf(first, 'Communication')!.textContent).to.equal('4 on a scale from 1 to 5: Strong');
    expect(answerOf(first, 'Reliability')!.textContent).to.equal('2 on a scale from 1 to 5: Below expectations');
    expect(answerOf(first, 'Working across teams')!.textContent!.trim()).to.equal('Not answered');
    expect(answerOf(first, 'Would you like to work together again?')!.textContent).to.equal('Maybe');
    // Every question of the template as it was asked, in its order.
    expect([...first.querySelectorAll('dt')].map((dt) => dt.textContent)).to.deep.equal(
      namedFeedback.questions.map((q) => q.prompt),
    );

    const second = itemOf(el, anonymousFeedback.id)!;
    expect(second.querySelector('peer-person')).to.equal(null);
    expect(second.querySelector('.anonymous')!.textContent).to.equal('Anonymous: who sent it is not stored.');
    const week = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${anonymousFeedback.receivedOn}T12:00:00Z`),
    );
    expect(second.querySelector('.meta')!.textContent!.replace(/\s+/g, ' ')).to.contain(
      `Received in the week of ${week}. Only you can read it.`,
    );
    expect(answerOf(second, 'What did they do that you appreciated?')!.textContent).to.equal(
      'You unblocked the whole team on Friday.',
    );
    expect(answerOf(second, 'Which strengths did it show?')!.textContent).to.equal('Craft and Helping others');
    await expect(el).to.be.accessible();
  });

  it('keeps hostile text as text: answers from the strings list come back exactly as stored', async () => {
    const strings = ((await (await fetch('/__shared/blns.json')).json()) as string[]).filter(
      (s) => /[<>&"']|script|\u202e/i.test(s) && s.trim().length > 0 && s.length <= 800,
    );
    expect(strings.length).to.be.greaterThan(40);
    const chosen = strings.slice(0, 60);
    const recipient = 'u0155';
    for (let i = 0; i < chosen.length; i += 2) {
      const giver = GIVERS[(i / 2) % GIVERS.length];
      await give(giver, project(recipient, 'praise', chosen[i], chosen[i + 1] ?? ''));
    }
    const stored = await storedFor(recipient);
    signIn(recipient);
    const el = await fixture<PeerFeedbackInbox>(html`<peer-feedback-inbox page-size="100"></peer-feedback-inbox>`);
    await ready(el);
    expect(items(el)).to.have.length(stored.length);
    let compared = 0;
    for (const feedback of stored) {
      const item = itemOf(el, feedback.id)!;
      for (const [question, prompt] of [
        ['highlight', 'What went especially well?'],
        ['improve', 'What would you change?'],
      ]) {
        const answer = feedback.answers[question];
        if (typeof answer !== 'string') continue;
        expect(answerOf(item, prompt)!.textContent).to.equal(answer);
        compared++;
      }
    }
    expect(compared).to.be.greaterThan(50);
    expect(shadow(el).querySelectorAll('script, img, iframe, svg, a, [onerror]')).to.have.length(0);
    expect((window as { hacked?: unknown }).hacked).to.equal(undefined);
  });

  it('shows a manager only what was shared with them, the person all of theirs, and anyone else that they may not', async () => {
    await give(GIVERS[2], {
      ...praise(RECIPIENT.id, 'Shared: thank you for the onboarding guide.'),
      visibility: 'recipient-and-manager',
    });
    await give(GIVERS[3], praise(RECIPIENT.id, 'Private: thank you for listening on Tuesday.'));
    const shared = (await storedFor(RECIPIENT.id)).filter((f) => f.visibility === 'recipient-and-manager');
    expect(shared.length).to.be.greaterThan(0);

    signIn(RECIPIENT.manager);
    const el = await fixture<PeerFeedbackInbox>(
      html`<peer-feedback-inbox person-id=${RECIPIENT.id} page-size="100"></peer-feedback-inbox>`,
    );
    await ready(el);
    expect($(el, 'h2')!.textContent).to.equal('Feedback shared with you');
    expect($(el, '.about peer-person')!.getAttribute('person-id')).to.equal(RECIPIENT.id);
    expect(items(el).map((item) => item.querySelector('h3')!.id)).to.deep.equal(shared.map((f) => `feedback-${f.id}`));
    expect(shadow(el).textContent).not.to.contain('Private: thank you');
    // Who may read it is no news to the manager: the line is left out.
    expect(shadow(el).textContent).not.to.contain('can read it');
    await expect(el).to.be.accessible();

    // The recipient's own id reads as their own inbox: everything, their heading, who can read each.
    signIn(RECIPIENT.id);
    const own = await fixture<PeerFeedbackInbox>(
      html`<peer-feedback-inbox person-id=${RECIPIENT.id} page-size="100"></peer-feedback-inbox>`,
    );
    await ready(own);
    await until(() => $(own, 'h2')!.textContent === 'Feedback you received', 'the own heading');
    expect($(own, '.about')).to.be.null;
    expect(items(own)).to.have.length((await storedFor(RECIPIENT.id)).length);
    expect(shadow(own).textContent).to.contain('Private: thank you');
    expect(shadow(own).textContent).to.contain('can read it');

    signIn(GIVERS[4], { retries: 0 });
    const stranger = await fixture<PeerFeedbackInbox>(
      html`<peer-feedback-inbox person-id=${RECIPIENT.id}></peer-feedback-inbox>`,
    );
    await ready(stranger);
    expect($(stranger, '[part~="error"]')!.textContent).to.contain('The feedback could not be loaded.');
    expect($(stranger, '[part~="error"]')!.textContent).to.contain('You are not allowed to see this.');
    expect(items(stranger)).to.have.length(0);
  });

  it('shows feedback the manager sends from a form on the same page, once stored, without loading anew', async () => {
    signIn(RECIPIENT.manager);
    const page = await fixture<HTMLElement>(
      html`<div>
        <peer-feedback-inbox person-id=${RECIPIENT.id} page-size="100"></peer-feedback-inbox>
        <peer-feedback-form template-id="quick-praise" recipient-id=${RECIPIENT.id}></peer-feedback-form>
      </div>`,
    );
    const inbox = page.querySelector<PeerFeedbackInbox>('peer-feedback-inbox')!;
    const form = page.querySelector<PeerFeedbackForm>('peer-feedback-form')!;
    await ready(inbox);
    const before = items(inbox).length;
    await until(() => !!$(form, 'textarea[id="q:what"]'), 'the form');
    const what = $<HTMLTextAreaElement>(form, 'textarea[id="q:what"]')!;
    what.value = 'Shared from the one-to-one page: thank you for the calm demo.';
    what.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    $<HTMLInputElement>(form, 'input[name="visibility"][value="recipient-and-manager"]')!.click();
    let busy = false;
    const watch = new MutationObserver(() => (busy ||= !!$(inbox, '[aria-busy="true"]')));
    watch.observe(shadow(inbox), { subtree: true, childList: true, attributes: true });
    $(form, 'button[type="submit"]')!.click();
    await until(() => items(inbox).length === before + 1, 'the new feedback in the inbox');
    watch.disconnect();
    expect(items(inbox).some((item) => shownText(item).includes('Shared from the one-to-one page'))).to.equal(true);
    expect(busy, 'the list showed its loading state again').to.equal(false);
  });

  it('shows one kind at a time and loads more with the keyboard, the focus on the first of them', async () => {
    for (let i = 0; i < 12; i++) {
      const kind = i % 3 === 0 ? 'constructive' : 'praise';
      await give(GIVERS[i % GIVERS.length], project(PAGED, kind, `Feedback number ${i} on the migration.`));
    }
    const stored = await storedFor(PAGED);
    signIn(PAGED);
    const el = await fixture<PeerFeedbackInbox>(html`<peer-feedback-inbox page-size="5"></peer-feedback-inbox>`);
    await ready(el);
    expect(items(el)).to.have.length(5);

    const more = $<HTMLButtonElement>(el, '[part~="more-button"]')!;
    more.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => items(el).length === 10, 'the second page');
    const ids = items(el).map((item) => item.querySelector('h3')!.id);
    expect(deepActive()?.id, 'focus on the first new item').to.equal(ids[5]);
    expect($(el, '[role="status"]:not([aria-busy])')!.textContent).to.equal('5 more shown.');

    $<HTMLButtonElement>(el, '[part~="more-button"]')!.click();
    await until(() => items(el).length === 12, 'the last page');
    expect($(el, '[part~="more-button"]')).to.equal(null);
    const all = items(el).map((item) => item.querySelector('h3')!.id);
    expect(new Set(all).size).to.equal(12);
    expect(all).to.deep.equal(stored.map((f) => `feedback-${f.id}`));

    const select = $<HTMLSelectElement>(el, 'select')!;
    select.value = 'constructive';
    select.dispatchEvent(new Event('change'));
    await ready(el);
    await until(() => items(el).length === 4, 'the constructive ones');
    expect(items(el).every((item) => item.querySelector('.kind')!.textContent!.trim() === 'Constructive')).to.equal(
      true,
    );
    expect($(el, '[part~="more-button"]')).to.equal(null);
    const asked = (await serverRequests('/api/me/feedback')).map((r) => new URLSearchParams(r.search).get('kind'));
    expect(asked.at(-1)).to.equal('constructive');
  });

  it('says when there is none, and retries a failed load and a failed "show more"', async () => {
    signIn(EMPTY, { retries: 0 });
    await injectFault({ method: 'GET', path: '/api/me/feedback', status: 500, times: 1 });
    const el = await fixture<PeerFeedbackInbox>(html`<peer-feedback-inbox></peer-feedback-inbox>`);
    await ready(el);
    expect($(el, '[part~="error"]')!.textContent).to.contain('The feedback could not be loaded.');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part~="retry-button"]')!.click();
    await until(() => $(el, '[part~="empty"]') !== null, 'loaded on retry');
    expect($(el, '[part~="empty"]')!.textContent!.trim()).to.equal(
      'No feedback yet. When colleagues send you feedback, it shows here.',
    );
    await expect(el).to.be.accessible();

    for (let i = 0; i < 3; i++) await give(GIVERS[i], praise(EMPTY, `Thank you for the review number ${i}.`));
    const paged = await fixture<PeerFeedbackInbox>(html`<peer-feedback-inbox page-size="2"></peer-feedback-inbox>`);
    await ready(paged);
    await injectFault({ method: 'GET', path: '/api/me/feedback', status: 503, times: 1 });
    $<HTMLButtonElement>(paged, '[part~="more-button"]')!.click();
    await until(() => $(paged, '[part~="error"]') !== null, 'the error');
    expect($(paged, '[part~="error"]')!.textContent).to.contain('More feedback could not be loaded.');
    expect(items(paged)).to.have.length(2);
    $<HTMLButtonElement>(paged, '[part~="retry-button"]')!.click();
    await until(() => items(paged).length === 3, 'the rest on retry');
    expect($(paged, '[part~="error"]')).to.equal(null);
  });

  it('is held in MemoryBackend as on the server: anonymous feedback shows once its week is over', async () => {
    const backend = new MemoryBackend({ meId: 'u0002' });
    const receipt = await backend.sendFeedback({ ...praise('u0003', 'Held in memory.'), anonymous: true });
    await backend.sendFeedback(praise('u0003', 'Named in memory.'));
    const thisWeek = receivedOn(new Date(), true);
    expect(receipt.receivedOn).to.equal(thisWeek);
    expect(receipt.readableFrom).to.equal(
      new Date(Date.parse(`${thisWeek}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10),
    );
    backend.meId = 'u0003';
    const shown = async () => (await backend.getMyFeedback({ limit: 100 })).items;
    const before = await shown();
    expect(before.map((f) => f.answers.what))
      .to.include('Named in memory.')
      .and.not.include('Held in memory.');
    expect(before.filter((f) => f.anonymous && f.receivedOn >= thisWeek)).to.deep.equal([]);
    // A week later, as its entry says once the week is over.
    const entry = backend.feedback.find((f) => f.answers.what === 'Held in memory.')!;
    entry.receivedOn = new Date(Date.parse(`${thisWeek}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
    expect((await shown()).map((f) => f.answers.what)).to.include('Held in memory.');
  });
});
