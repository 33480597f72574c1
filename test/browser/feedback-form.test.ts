import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/components/feedback-form/feedback-form.js';
import type { PeerFeedbackForm } from '../../src/components/feedback-form/feedback-form.component.js';
import type { PeerPeoplePicker } from '../../src/components/people-picker/people-picker.component.js';
import '../../src/components/provider/provider.js';
import type { FeedbackReceipt, ReceivedFeedback } from '../../src/contract/feedback.js';
import type { Person } from '../../src/contract/people.js';
import { FeedbackProblem } from '../../src/contract/problems.js';
import { PeerError } from '../../src/core/errors.js';
import { MemoryBackend } from '../../src/testing/memory-backend.js';
import { people } from '../../src/testing/organisation.js';
import {
  apiUrl,
  backOnlineUntilSent,
  deepActive,
  eventually,
  injectFault,
  moveClock,
  resetServer,
  serverRequests,
  tokenOf,
  until,
  widgetPage,
  signIn,
} from './helpers.js';

const shadow = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...shadow(el).querySelectorAll<T>(selector),
];

/** Recipients with a manager; each test gives to its own, so counts never mix. */
const withManager = people.filter((p) => p.managerId);
const recipientFor = (n: number) => withManager[10 + n];
const givers = people.filter((p) => !p.managerId || p.managerId !== p.id).slice(150);

async function receivedBy(personId: string): Promise<ReceivedFeedback[]> {
  const response = await fetch(`${apiUrl}/me/feedback?limit=100`, {
    headers: { Authorization: `Bearer ${tokenOf(personId)}` },
  });
  return ((await response.json()) as { items: ReceivedFeedback[] }).items;
}

async function ready(el: PeerFeedbackForm) {
  await until(() => !!$(el, 'form, .not-found, [part~="error"]'), 'the form');
  await el.updateComplete;
}

function typeInto(field: HTMLTextAreaElement, text: string) {
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

const outboxKeys = () => Object.keys(localStorage).filter((key) => key.startsWith('peerkit:outbox'));
/**
 * The saved drafts of the forms for one recipient. Only theirs: a form from an earlier test that was
 * typed in before it knew who is signed in saves its draft again once it knows, after its test ended.
 */
const draftKeys = (recipientId: string) =>
  Object.keys(localStorage).filter(
    (key) => key.startsWith('peerkit:feedback-draft') && key.endsWith(`:${recipientId}`),
  );

/** The one-widget page of a form `giver` fills in, from the template, to the recipient if one is fixed. */
const formPage = (giverId: string, templateId: string, recipientId?: string) =>
  widgetPage(
    new URLSearchParams({
      api: apiUrl,
      token: tokenOf(giverId),
      tag: 'peer-feedback-form',
      'attr.template-id': templateId,
      ...(recipientId ? { 'attr.recipient-id': recipientId } : {}),
    }),
  );

/** `count` frames of one page: documents of one origin, as tabs are; they share storage, not the page. */
function framesOf(page: string, count: number) {
  return Array.from({ length: count }, () => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 800px; height: 900px';
    frame.src = page;
    document.body.append(frame);
    return frame;
  });
}

