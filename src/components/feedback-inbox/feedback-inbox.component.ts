import { html, nothing, type PropertyDeclarations } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import type { FeedbackKind } from '../../contract/feedback-rules.js';
import type { AnswerValue, NewFeedback, Question, ReceivedFeedback } from '../../contract/feedback.js';
import type { Page } from '../../contract/common.js';
import { BackendController } from '../../core/context.js';
import { errorStyles, renderError } from '../../core/error-view.js';
import type { PeerError } from '../../core/errors.js';
import { asPeerError } from '../../core/errors.js';
import { formStyles } from '../../core/form-styles.js';
import { feedbackInboxMessages } from '../../core/i18n/en-feedback-inbox.js';
import { LocalizeController } from '../../core/i18n/localize.js';
import { outboxKey, type OutboxItem } from '../../core/local-store.js';
import { PeerElement } from '../../core/peer-element.js';
import { ResourceController } from '../../core/resource-controller.js';
import { onPageEvents } from '../../core/page-events.js';
import { tokens } from '../../core/tokens.js';
import { PeerPerson } from '../person/person.component.js';
import { feedbackInboxStyles } from './feedback-inbox.styles.js';
import { headingAt } from '../../core/heading.js';

const KINDS: readonly FeedbackKind[] = ['praise', 'constructive'];

/** Pages loaded after the first, for the first page they follow. */
interface More {
  after: Page<ReceivedFeedback>;
  items: ReceivedFeedback[];
  next: string | null;
}

/**
 * @customElement peer-feedback-inbox
 * @summary The feedback a person received: theirs in full, or, for their manager, what they shared.
 *
 * Newest first, each with its template, kind, giver (or that it is anonymous: the week, not the
 * day), who can read it, and every question with its answer as it was asked. Praise and
 * constructive feedback can be shown apart; more loads on request, and the focus moves to the
 * first of them. Feedback a manager sends from a form on the same page to the person shows here
 * once stored, when it is shared with them.
 *
 * @csspart base - The card.
 * @csspart item - One feedback.
 * @csspart empty - Shown when there is none.
 * @csspart note - Says that anonymous feedback shows once its week is over.
 * @csspart error - Why the feedback could not be loaded.
 * @csspart retry-button - Tries again.
 * @csspart more-button - Loads the next page.
 *
 * @event peer-error - Loading failed; `detail.error` is the `PeerError`, `detail.retry()` tries again.
 */
export class PeerFeedbackInbox extends PeerElement {
  static override defaultTag = 'peer-feedback-inbox';
  static override styles = [tokens, formStyles, errorStyles, feedbackInboxStyles];
  static override dependencies = [PeerPerson];

  static override properties: PropertyDeclarations = {
    personId: { attribute: 'person-id' },
    kind: {},
    pageSize: { type: Number, attribute: 'page-size' },
    more: { state: true },
    loadingMore: { state: true },
    moreFailure: { state: true },
    loaded: { state: true },
  };

  /** Whose feedback: unset or `me` for the signed-in person's; else a person the signed-in person manages. */
  personId?: string;
  /** `praise` or `constructive` to show only that kind; unset for all. Also in the toolbar. */
  kind?: FeedbackKind | '';
  /** Feedback per request, 1 to 100 (default 10). */
  pageSize = 10;

  private more?: More;
  private loadingMore = false;
  private moreFailure?: PeerError;
  /** How many the last "Show more" added, for the status line. */
  private loaded?: number;

