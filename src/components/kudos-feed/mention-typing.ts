import type { ReactiveControllerHost } from 'lit';
import type { Person } from '../../contract/people.js';
import type { PeerBackend } from '../../core/backend.js';
import { PeopleSearch } from '../people-picker/people-search.js';

/*
 * Mentions typed into a kudos message, in the composer and in the editor of kudos already given:
 * "@" and part of a name suggest people (a WAI-ARIA combobox whose field keeps the focus); the one
 * chosen is put in as "@Name ", and becomes the server's `@{id}` when the message is sent.
 */

/** The "@" and the part of a name just before the caret, if the reader is typing a mention. */
export function mentionAtCaret(area: HTMLTextAreaElement): { start: number; query: string } | undefined {
  if (area.selectionStart !== area.selectionEnd) return undefined;
  const match = /(?:^|\s)@([^\s@{}]{1,40})$/.exec(area.value.slice(0, area.selectionStart));
  return match ? { start: area.selectionStart - match[1].length - 1, query: match[1] } : undefined;
}

/** The message as sent: every `@Name` of `people` still in it becomes `@{id}`, and who that is. */
export function withMentionIds(text: string, people: Iterable<Person>): { message: string; mentioned: Person[] } {
  let message = text;
  const mentioned: Person[] = [];
  // Longer names first, so that "@Ann Lee" is not taken for "@Ann".
  for (const person of [...people].sort((a, b) => b.name.length - a.name.length)) {
    const parts = message.split(`@${person.name}`);
    if (parts.length === 1) continue;
    message = parts.join(`@{${person.id}}`);
    mentioned.push(person);
  }
  return { message, mentioned };
}

/** What typing a mention needs of the element it is typed in. */
export interface MentionField {
  host: ReactiveControllerHost & { renderRoot: ParentNode };
  backend: { readonly value: PeerBackend };
  /** The id of the listbox of suggestions the host draws (`renderPersonOptions`). */
  listId: string;
  /** The message field, as drawn now. */
  area: () => HTMLTextAreaElement | null | undefined;
  /** Ids never suggested (those who receive the kudos). */
  exclude: () => readonly string[];
  /** Someone was chosen: the message is now `message`, which mentions them. */
  chosen: (message: string, person: Person) => void;
}

/** The suggestions of one message field, and what its keys and caret do to them. */
export class MentionTyping {
  readonly search: PeopleSearch;

  constructor(private readonly field: MentionField) {
    this.search = new PeopleSearch(field.host, field.backend, field.listId, field.exclude);
  }

  /** After input: suggests people for the name being typed, or closes the suggestions. */
  input() {
    const area = this.field.area();
    const typing = area && mentionAtCaret(area);
    if (typing) this.search.type(typing.query);
    else if (this.search.open) this.search.close();
  }

  /**
   * The keys of the field: Ctrl+Enter (⌘+Enter) sends its form, as in most message boxes (the field
   * says so with `aria-keyshortcuts`); the others work the suggestions while they are open.
   * Returns whether the key was taken.
   */
  keydown(event: KeyboardEvent): boolean {
    const search = this.search;
    const area = this.field.area();
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      search.close();
      area?.form?.requestSubmit();
    } else if (!search.open || !area) {
      return false;
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const typing = search.error && event.key === 'ArrowDown' ? mentionAtCaret(area) : undefined;
      // Through the suggestions; Down searches again after a failed search; else the caret moves as ever.
      if (!search.results.length && !typing) return false;
      if (typing) void search.now(typing.query);
      else search.move(event.key === 'ArrowDown' ? 1 : -1);
    } else if ((event.key === 'Enter' || event.key === 'Tab') && search.current) {
      void this.choose(search.current);
    } else if (event.key === 'Escape') {
      search.close();
    } else {
      return false;
    }
    event.preventDefault();
    event.stopPropagation();
    return true;
  }

  /** The caret left the mention being typed (an arrow key, a click): its suggestions go. */
  caretMoved() {
    const area = this.field.area();
    if (this.search.open && (!area || !mentionAtCaret(area))) this.search.close();
  }

  /** Puts "@Name " in place of what was typed after "@", and keeps typing after it. */
  async choose(person: Person) {
    const area = this.field.area();
    const typing = area && mentionAtCaret(area);
    this.search.close();
    if (!area || !typing) return;
    const inserted = `@${person.name} `;
    this.field.chosen(area.value.slice(0, typing.start) + inserted + area.value.slice(area.selectionStart), person);
    await this.field.host.updateComplete;
    const caret = typing.start + inserted.length;
    const now = this.field.area() ?? area;
    now.focus();
    now.setSelectionRange(caret, caret);
  }
}
