import { html, nothing, type PropertyDeclarations } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import type { MentorProfile, MentorshipRequest } from '../../contract/mentors.js';
import { BackendController } from '../../core/context.js';
import { renderConfirm } from '../../core/confirm-view.js';
import { errorStyles, renderError } from '../../core/error-view.js';
import type { PeerError } from '../../core/errors.js';
import { asPeerError } from '../../core/errors.js';
import { formStyles } from '../../core/form-styles.js';
import { LocalizeController } from '../../core/i18n/localize.js';
import { mentorshipListStyles } from '../../core/list-styles.js';
import { mentorshipsMessages } from '../../core/i18n/en-mentorships.js';
import { PeerElement } from '../../core/peer-element.js';
import { ResourceController } from '../../core/resource-controller.js';
import { onPageEvents } from '../../core/page-events.js';
import { emitInAllTabs, onTabEvents } from '../../core/tabs.js';
import { tokens } from '../../core/tokens.js';
import { PeerPerson } from '../person/person.component.js';
import { mentorshipsStyles } from './mentorships.styles.js';
import { headingAt } from '../../core/heading.js';

declare module '../../core/peer-element.js' {
  interface PeerEventDetails {
    'peer-mentorship-withdrawn': { request: MentorshipRequest };
    /** `profile`: the mentor's profile now, when the mentor ended it on their own card. */
    'peer-mentorship-ended': { request: MentorshipRequest; profile?: MentorProfile };
  }
}

type Action = 'withdraw' | 'end';

const pastState = {
  declined: 'mentorships.declined',
  withdrawn: 'mentorships.withdrawn',
  expired: 'mentorships.expired',
  ended: 'mentorships.ended',
} as const;

/**
 * @customElement peer-mentorships
 * @summary The signed-in person's mentorship requests and mentorships as a mentee: waiting, running and earlier.
 *
 * A request still waiting for an answer can be withdrawn, a running mentorship ended; each asks
 * once more first, with "Keep it" focused (Escape keeps it too). Once done, the status line says
 * so and the focus goes to the heading. A request answered or withdrawn elsewhere meanwhile
 * loads again and says so. A request sent from a mentor card on the same page joins the list.
 *
 * @csspart base - The card.
 * @csspart waiting - The requests waiting for an answer.
 * @csspart running - The running mentorships.
 * @csspart earlier - Declined, withdrawn, expired and ended ones, folded.
 * @csspart empty - Shown when there is none.
 * @csspart error - Why the list could not be loaded, or a request not withdrawn or ended.
 * @csspart retry-button - Tries again.
 *
 * @event peer-mentorship-withdrawn - A waiting request was withdrawn; `detail.request` is it now (`withdrawn`).
 * @event peer-mentorship-ended - A running mentorship was ended; `detail.request` is it now (`ended`).
 * @event peer-error - Loading failed; `detail.error` is the `PeerError`, `detail.retry()` tries again.
 */
export class PeerMentorships extends PeerElement {
  static override defaultTag = 'peer-mentorships';
  static override styles = [tokens, formStyles, errorStyles, mentorshipListStyles, mentorshipsStyles];
  static override dependencies = [PeerPerson];

  static override properties: PropertyDeclarations = {
    confirming: { state: true },
    acting: { state: true },
    failure: { state: true },
    changed: { state: true },
    done: { state: true },
  };

  /** The request whose withdrawal or end is being confirmed. */
  private confirming?: string;
  private acting?: string;
  private failure?: { error: PeerError; request: MentorshipRequest; action: Action };
  /** Requests changed here, as the server answered: shown so until the list loads again. */
  private changed = new Map<string, MentorshipRequest>();
  /** What the status line says: the last thing done here. */
  private done?: 'mentorships.didWithdraw' | 'mentorships.didEnd' | 'mentorships.changed';

