import { css, html, nothing, type ReactiveControllerHost } from 'lit';
import type { CompanyValue, Kudos, KudosFilter } from '../../contract/kudos.js';
import type { Me, Person } from '../../contract/people.js';
import { KUDOS_MESSAGE_MAX, KUDOS_MESSAGE_MIN, KUDOS_VALUES_MAX } from '../../contract/rules.js';
import type { PeerBackend } from '../../core/backend.js';
import { renderConfirm } from '../../core/confirm-view.js';
import { errorMessage } from '../../core/error-message.js';
import { PeerError, asPeerError } from '../../core/errors.js';
import { formStyles } from '../../core/form-styles.js';
import { newKey } from '../../core/ids.js';
import type { KudosMessages } from '../../core/i18n/en-kudos.js';
import { kudosReaderMessages as readerMessages, type KudosReaderMessages } from '../../core/i18n/en-kudos-reader.js';
import { pickerMessages, type PickerMessages } from '../../core/i18n/en-picker.js';
import type { LocalizeController } from '../../core/i18n/localize.js';
import { kudosDrafts } from './kudos-draft.js';
import { MentionTyping, withMentionIds } from './mention-typing.js';
import { personOptionStyles } from '../people-picker/person-option.styles.js';
import { renderPersonOptions, searchStatus } from '../people-picker/person-options.js';

/*
 * What `<peer-kudos-feed>` offers a reader it knows, beyond reading: the "Show" list, and "Edit…"
 * and "Delete…" on kudos they gave. They wait for the answer to who reads the feed, so this code
 * (with its styles) loads beside that question rather than with the feed.
 */
/** The English strings this code brings: its own, and those of the people suggested to mention. */
export const kudosReaderMessages = { ...readerMessages, ...pickerMessages };

type Localize = LocalizeController<KudosMessages & KudosReaderMessages & PickerMessages>;

/** The message and values of kudos being changed, as the reader left them. */
export interface Edit {
  id: string;
  message: string;
  valueIds: string[];
  /** People chosen to mention while changing it (those it mentioned already are on the kudos). */
  mentions?: Person[];
  /** Why it was not saved, and what that is about (its field is marked). */
  error?: string;
  invalid?: 'message' | 'values';
  busy?: boolean;
  /** The changes came back from an earlier visit. */
  restored?: boolean;
}

export type EditStep = 'open' | 'input' | 'save' | 'cancel' | 'close';

/** What the feed gives the buttons and the editor of kudos the reader gave. */
export interface OwnKudos {
  /** The feed: suggestions of people to mention are its controller. */
  host: ReactiveControllerHost & { renderRoot: ParentNode };
  localize: Localize;
  /** The kudos whose deletion is being asked about, and whether it is under way. */
  confirming?: string;
  deleting: boolean;
  /** "Delete…" pressed (`ask`), then "Delete" (`act`) or "Keep it" (`keep`). */
  onDelete: (kudos: Kudos, step: 'ask' | 'act' | 'keep') => void;
  /** The backend: without `deleteKudos` or `editKudos`, no "Delete…" or "Edit…". */
  backend: PeerBackend;
  /** Who is signed in, when kudos can be deleted or changed: what they gave has the buttons. */
  me?: string;
  /** The kudos being changed, and the company values to choose from. */
  editing?: Edit;
  values?: CompanyValue[];
  /** "Edit…" pressed (`open`), typed in (`input`), "Save", "Cancel", or Escape (`close`: the changes are kept). */
  onEdit: (kudos: Kudos, step: EditStep, change?: Partial<Edit>) => void;
}

/** The styles of what this code draws, added to the feed's with it: the shared form styles, and its own. */
export const readerStyles = [
  formStyles,
  personOptionStyles,
  css`
    .show {
      display: inline-flex;
      align-items: center;
      gap: calc(var(--_space) / 2);
      max-inline-size: 100%;
    }
    /* The list sits inside its label, whose weight it would take. */
    .show select {
      font-weight: normal;
      min-inline-size: 0;
    }
    /* "Edit…" and "Delete…" on kudos you gave, the question "Delete…" asks, and the editor's
       buttons: smaller than a form's, beside the reactions. */
    .actions {
      gap: calc(var(--_space) / 2);
      font-size: var(--_font-size-small);
    }
    .actions button {
      min-block-size: 2rem;
      padding: 0.125em 0.75em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
    }
    .actions .send {
      border-color: var(--_accent);
      background: var(--_accent);
      color: var(--_on-accent);
      font-weight: 600;
    }
    .actions .send[aria-disabled='true'] {
      opacity: 0.7;
      cursor: progress;
    }
    .editor {
      display: grid;
      gap: calc(var(--_space) * 0.75);
    }
    .editor fieldset {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) / 2) var(--_space);
      margin: 0;
      padding: 0;
      border: 0;
      min-inline-size: 0;
    }
    .editor legend {
      margin-block-end: calc(var(--_space) / 2);
    }
    /* The boxes sit inside their labels, whose weight they would take. */
    .editor .choice {
      font-weight: normal;
    }
    .mention-anchor {
      position: relative;
    }
    .editor textarea {
      inline-size: 100%;
      box-sizing: border-box;
    }
  `,
];

