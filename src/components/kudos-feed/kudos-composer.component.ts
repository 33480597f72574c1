import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import type { Kudos } from '../../contract/kudos.js';
import type { Person } from '../../contract/people.js';
import { KudosConflict } from '../../contract/problems.js';
import { KUDOS_MESSAGE_MAX, KUDOS_MESSAGE_MIN, KUDOS_VALUES_MAX, REACTION_KEYS } from '../../contract/rules.js';
import { BackendController } from '../../core/context.js';
import { errorMessage, errorStyles, renderError } from '../../core/error-view.js';
import type { PeerError } from '../../core/errors.js';
import { newKey } from '../../core/ids.js';
import { LocalizeController } from '../../core/i18n/localize.js';
import { kudosMessages } from '../../core/i18n/en-kudos.js';
import { kudosComposerMessages } from '../../core/i18n/en-kudos-composer.js';
import { pickerMessages } from '../../core/i18n/en-picker.js';
import { PeerElement } from '../../core/peer-element.js';
import { ResourceController } from '../../core/resource-controller.js';
import { formStyles } from '../../core/form-styles.js';
import { tokens } from '../../core/tokens.js';
import { PeerPeoplePicker } from '../people-picker/people-picker.component.js';
import { renderPersonOptions, searchStatus } from '../people-picker/person-options.js';
import { kudosDrafts, type KudosDraft } from './kudos-draft.js';
import { MentionTyping, withMentionIds } from './mention-typing.js';
import { kudosComposerStyles } from './kudos-composer.styles.js';
import { personOptionStyles } from '../people-picker/person-option.styles.js';
import { headingAt } from '../../core/heading.js';
import { onPageEvents } from '../../core/page-events.js';

declare module '../../core/peer-element.js' {
  interface PeerEventDetails {
    /** The kudos as it will look, before the server confirmed it (`pending.id` starts with `pending-`). */
    'peer-kudos-sending': { pending: Kudos };
    'peer-kudos-sent': { kudos: Kudos; pendingId: string };
    'peer-kudos-failed': { pendingId: string; error: PeerError };
  }
}

type Field = 'recipients' | 'message' | 'values';

/**
 * @customElement peer-kudos-composer
 * @summary Give kudos: choose colleagues, say what they did, tag company values, send.
 *
 * Sends with an Idempotency-Key that is kept until the server confirms, so trying again after
 * a failure never gives the same kudos twice. Nothing typed is lost when sending fails: what is
 * unsent is kept in the browser as it is typed (per backend and signed-in person, under the
 * element's `id`) and comes back after a reload, until the server has the kudos.
 *
 * @csspart base - The form.
 * @csspart picker - The people picker.
 * @csspart message - The message field; typing @ and part of a name suggests people to mention.
 * @csspart listbox - The people suggested for a mention.
 * @csspart option - One person suggested.
 * @csspart values - The group of value checkboxes.
 * @csspart send-button - The send button.
 * @csspart cancel-button - The cancel button (when `cancelable`).
 * @csspart status - The confirmation or failure message.
 * @csspart restored - Says that an unsent draft came back.
 * @csspart error - Shown when the company values cannot be loaded.
 * @csspart retry-button - Loads the values again.
 *
 * @event peer-kudos-sending - Sending started; `detail.pending` is the kudos as it will look.
 * @event peer-kudos-sent - The server stored the kudos; `detail.kudos`, `detail.pendingId`.
 * @event peer-kudos-failed - Sending failed; `detail.error`, `detail.pendingId`. The form keeps its content.
 * @event peer-kudos-cancel - The cancel button was pressed.
 */
export class PeerKudosComposer extends PeerElement {
  static override defaultTag = 'peer-kudos-composer';
  static override dependencies = [PeerPeoplePicker];
  static override styles = [tokens, errorStyles, formStyles, kudosComposerStyles, personOptionStyles];

