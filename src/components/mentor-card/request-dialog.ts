import { newKey } from '../../core/ids.js';
import { GOAL_MAX, MESSAGE_MAX } from '../../contract/rules.js';
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import type { MentorProfile, MentorshipRequest } from '../../contract/mentors.js';
import type { PeerBackend } from '../../core/backend.js';
import { errorMessage } from '../../core/error-message.js';
import { asPeerError } from '../../core/errors.js';
import type { DraftStore } from '../../core/local-store.js';
import type { LocalizeController } from '../../core/i18n/localize.js';
import type { MentorMessages } from '../../core/i18n/en-mentor.js';
import { conflictMessages } from './mentor-text.js';
import { onPageEvents } from '../../core/page-events.js';

type Phase = 'editing' | 'sending' | 'sent';

/** What a request keeps in the browser, per mentor, until the server has it. */
export interface RequestDraft {
  goal: string;
  message: string;
}

/** Where drafts are kept, and who is signed in (null when unknown). */
export type DraftPlace = () => { drafts: DraftStore<RequestDraft>; owner: string | null };

/**
 * The request-mentorship flow: a modal `<dialog>` (focus moves in, stays in and returns;
 * Escape closes), labelled fields with inline validation, a sending state, success, and a
 * message for every refusal. What the reader typed is kept until the server has it, in the
 * browser too: closing the dialog or reloading the page loses nothing.
 */
