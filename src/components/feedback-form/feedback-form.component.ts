import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import type { AnswerValue, FeedbackReceipt, FeedbackTemplate, NewFeedback, Question } from '../../contract/feedback.js';
import {
  checkAnswers,
  textLength,
  type AnswerProblem,
  type FeedbackKind,
  type FeedbackVisibility,
} from '../../contract/feedback-rules.js';
import type { Me, Person } from '../../contract/people.js';
import { FeedbackProblem } from '../../contract/problems.js';
import type { PeerBackend } from '../../core/backend.js';
import { BackendController } from '../../core/context.js';
import { errorMessage, errorStyles, renderError } from '../../core/error-view.js';
import type { PeerError } from '../../core/errors.js';
import { newKey } from '../../core/ids.js';
import { LocalizeController } from '../../core/i18n/localize.js';
import { feedbackMessages } from '../../core/i18n/en-feedback.js';
import { DraftStore, Outbox, outboxKey, type OutboxItem } from '../../core/local-store.js';
import { PeerElement } from '../../core/peer-element.js';
import { ResourceController } from '../../core/resource-controller.js';
import { formStyles } from '../../core/form-styles.js';
import { tokens } from '../../core/tokens.js';
import type { PeerPeoplePicker } from '../people-picker/people-picker.component.js';
import { LazyElement, LazyPart } from '../../core/lazy-element.js';
import type { Delivery } from './feedback-delivery.js';
import { feedbackFormStyles } from './feedback-form.styles.js';
import { headingAt } from '../../core/heading.js';

declare module '../../core/peer-element.js' {
  interface PeerEventDetails {
    /** Cancelable: call `preventDefault()` to stop the send; the form keeps every answer. */
    'peer-feedback-sending': { feedback: NewFeedback };
    /** The server stored it; `queued` is true when it went through the outbox. */
    'peer-feedback-submitted': { receipt: FeedbackReceipt; feedback: NewFeedback; queued: boolean };
    /** The network or the server failed; the feedback waits in the outbox and goes out by itself. */
    'peer-feedback-queued': { feedback: NewFeedback; error: PeerError };
    /** The server refused it (for example invalid answers or the daily limit); nothing is lost. */
    'peer-feedback-failed': { feedback: NewFeedback; error: PeerError };
  }
}

/** What the form keeps as a draft, and restores. */
interface FeedbackDraft {
  recipientId?: string;
  kind?: FeedbackKind;
  answers: Record<string, AnswerValue>;
  visibility: FeedbackVisibility;
  anonymous: boolean;
}

type Phase = 'editing' | 'sending' | 'queued' | 'sent';

/** Field keys of inline errors: `recipient`, `kind`, `visibility`, `form`, or `q:<questionId>`. */
type Errors = Record<string, string>;

const emptyDraft = (): FeedbackDraft => ({ answers: {}, visibility: 'recipient', anonymous: false });

/**
 * @customElement peer-feedback-form
 * @summary Give praise or constructive feedback from a template, openly or anonymously, with drafts and sends that are never lost.
 *
 * Answers are checked as the server checks them. A draft is saved in the browser as you type and
 * comes back after a reload; it is cleared only when the server confirms. A send that meets a
 * network or server failure waits in a durable outbox and goes out by itself when the connection
 * is back, with the same Idempotency-Key, so it is stored exactly once.
 *
 * @csspart chooser - The templates to choose from, when no `template-id` is set.
 * @csspart base - The form.
 * @csspart header - The template name and description.
 * @csspart recipient - The recipient, when `recipient-id` is set.
 * @csspart picker - The people picker, when no `recipient-id` is set.
 * @csspart kind - The praise / constructive switch.
 * @csspart guidance - The guidance on useful feedback of the chosen kind.
 * @csspart question - One question.
 * @csspart scale - The points of a rating question.
 * @csspart visibility - Who can read it.
 * @csspart anonymity - The anonymity switch and its explanation.
 * @csspart summary - The error summary.
 * @csspart send-button - The send button.
 * @csspart reset-button - The “start over” button.
 * @csspart notice - The draft, queued and sent messages.
 * @csspart error - The error state.
 * @csspart retry-button - The retry button of the error state.
 *
 * @event peer-feedback-sending - Cancelable, before sending; `detail.feedback`.
 * @event peer-feedback-submitted - The server stored it; `detail.receipt`, `detail.feedback`, `detail.queued`.
 * @event peer-feedback-queued - Waiting in the outbox after a network or server failure; `detail.error`.
 * @event peer-feedback-failed - Refused by the server; `detail.error`. The form keeps every answer.
 */
