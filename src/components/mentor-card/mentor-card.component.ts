import { newKey } from '../../core/ids.js';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import type { Circle, MentorProfile, MentorshipRequest } from '../../contract/mentors.js';
import { MentorshipConflict } from '../../contract/problems.js';
import type { Me } from '../../contract/people.js';
import { BackendController } from '../../core/context.js';
import { errorMessage, errorStyles, renderError } from '../../core/error-view.js';
import { PeerError } from '../../core/errors.js';
import { LocalizeController } from '../../core/i18n/localize.js';
import { mentorMessages } from '../../core/i18n/en-mentor.js';
import { PeerElement } from '../../core/peer-element.js';
import { ResourceController } from '../../core/resource-controller.js';
import { formStyles } from '../../core/form-styles.js';
import { tokens } from '../../core/tokens.js';
import { PeerPerson } from '../person/person.component.js';
import { mentorCardStyles } from './mentor-card.styles.js';
import { duration } from './mentor-text.js';
import type { RequestDraft, RequestFlow } from './request-dialog.js';
import { DraftStore } from '../../core/local-store.js';
import { LazyElement, LazyPart } from '../../core/lazy-element.js';
import { onPageEvents } from '../../core/page-events.js';

declare module '../../core/peer-element.js' {
  interface PeerEventDetails {
    'peer-mentorship-requested': { request: MentorshipRequest; mentor: MentorProfile };
  }
}

/**
 * @customElement peer-mentor-card
 * @summary A mentor's profile, availability and circles, with a request-mentorship flow.
 *
 * Many cards on one page share their requests: the profiles of every card come in one
 * `GET /mentors?ids=…`, and the signed-in person in one `GET /me`. A request to the mentor sent
 * from another card, or withdrawn or ended in `<peer-mentorships>`, on the same page, shows at once.
 *
 * @csspart base - The card.
 * @csspart header - The person, with photo, name, title, department and local time.
 * @csspart availability - Accepting or not, free places and response time.
 * @csspart bio - The mentor's own words.
 * @csspart expertise - The list of skills with levels.
 * @csspart wants-to-learn - Skills the mentor wants to learn.
 * @csspart circles - The circles the mentor leads, each with a join button.
 * @csspart request-button - The button that opens the request dialog.
 * @csspart your-mentorship - In place of the request button, when the mentor is already yours.
 * @csspart dialog - The request dialog.
 * @csspart settings - On your own card: whether you take new requests, how many mentees at once, your bio, and your mentees.
 * @csspart incoming - On your own card: requests waiting for your answer.
 * @csspart skeleton - The placeholder shown while loading.
 * @csspart error - The error message.
 * @csspart retry-button - The button that loads again after an error.
 *
 * @slot why - Above the request button: why this mentor, for example (`<peer-mentor-matches>` puts its reasons there).
 *
 * @cssproperty --peer-mentor-card-width - The card's preferred width.
 *
 * @event peer-mentorship-requested - A request was sent; `detail.request` and `detail.mentor`.
 * @event peer-mentor-profile-changed - On your own card, a change of your availability was saved; `detail.profile`.
 * @event peer-mentorship-ended - On your own card, you ended a mentorship; `detail.request` (now `ended`) and `detail.profile`.
 * @event peer-error - Loading failed; `detail.error` is the `PeerError`, `detail.retry()` tries again.
 */
export class PeerMentorCard extends PeerElement {
  static override defaultTag = 'peer-mentor-card';
  static override dependencies = [PeerPerson];
  static override styles = [tokens, errorStyles, formStyles, mentorCardStyles];

  static override properties: PropertyDeclarations = {
    mentorId: { attribute: 'mentor-id' },
    profile: { attribute: false },
    variant: { reflect: true },
    circleUpdates: { state: true },
    circleErrors: { state: true },
    joining: { state: true },
    answering: { state: true },
    requestSent: { state: true },
    answered: { state: true },
    answerError: { state: true },
  };

  /** The person id of the mentor. */
  mentorId?: string;

  /** The profile, when you already have it (as `<peer-mentor-matches>` does); no request is made. */
  profile?: MentorProfile;