export class RequestFlow {
  goal = '';
  message = '';
  phase: Phase = 'editing';
  goalError = '';
  failure = '';
  sent?: MentorshipRequest;
  /** When the draft shown was saved, if it came back from an earlier visit. */
  restoredAt?: number;
  #mentorId = '';
  /** One key per request, so a retried send is stored once. */
  #idempotencyKey = newKey();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly localize: LocalizeController<MentorMessages>,
    private readonly onSent: (request: MentorshipRequest) => void,
    private readonly place: DraftPlace,
  ) {
    // Another tab changed the draft shown here: it is taken up, so that typing here later cannot
    // write an older text over it; one sent there empties it here.
    onPageEvents(host, ['storage'], (event) => {
      const { drafts, owner } = this.place();
      if (this.phase !== 'editing' || (event as StorageEvent).key !== drafts.key(this.#mentorId)) return;
      const saved = drafts.load(this.#mentorId, owner);
      this.goal = saved?.value.goal ?? '';
      this.message = saved?.value.message ?? '';
      host.requestUpdate();
    });
  }

  /** Whether an unsent request to this mentor waits, here or in the browser. */
  hasDraft(mentorId: string): boolean {
    if (this.phase === 'sent') return false;
    if (this.#mentorId === mentorId && (this.goal || this.message)) return true;
    const { drafts, owner } = this.place();
    return !!drafts.load(mentorId, owner);
  }

  #save() {
    this.restoredAt = undefined;
    const { drafts, owner } = this.place();
    if (this.goal.trim() || this.message.trim()) {
      drafts.save(this.#mentorId, { goal: this.goal, message: this.message }, owner);
    } else {
      drafts.clear(this.#mentorId);
    }
  }

  get #dialog() {
    return this.host.shadowRoot?.querySelector<HTMLDialogElement>('dialog.request');
  }

  open(mentorId: string) {
    if (this.phase === 'sent' || mentorId !== this.#mentorId) this.#reset();
    this.#mentorId = mentorId;
    if (!this.goal && !this.message) {
      const { drafts, owner } = this.place();
      const saved = drafts.load(mentorId, owner);
      if (saved) {
        this.goal = saved.value.goal ?? '';
        this.message = saved.value.message ?? '';
        this.restoredAt = saved.savedAt;
      }
    }
    this.failure = '';
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      this.#dialog?.showModal();
      this.#dialog?.querySelector<HTMLInputElement>('#goal')?.focus();
    });
  }

  close() {
    this.#dialog?.close();
  }

  #reset() {
    this.goal = '';
    this.message = '';
    this.phase = 'editing';
    this.goalError = '';
    this.failure = '';
    this.restoredAt = undefined;
    this.#idempotencyKey = newKey();
  }

  async submit(backend: PeerBackend, mentor: MentorProfile) {
    this.failure = '';
    this.goalError = this.goal.trim().length < 3 ? this.localize.term('mentor.goalTooShort') : '';
    if (this.goalError) {
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.#dialog?.querySelector<HTMLInputElement>('#goal')?.focus();
      return;
    }
    this.phase = 'sending';
    this.host.requestUpdate();
    try {
      this.sent = await backend.requestMentorship(
        { mentorId: mentor.id, goal: this.goal.trim(), message: this.message.trim() },
        { idempotencyKey: this.#idempotencyKey },
      );
      this.phase = 'sent';
      this.place().drafts.clear(mentor.id);
      this.onSent(this.sent);
    } catch (error) {
      this.phase = 'editing';
      const peerError = asPeerError(error);
      const key = conflictMessages[peerError.type as keyof typeof conflictMessages];
      this.failure = key
        ? this.localize.term(key)
        : peerError.status === 400
          ? errorMessage(this.localize, peerError)
          : `${this.localize.term('mentor.sendFailed')} ${errorMessage(this.localize, peerError)}`;
    }
    this.host.requestUpdate();
    await this.host.updateComplete;
    const focusTarget = this.phase === 'sent' ? '.close-sent' : '.failure';
    this.#dialog?.querySelector<HTMLElement>(focusTarget)?.focus();
  }

  render(backend: PeerBackend, mentor: MentorProfile) {
    const term = this.localize.term.bind(this.localize);
    const sending = this.phase === 'sending';
    const body =
      this.phase === 'sent'
        ? html`<p class="sent" role="status">${term('mentor.sent', mentor.person.name)}</p>
            <div class="actions">
              <button type="button" class="primary close-sent" @click=${() => this.close()}>
                ${term('mentor.close')}
              </button>
            </div>`
        : html`<form
            novalidate
            aria-busy=${sending ? 'true' : 'false'}
            @submit=${(event: Event) => {
              event.preventDefault();
              void this.submit(backend, mentor);
            }}
          >
            <div class="field">
              <label for="goal">${term('mentor.goal')}</label>
              <input
                id="goal"
                dir="auto"
                name="goal"
                .value=${live(this.goal)}
                maxlength=${GOAL_MAX}
                required
                autocomplete="off"
                aria-invalid=${this.goalError ? 'true' : 'false'}
                aria-describedby=${this.goalError ? 'goal-error goal-hint' : 'goal-hint'}
                ?disabled=${sending}
                @input=${(event: InputEvent) => {
                  this.goal = (event.target as HTMLInputElement).value;
                  if (this.goalError && this.goal.trim().length >= 3) this.goalError = '';
                  this.#save();
                  this.host.requestUpdate();
                }}
              />
              <span id="goal-hint" class="hint">${term('mentor.goalHint')}</span>
              ${this.goalError ? html`<span id="goal-error" class="field-error">${this.goalError}</span>` : nothing}
            </div>
            <div class="field">
              <label for="message">${term('mentor.message')}</label>
              <textarea
                dir="auto"
                id="message"
                name="message"
                rows="5"
                maxlength=${MESSAGE_MAX}
                .value=${live(this.message)}
                aria-describedby="message-count"
                ?disabled=${sending}
                @input=${(event: InputEvent) => {
                  this.message = (event.target as HTMLTextAreaElement).value;
                  this.#save();
                  this.host.requestUpdate();
                }}
              ></textarea>
              <span id="message-count" class="hint"
                >${term('mentor.characters', this.localize.number(this.message.length), this.localize.number(MESSAGE_MAX))}</span
              >
            </div>
            ${this.failure ? html`<p class="failure" role="alert" tabindex="-1">${this.failure}</p>` : nothing}
            <div class="actions">
              <button type="button" class="secondary" @click=${() => this.close()}>${term('mentor.cancel')}</button>
              <button type="submit" class="primary" ?disabled=${sending}>
                ${sending ? term('mentor.sending') : term('mentor.send')}
              </button>
            </div>
          </form>`;
    return html`<dialog part="dialog" class="request" aria-labelledby="request-title">
      <h2 id="request-title">${term('mentor.dialogTitle', mentor.person.name)}</h2>
      ${
        this.restoredAt && this.phase !== 'sent'
          ? html`<p class="hint restored" role="status">
              ${term('mentor.draftRestored', this.localize.relativeTime(this.restoredAt))}
            </p>`
          : nothing
      }
      ${body}
    </dialog>`;
  }
}
