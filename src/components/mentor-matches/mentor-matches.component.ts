import { html, type PropertyDeclarations } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { BackendController } from '../../core/context.js';
import { errorStyles, renderError } from '../../core/error-view.js';
import { LocalizeController } from '../../core/i18n/localize.js';
import { mentorMessages } from '../../core/i18n/en-mentor.js';
import { PeerElement } from '../../core/peer-element.js';
import { ResourceController } from '../../core/resource-controller.js';
import { tokens } from '../../core/tokens.js';
import { PeerMentorCard } from '../mentor-card/mentor-card.component.js';
import { reasonText } from '../mentor-card/mentor-text.js';
import { mentorMatchesStyles } from './mentor-matches.styles.js';
import { headingAt } from '../../core/heading.js';

/**
 * @customElement peer-mentor-matches
 * @summary The signed-in person's best mentors, each with a plain-language "why this match".
 *
 * Mentors from other departments rank above those from the same department at equal skill fit.
 *
 * @csspart list - The list of matches.
 * @csspart match - One match: the card, with its reasons inside above the request button.
 * @csspart reasons - The "why this match" list.
 * @csspart empty - Shown when there is no match.
 * @csspart error - The error message.
 * @csspart retry-button - The button that loads again after an error.
 *
 * @cssproperty --peer-mentor-matches-columns - Minimum width of a column of cards.
 *
 * @event peer-mentorship-requested - Bubbles up from a card when a request was sent.
 * @event peer-error - Loading failed; `detail.error` is the `PeerError`, `detail.retry()` tries again.
 */
export class PeerMentorMatches extends PeerElement {
  static override defaultTag = 'peer-mentor-matches';
  static override dependencies = [PeerMentorCard];
  static override styles = [tokens, errorStyles, mentorMatchesStyles];

  static override properties: PropertyDeclarations = {
    limit: { type: Number },
  };

  /** How many matches to show (default 3). */
  limit = 3;

  readonly #localize = new LocalizeController(this, mentorMessages);
  readonly #backend = new BackendController(this);
  readonly #results = new ResourceController(this, this.#backend, {
    args: () => [Math.max(1, Math.min(50, this.limit || 3))] as const,
    load: (backend, [limit], signal) => backend.getMentorMatches(limit, { signal }),
    isEmpty: (matches) => matches.length === 0,
  });

  override render() {
    return this.#results.render({
      pending: () =>
        html`<p class="pending" role="status" aria-busy="true">${this.#localize.term('mentor.loading')}</p>`,
      empty: () => html`<p part="empty" class="empty">${this.#localize.term('mentor.noMatches')}</p>`,
      error: (error, retry) => renderError(this.#localize, this.#localize.term('mentor.matchesError'), error, retry),
      complete: (matches) =>
        html`<ul part="list" class="list">
          ${matches.map(
            (match, index) =>
              staticHtml`<li part="match" class="match">
                <${this.tagOf(PeerMentorCard)}
                  .profile=${match.mentor}
                  variant="compact"
                  heading-level=${headingAt(this)}
                  theme=${this.theme ?? 'light'}
                >
                  <div slot="why" class="why">
                    <h3 id="why-${index}" aria-level=${headingAt(this)}>${this.#localize.term('mentor.whyMatch')}</h3>
                    <ul part="reasons" class="reasons" aria-labelledby="why-${index}">
                      ${match.reasons.map((reason) => html`<li>${reasonText(this.#localize, reason)}</li>`)}
                    </ul>
                  </div>
                </${this.tagOf(PeerMentorCard)}>
              </li>`,
          )}
        </ul>`,
    });
  }
}