  /** `full` (default) shows bio, wants to learn and circles; `compact` only the essentials. */
  variant: 'full' | 'compact' = 'full';

  private circleUpdates = new Map<string, Circle>();
  private circleErrors = new Map<string, string>();
  /** The circles whose join is on its way: their buttons wait, so that a double click joins once. */
  private joining = new Set<string>();
  /** The incoming request whose answer is on its way: its buttons wait. */
  private answering?: string;
  private requestSent = false;
  private answered = new Map<string, MentorshipRequest>();
  private answerError = '';

  readonly #localize = new LocalizeController(this, mentorMessages);
  readonly #backend = new BackendController(this);
  readonly #mentor = new ResourceController(this, this.#backend, {
    args: () => (this.profile || !this.mentorId ? undefined : ([this.mentorId] as const)),
    load: (backend, [id], signal) => backend.getMentor(id, { signal }),
  });
  /** On your own card, what you set of your availability: its code loads only there. */
  readonly #settings = new LazyElement(this, () =>
    import('./mentor-settings.component.js').then((m) => m.PeerMentorSettings),
  );
  readonly #me = new ResourceController(this, this.#backend, {
    args: () => [] as const,
    load: (backend, _args, signal) => backend.getMe({ signal }),
  });
  readonly #incoming = new ResourceController(this, this.#backend, {
    args: () => {
      const id = this.profile?.id ?? this.mentorId;
      return id && this.#me.value?.id === id ? ([id] as const) : undefined;
    },
    load: (backend, _args, signal) => backend.getMyMentorshipRequests('mentor', { signal }),
  });
  readonly #place = () => ({
    drafts: DraftStore.for<RequestDraft>('mentorship', this.#backend.value.storageScope),
    owner: this.#me.value?.id ?? null,
  });
  /** The request dialog: its code loads when the reader points at, focuses or presses the button. */
  readonly #flow = new LazyPart<RequestFlow>(this, () =>
    import('./request-dialog.js').then(
      (m) =>
        new m.RequestFlow(
          this,
          this.#localize,
          (request) => {
            this.requestSent = true;
            const mentor = this.#currentProfile;
            if (mentor) this.emit('peer-mentorship-requested', { request, mentor });
          },
          this.#place,
        ),
    ),
  );
  /** Whether the reader pressed the button: only then does a failed load of the dialog show. */
  #asked = false;

  constructor() {
    super();
    // A request to this mentor sent, withdrawn or ended elsewhere on the page: the card catches up.
    onPageEvents(this, ['peer-mentorship-requested', 'peer-mentorship-withdrawn', 'peer-mentorship-ended'], (event) => {
      const { request } = (event as CustomEvent<{ request: MentorshipRequest }>).detail;
      const profile = this.#currentProfile;
      if (event.composedPath().includes(this) || !profile || request.mentorId !== profile.id) return;
      this.requestSent = false;
      if (!this.profile) return this.#mentor.refresh();
      // A profile given from outside cannot be loaded again: the request itself says what changed.
      this.profile = {
        ...profile,
        yourRequest: request.state === 'pending' ? { id: request.id, state: 'pending' } : null,
        activeMentees: profile.activeMentees - (request.state === 'ended' ? 1 : 0),
      };
    });
  }

  get #currentProfile(): MentorProfile | undefined {
    return this.profile ?? this.#mentor.value;
  }

  override render() {
    if (this.profile) return this.#renderCard(this.profile);
    if (!this.mentorId) return this.#renderMessage(this.#localize.term('mentor.notFound'));
    return this.#mentor.render({
      pending: () => this.#renderSkeleton(),
      complete: (profile) => this.#renderCard(profile),
      error: (error, retry) =>
        error.notFound
          ? this.#renderMessage(this.#localize.term('mentor.notFound'))
          : html`<div part="base" class="base">
              ${renderError(this.#localize, this.#localize.term('mentor.error'), error, retry)}
            </div>`,
    });
  }

  #renderMessage(text: string) {
    return html`<div part="base" class="base message"><p>${text}</p></div>`;
  }

  #renderSkeleton() {
    return html`<div part="base skeleton" class="base" aria-busy="true">
      <div class="skeleton-row"><span class="skeleton avatar"></span><span class="skeleton line"></span></div>
      <span class="skeleton line wide"></span>
      <span class="skeleton line"></span>
      <span class="visually-hidden" role="status">${this.#localize.term('mentor.loading')}</span>
    </div>`;
  }

  #renderCard(profile: MentorProfile) {
    const me = this.#me.value as Me | undefined;
    const own = me?.id === profile.id;
    const full = this.variant === 'full';
    return staticHtml`<article part="base" class="base" aria-labelledby="mentor-name" dir=${this.#localize.dir}>
      <header part="header" class="header">
        <${this.tagOf(PeerPerson)}
          id="mentor-name"
          .person=${profile.person}
          size="large"
          theme=${this.theme ?? 'light'}
        ></${this.tagOf(PeerPerson)}>
      </header>
      ${this.#renderAvailability(profile)}
      ${full && profile.bio ? html`<p part="bio" class="bio" dir="auto">${profile.bio}</p>` : nothing}
      ${this.#renderExpertise(profile)}
      ${
        full && profile.wantsToLearn.length
          ? html`<section part="wants-to-learn" class="section">
              <h3 aria-level=${this.headingAt()}>${this.#localize.term('mentor.wantsToLearn')}</h3>
              <ul class="chips">
                ${profile.wantsToLearn.map((skill) => html`<li dir="auto">${skill.name}</li>`)}
              </ul>
            </section>`
          : nothing
      }
      ${full && profile.circles.length ? this.#renderCircles(profile) : nothing}
      <slot name="why"></slot>
      ${own ? this.#renderOwn(profile) : this.#renderRequest(profile)}
    </article>`;
  }

  #renderAvailability(profile: MentorProfile) {
    const free = Math.max(0, profile.capacity - profile.activeMentees);
    const status = !profile.accepting
      ? this.#localize.term('mentor.notAccepting')
      : this.#localize.term(
          'mentor.places',
          this.#localize.number(free),
          this.#localize.number(profile.capacity),
          profile.capacity,
        );
    return html`<p part="availability" class="availability">
      <span class="status ${profile.accepting && free > 0 ? 'open' : 'closed'}">${status}</span>
      ${
        profile.medianResponseHours !== null
          ? html`<span class="response"
              >${this.#localize.term('mentor.responds', duration(this.#localize, profile.medianResponseHours))}</span
            >`
          : nothing
      }
    </p>`;
  }

  #renderExpertise(profile: MentorProfile) {
    const shown = this.variant === 'compact' ? profile.expertise.slice(0, 3) : profile.expertise;
    return html`<section part="expertise" class="section">
      <h3 aria-level=${this.headingAt()}>${this.#localize.term('mentor.expertise')}</h3>
      <ul class="expertise">
        ${shown.map(
          (item) =>
            html`<li>
              <span class="skill" dir="auto">${item.skill.name}</span>
              <span class="level"
                ><span class="dots" aria-hidden="true">${'●'.repeat(item.level)}${'○'.repeat(5 - item.level)}</span>
                ${this.#localize.term('mentor.level', item.level)}</span
              >
            </li>`,
        )}
      </ul>
    </section>`;
  }

  #renderCircles(profile: MentorProfile) {
    return html`<section part="circles" class="section">
      <h3 aria-level=${this.headingAt()}>${this.#localize.term('mentor.circles')}</h3>
      <ul class="circles">
        ${profile.circles.map((original) => {
          const circle = this.circleUpdates.get(original.id) ?? original;
          const isFull = circle.memberCount >= circle.capacity;
          const error = this.circleErrors.get(circle.id);
          // Joining, joined or full: the button stays focusable (a keyboard on it stays there) but does nothing.
          const off = circle.joined || isFull || this.joining.has(circle.id);
          const label = circle.joined
            ? this.#localize.term('mentor.joined')
            : isFull
              ? this.#localize.term('mentor.circleFull')
              : this.#localize.term('mentor.join');
          return html`<li>
            <bdi class="circle-topic">${circle.topic}</bdi>
            <span class="hint"
              >${this.#localize.term(
                'mentor.members',
                this.#localize.number(circle.memberCount),
                this.#localize.number(circle.capacity),
              )}</span
            >
            <button
              type="button"
              class="secondary"
              aria-label="${label}: ${circle.topic}"
              aria-disabled=${off ? 'true' : nothing}
              aria-busy=${this.joining.has(circle.id) ? 'true' : nothing}
              @click=${() => off || this.#join(circle)}
            >
              ${label}
            </button>
            ${error ? html`<span class="field-error" role="alert">${error}</span>` : nothing}
          </li>`;
        })}
      </ul>
    </section>`;
  }

  async #join(circle: Circle) {
    if (this.joining.has(circle.id)) return;
    this.joining = new Set(this.joining).add(circle.id);
    this.circleErrors = new Map(this.circleErrors).set(circle.id, '');
    let updated: Circle | undefined;
    let message = '';
    try {
      updated = await this.#backend.value.joinCircle(circle.id, { idempotencyKey: newKey() });
    } catch (error) {
      const peerError = error instanceof PeerError ? error : new PeerError({ kind: 'network', cause: error });
      // What the server knows better than the page: the circle as it now stands.
      if (peerError.type === MentorshipConflict.alreadyMember) updated = { ...circle, joined: true };
      else if (peerError.type === MentorshipConflict.circleFull) {
        updated = { ...circle, memberCount: Math.max(circle.memberCount, circle.capacity) };
        message = this.#localize.term('mentor.conflict.circleFull');
      } else message = errorMessage(this.#localize, peerError);
    }
    if (updated) this.circleUpdates = new Map(this.circleUpdates).set(circle.id, updated);
    this.circleErrors = new Map(this.circleErrors).set(circle.id, message);
    const joining = new Set(this.joining);
    joining.delete(circle.id);
    this.joining = joining;
  }

  #renderRequest(profile: MentorProfile) {
    const t = this.#localize;
    // Yours: sent from this card, or known to the server (sent earlier, or from another page).
    const yours = this.requestSent ? 'pending' : profile.yourRequest?.state;
    if (yours === 'accepted') {
      return html`<p class="request-row hint" part="your-mentorship">${t.term('mentor.yourMentor')}</p>`;
    }
    const free = profile.capacity - profile.activeMentees;
    const reason =
      yours === 'pending'
        ? t.term('mentor.requestWaiting')
        : !profile.accepting
          ? t.term('mentor.notAccepting')
          : free <= 0
            ? t.term('mentor.full')
            : '';
    const disabled = (Boolean(reason) && !yours) || !this.#me.value;
    return html`<div class="request-row">
        <button
          part="request-button"
          type="button"
          class="primary"
          ?disabled=${disabled}
          aria-disabled=${yours ? 'true' : nothing}
          aria-describedby=${reason ? 'request-reason' : nothing}
          @pointerenter=${this.#flow.preload}
          @focus=${this.#flow.preload}
          @click=${() => {
            // Once sent, the button stays focusable (focus returns to it) but does nothing.
            if (!yours) void this.#open(profile.id);
          }}
        >
          ${t.term(yours ? 'mentor.requested' : this.#hasDraft(profile.id) ? 'mentor.continueRequest' : 'mentor.request')}
        </button>
        ${reason ? html`<span id="request-reason" class="hint">${reason}</span>` : nothing}
      </div>
      ${this.#me.render({
        // Without knowing who is signed in, no request can be sent: say why, and offer to try again.
        pending: () => nothing,
        complete: () => nothing,
        error: (error, retry) => renderError(this.#localize, this.#localize.term('mentor.meError'), error, retry),
      })}
      ${
        this.#flow.value?.render(this.#backend.value, profile) ??
        (this.#asked && this.#flow.error
          ? html`<div class="dialog-failed">
              ${renderError(t, t.term('common.partFailed'), this.#flow.error, () => void this.#open(profile.id))}
            </div>`
          : nothing)
      }`;
  }

  /** Whether an unsent request to this mentor waits, in the dialog or in the browser. */
  #hasDraft(mentorId: string) {
    const place = this.#place();
    return this.#flow.value?.hasDraft(mentorId) ?? !!place.drafts.load(mentorId, place.owner);
  }

  async #open(mentorId: string) {
    this.#asked = true;
    try {
      const flow = await this.#flow.load();
      // From the retry button, which goes: the dialog gives focus back to the request button.
      this.renderRoot.querySelector<HTMLElement>('[part~="request-button"]')?.focus();
      flow.open(mentorId);
    } catch {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.dialog-failed [part~="retry-button"]')?.focus();
    }
  }

  #renderOwn(profile: MentorProfile) {
    const full = profile.activeMentees >= profile.capacity;
    return html`<section part="settings" class="section own">
        <p class="hint">${this.#localize.term('mentor.ownProfile')}</p>
        ${this.#settings.render(
          this.#localize,
          () =>
            staticHtml`<${this.#settings.tag}
              .profile=${profile}
              heading-level=${this.headingAt()}
              theme=${this.theme ?? 'light'}
              @peer-mentor-profile-changed=${(event: CustomEvent<{ profile: MentorProfile }>) => {
                this.profile = event.detail.profile;
              }}
            ></${this.#settings.tag}>`,
        )}
      </section>
      <section part="incoming" class="section own">
        <h3 aria-level=${this.headingAt()}>${this.#localize.term('mentor.incoming')}</h3>
        ${this.#incoming.render({
          pending: () => html`<p class="hint" aria-busy="true">${this.#localize.term('common.loading')}</p>`,
          complete: (requests) => {
            const waiting = requests.filter((r) => r.state === 'pending' || this.answered.has(r.id));
            if (waiting.length === 0) return html`<p class="hint">${this.#localize.term('mentor.noIncoming')}</p>`;
            return html`<ul class="incoming">
                ${waiting.map((request, i) => this.#renderIncoming(request, i, full))}
              </ul>
              ${full ? html`<p id="full-reason" class="hint">${this.#localize.term('mentor.fullCannotAccept')}</p>` : nothing}
              ${this.answerError ? html`<p class="field-error" role="alert">${this.answerError}</p>` : nothing}`;
          },
          error: (error, retry) => renderError(this.#localize, this.#localize.term('mentor.error'), error, retry),
        })}
      </section>`;
  }

  #renderIncoming(request: MentorshipRequest, index: number, full: boolean) {
    const t = this.#localize;
    const answer = this.answered.get(request.id);
    const busy = this.answering === request.id;
    const goal = `goal-${index}`;
    // Each row has its own "Accept" and "Decline": the goal tells them apart out of context.
    const described = full ? `${goal} full-reason` : goal;
    return staticHtml`<li class="incoming-request">
      <span class="asker">
        <${this.tagOf(PeerPerson)} person-id=${request.menteeId} size="small"></${this.tagOf(PeerPerson)}>
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
    if (this.answering) return;
    this.answering = request.id;
    this.answerError = '';
    // The buttons make way for the answer: a keyboard that was on them moves to it.
    const row = this.shadowRoot!.activeElement?.closest('li');
    try {
      const updated = await this.#backend.value.respondToMentorshipRequest(request.id, action);
      this.answered = new Map(this.answered).set(request.id, updated);
      void this.updateComplete.then(() => row?.querySelector<HTMLElement>('.status')?.focus());
      if (action === 'accept' && this.#currentProfile) {
        const profile = this.#currentProfile;
        this.profile = { ...profile, activeMentees: profile.activeMentees + 1 };
      }
    } catch (error) {
      const peerError = error instanceof PeerError ? error : new PeerError({ kind: 'network', cause: error });
      const t = this.#localize;
      if (peerError.type === MentorshipConflict.notPending) {
        // Answered or withdrawn elsewhere meanwhile: the list shows how it stands now.
        this.answerError = t.term('mentor.conflict.notPending');
        this.#incoming.retry();
      } else if (peerError.type === MentorshipConflict.full) this.answerError = t.term('mentor.fullCannotAccept');
      else this.answerError = errorMessage(t, peerError);
    }
    this.answering = undefined;
  }
}
