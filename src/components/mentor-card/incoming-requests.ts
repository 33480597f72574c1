import { html, nothing } from 'lit';
import { html as staticHtml, type StaticValue } from 'lit/static-html.js';
import type { MentorProfile, MentorshipRequest } from '../../contract/mentors.js';
import { MentorshipConflict } from '../../contract/problems.js';
import type { BackendController } from '../../core/context.js';
import { errorMessage, renderError } from '../../core/error-view.js';
import { asPeerError } from '../../core/errors.js';
import type { MentorMessages } from '../../core/i18n/en-mentor.js';
import type { LocalizeController } from '../../core/i18n/localize.js';
import type { PeerElement } from '../../core/peer-element.js';
import { ResourceController } from '../../core/resource-controller.js';
import { emitInAllTabs } from '../../core/tabs.js';

/** What the requests on a mentor's own card need of the card. */
export interface OwnCard {
  host: PeerElement;
  backend: BackendController;
  localize: LocalizeController<MentorMessages>;
  /** The mentor whose card it is, when it is the signed-in person's own. */
  ownId: () => string | undefined;
  /** The card's `<peer-person>` tag. */
  personTag: StaticValue;
  /** An accepted request took a place: the card shows one mentee more. */
  accepted: () => void;
}

/**
 * The requests waiting for a mentor, on their own card, to accept or decline. Only that card
 * shows them, so their code loads there (beside the settings), not with every mentor card.
 */
export class IncomingRequests {
  #answered = new Map<string, MentorshipRequest>();
  /** The request whose answer is on its way: its buttons wait. */
  #answering?: string;
  #error = '';
  readonly #requests: ResourceController<readonly [string], MentorshipRequest[]>;

  constructor(private readonly card: OwnCard) {
    this.#requests = new ResourceController(card.host, card.backend, {
      args: () => {
        const id = card.ownId();
        return id ? ([id] as const) : undefined;
      },
      load: (backend, _args, signal) => backend.getMyMentorshipRequests('mentor', { signal }),
    });
  }

  /** Loads the requests again in the background: one was sent, withdrawn or answered elsewhere. */
  refresh() {
    this.#requests.refresh();
  }

  render(profile: MentorProfile) {
    const t = this.card.localize;
    const full = profile.activeMentees >= profile.capacity;
    return this.#requests.render({
      pending: () => html`<p class="hint" aria-busy="true">${t.term('common.loading')}</p>`,
      complete: (requests) => {
        const waiting = requests.filter((r) => r.state === 'pending' || this.#answered.has(r.id));
        if (waiting.length === 0) return html`<p class="hint">${t.term('mentor.noIncoming')}</p>`;
        return html`<ul class="incoming">
            ${waiting.map((request, i) => this.#renderRequest(request, i, full))}
          </ul>
          ${full ? html`<p id="full-reason" class="hint">${t.term('mentor.fullCannotAccept')}</p>` : nothing}
          ${this.#error ? html`<p class="field-error" role="alert">${this.#error}</p>` : nothing}`;
      },
      error: (error, retry) => renderError(t, t.term('mentor.error'), error, retry),
    });
  }

  #renderRequest(request: MentorshipRequest, index: number, full: boolean) {
    const t = this.card.localize;
    const person = this.card.personTag;
    const answer = this.#answered.get(request.id);
    const busy = this.#answering === request.id;
    const goal = `goal-${index}`;
    // Each row has its own "Accept" and "Decline": the goal tells them apart out of context.
    const described = full ? `${goal} full-reason` : goal;
    return staticHtml`<li class="incoming-request">
      <span class="asker">
        <${person} person-id=${request.menteeId} size="small"></${person}>
        <time class="hint" datetime=${request.createdAt} title=${t.date(request.createdAt, { dateStyle: 'long', timeStyle: 'short' })}
          >${t.relativeTime(request.createdAt, undefined, true)}</time
        >
      </span>
      <bdi class="goal" id=${goal}>${request.goal}</bdi>
      ${request.message ? html`<bdi class="hint">${request.message}</bdi>` : nothing}
      ${
        answer
          ? html`<span class="status" tabindex="-1"
              >${t.term(answer.state === 'accepted' ? 'mentor.accepted' : 'mentor.declined')}</span
            >`
          : html`<span class="actions">
              <button
                type="button"
                class="primary"
                aria-disabled=${full || busy ? 'true' : nothing}
                aria-busy=${busy ? 'true' : nothing}
                aria-describedby=${described}
                @click=${() => full || this.#answer(request, 'accept')}
              >
                ${t.term('mentor.accept')}
              </button>
              <button
                type="button"
                class="secondary"
                aria-disabled=${busy ? 'true' : nothing}
                aria-describedby=${goal}
                @click=${() => this.#answer(request, 'decline')}
              >
                ${t.term('mentor.decline')}
              </button>
            </span>`
      }
    </li>`;
  }

  async #answer(request: MentorshipRequest, action: 'accept' | 'decline') {
    if (this.#answering) return;
    const { host, localize: t } = this.card;
    this.#answering = request.id;
    this.#error = '';
    host.requestUpdate();
    // The buttons make way for the answer: a keyboard that was on them moves to it.
    const row = host.shadowRoot!.activeElement?.closest('li');
    try {
      const updated = await this.card.backend.value.respondToMentorshipRequest(request.id, action);
      this.#answered = new Map(this.#answered).set(request.id, updated);
      emitInAllTabs(host, this.card.backend.value.storageScope, 'peer-mentorship-answered', { request: updated });
      host.requestUpdate();
      void host.updateComplete.then(() => row?.querySelector<HTMLElement>('.status')?.focus());
      if (action === 'accept') this.card.accepted();
    } catch (error) {
      const peerError = asPeerError(error);
      if (peerError.type === MentorshipConflict.notPending) {
        // Answered or withdrawn elsewhere meanwhile: the list shows how it stands now.
        this.#error = t.term('mentor.conflict.notPending');
        this.#requests.retry();
      } else if (peerError.type === MentorshipConflict.full) this.#error = t.term('mentor.fullCannotAccept');
      else this.#error = errorMessage(t, peerError);
    }
    this.#answering = undefined;
    host.requestUpdate();
  }
}
