import { html, nothing } from 'lit';
import type { Kudos } from '../../contract/kudos.js';
import type { Person } from '../../contract/people.js';
import { REACTIONS, splitMentions, type ReactionKey } from '../../contract/rules.js';
import type { LocalizeController } from '../../core/i18n/localize.js';
import { safeUrl } from '../../core/safe-url.js';
import { initialsOf } from '../person/person.component.js';

/** What one article needs besides its kudos. */
export interface KudosViewContext {
  localize: LocalizeController;
  now: number;
  setSize: number;
  focusIndex: number;
  pending: ReadonlySet<string>;
  reactionErrors: ReadonlyMap<string, string>;
  onReact: (kudos: Kudos, reaction: ReactionKey) => void;
}

const MAX_NAMED = 3;

/** A name kept in its own direction (first strong isolate), so a hostile or RTL name cannot reorder the sentence. */
export const isolate = (text: string) => `\u2068${text}\u2069`;

/** “Ana, Ben and 2 others”: at most three names, then a count. */
export function recipientNames(localize: LocalizeController, people: Person[]): string {
  const names = people.slice(0, MAX_NAMED).map((p) => isolate(p.name));
  const rest = people.length - names.length;
  if (rest > 0) names.push(localize.term('kudos.others', rest, localize.number(rest)));
  return localize.list(names);
}

function renderMessage(kudos: Kudos) {
  const byId = new Map(kudos.mentions.map((p) => [p.id, p]));
  return splitMentions(kudos.message).map((part) => {
    if ('text' in part) return part.text;
    const person = byId.get(part.mention);
    return person ? html`<span class="mention">@${person.name}</span>` : `@{${part.mention}}`;
  });
}

function renderAvatar(person: Person) {
  const photo = safeUrl(person.photoUrl, 'image');
  return photo
    ? html`<img class="avatar" src=${photo} alt="" loading="lazy" />`
    : html`<span class="avatar initials" aria-hidden="true">${initialsOf(person.name)}</span>`;
}

/** One kudos as a feed article (WAI-ARIA feed pattern). */
export function renderKudos(kudos: Kudos, index: number, ctx: KudosViewContext) {
  const t = ctx.localize;
  const pending = ctx.pending.has(kudos.id);
  const error = ctx.reactionErrors.get(kudos.id);
  const title = `k-${index}-title`;
  const body = `k-${index}-message`;
  return html`<article
    part="kudos"
    class="kudos ${pending ? 'pending' : ''}"
    tabindex=${index === ctx.focusIndex ? 0 : -1}
    aria-posinset=${index + 1}
    aria-setsize=${ctx.setSize}
    aria-labelledby=${title}
    aria-describedby=${body}
    data-index=${index}
  >
    <header class="kudos-header">
      ${renderAvatar(kudos.giver)}
      <p class="kudos-title" id=${title}>
        ${t.term('kudos.to', isolate(kudos.giver.name), recipientNames(t, kudos.recipients))}
      </p>
      <time
        class="time"
        datetime=${kudos.createdAt}
        title=${t.date(kudos.createdAt, { dateStyle: 'long', timeStyle: 'short' })}
        >${pending ? t.term('kudos.sending') : t.relativeTime(kudos.createdAt, ctx.now)}</time
      >
    </header>
    <p class="message" id=${body}>${renderMessage(kudos)}</p>
    <ul class="values" aria-label=${t.term('kudos.values')}>
      ${kudos.values.map((value) => html`<li class="value"><span aria-hidden="true">${value.emoji}</span> ${value.name}</li>`)}
    </ul>
    ${kudos.visibility === 'private' ? html`<p class="private">${t.term('kudos.private')}</p>` : nothing}
    <div class="reactions" role="group" aria-label=${t.term('kudos.reactions')}>
      ${kudos.reactions.map(
        (r) =>
          html`<button
            type="button"
            class="reaction"
            aria-pressed=${r.mine ? 'true' : 'false'}
            aria-disabled=${pending ? 'true' : 'false'}
            aria-label=${t.term('kudos.reaction', t.term(`kudos.reaction.${r.reaction}`), t.number(r.count))}
            data-reaction=${r.reaction}
            @click=${() => !pending && ctx.onReact(kudos, r.reaction)}
          >
            <span aria-hidden="true">${REACTIONS[r.reaction]}</span
            >${r.count ? html` <span class="count">${t.number(r.count)}</span>` : nothing}
          </button>`,
      )}
    </div>
    ${error ? html`<p class="reaction-error" role="alert">${error}</p>` : nothing}
  </article>`;
}