  static override properties: PropertyDeclarations = {
    recipients: { attribute: false },
    cancelable: { type: Boolean },
    draftKey: { attribute: 'draft-key' },
    message: { state: true },
    valueIds: { state: true },
    isPrivate: { state: true },
    errors: { state: true },
    sending: { state: true },
    status: { state: true },
    restoredAt: { state: true },
  };

  /** People chosen when the composer opens (for a “thank this person” button). */
  recipients: Person[] = [];

  /** Shows a cancel button that fires `peer-kudos-cancel`. */
  cancelable = false;

  /**
   * Under which name the unsent kudos is kept in the browser: by default the element's `id`, or
   * `composer` without one. Composers on one page that must not share a draft need different names.
   */
  draftKey?: string;

  private message = '';
  private valueIds: string[] = [];
  private isPrivate = false;
  private errors: Partial<Record<Field, string>> = {};
  private sending = false;
  private status: { text: string; failed: boolean } | undefined;
  /** When the draft shown was saved, if it came back from an earlier visit. */
  private restoredAt?: number;

  get #picker() {
    return this.renderRoot.querySelector<PeerPeoplePicker>('[part~="picker"]')!;
  }
  get #textarea() {
    return this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')!;
  }

  readonly #localize = new LocalizeController(this, { ...kudosMessages, ...kudosComposerMessages, ...pickerMessages });
  readonly #backend = new BackendController(this);
  readonly #values = new ResourceController(this, this.#backend, {
    args: () => [] as const,
    load: (backend, _args, signal) => backend.getValues({ signal }),
  });
  readonly #me = new ResourceController(this, this.#backend, {
    args: () => [] as const,
    load: (backend, _args, signal) => backend.getMe({ signal }),
  });
  /** People to suggest after “@” in the message. */
  readonly #typing = new MentionTyping({
    host: this,
    backend: this.#backend,
    listId: 'mentions',
    area: () => this.#textarea,
    exclude: () => this.#excluded(),
    chosen: (message, person) => {
      this.message = message;
      this.#mentions.set(person.name, person);
      this.#saveDraft();
    },
  });
  /** People mentioned by name in the message, by name; each `@Name` becomes `@{id}` when it is sent. */
  #mentions = new Map<string, Person>();
  /** Kept across failed attempts: the server stores a retried send once. */
  #idempotencyKey = newKey();
  #restored = false;
  /** Whether this page saved the draft before it knew who is signed in. */
  #ownerless = false;
  /** Whether anything was typed here (perhaps before the draft was restored). */
  #typed = false;

  #excludedFor?: { id: string; list: string[] };
  /** The signed-in person is never suggested; the same array each render, so the picker does not re-render. */
  #excluded(): string[] {
    const id = this.#me.value?.id;
    if (!id) return [];
    if (this.#excludedFor?.id !== id) this.#excludedFor = { id, list: [id] };
    return this.#excludedFor.list;
  }

  constructor() {
    super();
    // Another tab changed this draft: it is taken up here, so that typing here later cannot write an
    // older text over it. A draft cleared there (sent) clears this composer, which then sends nothing twice.
    onPageEvents(this, ['storage'], (event) => {
      if ((event as StorageEvent).key !== this.#drafts.key(this.#draftId) || this.sending) return;
      this.message = '';
      this.valueIds = [];
      this.isPrivate = false;
      this.#mentions = new Map();
      // The same people stay chosen meanwhile; others are looked up first.
      const ids = this.#drafts.load(this.#draftId)?.value.recipientIds ?? [];
      if (!this.recipients.length && `${ids}` !== `${this.#picker?.value}`) this.#picker?.clear();
      void this.#restore();
    });
  }

  /** Before rendering, so that what they change is in this render, not another one. */
  protected override willUpdate(changed: PropertyValues<this>) {
    // A new name for the draft (its feed's filter changed): what is typed moves there.
    if (changed.has('draftKey') && (this.#restored || this.#typed)) {
      const before = changed.get('draftKey') as string | undefined;
      this.#drafts.clear(before || this.id || 'composer');
      this.#saveDraft();
    }
    // The draft comes back once it is known who is signed in (or that it cannot be known).
    const me = this.#me.status;
    if (!this.#restored && (me === 'complete' || me === 'error')) {
      this.#restored = true;
      void this.#restore();
    }
  }

  protected override updated(changed: PropertyValues<this>) {
    // Lit sets object properties on every render; the preset goes to the picker only when it changes.
    if (changed.has('recipients') && this.#picker) this.#picker.selected = [...this.recipients];
    // Typed before it was known who is signed in: the draft becomes theirs once it is known.
    const meId = this.#me.value?.id;
    if (this.#ownerless && meId) {
      this.#ownerless = false;
      const saved = this.#drafts.load(this.#draftId);
      if (saved?.owner === null) this.#drafts.save(this.#draftId, saved.value, meId);
    }
  }

  get #drafts() {
    return kudosDrafts(this.#backend.value.storageScope);
  }

  get #draftId() {
    return this.draftKey || this.id || 'composer';
  }

  readonly #openedAt = Date.now();

  async #restore() {
    const saved = this.#drafts.load(this.#draftId, this.#me.value?.id ?? null);
    if (!saved) return;
    const { recipientIds = [], message = '', valueIds = [], isPrivate = false, mentions = [] } = saved.value;
    this.#mentions = new Map(mentions.map((person) => [person.name, person]));
    this.message = message;
    this.valueIds = valueIds;
    this.isPrivate = isPrivate;
    // A draft from before this composer opened is back; one written since (in another tab) is taken up as it is.
    this.restoredAt = saved.savedAt < this.#openedAt ? saved.savedAt : undefined;
    if (!recipientIds.length || this.recipients.length) return;
    try {
      const people = await this.#backend.value.getPeople(recipientIds);
      await this.updateComplete;
      if (this.#picker.selected.length) return;
      this.#picker.selected = recipientIds.flatMap((id) => people.get(id) ?? []);
    } catch {
      // Unreachable now: the picker stays empty, and sending asks for someone.
    }
  }

  /** Keeps what is typed so far, at once: a crash a moment later loses nothing. */
  #saveDraft() {
    this.restoredAt = undefined;
    this.#typed = true;
    const draft: KudosDraft = {
      recipientIds: this.#picker?.value ?? [],
      message: this.message,
      valueIds: this.valueIds,
      isPrivate: this.isPrivate,
      mentions: [...this.#mentions.values()],
    };
    if (!draft.recipientIds.length && !draft.message.trim() && !draft.valueIds.length && !draft.isPrivate) {
      this.#drafts.clear(this.#draftId);
    } else {
      const owner = this.#me.value?.id ?? null;
      this.#drafts.save(this.#draftId, draft, owner);
      this.#ownerless = owner === null;
    }
  }

  /** Moves focus to the first field. */
  override focus(options?: FocusOptions) {
    void this.updateComplete.then(() => this.#picker?.focus(options));
  }

  #validate(recipients: Person[]): Partial<Record<Field, string>> {
    const t = this.#localize;
    const errors: Partial<Record<Field, string>> = {};
    const message = this.message.trim();
    if (recipients.length === 0) errors.recipients = t.term('kudos.recipientsRequired');
    else if (recipients.some((p) => p.id === this.#me.value?.id)) errors.recipients = t.term('kudos.self');
    if (message.length < KUDOS_MESSAGE_MIN)
      errors.message = t.term('kudos.messageTooShort', t.number(KUDOS_MESSAGE_MIN));
    else if (message.length > KUDOS_MESSAGE_MAX)
      errors.message = t.term('kudos.messageTooLong', t.number(KUDOS_MESSAGE_MAX));
    if (this.valueIds.length === 0) errors.values = t.term('kudos.valuesRequired');
    else if (this.valueIds.length > KUDOS_VALUES_MAX)
      errors.values = t.term('kudos.valuesTooMany', t.number(KUDOS_VALUES_MAX));
    return errors;
  }

  #focusField(field: Field) {
    if (field === 'recipients') this.#picker.focus();
    else if (field === 'message') this.#textarea.focus();
    else this.renderRoot.querySelector<HTMLInputElement>('input[name="value"]')?.focus();
  }

  async #send(event: Event) {
    event.preventDefault();
    if (this.sending) return;
    const recipients = this.#picker.selected;
    this.errors = this.#validate(recipients);
    const first = (['recipients', 'message', 'values'] as const).find((f) => this.errors[f]);
    if (first) {
      await this.updateComplete;
      this.#focusField(first);
      return;
    }
    const me = this.#me.value;
    const values = (this.#values.value ?? []).filter((v) => this.valueIds.includes(v.id));
    const { message, mentioned } = withMentionIds(this.message, this.#mentions.values());
    const pendingId = `pending-${this.#idempotencyKey}`;
    if (me) {
      this.emit('peer-kudos-sending', {
        pending: {
          id: pendingId,
          giver: me,
          recipients,
          message: message.trim(),
          mentions: mentioned,
          values,
          visibility: this.isPrivate ? 'private' : 'public',
          createdAt: new Date().toISOString(),
          reactions: REACTION_KEYS.map((reaction) => ({ reaction, count: 0, mine: false })),
        },
      });
    }
    this.sending = true;
    this.status = undefined;
    try {
      const kudos = await this.#backend.value.giveKudos(
        {
          recipientIds: recipients.map((p) => p.id),
          message,
          valueIds: this.valueIds,
          visibility: this.isPrivate ? 'private' : 'public',
        },
        { idempotencyKey: this.#idempotencyKey },
      );
      this.#idempotencyKey = newKey();
      this.message = '';
      this.valueIds = [];
      this.isPrivate = false;
      this.#mentions = new Map();
      this.#picker.clear();
      this.#drafts.clear(this.#draftId);
      const names = new Intl.ListFormat(this.#localize.lang, { type: 'conjunction' }).format(
        kudos.recipients.map((p) => p.name),
      );
      this.status = { text: this.#localize.term('kudos.sent', names), failed: false };
      this.emit('peer-kudos-sent', { kudos, pendingId });
    } catch (error) {
      const peerError = error as PeerError;
      this.emit('peer-kudos-failed', { pendingId, error: peerError });
      if (peerError.type === KudosConflict.self) {
        this.errors = { recipients: this.#localize.term('kudos.self') };
        this.#idempotencyKey = newKey();
      }
      const reason = peerError.type === KudosConflict.self ? '' : ` ${errorMessage(this.#localize, peerError)}`;
      this.status = { text: `${this.#localize.term('kudos.sendFailed')}${reason}`, failed: true };
    } finally {
      this.sending = false;
    }
  }

  #onMessageInput(event: Event) {
    this.message = (event.target as HTMLTextAreaElement).value;
    if (this.errors.message) this.errors = { ...this.errors, message: undefined };
    this.#typing.input();
    this.#saveDraft();
  }

  #toggleValue(id: string, checked: boolean) {
    this.valueIds = checked ? [...this.valueIds, id] : this.valueIds.filter((v) => v !== id);
    if (this.errors.values) this.errors = { ...this.errors, values: undefined };
    this.#saveDraft();
  }

  override render() {
    const t = this.#localize;
    return staticHtml`<form part="base" novalidate dir=${t.dir} aria-labelledby="heading" @submit=${this.#send}>
      <h3 id="heading" aria-level=${headingAt(this)}>${t.term('kudos.composer')}</h3>
      ${
        this.restoredAt
          ? html`<p part="restored" class="hint" role="status">
              ${t.term('kudos.draftRestored', t.relativeTime(this.restoredAt))}
            </p>`
          : nothing
      }
      <${this.tagOf(PeerPeoplePicker)}
        part="picker"
        .exclude=${this.#excluded()}
        .error=${this.errors.recipients ?? ''}
        theme=${this.theme ?? 'light'}
        @change=${() => {
          if (this.errors.recipients) this.errors = { ...this.errors, recipients: undefined };
          this.#saveDraft();
        }}
      ></${this.tagOf(PeerPeoplePicker)}>
      <div class="field">
        <label for="message">${t.term('kudos.message')}</label>
        <div class="mention-anchor">
          <textarea
            dir="auto"
            id="message"
            part="message"
            name="message"
            maxlength=${KUDOS_MESSAGE_MAX}
            aria-invalid=${this.errors.message ? 'true' : 'false'}
            aria-describedby="message-hint message-count message-error mention-status"
            aria-autocomplete="list"
            aria-controls="mentions"
            aria-keyshortcuts="Control+Enter Meta+Enter"
            aria-activedescendant=${this.#typing.search.current ? `mentions-${this.#typing.search.active}` : nothing}
            .value=${this.message}
            @input=${this.#onMessageInput}
            @keydown=${(event: KeyboardEvent) => this.#typing.keydown(event)}
            @keyup=${() => this.#typing.caretMoved()}
            @pointerup=${() => this.#typing.caretMoved()}
            @blur=${() => setTimeout(() => this.#typing.search.close(), 150)}
          ></textarea>
          ${renderPersonOptions(this.#typing.search, 'mentions', t.term('kudos.mentionLabel'), (person) => void this.#typing.choose(person))}
        </div>
        <p id="mention-status" class="hint" role="status">${searchStatus(t, this.#typing.search)}</p>
        <p id="message-hint" class="hint">${t.term('kudos.messageHint')}</p>
        <p id="message-count" class="hint">
          ${t.term('kudos.characters', t.number(this.message.length), t.number(KUDOS_MESSAGE_MAX))}
        </p>
        <p id="message-error" class="field-error">${this.errors.message ?? ''}</p>
      </div>
      ${this.#renderValues()}
      <label class="private">
        <input
          type="checkbox"
          .checked=${this.isPrivate}
          @change=${(e: Event) => {
            this.isPrivate = (e.target as HTMLInputElement).checked;
            this.#saveDraft();
          }}
        />
        ${t.term('kudos.private.label')}
      </label>
      <div class="actions">
        <button part="send-button" class="send" type="submit" aria-disabled=${this.sending ? 'true' : 'false'}>
          ${t.term(this.sending ? 'kudos.sending' : 'kudos.send')}
        </button>
        ${
          this.cancelable
            ? html`<button
                part="cancel-button"
                class="secondary"
                type="button"
                @click=${() => this.dispatchEvent(new CustomEvent('peer-kudos-cancel', { bubbles: true, composed: true }))}
              >
                ${t.term('kudos.cancel')}
              </button>`
            : nothing
        }
      </div>
      <p part="status" class="status ${this.status?.failed ? 'failed' : ''}" role="status">
        ${this.status?.text ?? ''}
      </p>
    </form>`;
  }

  #renderValues() {
    const t = this.#localize;
    return this.#values.render({
      pending: () => html`<p class="hint">${t.term('common.loading')}</p>`,
      error: (error, retry) => renderError(t, t.term('kudos.error'), error, retry),
      complete: (values) =>
        html`<fieldset part="values" aria-describedby="values-error">
          <legend>${t.term('kudos.chooseValues', t.number(KUDOS_VALUES_MAX))}</legend>
          <div class="values">
            ${values.map(
              (value) =>
                html`<label class="value pill" title=${value.description}>
                  <input
                    type="checkbox"
                    name="value"
                    value=${value.id}
                    aria-invalid=${this.errors.values ? 'true' : 'false'}
                    .checked=${this.valueIds.includes(value.id)}
                    @change=${(e: Event) => this.#toggleValue(value.id, (e.target as HTMLInputElement).checked)}
                  />
                  <span aria-hidden="true">${value.emoji}</span> ${value.name}
                </label>`,
            )}
          </div>
          <p id="values-error" class="field-error">${this.errors.values ?? ''}</p>
        </fieldset>`,
    });
  }
}