describe('<peer-feedback-form>', () => {
  beforeEach(async () => {
    localStorage.clear();
    await resetServer();
  });

  it('is completed with the keyboard alone: rating radio groups, text, choices, anonymity, send', async () => {
    const giver = givers[0];
    const recipient = recipientFor(0);
    signIn(giver.id);
    const before = await receivedBy(recipient.id);
    const submitted: CustomEvent[] = [];
    const el = await fixture<PeerFeedbackForm>(
      html`<div>
        <button id="before">before</button>
        <peer-feedback-form
          template-id="project"
          recipient-id=${recipient.id}
          @peer-feedback-submitted=${(e: CustomEvent) => submitted.push(e)}
        ></peer-feedback-form>
      </div>`,
    ).then((wrapper) => wrapper.querySelector('peer-feedback-form')!);
    await ready(el);
    await expect(el).to.be.accessible();

    document.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' }); // the kind: praise is checked
    expect((deepActive() as HTMLInputElement).name).to.equal('kind');
    await sendKeys({ press: 'Tab' }); // communication, 1..5
    expect((deepActive() as HTMLInputElement).name).to.equal('q:communication');
    await sendKeys({ press: 'Space' });
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Tab' }); // reliability
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Tab' }); // working across teams (optional): left out
    await sendKeys({ press: 'Tab' }); // what went well
    expect((deepActive() as HTMLElement).id).to.equal('q:highlight');
    await sendKeys({ type: 'The migration plan was clear to every team.' });
    await sendKeys({ press: 'Tab' }); // what would you change: left out
    await sendKeys({ press: 'Tab' }); // work together again
    expect((deepActive() as HTMLInputElement).name).to.equal('q:again');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' }); // visibility
    expect((deepActive() as HTMLInputElement).name).to.equal('visibility');
    await sendKeys({ press: 'Tab' }); // anonymity switch
    expect(deepActive()?.getAttribute('role')).to.equal('switch');
    await sendKeys({ press: 'Space' });
    expect($(el, '.explain')!.textContent).to.contain('will not see your name');
    expect($(el, '.explain')!.textContent).to.contain(
      'It shows once its week is over, dated by the week, not the day.',
    );
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.getAttribute('part')).to.equal('send-button');
    await sendKeys({ press: 'Enter' });

    await until(() => submitted.length === 1, 'peer-feedback-submitted');
    await el.updateComplete;
    expect(deepActive()?.classList.contains('sent')).to.be.true;
    expect($(el, '.sent')!.textContent).to.contain(recipient.name);
    // Held until its week is over, and the giver is told from when it shows.
    const { receipt } = submitted[0].detail as { receipt: FeedbackReceipt };
    const monday = new Date(`${receipt.receivedOn}T12:00:00Z`);
    expect(monday.getUTCDay()).to.equal(1);
    expect(receipt.readableFrom).to.equal(new Date(monday.getTime() + 7 * 86_400_000).toISOString().slice(0, 10));
    const medium = (date: string) =>
      new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
    expect($(el, '.sent')!.textContent!.replace(/\s+/g, ' ')).to.contain(
      `Sent anonymously, it shows from ${medium(receipt.readableFrom!)} as the week of ${medium(receipt.receivedOn)}.`,
    );
    const isIt = (f: ReceivedFeedback) => f.answers.highlight === 'The migration plan was clear to every team.';
    expect((await receivedBy(recipient.id)).map((f) => f.id)).to.deep.equal(
      before.map((f) => f.id),
      'not shown before its week is over',
    );
    await moveClock(7);
    const after = await receivedBy(recipient.id).finally(() => moveClock(0));
    expect(after.filter(isIt)).to.have.length(1);
    const stored = after.find(isIt)!;
    expect(stored.answers).to.deep.equal({
      communication: 4,
      reliability: 2,
      highlight: 'The migration plan was clear to every team.',
      again: 'yes',
    });
    expect(stored.anonymous).to.be.true;
    expect(stored.giver).to.equal(null);
    expect(submitted[0].detail.queued).to.be.false;
    expect(draftKeys(recipient.id)).to.deep.equal([], 'the draft is cleared once the server confirmed');
    await expect(el).to.be.accessible();
  });

  it('"Start over" empties every field the reader filled, each time, and forgets the draft', async () => {
    signIn(givers[1].id);
    const el = await fixture<PeerFeedbackForm>(
      html`<peer-feedback-form template-id="project" recipient-id=${recipientFor(1).id}></peer-feedback-form>`,
    );
    await ready(el);
    const checked = () =>
      $$<HTMLInputElement>(el, 'input:is([type="radio"], [type="checkbox"])')
        .filter((input) => input.checked)
        .map((input) => `${input.name}=${input.value}`)
        .sort();
    const highlight = () => $<HTMLTextAreaElement>(el, 'textarea[id="q:highlight"]')!;
    const untouched = checked();
    expect(untouched).to.deep.equal(['kind=praise', 'visibility=recipient']);

    for (let round = 1; round <= 2; round++) {
      $<HTMLInputElement>(el, 'input[name="kind"]')!.focus();
      await sendKeys({ press: 'ArrowRight' }); // constructive
      $<HTMLInputElement>(el, 'input[name="q:communication"]')!.focus();
      await sendKeys({ press: 'Space' });
      for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowRight' });
      highlight().focus();
      await sendKeys({ type: 'Clear plans.' });
      $<HTMLInputElement>(el, 'input[name="visibility"][value="recipient-and-manager"]')!.click();
      $<HTMLInputElement>(el, 'input[role="switch"]')!.click();
      await el.updateComplete;
      expect(checked(), `round ${round}: filled`).to.deep.equal([
        '=on',
        'kind=constructive',
        'q:communication=4',
        'visibility=recipient-and-manager',
      ]);
      expect(highlight().value).to.equal('Clear plans.');
      expect(draftKeys(recipientFor(1).id), 'the draft is kept').to.have.length(1);

      $(el, '[part~="reset-button"]')!.click();
      await el.updateComplete;
      expect(checked(), `round ${round}: emptied`).to.deep.equal(untouched);
      expect(highlight().value, `round ${round}: text emptied`).to.equal('');
      expect(draftKeys(recipientFor(1).id), 'the draft is forgotten').to.deep.equal([]);
    }
  });

  it('"Clear answer" takes back an optional rating, and focus stays on that question', async () => {
    signIn(givers[1].id);
    const el = await fixture<PeerFeedbackForm>(
      html`<peer-feedback-form template-id="project" recipient-id=${recipientFor(1).id}></peer-feedback-form>`,
    );
    await ready(el);
    const points = () => $$<HTMLInputElement>(el, 'input[name="q:collaboration"]');
    points()[0].focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(points().findIndex((p) => p.checked)).to.equal(1);
    const clear = $$<HTMLButtonElement>(el, 'button.link').find((b) => b.closest('fieldset')!.contains(points()[0]))!;
    clear.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(
      points().some((p) => p.checked),
      'no point chosen',
    ).to.equal(false);
    expect(clear.isConnected, 'the button went').to.equal(false);
    expect(deepActive() === points()[0], 'focus on the first point of the question').to.equal(true);
  });

  it('shows inline errors and a summary that takes focus, keeps what was typed, and sends nothing', async () => {
    signIn(givers[1].id);
    const el = await fixture<PeerFeedbackForm>(
      html`<peer-feedback-form template-id="quick-praise"></peer-feedback-form>`,
    );
    await ready(el);
    $(el, 'button[type="submit"]')!.click();
    await until(() => !!$(el, '.summary'), 'the summary');
    expect(deepActive() === $(el, '.summary')).to.be.true;
    const items = $$(el, '.summary li').map((li) => li.textContent!.trim());
    expect(items).to.deep.equal([
      'Who is it for?: Choose who the feedback is for.',
      'What did they do that you appreciated?: Please answer this question.',
    ]);
    expect($(el, '.summary-title')!.textContent).to.contain('2 answers');

    const what = $<HTMLTextAreaElement>(el, 'textarea[id="q:what"]')!;
    typeInto(what, 'Too short');
    await el.updateComplete;
    expect(what.getAttribute('aria-invalid')).to.equal('false', 'the error clears as the answer changes');
    $(el, 'button[type="submit"]')!.click();
    await until(() => what.getAttribute('aria-invalid') === 'true', 'the length error');
    const describedBy = what.getAttribute('aria-describedby')!.split(' ');
    const message = describedBy.map((id) => shadow(el).getElementById(id)?.textContent ?? '').join(' ');
    expect(message).to.contain('at least 10 characters');
    expect(what.value).to.equal('Too short', 'nothing typed is cleared');

    typeInto(what, 'x'.repeat(650));
    $(el, 'button[type="submit"]')!.click();
    await until(() => ($(el, '.summary')?.textContent ?? '').includes('600 characters or fewer'), 'too long');
    expect($(el, '.count')!.classList.contains('over')).to.be.true;
    expect(what.value.length).to.equal(650, 'an over-long answer is kept whole, not cut');

    const link = $$<HTMLAnchorElement>(el, '.summary a').find((a) => a.textContent!.includes('600'))!;
    link.click();
    expect(deepActive() === what).to.be.true;
    await expect(el).to.be.accessible();
    expect((await serverRequests('/api/feedback')).filter((r) => r.method === 'POST')).to.have.length(0);
  });

  it('lets the giver choose a template when the page fixes none', async () => {
    signIn(givers[3].id);
    const templates = (await (
      await fetch(`${apiUrl}/feedback-templates`, { headers: { Authorization: `Bearer ${tokenOf(givers[3].id)}` } })
    ).json()) as { items: { id: string; name: string }[] };
    const el = await fixture<PeerFeedbackForm>(html`<peer-feedback-form></peer-feedback-form>`);
    await until(() => !!$(el, '[part~="chooser"] input'), 'the templates to choose from');
    expect($$(el, '[part~="chooser"] label').map((l) => l.textContent!.trim())).to.deep.equal(
      templates.items.map((t) => t.name),
    );
    expect(!!$(el, 'form'), 'no form before a choice').to.equal(false);
    await expect(el).to.be.accessible();
    const second = $$<HTMLInputElement>(el, '[part~="chooser"] input')[1];
    second.focus();
    await sendKeys({ press: 'Space' });
    await until(() => $(el, '#title')?.textContent === templates.items[1].name, 'the chosen template');
    expect(second.checked).to.equal(true);
    await expect(el).to.be.accessible();

    const fixed = await fixture<PeerFeedbackForm>(html`<peer-feedback-form template-id="sbi"></peer-feedback-form>`);
    await ready(fixed);
    expect(!!$(fixed, '[part~="chooser"]'), 'no chooser when the page fixes the template').to.equal(false);
  });

  it('says so when there is no template to choose from (MemoryBackend)', async () => {
    const backend = new MemoryBackend({ meId: 'u0001', storageScope: `no-templates-${Date.now()}` });
    backend.feedbackTemplates.length = 0;
    const el = await fixture<PeerFeedbackForm>(
      html`<peer-provider .backend=${backend}><peer-feedback-form></peer-feedback-form></peer-provider>`,
    ).then((provider) => provider.querySelector<PeerFeedbackForm>('peer-feedback-form')!);
    await until(() => !!$(el, '[part~="chooser"] [role="status"]'), 'the empty chooser');
    expect($(el, '[part~="chooser"] [role="status"]')!.textContent).to.equal(
      'There are no feedback forms to choose from yet.',
    );
    expect($(el, '[part~="chooser"] fieldset')!.hidden).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows the templates to choose from loading, and failing with a retry that works (MemoryBackend)', async () => {
    const backend = new MemoryBackend({
      meId: 'u0001',
      storageScope: `chooser-${Date.now()}`,
      latency: 300,
      fail: new PeerError({ kind: 'http', status: 503, problem: { title: 'Unavailable' } }),
    });
    const el = await fixture<PeerFeedbackForm>(
      html`<peer-provider .backend=${backend}><peer-feedback-form></peer-feedback-form></peer-provider>`,
    ).then((provider) => provider.querySelector<PeerFeedbackForm>('peer-feedback-form')!);
    expect(!!$(el, '[aria-busy="true"]'), 'loading at first').to.equal(true);
    await until(() => !!$(el, '[part~="error"]'), 'the error');
    expect($(el, '[part~="error"]')!.textContent).to.contain('Could not load the feedback form.');
    await expect(el).to.be.accessible();
    backend.fail = undefined;
    $(el, '[part~="retry-button"]')!.click();
    await until(() => $$(el, '[part~="chooser"] input').length === backend.feedbackTemplates.length, 'the templates');
    expect(!!$(el, '[part~="error"]'), 'the error is gone').to.equal(false);
  });

  it('says at once when nobody has the recipient id, and does not send to it', async () => {
    signIn(givers[2].id);
    const el = await fixture<PeerFeedbackForm>(
      html`<peer-feedback-form template-id="quick-praise" recipient-id="u9999"></peer-feedback-form>`,
    );
    await ready(el);
    await until(() => ($(el, '#recipient-error')?.textContent ?? '').includes('u9999'), 'the recipient error');
    await expect(el).to.be.accessible();
    typeInto($<HTMLTextAreaElement>(el, 'textarea[id="q:what"]')!, 'You explained the migration plan so clearly.');
    $(el, 'button[type="submit"]')!.click();
    await until(() => !!$(el, '.summary'), 'the summary');
    const items = $$(el, '.summary li').map((li) => li.textContent!.trim());
    expect(items).to.have.length(1);
    expect(items[0]).to.contain('u9999');
    expect((await serverRequests('/api/feedback')).filter((r) => r.method === 'POST')).to.have.length(0);
  });

  it('a draft typed before the signed-in person is known becomes theirs once known', async () => {
    const giver = givers[11];
    const recipient = recipientFor(11);
    await injectFault({ method: 'GET', path: '/api/me', delayMs: 1500, times: 1 });
    signIn(giver.id);
    const el = await fixture<PeerFeedbackForm>(
      html`<peer-feedback-form template-id="quick-praise" recipient-id=${recipient.id}></peer-feedback-form>`,
    );
    await ready(el);
    typeInto($<HTMLTextAreaElement>(el, 'textarea[id="q:what"]')!, 'Written while /me was slow');
    const saved = () => {
      const key = draftKeys(recipient.id)[0];
      return key ? (JSON.parse(localStorage.getItem(key)!) as { owner: string | null }) : undefined;
    };
    expect(saved()?.owner).to.equal(null, 'saved before /me answered');
    await until(() => saved()?.owner === giver.id, 'the owner');
  });

  it('puts the server’s refusal next to the fields and keeps every answer (daily limit)', async () => {
    signIn(givers[2].id);
    const recipient = recipientFor(2);
    const failed: CustomEvent[] = [];
    const el = await fixture<PeerFeedbackForm>(
      html`<peer-feedback-form
        template-id="quick-praise"
        recipient-id=${recipient.id}
        @peer-feedback-failed=${(e: CustomEvent) => failed.push(e)}
      ></peer-feedback-form>`,
    );
    await ready(el);
    typeInto($<HTMLTextAreaElement>(el, 'textarea[id="q:what"]')!, 'You answered every question in the town hall.');
    await injectFault({
      method: 'POST',
      path: '/api/feedback',
      status: 429,
      retryAfter: '0',
      type: FeedbackProblem.dailyLimit,
      times: 10,
    });
    $(el, 'button[type="submit"]')!.click();
    await until(() => failed.length === 1, 'peer-feedback-failed');
    await el.updateComplete;
    expect($(el, '.summary')!.textContent).to.contain('as much feedback as one day allows');
    expect(deepActive() === $(el, '.summary')).to.be.true;
    expect($<HTMLTextAreaElement>(el, 'textarea[id="q:what"]')!.value).to.equal(
      'You answered every question in the town hall.',
    );
    expect(outboxKeys()).to.deep.equal([], 'a refusal does not wait in the outbox');
    expect(draftKeys(recipient.id)).to.have.length(1, 'the draft is still saved');
  });

  it('shows that it is sending, and is accessible meanwhile', async () => {
    signIn(givers[10].id);
    const el = await fixture<PeerFeedbackForm>(
      html`<peer-feedback-form template-id="quick-praise" recipient-id=${recipientFor(10).id}></peer-feedback-form>`,
    );
    await ready(el);
    typeInto($<HTMLTextAreaElement>(el, 'textarea[id="q:what"]')!, 'You made the quarterly planning feel calm.');
    await injectFault({ method: 'POST', path: '/api/feedback', delayMs: 1500 });
    $(el, 'button[type="submit"]')!.click();
    await until(() => $(el, 'form')?.getAttribute('aria-busy') === 'true', 'sending');
    expect($(el, 'button[type="submit"]')!.textContent!.trim()).to.equal('Sending…');
    expect($(el, 'button[type="submit"]')!.getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
    $(el, 'button[type="submit"]')!.click(); // a second press while sending does nothing
    await until(() => !!$(el, '.sent'), 'sent');
    const posts = (await serverRequests('/api/feedback')).filter((r) => r.method === 'POST');
    expect(posts).to.have.length(1);
  });

  it('lets the host page cancel a send: nothing reaches the server, nothing is lost', async () => {
    signIn(givers[3].id);
    const el = await fixture<PeerFeedbackForm>(
      html`<peer-feedback-form
        template-id="quick-praise"
        recipient-id=${recipientFor(3).id}
        @peer-feedback-sending=${(e: CustomEvent) => e.preventDefault()}
      ></peer-feedback-form>`,
    );
    await ready(el);
    typeInto($<HTMLTextAreaElement>(el, 'textarea[id="q:what"]')!, 'Thanks for the careful review.');
    $(el, 'button[type="submit"]')!.click();
    await until(() => !!$(el, '.summary'), 'the message');
    expect($(el, '.summary')!.textContent).to.contain('stopped by this page');
    expect($<HTMLTextAreaElement>(el, 'textarea[id="q:what"]')!.value).to.equal('Thanks for the careful review.');
    expect((await serverRequests('/api/feedback')).filter((r) => r.method === 'POST')).to.have.length(0);
  });

  it('waits in the outbox while the network is down, and once online is delivered exactly once', async () => {
    const giver = givers[4];
    const recipient = recipientFor(4);
    signIn(giver.id);
    const marker = `Outbox marker ${Date.now()}: thank you for covering the on-call week.`;
    const events: string[] = [];
    const el = await fixture<PeerFeedbackForm>(
      html`<peer-feedback-form
        template-id="quick-praise"
        recipient-id=${recipient.id}
        @peer-feedback-queued=${() => events.push('queued')}
        @peer-feedback-submitted=${(e: CustomEvent) => events.push(`submitted queued=${e.detail.queued}`)}
      ></peer-feedback-form>`,
    );
    await ready(el);
    typeInto($<HTMLTextAreaElement>(el, 'textarea[id="q:what"]')!, marker);
    // When the connection is back, the first answer is lost after the server stored it: the retry must not store it again.
    await injectFault({ method: 'POST', path: '/api/feedback', dropAfter: true, times: 1 });
    await executeServerCommand('block-urls', { urls: [`${apiUrl}/feedback*`] });
    window.dispatchEvent(new Event('offline'));
    try {
      $(el, 'button[type="submit"]')!.click();
      await until(() => events.includes('queued'), 'queued');
      await el.updateComplete;
      expect($(el, '.notice.queued')!.textContent).to.contain('will be sent by itself');
      expect(outboxKeys()).to.have.length(1);
      expect(draftKeys(recipient.id)).to.have.length(1);
      await expect(el).to.be.accessible();
    } finally {
      await executeServerCommand('block-urls', { urls: [] });
    }
    // The `online` event sends it; nothing is pressed.
    await backOnlineUntilSent(el, events);
    const posts = (await serverRequests('/api/feedback')).filter((r) => r.method === 'POST');
    expect(posts.length).to.equal(2, 'the answer lost after storing was retried, once');
    const stored = (await receivedBy(recipient.id)).filter((f) => f.answers.what === marker);
    expect(stored).to.have.length(1);
    expect(outboxKeys()).to.deep.equal([]);
    expect(draftKeys(recipient.id)).to.deep.equal([]);
  });

  it('sends an outbox item once when two tabs flush it at the same moment', async () => {
    const giver = givers[5];
    const recipient = recipientFor(5);
    const marker = `Two tabs marker ${Date.now()}`;
    localStorage.setItem(
      `peerkit:outbox:v1:rest ${apiUrl}:feedback`,
      JSON.stringify([
        {
          id: `two-tabs-${Date.now()}`,
          payload: {
            templateId: 'quick-praise',
            recipientId: recipient.id,
            kind: 'praise',
            answers: { what: marker },
            visibility: 'recipient',
            anonymous: false,
          },
          owner: giver.id,
          draftId: 'quick-praise:*',
          queuedAt: Date.now(),
          attempts: 1,
          nextAttemptAt: Date.now(),
        },
      ]),
    );
    // Two tabs, each sending what waits in the outbox.
    const frames = framesOf(formPage(giver.id, 'talk'), 2);
    try {
      await eventually(async () => outboxKeys().length === 0, 'the outbox emptied', 15_000);
      await new Promise((r) => setTimeout(r, 300));
      const posts = (await serverRequests('/api/feedback')).filter((r) => r.method === 'POST');
      expect(posts).to.have.length(1, 'the second tab found it sent and did not send again');
      expect((await receivedBy(recipient.id)).filter((f) => f.answers.what === marker)).to.have.length(1);
    } finally {
      for (const frame of frames) frame.remove();
    }
  });

  it('keeps hostile text as text, in the form and through the server', async () => {
    const giver = givers[6];
    const recipient = recipientFor(6);
    signIn(giver.id);
    const strings = (await (await fetch('/__shared/blns.json')).json()) as string[];
    const el = await fixture<PeerFeedbackForm>(
      html`<peer-feedback-form template-id="sbi" recipient-id=${recipient.id}></peer-feedback-form>`,
    );
    await ready(el);
    const elementsBefore = shadow(el).querySelectorAll('*').length;
    const field = $<HTMLTextAreaElement>(el, 'textarea[id="q:behaviour"]')!;
    for (const text of strings) {
      typeInto(field, text);
      await el.updateComplete;
      expect(field.value).to.equal(text);
    }
    expect(shadow(el).querySelectorAll('script, img, iframe, svg, a[href^="javascript"]')).to.have.length(0);
    expect(shadow(el).querySelectorAll('*').length).to.equal(elementsBefore);

    // Eight of them sent for real and read back unchanged.
    const hostile = strings.filter((s) => s.trim().length >= 10 && s.trim().length < 500 && /[<>"'&{}\u202e]/.test(s));
    const sample = hostile.filter((_, i) => i % Math.ceil(hostile.length / 8) === 0).slice(0, 8);
    expect(sample.length).to.equal(8);
    for (const text of sample) {
      typeInto($<HTMLTextAreaElement>(el, 'textarea[id="q:situation"]')!, text);
      typeInto($<HTMLTextAreaElement>(el, 'textarea[id="q:behaviour"]')!, text);
      typeInto($<HTMLTextAreaElement>(el, 'textarea[id="q:impact"]')!, text);
      $(el, 'button[type="submit"]')!.click();
      await until(() => !!$(el, '.sent') || !!$(el, '.summary'), 'sent');
      expect($(el, '.summary'), `refused: ${text}`).to.equal(null);
      $<HTMLButtonElement>(el, '.sent button')!.click();
      await el.updateComplete;
    }
    const stored = (await receivedBy(recipient.id)).map((f) => f.answers.behaviour);
    for (const text of sample) expect(stored).to.include(text.trim());
  });

  it('renders hostile template text and names as text (MemoryBackend)', async () => {
    const backend = new MemoryBackend({ meId: 'u0001', storageScope: `hostile-${Date.now()}` });
    backend.feedbackTemplates[0] = {
      ...backend.feedbackTemplates[0],
      name: '<img src=x onerror=alert(1)>',
      description: '"><script>alert(1)</script>',
      questions: [
        {
          id: 'q',
          kind: 'rating',
          prompt: '‮evil prompt',
          required: true,
          scale: { min: 1, max: 2, labels: ['<b>a</b>', '<i>b</i>'] },
        },
        {
          id: 'c',
          kind: 'choice',
          prompt: 'Choose',
          required: false,
          multiple: false,
          options: [
            { id: 'x', label: '<svg onload=alert(1)>' },
            { id: 'y', label: 'y' },
          ],
        },
      ],
    };
    const el = await fixture<PeerFeedbackForm>(
      html`<peer-provider .backend=${backend}
        ><peer-feedback-form template-id="quick-praise"></peer-feedback-form
      ></peer-provider>`,
    ).then((p) => p.querySelector('peer-feedback-form')!);
    await ready(el);
    expect($(el, 'h3')!.textContent).to.equal('<img src=x onerror=alert(1)>');
    expect(shadow(el).querySelectorAll('img, script, svg, b, i')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows loading, not found, and an error with retry; every state is accessible', async () => {
    signIn(givers[7].id);
    await injectFault({ path: '/api/feedback-templates/sbi', delayMs: 800 });
    const loading = await fixture<PeerFeedbackForm>(html`<peer-feedback-form template-id="sbi"></peer-feedback-form>`);
    await until(() => !!$(loading, '.skeleton'), 'loading');
    expect($(loading, '.skeleton')!.getAttribute('aria-busy')).to.equal('true');
    await expect(loading).to.be.accessible();
    await ready(loading);

    const missing = await fixture<PeerFeedbackForm>(
      html`<peer-feedback-form template-id="retired"></peer-feedback-form>`,
    );
    await ready(missing);
    expect($(missing, '.not-found')!.textContent).to.contain('not available');
    await expect(missing).to.be.accessible();

    await injectFault({ path: '/api/feedback-templates/talk', status: 503, retryAfter: '0', times: 10 });
    const broken = await fixture<PeerFeedbackForm>(html`<peer-feedback-form template-id="talk"></peer-feedback-form>`);
    await ready(broken);
    expect($(broken, '[part~="error"]')!.textContent).to.contain('Could not load the feedback form');
    await expect(broken).to.be.accessible();
    // A button the size of its label, as in every other widget's error, not a bar across the form.
    const retry = $(broken, '[part~="retry-button"]')!.getBoundingClientRect().width;
    expect(retry).to.be.below($(broken, '[part~="error"]')!.getBoundingClientRect().width / 3);
    await resetServer();
    $(broken, '[part~="retry-button"]')!.click();
    await until(() => !!$(broken, 'form'), 'loaded after retry');
  });

  it('reads right to left in Arabic and stays accessible in the dark theme', async () => {
    signIn(givers[8].id);
    const wrapper = await fixture(
      html`<div lang="ar" dir="rtl">
        <peer-feedback-form template-id="project" recipient-id=${recipientFor(8).id} theme="dark"></peer-feedback-form>
      </div>`,
    );
    const el = wrapper.querySelector<PeerFeedbackForm>('peer-feedback-form')!;
    await ready(el);
    expect($(el, '.root')!.getAttribute('dir')).to.equal('rtl');
    expect($(el, 'button[type="submit"]')!.textContent!.trim()).to.equal('إرسال الملاحظات');
    const points = $$(el, '.point');
    expect(points[0].getBoundingClientRect().left).to.be.greaterThan(points[1].getBoundingClientRect().left);
    await expect(el).to.be.accessible();
  });

  it('brings the draft back after a real page reload, and a queued send survives one too', async () => {
    const giver = givers[9];
    const recipient = recipientFor(9);
    const [frame] = framesOf(formPage(giver.id, 'quick-praise', recipient.id), 1);
    try {
      const form = () => frame.contentDocument?.querySelector('peer-feedback-form') as PeerFeedbackForm | null;
      const reload = async () => {
        const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
        frame.contentWindow!.location.reload();
        await loaded;
      };
      const text = () => form()?.shadowRoot?.querySelector<HTMLTextAreaElement>('textarea[id="q:what"]');
      await until(() => !!text(), 'the form in the frame', 15_000);
      typeInto(text()!, 'Half-written thanks that must not be lost');
      // The page goes away at once, as with a crash: no chance to save on unload.
      await reload();
      expect(text() ?? null).to.equal(null, 'a new page');
      await until(() => text()?.value === 'Half-written thanks that must not be lost', 'the restored draft', 15_000);
      await until(() => (form()!.shadowRoot!.querySelector('.notice')?.textContent ?? '').includes('draft'), 'notice');

      await injectFault({ method: 'POST', path: '/api/feedback', drop: true, times: 20 });
      form()!.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await until(() => !!form()!.shadowRoot!.querySelector('.notice.queued'), 'queued', 15_000);
      await reload();
      await until(() => !!form()?.shadowRoot?.querySelector('.notice.queued'), 'still queued after reload', 15_000);
      await resetServer();
      form()!.shadowRoot!.querySelector<HTMLButtonElement>('.notice.queued button')!.click();
      await until(() => !!form()?.shadowRoot?.querySelector('.sent'), 'delivered', 15_000);
      const stored = (await receivedBy(recipient.id)).filter(
        (f) => f.answers.what === 'Half-written thanks that must not be lost',
      );
      expect(stored).to.have.length(1);
    } finally {
      frame.remove();
    }
  });
  it('two tabs of one form keep one draft: each takes up what the other typed, and a send there clears it here', async () => {
    const giver = givers[12];
    const recipient = recipientFor(12);
    // Storage events go from each tab to the other.
    const frames = framesOf(formPage(giver.id, 'quick-praise', recipient.id), 2);
    try {
      const form = (n: number) =>
        frames[n].contentDocument?.querySelector('peer-feedback-form') as PeerFeedbackForm | null;
      const text = (n: number) => form(n)?.shadowRoot?.querySelector<HTMLTextAreaElement>('textarea[id="q:what"]');
      await until(() => !!text(0) && !!text(1), 'the form in both tabs', 15_000);
      await form(0)!.updateComplete;
      await form(1)!.updateComplete;
      typeInto(text(0)!, 'Started in the first tab');
      await until(() => text(1)!.value === 'Started in the first tab', 'the second tab taking up the draft', 5_000);
      // Taken up as it is typed, not brought back: no "Your draft from now is back".
      await form(1)!.updateComplete;
      expect(form(1)!.shadowRoot!.querySelector('[part="notice"]')!.textContent!.trim()).to.equal('');
      typeInto(text(1)!, 'Started in the first tab, finished in the second');
      await until(
        () => text(0)!.value === 'Started in the first tab, finished in the second',
        'the first tab taking up the longer draft',
        5_000,
      );
      // Typing on in the first tab now keeps what the second added.
      typeInto(text(0)!, `${text(0)!.value}!`);
      const saved = draftKeys(recipient.id).map((key) => JSON.parse(localStorage.getItem(key)!).value.answers.what);
      expect(saved).to.deep.equal(['Started in the first tab, finished in the second!']);

      form(1)!.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await until(() => !!form(1)!.shadowRoot!.querySelector('.sent'), 'sent from the second tab', 15_000);
      await until(() => text(0)!.value === '', 'the first tab cleared once it was sent', 5_000);
      expect(draftKeys(recipient.id)).to.deep.equal([]);
      const stored = (await receivedBy(recipient.id)).filter((f) => f.answers.what?.toString().startsWith('Started'));
      expect(stored).to.have.length(1);
    } finally {
      for (const frame of frames) frame.remove();
    }
  });
  it('two tabs of a form with a people picker keep its choice too, and "Start over" in one empties both', async () => {
    const giver = givers[13];
    const response = await fetch(`${apiUrl}/people/${recipientFor(13).id}`, {
      headers: { Authorization: `Bearer ${tokenOf(giver.id)}` },
    });
    const recipient = (await response.json()) as Person;
    const frames = framesOf(formPage(giver.id, 'quick-praise'), 2);
    try {
      const form = (n: number) =>
        frames[n].contentDocument?.querySelector('peer-feedback-form') as PeerFeedbackForm | null;
      const text = (n: number) => form(n)?.shadowRoot?.querySelector<HTMLTextAreaElement>('textarea[id="q:what"]');
      const picker = (n: number) => form(n)?.shadowRoot?.querySelector<PeerPeoplePicker>('[part~="picker"]') ?? null;
      await until(() => !!text(0) && !!text(1) && !!picker(0) && !!picker(1), 'the form in both tabs', 15_000);
      // Both know who is signed in (the picker leaves them out), so each has looked for a draft already.
      await until(() => picker(0)!.exclude.length === 1 && picker(1)!.exclude.length === 1, 'who is signed in', 15_000);
      await Promise.all([form(0)!.updateComplete, form(1)!.updateComplete]);
      picker(0)!.selected = [recipient];
      picker(0)!.dispatchEvent(new Event('change', { bubbles: true }));
      typeInto(text(0)!, 'Thanks for the clear handover');
      await until(() => text(1)!.value === 'Thanks for the clear handover', 'the text in the second tab', 5_000);
      await until(() => picker(1)!.value.join() === recipient.id, 'the recipient in the second tab', 5_000);

      form(1)!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="reset-button"]')!.click();
      await until(() => text(0)!.value === '' && picker(0)!.value.length === 0, 'the first tab emptied', 5_000);
    } finally {
      for (const frame of frames) frame.remove();
    }
  });
});
