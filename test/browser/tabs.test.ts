import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { PeerFeedbackForm } from '../../src/components/feedback-form/feedback-form.component.js';
import type { PeerFeedbackInbox } from '../../src/components/feedback-inbox/feedback-inbox.component.js';
import type { PeerMentorCard } from '../../src/components/mentor-card/mentor-card.component.js';
import type { PeerMentorships } from '../../src/components/mentorships/mentorships.component.js';
import type { PeerSkillMap } from '../../src/components/skill-map/skill-map.component.js';
import type { MentorProfile, MentorshipRequest } from '../../src/contract/mentors.js';
import type { Person } from '../../src/contract/people.js';
import type { PeerBackend } from '../../src/core/backend.js';
import { PeerElement } from '../../src/core/peer-element.js';
import { emitInAllTabs, onTabEvents } from '../../src/core/tabs.js';
import { framed, mentorWithRoom, twoTabs, typeInto } from './frames.js';
import { apiUrl, call, eventually, resetServer, serverRequests, until } from './helpers.js';

/*
 * What one tab saves, the origin's other tabs show: a request sent, withdrawn or ended, a skill
 * rated. Two frames are two documents of one origin, as two tabs are.
 */

const $ = <T extends Element = HTMLElement>(root: Element | null | undefined, selector: string) =>
  root?.shadowRoot?.querySelector<T>(selector) ?? null;

class Listening extends LitElement {}
customElements.define('tabs-test-listening', Listening);
class Telling extends PeerElement {}
customElements.define('tabs-test-telling', Telling);