/** The message as the reader edits it: each `@{id}` it mentions as `@Name`. */
export function editable(kudos: Kudos) {
  const names = new Map(kudos.mentions.map((person) => [person.id, person.name]));
  return kudos.message.replace(/@\{([^}]+)\}/g, (mention, id: string) =>
    names.has(id) ? `@${names.get(id)}` : mention,
  );
}

/** The message as sent: each `@Name` of someone the kudos mentioned, or chosen since, becomes `@{id}`. */
export function sendable(text: string, kudos: Kudos, chosen: Person[] = []) {
  const people = new Map([...kudos.mentions, ...chosen].map((person) => [person.name, person]));
  return withMentionIds(text.trim(), people.values()).message;
}

/** What the suggestions of people to mention in a feed's editor work on: the kudos and feed as last drawn. */
interface Typing {
  typing: MentionTyping;
  kudos: Kudos;
  ctx: OwnKudos;
}
const typings = new WeakMap<OwnKudos['host'], Typing>();

function mentionTyping(kudos: Kudos, ctx: OwnKudos): MentionTyping {
  let now = typings.get(ctx.host);
  if (!now) {
    const made: Typing = { kudos, ctx } as Typing;
    made.typing = new MentionTyping({
      host: ctx.host,
      backend: {
        get value() {
          return made.ctx.backend;
        },
      },
      listId: 'edit-mentions',
      area: () => ctx.host.renderRoot.querySelector<HTMLTextAreaElement>('.editor textarea'),
      // Not the giver: kudos do not mention those who give them.
      exclude: () => [made.kudos.giver.id],
      chosen: (message, person) =>
        made.ctx.onEdit(made.kudos, 'input', { message, mentions: [...(made.ctx.editing?.mentions ?? []), person] }),
    });
    typings.set(ctx.host, (now = made));
  }
  now.kudos = kudos;
  now.ctx = ctx;
  return now.typing;
}

/** Changes to kudos not saved yet, kept in the browser as they were typed. */
const editDraft = (backend: PeerBackend, id: string, me?: string) =>
  kudosDrafts(backend.storageScope).load(`edit:${id}`, me ?? null)?.value;

