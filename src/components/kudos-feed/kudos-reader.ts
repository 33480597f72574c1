import { html, nothing } from 'lit';
import type { CompanyValue, Kudos, KudosFilter } from '../../contract/kudos.js';
import type { Me } from '../../contract/people.js';
import { renderConfirm } from '../../core/confirm-view.js';
import type { KudosMessages } from '../../core/i18n/en-kudos.js';
import type { KudosReaderMessages } from '../../core/i18n/en-kudos-reader.js';
import type { LocalizeController } from '../../core/i18n/localize.js';

/*
 * What `<peer-kudos-feed>` offers a reader it knows, beyond reading: the "Show" list and "Delete…"
 * on kudos they gave. Both wait for the answer to who reads the feed, so this code loads beside
 * that question rather than with the feed.
 */
export { kudosReaderMessages } from '../../core/i18n/en-kudos-reader.js';

type Localize = LocalizeController<KudosMessages & KudosReaderMessages>;

export interface Deletion {
  localize: Localize;
  /** The kudos whose deletion is being asked about, and whether it is under way. */
  confirming?: string;
  deleting: boolean;
  /** "Delete…" pressed (`ask`), then "Delete" (`act`) or "Keep it" (`keep`). */
  onDelete: (kudos: Kudos, step: 'ask' | 'act' | 'keep') => void;
}

/** Kudos you gave: "Delete…", which asks once more where it stood. */
export function renderDelete(kudos: Kudos, about: string, ctx: Deletion) {
  const t = ctx.localize;
  return ctx.confirming === kudos.id
    ? renderConfirm({
        id: `${about}-delete`,
        question: t.term('kudos.confirmDelete'),
        act: t.term('kudos.delete'),
        keep: t.term('kudos.keep'),
        about,
        busy: ctx.deleting,
        onAct: () => ctx.onDelete(kudos, 'act'),
        onKeep: () => ctx.onDelete(kudos, 'keep'),
      })
    : html`<span class="actions"
        ><button
          type="button"
          class="secondary ask"
          aria-describedby=${about}
          @click=${() => ctx.onDelete(kudos, 'ask')}
        >
          ${t.term('kudos.deleteAsk')}
        </button></span
      >`;
}

export interface Choice {
  me?: Me;
  values?: CompanyValue[];
  /** What the feed's attributes narrow it to already: those choices are not offered. */
  given: KudosFilter;
  /** What the reader chose: '' for all, else a filter's key and id (`value:courage`). */
  chosen: string;
  choose: (choice: string) => void;
}

/**
 * "Show": all kudos, the reader's own, their department's or one value's; only what the
 * attributes leave open, and nothing when they leave nothing.
 */
export function renderChoice(t: Localize, c: Choice) {
  const { me, given } = c;
  const choices: [string, string][] = [];
  if (me && !given.person) choices.push([`person:${me.id}`, t.term('kudos.showYours')]);
  if (me && !given.team) choices.push([`team:${me.department.id}`, t.term('kudos.showTeam', me.department.name)]);
  const values = given.value ? [] : (c.values ?? []);
  if (!choices.length && !values.length) return nothing;
  const option = ([value, label]: [string, string]) =>
    html`<option value=${value} ?selected=${c.chosen === value}>${label}</option>`;
  return html`<label part="show" class="show"
    >${t.term('kudos.show')}
    <select @change=${(event: Event) => c.choose((event.target as HTMLSelectElement).value)}>
      ${option(['', t.term('kudos.showAll')])}${choices.map(option)}
      ${
        values.length
          ? html`<optgroup label=${t.term('kudos.values')}>
              ${values.map((v) => option([`value:${v.id}`, `${v.emoji} ${v.name}`]))}
            </optgroup>`
          : nothing
      }
    </select></label
  >`;
}