export class PeerFeedbackForm extends PeerElement {
  static override defaultTag = 'peer-feedback-form';
  static override styles = [tokens, errorStyles, formStyles, feedbackFormStyles];

  static override properties: PropertyDeclarations = {
    templateId: { attribute: 'template-id' },
    recipientId: { attribute: 'recipient-id' },
    chosenTemplateId: { state: true },
    draft: { state: true },
    errors: { state: true },
    phase: { state: true },
    receipt: { state: true },
    picked: { state: true },
    restoredAt: { state: true },
    storageWorks: { state: true },
    nextAttemptAt: { state: true },
  };

  /** The id of the feedback template; without it the form lets the giver choose one. */
  templateId?: string;

  /** The person the feedback is for; without it the form offers a people picker. */
  recipientId?: string;

  /** The template the giver chose, when the page fixes none. */
  private chosenTemplateId?: string;
  private draft: FeedbackDraft = emptyDraft();
  private errors: Errors = {};
  private phase: Phase = 'editing';
  private receipt?: FeedbackReceipt;
  private picked?: Person;
  private restoredAt?: number;
  private storageWorks = true;
  private nextAttemptAt?: number;

  get #summary() {
    return this.renderRoot.querySelector<HTMLElement>('.summary');
  }
  get #picker() {
    return this.renderRoot.querySelector<PeerPeoplePicker>('[part~="picker"]');
  }

  readonly #localize = new LocalizeController(this, feedbackMessages);
  /** The recipient row shows a people picker, or the person given by `recipient-id`: each loads when shown. */
  readonly #pickerElement = new LazyElement(this, () =>
    import('../people-picker/people-picker.component.js').then((m) => m.PeerPeoplePicker),
  );
  readonly #personElement = new LazyElement(this, () =>
    import('../person/person.component.js').then((m) => m.PeerPerson),
  );
  /** The code that sends: it loads once the form is in use (`feedback-delivery.ts`). */
  readonly #sending = new LazyPart(this, () => import('./feedback-delivery.js'));
  readonly #backend = new BackendController(this);
  readonly #template = new ResourceController(this, this.#backend, {
    args: () => (this.#templateId ? ([this.#templateId] as const) : undefined),
    load: (backend, [id], signal) => backend.getFeedbackTemplate(id, { signal }),
  });
  /** The templates to choose from, when the page fixes none. */
  readonly #templates = new ResourceController(this, this.#backend, {
    args: () => (this.templateId ? undefined : ([] as const)),
    load: (backend, _args, signal) => backend.getFeedbackTemplates({ signal }),
  });
  readonly #recipient = new ResourceController(this, this.#backend, {
    args: () => (this.recipientId ? ([this.recipientId] as const) : undefined),
    load: (backend, [id], signal) => backend.getPerson(id, { signal }),
  });
  /** Who is signed in: excluded from the picker, and the owner of drafts and queued sends. */
  #me?: Me;
  #meLoaded?: Promise<Me | undefined>;
  #meBackend?: PeerBackend;
  /** The draft restored for this template, recipient and backend, once. */
  #restoredFor?: string;
  #retryTimer?: ReturnType<typeof setTimeout>;
  readonly #onOnline = () => void this.flush(true);
  /**
   * Another tab changed this draft: it is taken up here, so that typing here later cannot write an
   * older text over it. A draft cleared there (sent, or started over) clears this form.
   */
  readonly #onStorage = ({ key, newValue }: StorageEvent) => {
    if (key === this.#drafts.key(this.#draftId) && this.phase === 'editing') {
      this.#resetForm();
      if (newValue) this.#restoredFor = undefined;
    }
  };
  /** A draft saved before is back (with a notice); one saved since, in another tab, is taken up as it is. */
  readonly #openedAt = Date.now();
  /** Whether this page saved the draft before it knew who is signed in. */
  #ownerless = false;
  /** A send kept in memory only, when the browser refuses storage. */
  #unsaved?: OutboxItem<NewFeedback>;

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('online', this.#onOnline);
    window.addEventListener('storage', this.#onStorage);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener('storage', this.#onStorage);
    clearTimeout(this.#retryTimer);
  }

  /** Moves focus to the first field. */
  override focus(options?: FocusOptions) {
    void this.updateComplete.then(() => {
      const first = this.#picker ?? this.renderRoot.querySelector<HTMLElement>('input, textarea, button');
      first?.focus(options);
    });
  }

  get #templateId() {
    return this.templateId || this.chosenTemplateId;
  }

  get #scope() {
    return this.#backend.value.storageScope ?? 'default';
  }

  get #drafts() {
    return DraftStore.for<FeedbackDraft>('feedback', this.#scope);
  }

  get #outbox() {
    return new Outbox<NewFeedback>(outboxKey(this.#scope, 'feedback'));
  }

  /** One draft per template and fixed recipient (or the picker). */
  get #draftId() {
    return `${this.#templateId ?? ''}:${this.recipientId ?? '*'}`;
  }

  #loadMe(): Promise<Me | undefined> {
    const backend = this.#backend.value;
    if (this.#meBackend !== backend || !this.#meLoaded) {
      this.#meBackend = backend;
      this.#meLoaded = backend.getMe().then(
        (me) => {
          this.#me = me;
          // Typed before it was known who is signed in: the draft becomes theirs now.
          if (this.#ownerless) this.#saveDraft();
          this.requestUpdate();
          return me;
        },
        () => undefined, // not knowing who is signed in must not stop anyone from writing
      );
    }
    return this.#meLoaded;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (
      changed.has('templateId') ||
      (changed as Map<PropertyKey, unknown>).has('chosenTemplateId') ||
      changed.has('recipientId')
    ) {
      if (this.#restoredFor !== undefined && this.#restoredFor !== this.#draftId) this.#resetForm();
    }
  }

  protected override updated() {
    const template = this.#template.value;
    if (template && this.#restoredFor !== this.#draftId) {
      this.#restoredFor = this.#draftId;
      void this.#restore(template);
    }
  }

  /** Brings back the draft and any send still waiting in the outbox. */
  async #restore(template: FeedbackTemplate) {
    const draftId = this.#draftId;
    const me = await this.#loadMe();
    if (draftId !== this.#draftId) return;
    const owner = me?.id ?? null;
    const waiting = this.#outbox.list().find((item) => item.draftId === draftId && this.#owns(item, owner));
    const saved = this.#drafts.load(draftId, owner);
    if (saved) {
      const known = new Set(template.questions.map((q) => q.id));
      const answers = Object.fromEntries(Object.entries(saved.value.answers ?? {}).filter(([id]) => known.has(id)));
      this.draft = { ...emptyDraft(), ...saved.value, answers };
      this.restoredAt = waiting || saved.savedAt > this.#openedAt ? undefined : saved.savedAt;
      if (!this.recipientId && saved.value.recipientId) void this.#pickSaved(saved.value.recipientId);
    }
    if (waiting) {
      this.phase = 'queued';
      this.nextAttemptAt = waiting.nextAttemptAt;
    }
    void this.flush(true);
  }

  async #pickSaved(id: string) {
    try {
      const person = await this.#backend.value.getPerson(id);
      this.picked = person;
      await this.#pickerElement.load();
      await this.updateComplete;
      if (this.#picker) this.#picker.selected = [person];
    } catch {
      // The person is gone or unreachable: the picker stays empty and validation asks again.
    }
  }

  #owns(item: OutboxItem<NewFeedback>, owner: string | null) {
    return item.owner === null || item.owner === owner;
  }

  /** Why the fixed `recipient-id` cannot receive feedback: nobody has it (a typo, or someone who left). */
  get #recipientMissing(): string | undefined {
    const error = this.recipientId ? this.#recipient.error : undefined;
    return error?.notFound ? errorMessage(this.#localize, error) : undefined;
  }

  get #recipientPerson(): Person | undefined {
    return this.recipientId ? this.#recipient.value : this.picked;
  }

  #kindOf(template: FeedbackTemplate): FeedbackKind {
    return this.draft.kind && template.kinds.includes(this.draft.kind) ? this.draft.kind : template.kinds[0];
  }

  /** Applies a change, saves the draft at once (a crash a moment later loses nothing), and clears the field's error. */
  #change(patch: Partial<FeedbackDraft>, field?: string) {
    // Not on every key press once it failed: a send, or the browser coming back online, loads it again.
    if (!this.#sending.error) this.#sending.preload();
    this.draft = { ...this.draft, ...patch };
    this.restoredAt = undefined;
    if (field && this.errors[field]) {
      const rest = { ...this.errors };
      delete rest[field];
      this.errors = rest;
    }
    this.#saveDraft();
  }

  #answer(question: Question, value: AnswerValue | undefined) {
    const answers = { ...this.draft.answers };
    if (value === undefined) delete answers[question.id];
    else answers[question.id] = value;
    this.#change({ answers }, `q:${question.id}`);
  }

  #saveDraft() {
    const empty =
      !this.draft.recipientId &&
      !this.draft.anonymous &&
      this.draft.visibility === 'recipient' &&
      Object.keys(this.draft.answers).length === 0;
    if (empty) {
      this.#drafts.clear(this.#draftId);
      return;
    }
    this.storageWorks = this.#drafts.save(this.#draftId, this.draft, this.#me?.id ?? null);
    this.#ownerless = !this.#me;
  }

  #resetForm() {
    this.draft = emptyDraft();
    this.errors = {};
    this.phase = 'editing';
    this.receipt = undefined;
    this.restoredAt = undefined;
    this.picked = undefined;
    this.#picker?.clear();
  }

  #startOver() {
    this.#drafts.clear(this.#draftId);
    this.#resetForm();
    this.focus();
  }

  #problemText(problem: AnswerProblem): string {
    const t = this.#localize;
    // Each code has its message, `feedback.answer.<code>`; a code with none is "not accepted".
    const key = `feedback.answer.${problem.code}`;
    const term = t.term as (key: string, limit: string) => string;
    return term.call(t, key in feedbackMessages ? key : 'feedback.answer.invalid', t.number(problem.limit ?? 0));
  }

  #validate(template: FeedbackTemplate): Errors {
    const t = this.#localize;
    const errors: Errors = {};
    const recipient = this.recipientId ?? this.picked?.id;
    if (!recipient) errors.recipient = t.term('feedback.recipientRequired');
    else if (this.#me && recipient === this.#me.id) errors.recipient = t.term('feedback.self');
    else if (this.#recipientMissing) errors.recipient = this.#recipientMissing;
    for (const problem of checkAnswers(template.questions, this.draft.answers)) {
      errors[`q:${problem.questionId}`] = this.#problemText(problem);
    }
    return errors;
  }

  /** The order fields appear in, for the summary and for focus. */
  #fieldOrder(template: FeedbackTemplate) {
    return ['form', 'recipient', 'kind', ...template.questions.map((q) => `q:${q.id}`), 'visibility'];
  }

  async #showErrors(errors: Errors) {
    this.errors = errors;
    await this.updateComplete;
    this.#summary?.focus();
  }

  #focusField(field: string) {
    if (field === 'recipient') {
      this.#picker?.focus();
      return;
    }
    const target = this.renderRoot.querySelector<HTMLElement>(`[data-field="${CSS.escape(field)}"]`);
    target?.focus();
  }

  async #submit(event: Event) {
    event.preventDefault();
    const template = this.#template.value;
    if (!template || this.phase === 'sending') return;
    const errors = this.#validate(template);
    if (Object.keys(errors).length) {
      await this.#showErrors(errors);
      return;
    }
    const feedback: NewFeedback = {
      templateId: template.id,
      recipientId: (this.recipientId ?? this.picked?.id)!,
      kind: this.#kindOf(template),
      answers: this.draft.answers,
      visibility: this.draft.visibility,
      anonymous: this.draft.anonymous,
    };
    if (!this.emit('peer-feedback-sending', { feedback }, { cancelable: true })) {
      this.errors = { form: this.#localize.term('feedback.cancelled') };
      return;
    }
    await this.#loadMe();
    const item: OutboxItem<NewFeedback> = {
      id: newKey(),
      payload: feedback,
      owner: this.#me?.id ?? null,
      draftId: this.#draftId,
      queuedAt: Date.now(),
      attempts: 0,
      nextAttemptAt: Date.now(),
    };
    // Kept before it leaves: a crash or a closed tab during the request still sends it, once.
    if (!this.#outbox.put(item)) this.#unsaved = item;
    this.errors = {};
    this.phase = 'sending';
    await this.#deliver(item, false);
  }

  /** Sends one outbox item, and shows what became of it. */
  async #deliver(item: OutboxItem<NewFeedback>, fromOutbox: boolean) {
    const ours = item.draftId === this.#draftId;
    let result: Delivery | undefined;
    try {
      result = await (
        await this.#sending.load()
      ).deliver(item, {
        backend: this.#backend.value,
        scope: this.#scope,
        outbox: this.#outbox,
        drafts: this.#drafts,
        unsaved: (next) => (next === undefined ? this.#unsaved : (this.#unsaved = next ?? undefined)),
      });
    } catch (error) {
      // The code that sends could not be loaded (offline): the send waits in the outbox all the same.
      const next = { ...item, nextAttemptAt: Date.now() + 5_000 };
      if (this.#unsaved?.id === item.id) this.#unsaved = next;
      else if (this.#outbox.get(item.id)) this.#outbox.put(next);
      result = { kind: 'queued', error: error as PeerError, nextAttemptAt: next.nextAttemptAt };
    }
    if (!result) return;
    if (result.kind === 'gone') {
      if (ours && this.phase === 'queued') this.phase = 'sent'; // another tab delivered it
      return;
    }
    if (result.kind === 'sent') {
      this.emit('peer-feedback-submitted', { receipt: result.receipt, feedback: item.payload, queued: fromOutbox });
      if (ours) {
        this.receipt = result.receipt;
        this.phase = 'sent';
        this.draft = emptyDraft();
        this.restoredAt = undefined;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('.sent')?.focus();
      }
      return;
    }
    if (result.kind === 'queued') {
      if (ours) {
        if (this.phase !== 'queued') this.emit('peer-feedback-queued', { feedback: item.payload, error: result.error });
        this.phase = 'queued';
        this.nextAttemptAt = result.nextAttemptAt;
      }
      if (!fromOutbox) this.#schedule(result.nextAttemptAt);
      return;
    }
    this.emit('peer-feedback-failed', { feedback: item.payload, error: result.error });
    if (ours) {
      this.phase = 'editing';
      await this.#showErrors(this.#serverErrors(result.error));
    }
  }

  /** The server's reasons, put next to the fields they are about. */
  #serverErrors(error: PeerError): Errors {
    const t = this.#localize;
    if (error.type === FeedbackProblem.self) return { recipient: t.term('feedback.self') };
    if (error.type === FeedbackProblem.dailyLimit) return { form: t.term('feedback.dailyLimit') };
    const errors: Errors = {};
    const invalid = t.term('feedback.answer.invalid');
    for (const { path } of error.errors) {
      if (path.startsWith('answers.')) errors[`q:${path.slice('answers.'.length)}`] = invalid;
      else if (path === 'recipientId') errors.recipient = error.detail ?? invalid;
      else if (path === 'kind' || path === 'visibility') errors[path] = invalid;
    }
    if (!Object.keys(errors).length) errors.form = `${t.term('feedback.failed')} ${errorMessage(t, error)}`;
    return errors;
  }

  #schedule(at: number) {
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => void this.flush(), Math.max(0, at - Date.now()));
  }

  /**
   * Sends what waits in the outbox for the signed-in person: everything when `force` (on load,
   * when the browser is back online, or on request), otherwise what is due; then waits for the next.
   */
  async flush(force = false) {
    if (!this.isConnected) return;
    const me = await this.#loadMe();
    const owner = me?.id ?? null;
    const mine = () => [
      ...this.#outbox.list().filter((item) => this.#owns(item, owner)),
      ...(this.#unsaved ? [this.#unsaved] : []),
    ];
    for (const item of mine()) {
      if (force || item.nextAttemptAt <= Date.now()) await this.#deliver(item, true);
    }
    const next = Math.min(...mine().map((item) => item.nextAttemptAt));
    if (Number.isFinite(next)) this.#schedule(next);
  }

  override render() {
    const t = this.#localize;
    return html`<div class="root" dir=${t.dir}>
      ${this.templateId ? nothing : this.#renderChooser()}
      ${this.#template.render({
        initial: () => (this.templateId ? this.#renderLoading() : nothing),
        pending: () => this.#renderLoading(),
        error: (error, retry) =>
          error.notFound
            ? html`<div part="error" class="not-found" role="alert">
                <p class="error-heading">${t.term('feedback.notFound')}</p>
                <p class="hint">${t.term('feedback.notFoundDetail')}</p>
              </div>`
            : renderError(t, t.term('feedback.error'), error, retry),
        complete: (template) => this.#renderForm(template),
      })}
    </div>`;
  }

  /** Without a `template-id`, the giver chooses the kind of feedback to give. */
  #renderChooser() {
    const t = this.#localize;
    return this.#templates.render({
      pending: () => this.#renderLoading(),
      error: (error, retry) => renderError(t, t.term('feedback.error'), error, retry),
      complete: (templates) =>
        html`<div part="chooser" class="chooser">
          ${templates.length ? nothing : html`<p role="status">${t.term('feedback.noTemplates')}</p>`}
          <fieldset class="question" ?hidden=${!templates.length}>
            <legend>${t.term('feedback.chooseTemplate')}</legend>
            <div class="choices">
              ${templates.map(
                (template) =>
                  html`<label class="pill">
                    <input
                      type="radio"
                      name="template"
                      .checked=${this.chosenTemplateId === template.id}
                      @change=${() => (this.chosenTemplateId = template.id)}
                    /><bdi>${template.name}</bdi>
                  </label>`,
              )}
            </div>
          </fieldset>
        </div>`,
    });
  }

  #renderLoading() {
    return html`<div
      class="skeleton"
      role="status"
      aria-busy="true"
      aria-label=${this.#localize.term('feedback.loading')}
    >
      <span class="bone heading"></span><span class="bone"></span><span class="bone"></span
      ><span class="bone tall"></span>
    </div>`;
  }

  #renderForm(template: FeedbackTemplate) {
    const t = this.#localize;
    if (this.phase === 'sent') return this.#renderSent();
    const busy = this.phase === 'sending';
    return html`<form part="base" novalidate aria-labelledby="title" aria-busy=${busy} @submit=${this.#submit}>
      <header part="header">
        <h3 id="title" dir="auto" aria-level=${headingAt(this)}>${template.name}</h3>
        <p class="hint" dir="auto">${template.description}</p>
      </header>
      ${this.#renderNotice()} ${this.#renderSummary(template)} ${this.#renderRecipient()} ${this.#renderKind(template)}
      ${template.questions.map((question) => this.#renderQuestion(question))} ${this.#renderVisibility()}
      ${this.#renderAnonymity()}
      <div class="actions">
        <button part="send-button" class="send" type="submit" aria-disabled=${busy || this.phase === 'queued'}>
          ${t.term(busy ? 'feedback.sending' : 'feedback.send')}
        </button>
        <button part="reset-button" class="secondary" type="button" @click=${this.#startOver}>
          ${t.term('feedback.startOver')}
        </button>
      </div>
    </form>`;
  }

  #renderNotice() {
    const t = this.#localize;
    if (this.phase === 'queued') {
      const when = this.nextAttemptAt ? t.relativeTime(this.nextAttemptAt) : '';
      return html`<div part="notice" class="notice queued" role="status">
        <p><strong>${t.term('feedback.queued')}</strong></p>
        <p>${t.term('feedback.queuedDetail')} ${when ? t.term('feedback.queuedRetrying', when) : ''}</p>
        <button type="button" class="secondary" @click=${() => void this.flush(true)}>
          ${t.term('feedback.sendNow')}
        </button>
      </div>`;
    }
    return html`<div part="notice" class="notice" role="status">
      ${this.restoredAt ? html`<p>${t.term('feedback.draftRestored', t.relativeTime(this.restoredAt))}</p>` : nothing}
      ${this.storageWorks ? nothing : html`<p>${t.term('feedback.draftUnavailable')}</p>`}
    </div>`;
  }

  /** What a field is called in the summary, so that each entry makes sense on its own. */
  #fieldLabel(template: FeedbackTemplate, field: string): string {
    const t = this.#localize;
    if (field === 'recipient') return t.term(this.recipientId ? 'feedback.to' : 'feedback.recipient');
    if (field === 'kind' || field === 'visibility') return t.term(`feedback.${field}`);
    return template.questions.find((q) => `q:${q.id}` === field)?.prompt ?? '';
  }

  #renderSummary(template: FeedbackTemplate) {
    const t = this.#localize;
    const fields = this.#fieldOrder(template).filter((field) => this.errors[field]);
    if (!fields.length) return nothing;
    const count = fields.filter((field) => field !== 'form').length;
    return html`<div part="summary" class="summary" tabindex="-1" role="group" aria-labelledby="summary-title">
      <p id="summary-title" class="summary-title">
        ${count ? t.term('feedback.summary', count, t.number(count)) : t.term('feedback.failed')}
      </p>
      <ul>
        ${fields.map((field) =>
          field === 'form'
            ? html`<li>${this.errors.form}</li>`
            : html`<li>
                <a
                  href=${`#${field}`}
                  @click=${(event: Event) => {
                    event.preventDefault();
                    this.#focusField(field);
                  }}
                  ><span class="summary-field">${this.#fieldLabel(template, field)}</span>: ${this.errors[field]}</a
                >
              </li>`,
        )}
      </ul>
    </div>`;
  }

  #renderRecipient() {
    const t = this.#localize;
    if (this.recipientId) {
      return staticHtml`<div part="recipient" class="recipient">
        <span class="label">${t.term('feedback.to')}</span>
        ${this.#personElement.render(
          t,
          () =>
            staticHtml`<${this.#personElement.tag} .personId=${this.recipientId} size="small" theme=${this.theme ?? 'light'}></${this.#personElement.tag}>`,
        )}
        <p id="recipient-error" class="field-error">${this.errors.recipient ?? this.#recipientMissing ?? ''}</p>
      </div>`;
    }
    return this.#pickerElement.render(
      t,
      () => staticHtml`<${this.#pickerElement.tag}
      part="picker"
      max="1"
      label=${t.term('feedback.recipient')}
      .exclude=${this.#excluded()}
      .error=${this.errors.recipient ?? ''}
      theme=${this.theme ?? 'light'}
      @change=${(event: Event) => {
        const [person] = (event.target as PeerPeoplePicker).selected;
        this.picked = person;
        const visibility = person && !person.managerId ? 'recipient' : this.draft.visibility;
        this.#change({ recipientId: person?.id, visibility }, 'recipient');
      }}
    ></${this.#pickerElement.tag}>`,
    );
  }

  #excludedFor?: { id: string; list: string[] };
  /** The same array on every render, so the picker does not re-render. */
  #excluded(): string[] {
    const id = this.#me?.id;
    if (!id) return [];
    if (this.#excludedFor?.id !== id) this.#excludedFor = { id, list: [id] };
    return this.#excludedFor.list;
  }

  #renderKind(template: FeedbackTemplate) {
    const t = this.#localize;
    const kind = this.#kindOf(template);
    const kindName = (option: FeedbackKind) => t.term(`feedback.kind.${option}`);
    const guidance = html`<p id="guidance" part="guidance" class="hint guidance">
      ${t.term(`feedback.guidance.${kind}`)}
    </p>`;
    if (template.kinds.length === 1) {
      // Nothing to choose: say which kind it is, without a lone radio button.
      return html`<div part="kind" class="kind">
        <p class="kind-fixed">
          <span class="label">${t.term('feedback.kind')}</span> <span class="segment pill">${kindName(kind)}</span>
        </p>
        ${guidance}
      </div>`;
    }
    return html`<fieldset part="kind" class="kind" aria-describedby="guidance">
      <legend>${t.term('feedback.kind')}</legend>
      <div class="segments">
        ${template.kinds.map(
          (option) =>
            html`<label class="segment pill">
              <input
                type="radio"
                name="kind"
                value=${option}
                data-field=${option === kind ? 'kind' : nothing}
                .checked=${option === kind}
                @change=${() => this.#change({ kind: option }, 'kind')}
              />
              <span>${kindName(option)}</span>
            </label>`,
        )}
      </div>
      ${guidance}
    </fieldset>`;
  }

  #renderQuestion(question: Question) {
    const t = this.#localize;
    const field = `q:${question.id}`;
    const error = this.errors[field];
    const ids = { help: `${question.id}-help`, error: `${question.id}-error`, count: `${question.id}-count` };
    const marker = html`<span class="marker"
      >${t.term(question.required ? 'feedback.required' : 'feedback.optional')}</span
    >`;
    const help = question.help ? html`<p id=${ids.help} class="hint" dir="auto">${question.help}</p>` : nothing;
    const errorText = html`<p id=${ids.error} class="field-error">${error ?? ''}</p>`;
    const describedBy = [question.help ? ids.help : '', ids.error].filter(Boolean).join(' ');
    const value = this.draft.answers[question.id];

    if (question.kind === 'text') {
      const text = typeof value === 'string' ? value : '';
      const length = textLength(text);
      return html`<div part="question" class="field question">
        <label for=${field}><bdi>${question.prompt}</bdi> ${marker}</label>
        ${help}
        <textarea
          dir="auto"
          id=${field}
          data-field=${field}
          rows="4"
          aria-invalid=${!!error}
          aria-describedby=${`${describedBy} ${ids.count}`}
          .value=${text}
          @input=${(event: Event) => this.#answer(question, (event.target as HTMLTextAreaElement).value || undefined)}
        ></textarea>
        <p id=${ids.count} class="hint count ${length > question.maxLength ? 'over' : ''}">
          ${t.term('feedback.characters', t.number(length), t.number(question.maxLength))}
        </p>
        ${errorText}
      </div>`;
    }

    if (question.kind === 'rating') {
      const points = Array.from(
        { length: question.scale.max - question.scale.min + 1 },
        (_, i) => question.scale.min + i,
      );
      return html`<fieldset part="question" class="question" aria-describedby=${describedBy}>
        <legend><bdi>${question.prompt}</bdi> ${marker}</legend>
        ${help}
        <div part="scale" class="scale">
          ${points.map(
            (point, index) =>
              html`<label class="point">
                <input
                  type="radio"
                  name=${field}
                  value=${point}
                  data-field=${index === 0 ? field : nothing}
                  aria-invalid=${!!error}
                  .checked=${value === point}
                  @change=${() => this.#answer(question, point)}
                />
                <span class="number">${t.number(point)}</span>
                <span class="point-label">${question.scale.labels[index] ?? ''}</span>
              </label>`,
          )}
        </div>
        ${this.#renderClear(question, !question.required && value !== undefined)} ${errorText}
      </fieldset>`;
    }

    const chosen = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
    const max = question.maxChoices ?? question.options.length;
    return html`<fieldset part="question" class="question" aria-describedby=${describedBy}>
      <legend><bdi>${question.prompt}</bdi> ${marker}</legend>
      ${help}
      ${
        question.multiple && max < question.options.length && !question.help
          ? html`<p class="hint">${t.term('feedback.chooseUpTo', t.number(max))}</p>`
          : nothing
      }
      <div class="choices">
        ${question.options.map(
          (option, index) =>
            html`<label class="choice">
              <input
                type=${question.multiple ? 'checkbox' : 'radio'}
                name=${field}
                value=${option.id}
                data-field=${index === 0 ? field : nothing}
                aria-invalid=${!!error}
                .checked=${chosen.includes(option.id)}
                @change=${(event: Event) => {
                  const on = (event.target as HTMLInputElement).checked;
                  if (!question.multiple) this.#answer(question, option.id);
                  else {
                    const next = on ? [...chosen, option.id] : chosen.filter((id) => id !== option.id);
                    this.#answer(question, next.length ? next : undefined);
                  }
                }}
              />
              <bdi>${option.label}</bdi>
            </label>`,
        )}
      </div>
      ${this.#renderClear(question, !question.required && !question.multiple && value !== undefined)} ${errorText}
    </fieldset>`;
  }

  /** Radios cannot be unchecked: an optional one answered by mistake gets a button to take it back. */
  #renderClear(question: Question, shown: boolean) {
    if (!shown) return nothing;
    // The button goes with the answer: focus moves to the question, where the next Tab would go on.
    return html`<button
      type="button"
      class="link"
      @click=${() => {
        this.#answer(question, undefined);
        this.#focusField(`q:${question.id}`);
      }}
    >
      ${this.#localize.term('feedback.clearAnswer')}
    </button>`;
  }

  /** The recipient's name, or words for “the recipient” (capitalised where a sentence starts with it). */
  #recipientName(atStart = false) {
    return this.#recipientPerson?.name ?? this.#localize.term(atStart ? 'feedback.someoneStart' : 'feedback.someone');
  }

  #renderVisibility() {
    const t = this.#localize;
    const name = this.#recipientName();
    const person = this.#recipientPerson;
    const noManager = person !== undefined && !person.managerId;
    const options: [FeedbackVisibility, string][] = [
      ['recipient', t.term('feedback.visibility.recipient', name)],
      ['recipient-and-manager', t.term('feedback.visibility.manager', this.#recipientName(true))],
    ];
    return html`<fieldset part="visibility" class="question" aria-describedby="visibility-error">
      <legend>${t.term('feedback.visibility')}</legend>
      <div class="choices">
        ${options.map(
          ([value, label], index) =>
            html`<label class="choice">
              <input
                type="radio"
                name="visibility"
                value=${value}
                data-field=${index === 0 ? 'visibility' : nothing}
                ?disabled=${value === 'recipient-and-manager' && noManager}
                .checked=${this.draft.visibility === value}
                @change=${() => this.#change({ visibility: value }, 'visibility')}
              />
              <span>${label}</span>
            </label>`,
        )}
      </div>
      ${noManager ? html`<p class="hint">${t.term('feedback.visibility.noManager', name)}</p>` : nothing}
      <p id="visibility-error" class="field-error">${this.errors.visibility ?? ''}</p>
    </fieldset>`;
  }

  #renderAnonymity() {
    const t = this.#localize;
    const readers = t.term(`feedback.readers.${this.draft.visibility}`, this.#recipientName(true));
    return html`<div part="anonymity" class="anonymity">
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          aria-checked=${!!this.draft.anonymous}
          aria-describedby="anonymity-explain"
          .checked=${this.draft.anonymous}
          @change=${(event: Event) => this.#change({ anonymous: (event.target as HTMLInputElement).checked })}
        />
        <span>${t.term('feedback.anonymous')}</span>
      </label>
      <div id="anonymity-explain" class="explain">
        ${
          this.draft.anonymous
            ? html`<p>${t.term('feedback.explain.anonymous', readers)}</p>
                <p class="hint">${t.term('feedback.explain.anonymousCaution')}</p>`
            : html`<p>${t.term('feedback.explain.named', readers)}</p>`
        }
      </div>
    </div>`;
  }

  #renderSent() {
    const t = this.#localize;
    const receipt = this.receipt;
    const day = (date: string) => t.date(`${date}T12:00:00Z`, { dateStyle: 'medium' });
    return html`<div part="notice" class="notice sent" tabindex="-1" role="status">
      <p><strong>${t.term('feedback.sent', receipt?.recipient.name ?? this.#recipientName())}</strong></p>
      ${
        receipt?.anonymous
          ? html`<p>
              ${t.term('feedback.sentAnonymous', day(receipt.receivedOn), day(receipt.readableFrom ?? receipt.receivedOn))}
            </p>`
          : nothing
      }
      <button
        type="button"
        class="secondary"
        @click=${() => {
          this.#resetForm();
          this.focus();
        }}
      >
        ${t.term('feedback.giveMore')}
      </button>
    </div>`;
  }
}
