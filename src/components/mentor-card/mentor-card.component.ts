import { newKey } from '../../core/ids.js';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import type { Circle, MentorProfile, MentorshipRequest } from '../../contract/mentors.js';
import { MentorshipConflict } from '../../contract/problems.js';
import type { Me } from '../../contract/people.js';
import { BackendController } from '../../core/context.js';
import { errorMessage, errorStyles, renderError } from '../../core/error-view.js';
import { renderConfirm } from '../../core/confirm-view.js';
import { asPeerError } from '../../core/errors.js';
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
import type { IncomingRequests } from './incoming-requests.js';
import { DraftStore } from '../../core/local-store.js';
import { LazyElement, LazyPart } from '../../core/lazy-element.js';
import { onPageEvents } from '../../core/page-events.js';
import { emitInAllTabs, onTabEvents } from '../../core/tabs.js';
import { headingAt } from '../../core/heading.js';

declare module '../../core/peer-element.js' {
  interface PeerEventDetails {
    'peer-mentorship-requested': { request: MentorshipRequest; mentor: MentorProfile };
    'peer-mentorship-answered': { request: MentorshipRequest };
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
 * @event peer-mentorship-answered - On your own card, you accepted or declined a request; `detail.request` is it now.
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
    leaving: { state: true },
    requestSent: { state: true },
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
  /** The circle whose leaving is being asked about. */
  private leaving?: string;
  private requestSent = false;

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
  /** On your own card, the requests waiting for you: their code loads only there. */
  readonly #incoming = new LazyPart<IncomingRequests>(this, () =>
    import('./incoming-requests.js').then(
      (m) =>
        new m.IncomingRequests({
          host: this,
          backend: this.#backend,
          localize: this.#localize,
          ownId: () => {
            const id = this.profile?.id ?? this.mentorId;
            return id && this.#me.value?.id === id ? id : undefined;
          },
          personTag: this.tagOf(PeerPerson),
          accepted: () => {
            const profile = this.#currentProfile;
            if (profile) this.profile = { ...profile, activeMentees: profile.activeMentees + 1 };
          },
        }),
    ),
  );
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
            if (mentor) {
              emitInAllTabs(this, this.#backend.value.storageScope, 'peer-mentorship-requested', { request, mentor });
            }
          },
          this.#place,
        ),
    ),
  );
  /** Whether the reader pressed the button: only then does a failed load of the dialog show. */
  #asked = false;

  constructor() {
    super();
    // A request draft written or sent in another tab: the button says so here too.
    onPageEvents(this, ['storage'], (event) => {
      if ((event as StorageEvent).key?.includes('mentorship-draft')) this.requestUpdate();
    });
    // Your profile saved in another tab (availability, places, bio): your card here shows it too.
    onTabEvents(
      this,
      ['peer-mentor-profile-changed'],
      () => this.#backend.value,
      (event) => {
        const { profile } = (event as CustomEvent<{ profile: MentorProfile }>).detail;
        if (profile.id === this.#currentProfile?.id && profile.id === this.#me.value?.id) this.profile = profile;
      },
    );
    // A request to this mentor sent, withdrawn, answered or ended elsewhere on the page, or in another
    // tab: the card catches up, and on the mentor's own card so do the requests waiting for them.
    const requests = [
      'peer-mentorship-requested',
      'peer-mentorship-withdrawn',
      'peer-mentorship-answered',
      'peer-mentorship-ended',
    ];
    const caughtUp = (event: Event) => {
      const { request } = (event as CustomEvent<{ request: MentorshipRequest }>).detail;
      const profile = this.#currentProfile;
      if (event.composedPath().includes(this) || !profile || request.mentorId !== profile.id) return;
      this.#incoming.value?.refresh();
      // Another tab may have someone else signed in: their request is not yours.
      const yours = request.menteeId === this.#me.value?.id;
      if (yours) this.requestSent = false;
      if (!this.profile) return this.#mentor.refresh();
      // A profile given from outside cannot be loaded again: the request itself says what changed.
      this.profile = {
        ...profile,
        yourRequest: !yours
          ? profile.yourRequest
          : request.state === 'pending'
            ? { id: request.id, state: 'pending' }
            : null,
        activeMentees: profile.activeMentees + (request.state === 'accepted' ? 1 : request.state === 'ended' ? -1 : 0),
      };
    };
    onPageEvents(this, requests, caughtUp);
    onTabEvents(this, requests, () => this.#backend.value, caughtUp);
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
              <h3 aria-level=${headingAt(this)}>${this.#localize.term('mentor.wantsToLearn')}</h3>
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
      <h3 aria-level=${headingAt(this)}>${this.#localize.term('mentor.expertise')}</h3>
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
    const t = this.#localize;
    const canLeave = !!this.#backend.value.leaveCircle;
    return html`<section part="circles" class="section">
      <h3 aria-level=${headingAt(this)}>${t.term('mentor.circles')}</h3>
      <ul class="circles">
        ${profile.circles.map((original, index) => {
          const circle = this.circleUpdates.get(original.id) ?? original;
          const isFull = circle.memberCount >= circle.capacity;
          const error = this.circleErrors.get(circle.id);
          const busy = this.joining.has(circle.id);
          // Joining, joined or full: the button stays focusable (a keyboard on it stays there) but does nothing.
          const off = circle.joined || isFull || busy;
          const label = t.term(circle.joined ? 'mentor.joined' : isFull ? 'mentor.circleFull' : 'mentor.join');
          const topic = `circle-${index}`;
          return html`<li>
            <bdi class="circle-topic" id=${topic}>${circle.topic}</bdi>
            ${circle.description ? html`<bdi class="circle-about hint">${circle.description}</bdi>` : nothing}
            <span class="hint"
              >${t.term('mentor.members', t.number(circle.memberCount), t.number(circle.capacity))}</span
            >
            ${
              this.leaving === circle.id
                ? renderConfirm({
                    id: `${topic}-leave`,
                    question: t.term('mentor.confirmLeave'),
                    act: t.term('mentor.leave'),
                    keep: t.term('mentor.stay'),
                    about: topic,
                    busy,
                    onAct: () => void this.#leave(circle),
                    onKeep: () => void this.#askLeave(),
                  })
                : html`<span class="actions">
                    <button
                      type="button"
                      class="secondary join"
                      aria-label="${label}: ${circle.topic}"
                      aria-disabled=${off ? 'true' : nothing}
                      aria-busy=${busy ? 'true' : nothing}
                      @click=${() => off || this.#join(circle)}
                    >
                      ${label}
                    </button>
                    ${
                      circle.joined && canLeave
                        ? html`<button
                            type="button"
                            class="secondary leave"
                            aria-describedby=${topic}
                            @click=${() => void this.#askLeave(circle.id)}
                          >
                            ${t.term('mentor.leaveAsk')}
                          </button>`
                        : nothing
                    }
                  </span>`
            }
            ${error ? html`<span class="field-error" role="alert">${error}</span>` : nothing}
          </li>`;
        })}
      </ul>
    </section>`;
  }

  /** The circle of the button that asked, and its buttons once drawn. */
  #circleRow(id: string) {
    const index = this.#currentProfile?.circles.findIndex((c) => c.id === id) ?? -1;
    return this.renderRoot.querySelector(`#circle-${index}`)?.closest('li');
  }

  /** "Leave…" pressed (asks once more: "Stay" takes the focus), or the question closed (back to "Leave…"). */
  async #askLeave(id?: string) {
    const was = this.leaving;
    this.leaving = id;
    await this.updateComplete;
    this.#circleRow(id ?? was ?? '')
      ?.querySelector<HTMLElement>(id ? '.keep' : '.leave')
      ?.focus();
  }

  /** Leaves at once; focus goes to "Join" (or back to "Leave…" when it failed, with the reason). */
  async #leave(circle: Circle) {
    if (this.joining.has(circle.id)) return;
    this.joining = new Set(this.joining).add(circle.id);
    let message = '';
    try {
      const updated = await this.#backend.value.leaveCircle!(circle.id, { idempotencyKey: newKey() });
      this.circleUpdates = new Map(this.circleUpdates).set(circle.id, updated);
    } catch (error) {
      message = errorMessage(this.#localize, asPeerError(error));
    }
    this.circleErrors = new Map(this.circleErrors).set(circle.id, message);
    const joining = new Set(this.joining);
    joining.delete(circle.id);
    this.joining = joining;
    this.leaving = undefined;
    await this.updateComplete;
    this.#circleRow(circle.id)
      ?.querySelector<HTMLElement>(message ? '.leave' : '.join')
      ?.focus();
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
      const peerError = asPeerError(error);
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
    return html`<section part="settings" class="section own">
        <p class="hint">${this.#localize.term('mentor.ownProfile')}</p>
        ${this.#settings.render(
          this.#localize,
          () =>
            staticHtml`<${this.#settings.tag}
              .profile=${profile}
              heading-level=${headingAt(this)}
              theme=${this.theme ?? 'light'}
              @peer-mentor-profile-changed=${(event: CustomEvent<{ profile: MentorProfile }>) => {
                this.profile = event.detail.profile;
              }}
            ></${this.#settings.tag}>`,
        )}
      </section>
      <section part="incoming" class="section own">
        <h3 aria-level=${headingAt(this)}>${this.#localize.term('mentor.incoming')}</h3>
        ${this.#incoming.render(this.#localize, () => this.#incoming.value!.render(profile))}
      </section>`;
  }
}