  readonly #localize = new LocalizeController(this, mentorshipsMessages);
  readonly #backend = new BackendController(this);
  readonly #requests = new ResourceController(this, this.#backend, {
    args: () => [] as const,
    load: (backend, _args, signal) => backend.getMyMentorshipRequests('mentee', { signal }),
    isEmpty: (requests) => requests.length === 0,
  });

  constructor() {
    super();
    // A request sent from a mentor card on the page: the list loads again, in the background, to show it.
    onPageEvents(this, ['peer-mentorship-requested'], () => this.#requests.refresh());
    // One sent, withdrawn or ended in another tab: so does this list.
    onTabEvents(
      this,
      ['peer-mentorship-requested', 'peer-mentorship-withdrawn', 'peer-mentorship-ended'],
      () => this.#backend.value,
      () => this.#requests.refresh(),
    );
  }

  override render() {
    const t = this.#localize;
    const failure = this.failure;
    return html`<section part="base" class="base" aria-labelledby="heading">
      <h2 id="heading" tabindex="-1" aria-level=${headingAt(this)}>${t.term('mentorships.heading')}</h2>
      ${this.#requests.render({
        pending: () => html`<p class="hint" role="status" aria-busy="true">${t.term('common.loading')}</p>`,
        empty: () => html`<p part="empty" class="hint">${t.term('mentorships.none')}</p>`,
        error: (error, retry) => renderError(t, t.term('mentorships.loadError'), error, retry),
        complete: (requests) => this.#renderGroups(requests.map((r) => this.changed.get(r.id) ?? r)),
      })}
      ${
        failure
          ? renderError(
              t,
              t.term(failure.action === 'end' ? 'mentorships.endFailed' : 'mentorships.withdrawFailed'),
              failure.error,
              () => this.#act(failure.request, failure.action),
            )
          : nothing
      }
      <p class="hint" role="status">${this.done ? t.term(this.done) : ''}</p>
    </section>`;
  }

  #renderGroups(requests: MentorshipRequest[]) {
    const t = this.#localize;
    const waiting = requests.filter((r) => r.state === 'pending');
    const running = requests.filter((r) => r.state === 'accepted');
    const earlier = requests
      .filter((r) => r.state !== 'pending' && r.state !== 'accepted')
      .sort((a, b) => (b.respondedAt ?? b.expiresAt).localeCompare(a.respondedAt ?? a.expiresAt));
    const list = (items: MentorshipRequest[]) =>
      html`<ul>
        ${items.map((r) => this.#renderRequest(r))}
      </ul>`;
    // A group with a heading that names it; its part is written out where it is used.
    const group = (id: string, heading: string, items: MentorshipRequest[]) =>
      html`<h3 id=${id} aria-level=${headingAt(this, 1)}>${heading}</h3>
        ${list(items)}`;
    const waitingGroup = group('waiting-heading', t.term('mentorships.waiting'), waiting);
    const runningGroup = group('running-heading', t.term('mentorships.running'), running);
    return html`${
      waiting.length
        ? html`<section part="waiting" aria-labelledby="waiting-heading">${waitingGroup}</section>`
        : nothing
    }
    ${running.length ? html`<section part="running" aria-labelledby="running-heading">${runningGroup}</section>` : nothing}
    ${
      earlier.length
        ? html`<details part="earlier">
            <summary>${t.term('mentorships.earlier', t.number(earlier.length))}</summary>
            ${list(earlier)}
          </details>`
        : nothing
    }`;
  }

  #renderRequest(request: MentorshipRequest) {
    const t = this.#localize;
    const day = (iso: string) => t.date(iso, { dateStyle: 'medium' });
    const state = request.state;
    const when =
      state === 'pending'
        ? t.term('mentorships.sent', t.relativeTime(request.createdAt, undefined, true), day(request.expiresAt))
        : state === 'accepted'
          ? t.term('mentorships.since', day(request.respondedAt ?? request.createdAt))
          : t.term(pastState[state], day(request.respondedAt ?? request.expiresAt));
    const action = state === 'pending' ? 'withdraw' : state === 'accepted' ? 'end' : undefined;
    const goal = `goal-${request.id}`;
    return staticHtml`<li>
      <span class="who">
        <${this.tagOf(PeerPerson)} person-id=${request.mentorId} size="small"></${this.tagOf(PeerPerson)}>
        <span class="hint">${when}</span>
      </span>
      <bdi class="goal" id=${goal}>${request.goal}</bdi>
      ${action ? this.#renderActions(request, action, goal) : nothing}
    </li>`;
  }

  #renderActions(request: MentorshipRequest, action: Action, goal: string) {
    const t = this.#localize;
    const end = action === 'end';
    if (this.confirming !== request.id) {
      return html`<span class="actions">
        <button
          type="button"
          class="secondary ask"
          data-id=${request.id}
          aria-describedby=${goal}
          @click=${() => this.#ask(request)}
        >
          ${t.term(end ? 'mentorships.endAsk' : 'mentorships.withdrawAsk')}
        </button>
      </span>`;
    }
    return renderConfirm({
      id: `confirm-${request.id}`,
      question: t.term(end ? 'mentorships.confirmEnd' : 'mentorships.confirmWithdraw'),
      act: t.term(end ? 'mentorships.end' : 'mentorships.withdraw'),
      keep: t.term('mentorships.keep'),
      about: goal,
      busy: this.acting === request.id,
      onAct: () => this.#act(request, action),
      onKeep: () => this.#keep(request),
    });
  }

  /** Asks once more; the safe answer, "Keep it", takes the focus. */
  async #ask(request: MentorshipRequest) {
    this.confirming = request.id;
    this.failure = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.keep')?.focus();
  }

  /** Keeps it: the question goes, and the focus returns to the button that asked it. */
  async #keep(request: MentorshipRequest) {
    this.confirming = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`.ask[data-id="${CSS.escape(request.id)}"]`)?.focus();
  }

  async #act(request: MentorshipRequest, action: Action) {
    if (this.acting) return;
    this.acting = request.id;
    this.failure = undefined;
    this.done = undefined;
    try {
      const now = await this.#backend.value.respondToMentorshipRequest(request.id, action);
      this.changed = new Map(this.changed).set(now.id, now);
      this.confirming = undefined;
      this.done = action === 'end' ? 'mentorships.didEnd' : 'mentorships.didWithdraw';
      const scope = this.#backend.value.storageScope;
      if (action === 'end') emitInAllTabs(this, scope, 'peer-mentorship-ended', { request: now });
      else emitInAllTabs(this, scope, 'peer-mentorship-withdrawn', { request: now });
    } catch (error) {
      const failed = asPeerError(error);
      if (failed.status !== 409 && failed.status !== 404) {
        this.failure = { error: failed, request, action };
        return;
      }
      // Answered by the mentor, ended or expired meanwhile: the list shows how it stands now.
      this.confirming = undefined;
      this.done = 'mentorships.changed';
      this.changed = new Map();
      this.#requests.retry();
    } finally {
      this.acting = undefined;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
  }
}