  readonly #localize = new LocalizeController(this, feedbackInboxMessages);
  readonly #backend = new BackendController(this);
  readonly #feedback = new ResourceController(this, this.#backend, {
    // A person id that turns out to be the reader's own reads the same feedback as `me`: no second load.
    args: () => [this.#named, this.#kind, this.#limit] as const,
    load: (backend, [named, kind, limit], signal) =>
      named
        ? backend.getPersonFeedback(named, { kind, limit }, { signal })
        : backend.getMyFeedback({ kind, limit }, { signal }),
    isEmpty: (page) => page.items.length === 0,
  });

  /** Who is signed in: asked only when a person id is given, which may be their own. */
  readonly #me = new ResourceController(this, this.#backend, {
    args: () => (this.#named ? ([] as const) : undefined),
    load: (backend, _args, signal) => backend.getMe({ signal }),
  });

  constructor() {
    super();
    // Feedback sent from a form on the page to the person whose feedback a manager reads here: the
    // list loads again in the background (it shows there if it was shared with them).
    onPageEvents(this, ['peer-feedback-submitted'], (event) => {
      const { feedback } = (event as CustomEvent<{ feedback: { recipientId: string } }>).detail;
      if (feedback.recipientId === this.#about) this.#feedback.refresh();
    });
    // Sent from a form in another tab: its outbox (shared storage) lets go of feedback to them once
    // the server has it, and the list loads again (the REST client keeps no feedback pages).
    onPageEvents(this, ['storage'], (event) => {
      const { key, oldValue, newValue } = event as StorageEvent;
      const about = this.#about;
      if (!about || key !== outboxKey(this.#backend.value.storageScope ?? 'default', 'feedback')) return;
      const waiting = (value: string | null) => {
        try {
          const items = JSON.parse(value ?? '[]') as OutboxItem<NewFeedback>[];
          return items.filter((item) => item.payload.recipientId === about).map((item) => item.id);
        } catch {
          return [];
        }
      };
      const still = waiting(newValue);
      if (waiting(oldValue).some((id) => !still.includes(id))) this.#feedback.refresh();
    });
  }

  get #named() {
    return this.personId && this.personId !== 'me' ? this.personId : undefined;
  }

  /** The person whose feedback is shown, when it is not the signed-in person's own. */
  get #about() {
    const named = this.#named;
    return named && named !== this.#me.value?.id ? named : undefined;
  }

  get #kind() {
    return KINDS.includes(this.kind as FeedbackKind) ? (this.kind as FeedbackKind) : undefined;
  }

  get #limit() {
    const size = Math.round(this.pageSize);
    return size >= 1 ? Math.min(size, 100) : 10;
  }

  override render() {
    const t = this.#localize;
    const about = this.#about;
    const person = this.tagOf(PeerPerson);
    const heading = t.term(about ? 'inbox.headingShared' : 'inbox.heading');
    return html`<section part="base" class="base" aria-labelledby="heading">
      <div class="top">
        <h2 id="heading" tabindex="-1" aria-level=${headingAt(this)}>${heading}</h2>
        <label class="show">
          ${t.term('inbox.show')}
          <select @change=${(event: Event) => this.#choose(event)}>
            <option value="" ?selected=${!this.#kind}>${t.term('inbox.all')}</option>
            ${KINDS.map(
              (kind) =>
                html`<option value=${kind} ?selected=${this.#kind === kind}>${t.term(`inbox.${kind}`)}</option>`,
            )}
          </select>
        </label>
      </div>
      ${
        about
          ? staticHtml`<p class="about"><span class="hint">${t.term('inbox.about')}</span>
              <${person} person-id=${about} size="small"></${person}></p>`
          : nothing
      }
      ${this.#feedback.render({
        pending: () => html`<p class="hint" role="status" aria-busy="true">${t.term('common.loading')}</p>`,
        empty: () =>
          html`<p part="empty" class="hint">
            ${t.term(this.#kind ? 'inbox.noneOfKind' : about ? 'inbox.noneShared' : 'inbox.none')}
          </p>`,
        error: (error, retry) => renderError(t, t.term('inbox.loadError'), error, retry),
        complete: (page) => this.#renderList(page),
      })}
      <p part="note" class="hint">${t.term('inbox.held')}</p>
      <p class="hint" role="status">${this.loaded ? t.term('inbox.loaded', t.number(this.loaded)) : ''}</p>
    </section>`;
  }

  #renderList(page: Page<ReceivedFeedback>) {
    const t = this.#localize;
    const more = this.more?.after === page ? this.more : undefined;
    const items = more ? [...page.items, ...more.items] : page.items;
    const next = more ? more.next : page.nextCursor;
    return html`<ul class="list">
        ${items.map((feedback) => this.#renderFeedback(feedback))}
      </ul>
      ${
        this.moreFailure
          ? renderError(t, t.term('inbox.moreError'), this.moreFailure, () => this.#loadMore(page, next))
          : next
            ? html`<button
                part="more-button"
                type="button"
                class="secondary more"
                aria-disabled=${this.loadingMore ? 'true' : 'false'}
                @click=${() => this.#loadMore(page, next)}
              >
                ${t.term(this.loadingMore ? 'common.loading' : 'inbox.more')}
              </button>`
            : nothing
      }`;
  }

  #renderFeedback(feedback: ReceivedFeedback) {
    const t = this.#localize;
    const person = this.tagOf(PeerPerson);
    const day = t.date(`${feedback.receivedOn}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' });
    const heading = `feedback-${feedback.id}`;
    return staticHtml`<li part="item" class="item">
      <article aria-labelledby=${heading}>
        <div class="top">
          <h3 id=${heading} tabindex="-1" aria-level=${headingAt(this, 1)}><bdi>${feedback.templateName}</bdi></h3>
          <span class="kind ${feedback.kind}">${t.term(`inbox.${feedback.kind}`)}</span>
        </div>
        <p class="meta">
          ${
            feedback.giver
              ? staticHtml`<span class="hint">${t.term('inbox.from')}</span>
                  <${person} .person=${feedback.giver} size="small"></${person}>`
              : html`<span class="anonymous">${t.term('inbox.anonymous')}</span>`
          }
          <span class="hint">
            ${t.term(feedback.receivedPrecision === 'week' ? 'inbox.week' : 'inbox.on', day)}
            ${
              this.#about
                ? nothing
                : t.term(feedback.visibility === 'recipient' ? 'inbox.onlyYou' : 'inbox.withManager')
            }
          </span>
        </p>
        <dl>
          ${feedback.questions.map(
            (question) =>
              html`<div class="answer">
                <dt><bdi>${question.prompt}</bdi></dt>
                ${this.#renderAnswer(question, feedback.answers[question.id])}
              </div>`,
          )}
        </dl>
      </article>
    </li>`;
  }

  #renderAnswer(question: Question, answer: AnswerValue | undefined) {
    const t = this.#localize;
    const empty = (text: string) => text.trim() === '';
    if (
      answer === undefined ||
      (typeof answer === 'string' && empty(answer)) ||
      (Array.isArray(answer) && !answer.length)
    )
      return html`<dd class="hint">${t.term('inbox.notAnswered')}</dd>`;
    if (question.kind === 'rating' && typeof answer === 'number') {
      const { min, max, labels } = question.scale;
      const label = labels[answer - min] ?? '';
      return html`<dd>${t.term('inbox.rating', t.number(answer), t.number(min), t.number(max), label)}</dd>`;
    }
    if (question.kind === 'choice') {
      const chosen = (Array.isArray(answer) ? answer : [String(answer)]).map(
        (id) => question.options.find((option) => option.id === id)?.label ?? id,
      );
      return html`<dd><bdi>${t.list(chosen)}</bdi></dd>`;
    }
    return html`<dd class="text" dir="auto">${String(answer)}</dd>`;
  }

  #choose(event: Event) {
    this.kind = (event.target as HTMLSelectElement).value as FeedbackKind | '';
    this.loaded = undefined;
    this.moreFailure = undefined;
  }

  async #loadMore(page: Page<ReceivedFeedback>, cursor: string | null) {
    if (this.loadingMore || !cursor) return;
    this.loadingMore = true;
    this.moreFailure = undefined;
    this.loaded = undefined;
    const named = this.#named;
    const search = { kind: this.#kind, limit: this.#limit, cursor };
    try {
      const backend = this.#backend.value;
      const next = named ? await backend.getPersonFeedback(named, search) : await backend.getMyFeedback(search);
      // The filter changed meanwhile: this page belongs to a list no longer shown.
      if (this.#feedback.value !== page) return;
      const before = this.more?.after === page ? this.more.items : [];
      this.more = { after: page, items: [...before, ...next.items], next: next.nextCursor };
      this.loaded = next.items.length;
      await this.updateComplete;
      const first = next.items[0];
      if (first) this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(`feedback-${first.id}`)}`)?.focus();
    } catch (error) {
      this.moreFailure = asPeerError(error);
    } finally {
      this.loadingMore = false;
    }
  }
}
