import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { html as staticHtml } from 'lit/static-html.js';
import type { MentorProfile, MentorSettings, MentorshipRequest } from '../../contract/mentors.js';
import { BIO_MAX, CAPACITY_MAX } from '../../contract/rules.js';
import { BackendController } from '../../core/context.js';
import { renderConfirm } from '../../core/confirm-view.js';
import { errorStyles, renderError } from '../../core/error-view.js';
import type { PeerError } from '../../core/errors.js';
import { asPeerError } from '../../core/errors.js';
import { formStyles } from '../../core/form-styles.js';
import { LocalizeController } from '../../core/i18n/localize.js';
import { mentorshipListStyles } from '../../core/list-styles.js';
import { mentorSettingsMessages } from '../../core/i18n/en-mentor-settings.js';
import { DraftStore, type Draft } from '../../core/local-store.js';
import { onPageEvents } from '../../core/page-events.js';
import { emitInAllTabs } from '../../core/tabs.js';
import { PeerElement } from '../../core/peer-element.js';
import { ResourceController } from '../../core/resource-controller.js';
import { tokens } from '../../core/tokens.js';
import { PeerPerson } from '../person/person.component.js';
import { mentorSettingsStyles } from './mentor-settings.styles.js';
import { headingAt } from '../../core/heading.js';

declare module '../../core/peer-element.js' {
  interface PeerEventDetails {
    'peer-mentor-profile-changed': { profile: MentorProfile };
    /** `profile`: the mentor's profile now, when the mentor ended it on their own card. */
    'peer-mentorship-ended': { request: MentorshipRequest; profile?: MentorProfile };
  }
}

/**
 * @customElement peer-mentor-settings
 * @summary On a mentor's own card: whether they take new requests, how many mentees at once, their bio, and their mentees.
 *
 * Each change is saved as it is made. While it is on its way the status says so; once saved, the
 * controls show what the server stored. A change that fails leaves the controls as stored and says
 * why, with a button that sends the same change again. Changes made quickly one after the other
 * are sent in order. The bio is saved with its button; until then it is kept in the browser as a
 * draft, which comes back after a reload.
 *
 * Below, the mentor's running mentorships, each with "End mentorship", which asks once more before
 * it ends one and frees its place.
 *
 * @csspart base - The group of settings.
 * @csspart mentees - The running mentorships.
 * @csspart error - Why the last change was not saved, or the mentees could not be loaded or one not ended.
 * @csspart retry-button - Sends the change again.
 *
 * @event peer-mentor-profile-changed - A change was saved, or a mentorship ended; `detail.profile` is the profile now.
 * @event peer-mentorship-ended - A mentorship was ended; `detail.request` is it now (`ended`), `detail.profile` the profile.
 */
export class PeerMentorSettings extends PeerElement {
  static override defaultTag = 'peer-mentor-settings';
  static override styles = [tokens, formStyles, errorStyles, mentorshipListStyles, mentorSettingsStyles];
  static override dependencies = [PeerPerson];

  static override properties: PropertyDeclarations = {
    profile: { attribute: false },
    saving: { state: true },
    saved: { state: true },
    failure: { state: true },
    bioText: { state: true },
    restoredAt: { state: true },
    confirming: { state: true },
    ending: { state: true },
    endFailure: { state: true },
    ended: { state: true },
  };

  /** The signed-in mentor's own profile. */
  profile?: MentorProfile;

  private saving = 0;
  private saved = false;
  private failure?: { error: PeerError; changes: MentorSettings };
  /** The bio as typed; kept as a draft in the browser until it is saved. */
  private bioText?: string;
  private restoredAt?: number;
  /** The mentorship whose end is being confirmed, being sent, or failed to be sent. */
  private confirming?: string;
  private ending?: string;
  private endFailure?: { error: PeerError; request: MentorshipRequest };
  /** Ended here: gone from the list at once, before it loads again. */
  private ended = new Set<string>();

