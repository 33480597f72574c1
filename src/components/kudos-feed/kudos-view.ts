import { html, nothing } from 'lit';
import type { Kudos } from '../../contract/kudos.js';
import type { Person } from '../../contract/people.js';
import { REACTIONS, splitMentions, type ReactionKey } from '../../contract/rules.js';
import { isolate, type LocalizeController } from '../../core/i18n/localize.js';
import type { KudosMessages } from '../../core/i18n/en-kudos.js';
import type { KudosReaderMessages } from '../../core/i18n/en-kudos-reader.js';
import type { PickerMessages } from '../../core/i18n/en-picker.js';
import { safeUrl } from '../../core/safe-url.js';
import type { OwnKudos } from './kudos-reader.js';
import { initialsOf } from '../person/initials.js';

/** What one article needs besides its kudos. */
export interface KudosViewContext extends OwnKudos {
  localize: LocalizeController<KudosMessages & KudosReaderMessages & PickerMessages>;
  now: number;
  setSize: number;
  focusIndex: number;
  pending: ReadonlySet<string>;
  /** What failed on a kudos (a reaction, a deletion), by its id. */
  articleErrors: ReadonlyMap<string, string>;
  /** The name of each reaction in the reader's language, looked up once per render. */
  reactionNames: Readonly<Record<ReactionKey, string>>;
  /** The code that draws "Delete…", once loaded. */
  reader?: typeof import('./kudos-reader.js');
}

const MAX_NAMED = 3;

/** “Ana, Ben and 2 others”: at most three names, then a count. */
export function recipientNames(localize: LocalizeController<KudosMessages>, people: Person[]): string {
  const names = people.slice(0, MAX_NAMED).map((p) => isolate(p.name, localize.dir));
  const rest = people.length - names.length;
  if (rest > 0) names.push(localize.term('kudos.others', rest, localize.number(rest)));
  return localize.list(names);
}

function renderMessage(kudos: Kudos) {
  const byId = new Map(kudos.mentions.map((p) => [p.id, p]));
  return splitMentions(kudos.message).map((part) => {
    if ('text' in part) return part.text;
    const person = byId.get(part.mention);
    return person ? html`<bdi class="mention">@${person.name}</bdi>` : `@{${part.mention}}`;
  });
}

/** One kudos as a feed article (WAI-ARIA feed pattern). */
export function renderKudos(kudos: Kudos, index: number, ctx: KudosViewContext) {
  const t = ctx.localize;
  const pending = ctx.pending.has(kudos.id);
  const error = ctx.articleErrors.get(kudos.id);
  const title = `k-${index}-title`;
  const body = `k-${index}-message`;
  const names = t.term('kudos.to', kudos.giver.name, recipientNames(t, kudos.recipients));
  const long = { dateStyle: 'long', timeStyle: 'short' } as const;
  const given = pending ? t.term('kudos.sending') : t.relativeTime(kudos.createdAt, ctx.now, true);
  // Changed by its giver since: "3 hours ago · edited", and when, on hover.
  const edited = kudos.editedAt;
  const when = edited ? `${given} · ${t.term('kudos.edited')}` : given;
  const full = `${t.date(kudos.createdAt, long)}${edited ? ` (${t.term('kudos.edited')} ${t.date(edited, long)})` : ''}`;
  const editing = ctx.editing?.id === kudos.id && ctx.reader;
  const photo = safeUrl(kudos.giver.photoUrl, 'image');
  const reactions = kudos.reactions.map((r) => renderReaction(ctx, r, pending));
  // One template per kudos, written without whitespace between tags: a feed renders thousands,
  // and every extra template instance or whitespace text node costs time. Prettier would add both.
  // prettier-ignore
  return html`<article part="kudos" class="kudos ${pending ? 'pending' : ''}" tabindex=${index === ctx.focusIndex ? 0 : -1} aria-posinset=${index + 1} aria-setsize=${ctx.setSize} aria-labelledby=${title} aria-describedby=${body} data-index=${index}><header class="kudos-header">${photo ? html`<img class="avatar" src=${photo} alt="" loading="lazy" />` : html`<span class="avatar initials" aria-hidden="true">${initialsOf(kudos.giver.name)}</span>`}<p class="kudos-title" id=${title}>${names}</p><time class="time" datetime=${kudos.createdAt} title=${full}>${when}</time></header>${editing ? ctx.reader!.renderEditor(kudos, body, ctx) : html`<p class="message" id=${body} dir="auto">${renderMessage(kudos)}</p><ul class="values" aria-label=${t.term('kudos.values')}>${kudos.values.map(renderValue)}</ul>`}${kudos.visibility === 'private' ? html`<p class="private">${t.term('kudos.private')}</p>` : nothing}<div class="reactions" role="group" aria-label=${t.term('kudos.reactions')}>${reactions}</div>${ctx.me === kudos.giver.id && !pending && !editing && ctx.reader ? ctx.reader.renderDelete(kudos, title, ctx) : nothing}${error ? html`<p class="reaction-error" role="alert">${error}</p>` : nothing}</article>`;
}

function renderValue(value: Kudos['values'][number]) {
  return html`<li class="value"><span aria-hidden="true">${value.emoji}</span> <bdi>${value.name}</bdi></li>`;
}

/**
 * A reaction toggle; clicks are handled once for the whole feed (by `data-reaction`). Its name,
 * "Applause: 3", is its `title`: read by screen readers, and shown on hover to those who cannot
 * tell an emoji's meaning (or whose system draws no emoji). What the button shows is hidden from
 * screen readers, so that the name is read once, not again as a description.
 */
function renderReaction(ctx: KudosViewContext, r: Kudos['reactions'][number], pending: boolean) {
  const shown = ctx.localize.number(r.count);
  const name = ctx.localize.term('kudos.reaction', ctx.reactionNames[r.reaction], shown);
  const count = r.count ? html` <span class="count">${shown}</span>` : nothing;
  const emoji = REACTIONS[r.reaction];
  const on = r.mine ? 'true' : 'false';
  const off = pending ? 'true' : 'false';
  const key = r.reaction;
  // prettier-ignore
  return html`<button aria-pressed=${on} aria-disabled=${off} title=${name} data-reaction=${key}><span aria-hidden="true">${emoji}${count}</span></button>`;
}