describe('what one tab saves, the other tabs show', () => {
  beforeEach(() => resetServer());

  it("tells other tabs of an event with its backend's scope, and hears theirs, not its own nor another backend's", async () => {
    const cleared: string[] = [];
    const heard: string[] = [];
    const backend = { storageScope: 'tabs-test', clearCache: () => cleared.push('cleared') } as unknown as PeerBackend;
    const host = document.createElement('tabs-test-listening') as Listening;
    onTabEvents(
      host,
      ['peer-skill-rated'],
      () => backend,
      (event) => {
        heard.push(`${event.type}:${JSON.stringify((event as CustomEvent).detail)}:${cleared.length}`);
      },
    );
    document.body.append(host);
    // Another tab: a channel of its own, as the widgets of a tab open.
    const otherTab = new BroadcastChannel('peerkit:events');
    const told: unknown[] = [];
    otherTab.addEventListener('message', ({ data }) => told.push(data));
    const telling = document.createElement('tabs-test-telling') as Telling;
    const firedHere: unknown[] = [];
    telling.addEventListener('peer-skill-rated', (event) => firedHere.push((event as CustomEvent).detail));
    document.body.append(telling);
    try {
      const detail = { rating: { skillId: 'rust', level: 3 }, skill: { id: 'rust', name: 'Rust' } };
      emitInAllTabs(telling, 'tabs-test', 'peer-skill-rated', detail as never);
      await until(() => told.length === 1, 'the message in the other tab');
      expect(firedHere, 'fired on this page as well').to.deep.equal([detail]);
      const message = told[0] as { tab: string; scope: string; name: string; detail: unknown };
      expect([message.scope, message.name, message.detail]).to.deep.equal(['tabs-test', 'peer-skill-rated', detail]);
      // The same tab does not hear itself: its own widgets had the page event.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(heard).to.deep.equal([]);

      const from = (tab: string, scope: string, name = 'peer-skill-rated') =>
        otherTab.postMessage({ tab, scope, name, detail: { from: tab, scope } });
      const errors: string[] = [];
      const onError = (event: ErrorEvent) => errors.push(event.message);
      window.addEventListener('error', onError);
      // Whatever else another script says on the channel is not for us.
      otherTab.postMessage(null);
      otherTab.postMessage('peer-skill-rated');
      from(message.tab, 'tabs-test');
      from('another-tab', 'another-backend');
      from('another-tab', 'tabs-test', 'peer-kudos-deleted');
      from('another-tab', 'tabs-test');
      await until(() => heard.length > 0, 'the event from another tab');
      await new Promise((resolve) => setTimeout(resolve, 50));
      // Heard once, after the cache was dropped.
      expect(heard).to.deep.equal(['peer-skill-rated:{"from":"another-tab","scope":"tabs-test"}:1']);
      window.removeEventListener('error', onError);
      expect(errors).to.deep.equal([]);

      // A detail no message can carry is fired here all the same, and not told.
      const odd = { rating: { level: 2 }, skill: { id: 'go', describe: () => 'Go' } };
      expect(() => emitInAllTabs(telling, 'tabs-test', 'peer-skill-rated', odd as never)).not.to.throw();
      expect(firedHere.at(-1)).to.equal(odd);

      host.remove();
      from('another-tab', 'tabs-test');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(heard, 'nothing once off the page').to.have.length(1);
      expect(told, 'only what a message can carry was told').to.have.length(1);
    } finally {
      otherTab.close();
      host.remove();
      telling.remove();
    }
  });

  it('a request sent from a mentor card in one tab shows on the same card in another', async () => {
    const mentee = 'u0091';
    const mentor = await mentorWithRoom(mentee);
    const tabs = await twoTabs('peer-mentor-card', mentee, { 'mentor-id': mentor.id });
    try {
      const card = (n: number) => tabs[n].element<PeerMentorCard>();
      const button = (n: number) => $<HTMLButtonElement>(card(n), '[part~="request-button"]');
      const label = (n: number) => button(n)?.textContent?.trim();
      // Enabled once it is known who is signed in: a click before that does nothing.
      for (const n of [0, 1]) {
        await until(
          () => label(n) === 'Request mentorship' && !button(n)!.disabled,
          `the card in tab ${n + 1}`,
          15_000,
        );
      }

      button(0)!.click();
      await until(() => !!$<HTMLDialogElement>(card(0), 'dialog')?.open, 'the dialog');
      typeInto($<HTMLInputElement>(card(0), '#goal')!, 'Learn to review designs');
      $<HTMLButtonElement>(card(0), 'button[type="submit"]')!.click();
      await until(() => !!$(card(0), '.sent'), 'sent from the first tab', 15_000);
      // The second tab had the profile from a moment ago in its cache: it asks again.
      await until(() => label(1) === 'Request sent', 'the request in the second tab', 5_000);
      expect($(card(1), '#request-reason')!.textContent).to.equal('Your request is waiting for their answer.');
      const posts = (await serverRequests('/api/mentorship-requests')).filter((r) => r.method === 'POST');
      expect(posts).to.have.length(1);
    } finally {
      for (const tab of tabs) tab.remove();
    }
  });

  it('a request withdrawn in one tab of the mentorships list moves to the earlier ones in another', async () => {
    const mentee = 'u0092';
    const mentor = await mentorWithRoom(mentee);
    const asked = await call<MentorshipRequest>('/mentorship-requests', mentee, {
      mentorId: mentor.id,
      goal: 'Learn to plan a migration',
    });
    expect(asked.status).to.equal(201);
    const tabs = await twoTabs('peer-mentorships', mentee);
    try {
      const row = (n: number) =>
        [...(tabs[n].element<PeerMentorships>()?.shadowRoot?.querySelectorAll('li') ?? [])].find(
          (li) => li.querySelector('.goal')?.textContent === 'Learn to plan a migration',
        );
      const group = (n: number) => row(n)?.closest('[part]')?.getAttribute('part');
      for (const n of [0, 1]) await until(() => group(n) === 'waiting', `the list in tab ${n + 1}`, 15_000);

      row(0)!.querySelector<HTMLButtonElement>('.ask')!.click();
      await until(() => !!row(0)?.querySelector('.confirm'), 'asked once more');
      row(0)!.querySelector<HTMLButtonElement>('.confirm')!.click();
      await until(() => group(0) === 'earlier', 'withdrawn in the first tab', 15_000);
      await until(() => group(1) === 'earlier', 'withdrawn in the second tab', 5_000);
      expect(row(1)!.querySelector('.ask'), 'nothing left to withdraw there').to.equal(null);
    } finally {
      for (const tab of tabs) tab.remove();
    }
  });

  it('a mentorship a mentor ends in one tab leaves their list of mentees, and frees a place, in another', async () => {
    const mentee = 'u0093';
    const goal = 'Learn to chair a design review';
    const { items } = (await call<{ items: MentorProfile[] }>('/mentors?available=true&limit=100', mentee)).body;
    // The last with room: tests that pick a mentor for a request take the first.
    const mentor = items.filter((m) => m.id !== mentee && m.activeMentees + 1 < m.capacity && !m.yourRequest).at(-1)!;
    const asked = await call<MentorshipRequest>('/mentorship-requests', mentee, { mentorId: mentor.id, goal });
    expect(asked.status).to.equal(201);
    expect((await call(`/mentorship-requests/${asked.body.id}/accept`, mentor.id, {})).status).to.equal(200);
    const tabs = await twoTabs('peer-mentor-card', mentor.id, { 'mentor-id': mentor.id });
    try {
      const settings = (n: number) => $(tabs[n].element(), 'peer-mentor-settings');
      const row = (n: number) =>
        [...(settings(n)?.shadowRoot?.querySelectorAll('[part~="mentees"] li') ?? [])].find(
          (li) => li.querySelector('.goal')?.textContent === goal,
        );
      const places = (n: number) => $(tabs[n].element(), '[part~="availability"] .status')?.textContent;
      for (const n of [0, 1]) await until(() => !!row(n), `the mentee in tab ${n + 1}`, 15_000);
      const before = places(1);

      row(0)!.querySelector<HTMLButtonElement>('.ask-end')!.click();
      await until(() => !!row(0)?.querySelector('.confirm'), 'asked once more');
      row(0)!.querySelector<HTMLButtonElement>('.confirm')!.click();
      await until(() => !row(0), 'ended in the first tab', 15_000);
      await until(() => !row(1), 'gone from the second tab', 5_000);
      expect(places(1)).to.equal(places(0));
      expect(places(1)).not.to.equal(before);
    } finally {
      for (const tab of tabs) tab.remove();
    }
  });

  it('a request a mentor accepts in one tab leaves those waiting, and takes a place, in another', async () => {
    const mentee = 'u0094';
    const goal = 'Learn to run an incident review';
    const mentor = await mentorWithRoom(mentee);
    const asked = await call<MentorshipRequest>('/mentorship-requests', mentee, { mentorId: mentor.id, goal });
    expect(asked.status).to.equal(201);
    const tabs = await twoTabs('peer-mentor-card', mentor.id, { 'mentor-id': mentor.id });
    try {
      const row = (n: number) =>
        [...(tabs[n].element()?.shadowRoot?.querySelectorAll('.incoming-request') ?? [])].find(
          (li) => li.querySelector('.goal')?.textContent === goal,
        );
      const places = (n: number) => $(tabs[n].element(), '[part~="availability"] .status')?.textContent;
      for (const n of [0, 1])
        await until(() => !!row(n)?.querySelector('.primary'), `the request in tab ${n + 1}`, 15_000);
      const before = places(1);
      const answered: unknown[] = [];
      tabs[0]
        .element()!
        .addEventListener('peer-mentorship-answered', (event) => answered.push((event as CustomEvent).detail));

      row(0)!.querySelector<HTMLButtonElement>('.primary')!.click();
      await until(
        () => row(0)?.querySelector('.status')?.textContent === 'Accepted',
        'accepted in the first tab',
        15_000,
      );
      const told = answered.map((detail) => (detail as { request: MentorshipRequest }).request);
      expect(told.map((r) => [r.id, r.state])).to.deep.equal([[asked.body.id, 'accepted']], 'fired on its page');
      await until(() => !row(1), 'no longer waiting in the second tab', 5_000);
      await until(() => places(1) === places(0), 'the place taken in the second tab', 5_000);
      expect(places(1)).not.to.equal(before);
    } finally {
      for (const tab of tabs) tab.remove();
    }
  });

  it('feedback a manager sends from a form in one tab shows in their inbox of that person in another', async () => {
    const recipient = 'u0143';
    const marker = 'Sent from the other tab: thank you for the calm release.';
    const { managerId } = (await call<Person>(`/people/${recipient}`, recipient)).body;
    expect(managerId).to.be.a('string');
    const inbox = await framed('peer-feedback-inbox', managerId!, { 'person-id': recipient, 'page-size': '100' });
    const form = await framed('peer-feedback-form', managerId!, {
      'template-id': 'quick-praise',
      'recipient-id': recipient,
    });
    try {
      const list = () => inbox.element<PeerFeedbackInbox>()?.shadowRoot;
      const shown = () => [...(list()?.querySelectorAll('[part~="item"]') ?? [])].map((item) => item.textContent ?? '');
      await until(() => !!list()?.querySelector('.list, [part~="empty"]'), 'the inbox', 15_000);
      expect(shown().some((text) => text.includes(marker))).to.equal(false);
      // Sends to someone else, and what is not an outbox, leave the list as it is.
      const loads = async () => (await serverRequests(`/api/people/${recipient}/feedback`)).length;
      const loaded = await loads();
      const frameWindow = inbox.element()!.ownerDocument.defaultView!;
      const key = `peerkit:outbox:v1:rest ${apiUrl}:feedback`;
      const other = JSON.stringify([{ id: 'k1', payload: { recipientId: 'u0001' } }]);
      for (const [oldValue, changed] of [
        [other, key],
        ['not json', key],
        ['null', key],
        [JSON.stringify([{ id: 'k2', payload: { recipientId: recipient } }]), 'peerkit:outbox:v1:elsewhere:feedback'],
      ]) {
        frameWindow.dispatchEvent(new StorageEvent('storage', { key: changed, oldValue, newValue: null }));
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await loads(), 'no load for what is not a send to them').to.equal(loaded);
      // The same key with a send to them that left the outbox: one load (so the key above is the outbox's).
      const toThem = JSON.stringify([{ id: 'k3', payload: { recipientId: recipient } }]);
      frameWindow.dispatchEvent(new StorageEvent('storage', { key, oldValue: toThem, newValue: '[]' }));
      await eventually(async () => (await loads()) === loaded + 1, 'one load', 5_000);
      const sender = () => form.element<PeerFeedbackForm>();
      await until(() => !!$(sender(), 'textarea[id="q:what"]'), 'the form', 15_000);
      typeInto($<HTMLTextAreaElement>(sender(), 'textarea[id="q:what"]')!, marker);
      $<HTMLInputElement>(sender(), 'input[name="visibility"][value="recipient-and-manager"]')!.click();
      $<HTMLButtonElement>(sender(), 'button[type="submit"]')!.click();
      await until(() => !!$(sender(), '.sent'), 'sent from the first tab', 15_000);
      await until(() => shown().some((text) => text.includes(marker)), 'shown in the inbox of the other tab', 5_000);
    } finally {
      inbox.remove();
      form.remove();
    }
  });

  it('a skill rated in one tab shows in the skill map of another', async () => {
    const me = 'u0089';
    const tabs = await twoTabs('peer-skill-map', me, { department: 'eng', skills: 'kubernetes' });
    try {
      const map = (n: number) => tabs[n].element<PeerSkillMap>();
      const mine = (n: number) => $(map(n), '.row.own .cell[data-pos$=":1"] [aria-hidden]')?.textContent;
      for (const n of [0, 1]) await until(() => !!mine(n), `my row in tab ${n + 1}`, 15_000);
      const choice = mine(0) === '5' ? '4' : '5';

      const r = Number($(map(0), '.row.own .name')!.dataset.pos!.split(':')[0]);
      $<HTMLElement>(map(0), `[data-pos="${r}:1"]`)!.click();
      await until(() => !!$(map(0), '[part~="editor"]'), 'the level picker');
      $<HTMLInputElement>(map(0), `[part~="editor"] input[value="${choice}"]`)!.click();
      await map(0)!.updateComplete;
      $<HTMLButtonElement>(map(0), '[part~="editor"] .primary')!.click();
      await until(() => mine(0) === choice, 'the rating in the first tab', 15_000);
      await until(() => mine(1) === choice, 'the rating in the second tab', 5_000);
    } finally {
      for (const tab of tabs) tab.remove();
    }
  });
});