/** Kudos you gave: "Edit…" (when the backend can), and "Delete…", which asks once more where it stood. */
export function renderDelete(kudos: Kudos, about: string, ctx: OwnKudos) {
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
        >${
          ctx.backend.editKudos
            ? html`<button
                type="button"
                class="secondary edit"
                aria-describedby=${about}
                @click=${() => ctx.onEdit(kudos, 'open')}
              >
                ${t.term(editDraft(ctx.backend, kudos.id, ctx.me) ? 'kudos.editContinue' : 'kudos.editAsk')}
              </button>`
            : nothing
        }${
          ctx.backend.deleteKudos
            ? html`<button
                type="button"
                class="secondary ask"
                aria-describedby=${about}
                @click=${() => ctx.onDelete(kudos, 'ask')}
              >
                ${t.term('kudos.deleteAsk')}
              </button>`
            : nothing
        }</span
      >`;
}

/**
 * The message and values of kudos you gave, to change in place of them. "Save" checks them first
 * (a problem is said beside what it is about, which takes the focus); Escape or "Cancel" keeps
 * the kudos as it was ("Cancel" forgets the changes, Escape keeps them for "Continue editing…").
 * Who receives it and who may see it are not changed here.
 */
export function renderEditor(kudos: Kudos, id: string, ctx: OwnKudos) {
  const t = ctx.localize;
  const edit = ctx.editing!;
  const count = `${id}-count`;
  const error = `${id}-error`;
  const message = `${id}-message`;
  const hint = `${id}-hint`;
  const status = `${id}-status`;
  const typing = mentionTyping(kudos, ctx);
  const about = (what: Edit['invalid']) => (edit.invalid === what ? ` ${error}` : '');
  const toggle = (value: string, on: boolean) =>
    ctx.onEdit(kudos, 'input', {
      valueIds: on ? [...edit.valueIds, value] : edit.valueIds.filter((v) => v !== value),
    });
  return html`<form
    class="editor"
    id=${id}
    novalidate
    @submit=${(event: Event) => {
      event.preventDefault();
      ctx.onEdit(kudos, 'save');
    }}
    @keydown=${(event: KeyboardEvent) => {
      // The keys are the text's here (Page Down moves the caret), not the feed's (the next kudos).
      event.stopPropagation();
      if (event.key === 'Escape') ctx.onEdit(kudos, 'close');
    }}
  >
    ${edit.restored ? html`<p class="hint" role="status">${t.term('kudos.editRestored')}</p>` : nothing}
    <div class="field">
      <label for=${message}>${t.term('kudos.editMessage')}</label>
      <div class="mention-anchor">
        <textarea
          id=${message}
          rows="3"
          dir="auto"
          .value=${edit.message}
          aria-invalid=${edit.invalid === 'message' ? 'true' : 'false'}
          aria-describedby="${hint} ${count} ${status}${about('message')}"
          aria-autocomplete="list"
          aria-controls="edit-mentions"
          aria-keyshortcuts="Control+Enter Meta+Enter"
          aria-activedescendant=${typing.search.current ? `edit-mentions-${typing.search.active}` : nothing}
          @input=${(event: Event) => {
            ctx.onEdit(kudos, 'input', { message: (event.target as HTMLTextAreaElement).value });
            typing.input();
          }}
          @keydown=${(event: KeyboardEvent) => typing.keydown(event)}
          @keyup=${() => typing.caretMoved()}
          @pointerup=${() => typing.caretMoved()}
          @blur=${() => setTimeout(() => typing.search.close(), 150)}
        ></textarea>
        ${renderPersonOptions(typing.search, 'edit-mentions', t.term('kudos.editMentions'), (person) => void typing.choose(person))}
      </div>
      <p class="hint" id=${status} role="status">${searchStatus(t, typing.search)}</p>
      <p class="hint" id=${hint}>${t.term('kudos.editHint')}</p>
    </div>
    <p class="hint" id=${count}>
      ${t.term('kudos.editCount', t.number(edit.message.trim().length), t.number(KUDOS_MESSAGE_MAX))}
    </p>
    <fieldset aria-describedby=${about('values').trim() || nothing}>
      <legend>${t.term('kudos.editValues', t.number(KUDOS_VALUES_MAX))}</legend>
      ${(ctx.values ?? kudos.values).map(
        (value) =>
          html`<label class="choice"
            ><input
              type="checkbox"
              .checked=${edit.valueIds.includes(value.id)}
              @change=${(event: Event) => toggle(value.id, (event.target as HTMLInputElement).checked)}
            />
            <span aria-hidden="true">${value.emoji}</span> <bdi>${value.name}</bdi></label
          >`,
      )}
    </fieldset>
    ${edit.error ? html`<p class="field-error" id=${error} role="alert">${edit.error}</p>` : nothing}
    <span class="actions">
      <button class="send" aria-disabled=${edit.busy ? 'true' : 'false'} aria-busy=${edit.busy ? 'true' : 'false'}>
        ${t.term('kudos.save')}
      </button>
      <button type="button" class="secondary cancel" @click=${() => ctx.onEdit(kudos, 'cancel')}>
        ${t.term('kudos.editCancel')}
      </button>
    </span>
  </form>`;
}

/** What "Edit…" and "Delete…" may do to the feed. */
export interface OwnFeed {
  backend(): PeerBackend;
  localize: Localize;
  /** Who reads the feed: their unsaved changes are theirs. */
  me(): string | undefined;
  editing(): Edit | undefined;
  setEditing(edit: Edit | undefined): void;
  deleting(): boolean;
  setDeleting(on: boolean): void;
  setConfirming(id: string | undefined): void;
  /** What failed on a kudos, shown in its article; none to clear it. */
  setError(id: string, message?: string): void;
  /** The kudos as it is now, saved. */
  changed(kudos: Kudos): void;
  /** The kudos was deleted here: it goes (with changes to it not saved yet), and the feed says so to the page. */
  removed(id: string): void;
  announce(text: string): void;
  /** Focuses what matches `selector` in the kudos' article (the article itself for ''), once drawn. */
  focus(kudosId: string, selector: string): void;
}

/** "Delete…" pressed (`ask`): the safe answer takes the focus; "Keep it" (`keep`) gives it back; `act` deletes. */
export async function deleteStep(feed: OwnFeed, kudos: Kudos, step: 'ask' | 'act' | 'keep') {
  const t = feed.localize;
  if (step !== 'act') {
    feed.setConfirming(step === 'ask' ? kudos.id : undefined);
    feed.setError(kudos.id);
    feed.focus(kudos.id, step === 'ask' ? '.keep' : '.ask');
    return;
  }
  if (feed.deleting()) return;
  feed.setDeleting(true);
  try {
    await feed.backend().deleteKudos!(kudos.id);
    feed.removed(kudos.id);
    feed.announce(t.term('kudos.deleted'));
  } catch (error) {
    const reason = error instanceof PeerError ? ` ${errorMessage(t, error)}` : '';
    feed.setError(kudos.id, `${t.term('kudos.deleteFailed')}${reason}`);
  } finally {
    feed.setDeleting(false);
  }
}

/**
 * One step of changing kudos. What is typed is kept in the browser as it is typed, so that it
 * survives a reload: "Edit…" on the same kudos brings it back.
 */
export async function editStep(feed: OwnFeed, kudos: Kudos, step: EditStep, change: Partial<Edit> = {}) {
  const t = feed.localize;
  const drafts = kudosDrafts(feed.backend().storageScope);
  const draftId = `edit:${kudos.id}`;
  const edit = feed.editing();
  if (step === 'open') {
    const saved = editDraft(feed.backend(), kudos.id, feed.me());
    feed.setEditing({
      id: kudos.id,
      message: saved?.message ?? editable(kudos),
      valueIds: saved?.valueIds ?? kudos.values.map((v) => v.id),
      mentions: saved?.mentions,
      restored: !!saved,
    });
    feed.focus(kudos.id, 'textarea');
    return;
  }
  if (!edit || edit.id !== kudos.id) return;
  if (step === 'close' || step === 'cancel') {
    // "Cancel" forgets the changes; Escape, easily pressed by mistake, keeps them for "Continue editing…".
    const same =
      edit.message === editable(kudos) &&
      edit.valueIds.length === kudos.values.length &&
      kudos.values.every((v) => edit.valueIds.includes(v.id));
    if (step === 'cancel' || same) drafts.clear(draftId);
    feed.setEditing(undefined);
    feed.focus(kudos.id, '.edit');
    return;
  }
  if (step === 'input') {
    const next = { ...edit, ...change, error: undefined, invalid: undefined };
    drafts.save(
      draftId,
      { recipientIds: [], message: next.message, valueIds: next.valueIds, isPrivate: false, mentions: next.mentions },
      feed.me() ?? null,
    );
    feed.setEditing(next);
    return;
  }
  if (edit.busy) return;
  const length = edit.message.trim().length;
  const problem: [Edit['invalid'], string] | undefined =
    length < KUDOS_MESSAGE_MIN
      ? ['message', t.term('kudos.editTooShort', t.number(KUDOS_MESSAGE_MIN))]
      : length > KUDOS_MESSAGE_MAX
        ? ['message', t.term('kudos.editTooLong', t.number(KUDOS_MESSAGE_MAX))]
        : edit.valueIds.length < 1
          ? ['values', t.term('kudos.editValuesRequired')]
          : edit.valueIds.length > KUDOS_VALUES_MAX
            ? ['values', t.term('kudos.editValuesTooMany', t.number(KUDOS_VALUES_MAX))]
            : undefined;
  if (problem) {
    feed.setEditing({ ...edit, invalid: problem[0], error: problem[1] });
    feed.focus(kudos.id, problem[0] === 'message' ? 'textarea' : 'fieldset input');
    return;
  }
  feed.setEditing({ ...edit, busy: true, error: undefined, invalid: undefined });
  try {
    // With a key, a save whose connection dropped is tried again, and one that was stored is not stored twice.
    const saved = await feed.backend().editKudos!(
      kudos.id,
      { message: sendable(edit.message, kudos, edit.mentions), valueIds: edit.valueIds },
      { idempotencyKey: newKey() },
    );
    drafts.clear(draftId);
    feed.setEditing(undefined);
    feed.changed(saved);
    feed.announce(t.term('kudos.changedAnnounce'));
    feed.focus(kudos.id, '');
  } catch (error) {
    const reason = errorMessage(t, asPeerError(error));
    feed.setEditing({ ...(feed.editing() ?? edit), busy: false, error: `${t.term('kudos.editFailed')} ${reason}` });
    feed.focus(kudos.id, 'textarea');
  }
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