  readonly #localize = new LocalizeController(this, mentorSettingsMessages);
  readonly #backend = new BackendController(this);
  #queue = Promise.resolve();
  /** The running mentorships; loaded again when the number of mentees changes (one accepted on the card). */
  readonly #mentees = new ResourceController(this, this.#backend, {
    args: () => (this.profile ? ([this.profile.id, this.profile.activeMentees] as const) : undefined),
    load: async (backend, _args, signal) =>
      (await backend.getMyMentorshipRequests('mentor', { signal })).filter((r) => r.state === 'accepted'),
  });

  constructor() {
    super();
    // Another tab changed the unsaved bio: it is taken up here, so that typing here later cannot
    // write an older text over it. A draft cleared there leaves the field as it is: its last text
    // (the bio saved, or put back as it was) came just before (see `#cleared`).
    onPageEvents(this, ['storage'], (event) => {
      const { key, newValue } = event as StorageEvent;
      // What was written, not what is there now: the draft may be gone already.
      const draft = key === this.#drafts.key('bio') && newValue ? (JSON.parse(newValue) as Draft<string>) : undefined;
      if (draft && draft.owner === this.profile?.id) this.bioText = draft.value;
    });
  }

  get #drafts() {
    return DraftStore.for<string>('mentor-bio', this.#backend.value.storageScope);
  }

  override willUpdate(changed: PropertyValues<this>) {
    // The first profile: an unsaved bio typed earlier (on this computer, by this mentor) comes back.
    if (changed.has('profile') && this.profile && this.bioText === undefined) {
      const draft = this.#drafts.load('bio', this.profile.id);
      const kept = draft && draft.value !== this.profile.bio;
      this.bioText = kept ? draft.value : this.profile.bio;
      this.restoredAt = kept ? draft.savedAt : undefined;
    }
  }

  #typed(text: string) {
    this.bioText = text;
    if (!this.profile) return;
    if (text === this.profile.bio) this.#cleared(text);
    else this.#drafts.save('bio', text, this.profile.id);
  }

  /** Your profile as it is now: this card shows it, and so do your cards in other tabs. */
  #changed(profile: MentorProfile) {
    emitInAllTabs(this, this.#backend.value.storageScope, 'peer-mentor-profile-changed', { profile });
  }

  /** No draft left: other tabs are given the text the field ends with first, then the draft goes. */
  #cleared(text: string) {
    this.#drafts.save('bio', text, this.profile!.id);
    this.#drafts.clear('bio');
  }

  override render() {
    const profile = this.profile;
    if (!profile) return nothing;
    const t = this.#localize;
    const lowest = profile.activeMentees;
    const status = this.saving ? t.term('mentorSettings.saving') : this.saved ? t.term('mentorSettings.saved') : '';
    return html`<fieldset part="base" class="base" aria-busy=${this.saving ? 'true' : 'false'}>
        <legend>${t.term('mentorSettings.legend')}</legend>
        <label class="check">
          <input
            type="checkbox"
            .checked=${live(profile.accepting)}
            @change=${(event: Event) => this.#save({ accepting: (event.target as HTMLInputElement).checked })}
          />
          ${t.term('mentorSettings.accepting')}
        </label>
        <div class="field">
          <label for="capacity">${t.term('mentorSettings.capacity')}</label>
          <select
            id="capacity"
            aria-describedby="capacity-hint"
            .value=${live(String(profile.capacity))}
            @change=${(event: Event) => this.#save({ capacity: Number((event.target as HTMLSelectElement).value) })}
          >
            ${Array.from(
              { length: CAPACITY_MAX - lowest + 1 },
              (_, i) =>
                html`<option value=${lowest + i} ?selected=${lowest + i === profile.capacity}>
                  ${t.number(lowest + i)}
                </option>`,
            )}
          </select>
          <p id="capacity-hint" class="hint">${t.term('mentorSettings.capacityHint')}</p>
        </div>
        ${this.#renderBio()}
        <p class="hint" role="status">${status}</p>
        ${
          this.failure
            ? renderError(t, t.term('mentorSettings.failed'), this.failure.error, () =>
                this.#save(this.failure!.changes),
              )
            : nothing
        }
      </fieldset>
      ${this.#renderMentees()}`;
  }

  #renderMentees() {
    const t = this.#localize;
    return html`<section part="mentees" class="mentees" aria-labelledby="mentees-heading">
      <h3 id="mentees-heading" tabindex="-1" aria-level=${headingAt(this)}>${t.term('mentorSettings.mentees')}</h3>
      ${this.#mentees.render({
        pending: () => html`<p class="hint" aria-busy="true">${t.term('common.loading')}</p>`,
        complete: (requests) => {
          const running = requests.filter((r) => !this.ended.has(r.id));
          return running.length
            ? html`<ul>
                ${running.map((request, i) => this.#renderMentee(request, i))}
              </ul>`
            : html`<p class="hint">${t.term('mentorSettings.noMentees')}</p>`;
        },
        error: (error, retry) => renderError(t, t.term('mentorSettings.menteesError'), error, retry),
      })}
      ${
        this.endFailure
          ? renderError(t, t.term('mentorSettings.endFailed'), this.endFailure.error, () =>
              this.#end(this.endFailure!.request),
            )
          : nothing
      }
      <p class="hint" role="status">${this.ended.size ? t.term('mentorSettings.ended') : ''}</p>
    </section>`;
  }

  #renderMentee(request: MentorshipRequest, index: number) {
    const t = this.#localize;
    const since = request.respondedAt ?? request.createdAt;
    const goal = `mentee-goal-${index}`;
    const confirm = `mentee-confirm-${index}`;
    const busy = this.ending === request.id;
    return staticHtml`<li>
      <span class="who">
        <${this.tagOf(PeerPerson)} person-id=${request.menteeId} size="small"></${this.tagOf(PeerPerson)}>
        <time class="hint" datetime=${since}>${t.term('mentorSettings.since', t.date(since, { dateStyle: 'medium' }))}</time>
      </span>
      <bdi class="goal" id=${goal}>${request.goal}</bdi>
      ${
        this.confirming === request.id
          ? renderConfirm({
              id: confirm,
              question: t.term('mentorSettings.confirmEnd'),
              act: t.term('mentorSettings.end'),
              keep: t.term('mentorSettings.keep'),
              about: goal,
              busy,
              onAct: () => this.#end(request),
              onKeep: () => this.#cancelEnd(index),
            })
          : html`<span class="actions">
              <button
                type="button"
                class="secondary ask-end"
                aria-describedby=${goal}
                @click=${() => this.#askEnd(request)}
              >
                ${t.term('mentorSettings.endAsk')}
              </button>
            </span>`
      }
    </li>`;
  }

  /** Asks once more before ending; the safe answer, "Keep", takes the focus. */
  async #askEnd(request: MentorshipRequest) {
    this.confirming = request.id;
    this.endFailure = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.keep')?.focus();
  }

  async #cancelEnd(index: number) {
    this.confirming = undefined;
    await this.updateComplete;
    this.renderRoot.querySelectorAll<HTMLElement>('.ask-end')[index]?.focus();
  }

  async #end(request: MentorshipRequest) {
    if (this.ending || !this.profile) return;
    this.ending = request.id;
    this.endFailure = undefined;
    try {
      const ended = await this.#backend.value.respondToMentorshipRequest(request.id, 'end');
      this.ended = new Set(this.ended).add(request.id);
      this.confirming = undefined;
      // The place is free: the capacity may go lower, and the card shows it (the list loads again).
      this.profile = { ...this.profile, activeMentees: Math.max(0, this.profile.activeMentees - 1) };
      emitInAllTabs(this, this.#backend.value.storageScope, 'peer-mentorship-ended', {
        request: ended,
        profile: this.profile,
      });
      this.#changed(this.profile);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#mentees-heading')?.focus();
    } catch (error) {
      const failed = asPeerError(error);
      this.endFailure = { error: failed, request };
    } finally {
      this.ending = undefined;
    }
  }

  #renderBio() {
    const t = this.#localize;
    const text = this.bioText ?? '';
    const tooLong = text.trim().length > BIO_MAX;
    return html`<div class="field">
      <label for="bio">${t.term('mentorSettings.bio')}</label>
      <p id="bio-hint" class="hint">${t.term('mentorSettings.bioHint')}</p>
      ${
        this.restoredAt === undefined
          ? nothing
          : html`<p class="hint">${t.term('mentorSettings.draftRestored', t.relativeTime(this.restoredAt))}</p>`
      }
      <textarea
        id="bio"
        rows="3"
        dir="auto"
        aria-describedby=${tooLong ? 'bio-hint bio-count bio-error' : 'bio-hint bio-count'}
        aria-invalid=${tooLong ? 'true' : 'false'}
        .value=${live(text)}
        @input=${(event: Event) => this.#typed((event.target as HTMLTextAreaElement).value)}
      ></textarea>
      <p id="bio-count" class="hint">
        ${t.term('mentorSettings.characters', t.number(text.trim().length), t.number(BIO_MAX))}
      </p>
      ${
        tooLong
          ? html`<p id="bio-error" class="field-error">${t.term('mentorSettings.tooLong', t.number(BIO_MAX))}</p>`
          : nothing
      }
      <span class="actions">
        <button
          type="button"
          class="secondary"
          aria-disabled=${tooLong ? 'true' : 'false'}
          @click=${() => this.#saveBio()}
        >
          ${t.term('mentorSettings.saveBio')}
        </button>
      </span>
    </div>`;
  }

  /** The bio as it is now (not as it was when last drawn), unless it is too long. */
  #saveBio() {
    const text = this.bioText ?? '';
    if (text.trim().length <= BIO_MAX) this.#save({ bio: text });
  }

  /** Sends one change, after those already on their way. */
  #save(changes: MentorSettings) {
    this.saving++;
    this.saved = false;
    this.failure = undefined;
    this.#queue = this.#queue.then(async () => {
      try {
        this.profile = await this.#backend.value.updateMyMentorProfile(changes);
        this.saved = true;
        if (changes.bio !== undefined && this.bioText === changes.bio) {
          // Saved: the draft goes, and the field shows what was stored (trimmed). Text typed while
          // it was on its way stays, with its draft.
          this.#cleared(this.profile.bio);
          this.bioText = this.profile.bio;
          this.restoredAt = undefined;
        }
        this.#changed(this.profile);
      } catch (error) {
        const failed = asPeerError(error);
        // Drawn again, the controls go back to what is stored.
        this.failure = { error: failed, changes };
      } finally {
        this.saving--;
      }
    });
  }
}
