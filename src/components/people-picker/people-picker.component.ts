import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import type { Person } from '../../contract/people.js';
import { BackendController } from '../../core/context.js';
import { LocalizeController } from '../../core/i18n/localize.js';
import { pickerMessages } from '../../core/i18n/en-picker.js';
import { PeerElement } from '../../core/peer-element.js';
import { tokens } from '../../core/tokens.js';
import { PeopleSearch } from './people-search.js';
import { renderPersonOptions, searchStatus } from './person-options.js';
import { peoplePickerStyles } from './people-picker.styles.js';
import { personOptionStyles } from './person-option.styles.js';

/**
 * @customElement peer-people-picker
 * @summary Choose colleagues by typing part of a name, title, department or email.
 *
 * Follows the WAI-ARIA combobox pattern with a list popup: type to search, Down and Up move
 * through the suggestions, Enter chooses, Escape closes the list (or clears the text), and
 * Backspace in the empty field removes the last person chosen.
 *
 * @csspart base - The wrapper.
 * @csspart label - The label.
 * @csspart chips - The list of people chosen.
 * @csspart chip - One person chosen, with a remove button.
 * @csspart input - The text field.
 * @csspart listbox - The list of suggestions.
 * @csspart option - One suggestion.
 * @csspart error - The validation message.
 * @csspart retry-button - Searches again after a search failed.
 *
 * @event change - The people chosen changed; read `value` (ids) or `selected` (people).
 */
export class PeerPeoplePicker extends PeerElement {
  static override defaultTag = 'peer-people-picker';
  static override shadowRootOptions = { ...PeerElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [tokens, peoplePickerStyles, personOptionStyles];

  static override properties: PropertyDeclarations = {
    label: {},
    max: { type: Number },
    exclude: { attribute: false },
    selected: { attribute: false },
    error: {},
    invalid: { type: Boolean, reflect: true },
    text: { state: true },
  };

  /** The visible label (default: “Who do you want to recognise?”). */
  label?: string;

  /** Most people that can be chosen (1 for a single choice). */
  max = 10;

  /** Ids that are never suggested (for example the signed-in person). */
  exclude: readonly string[] = [];

  /** The people chosen. */
  selected: Person[] = [];

  /** A validation message shown under the field; marks it invalid. */
  error = '';

  /** Reflects whether `error` is set, for styling. */
  invalid = false;

  private text = '';

  get #input() {
    return this.renderRoot.querySelector<HTMLInputElement>('input')!;
  }

  readonly #localize = new LocalizeController(this, pickerMessages);
  readonly #backend = new BackendController(this);
  readonly #search = new PeopleSearch(this, this.#backend, 'listbox', () => [...this.exclude, ...this.value]);

  /** The ids of the people chosen. */
  get value(): string[] {
    return this.selected.map((p) => p.id);
  }

  /** Empties the choice and the text. */
  clear() {
    this.selected = [];
    this.text = '';
    this.#search.close();
  }

  override focus(options?: FocusOptions) {
    this.#input?.focus(options);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('error')) this.invalid = this.error !== '';
  }

  get #full() {
    return this.selected.length >= (this.max >= 1 ? this.max : 10);
  }

  #onInput(event: Event) {
    this.text = (event.target as HTMLInputElement).value;
    this.#search.type(this.text);
  }

  #choose(person: Person) {
    if (this.#full || this.value.includes(person.id)) return;
    this.selected = [...this.selected, person];
    this.text = '';
    this.#search.close();
    this.dispatchEvent(new Event('change', { bubbles: true }));
    this.#input.focus();
  }

  /** The search failed: the same text again, and the reader back in the field. */
  #retry() {
    void this.#search.now(this.text);
    this.#input.focus();
  }

  #unchoose(person: Person) {
    this.selected = this.selected.filter((p) => p.id !== person.id);
    this.dispatchEvent(new Event('change', { bubbles: true }));
    this.#input.focus();
  }

  #onKeyDown(event: KeyboardEvent) {
    const search = this.#search;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        // Closed, or the last search failed: search now.
        if ((!search.open || search.error) && this.text.trim()) void search.now(this.text);
        else search.move(1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        search.move(-1);
        break;
      case 'Enter':
        if (search.current) {
          event.preventDefault();
          this.#choose(search.current);
        }
        break;
      case 'Escape':
        if (search.open) {
          event.preventDefault();
          event.stopPropagation();
          search.close();
        } else if (this.text) {
          event.preventDefault();
          event.stopPropagation();
          this.text = '';
        }
        break;
      case 'Backspace':
        if (this.text === '' && this.selected.length) this.#unchoose(this.selected[this.selected.length - 1]);
        break;
    }
  }

  override render() {
    const t = this.#localize;
    const label = this.label ?? t.term('picker.label');
    return html`<div part="base" class="base" dir=${t.dir}>
      <label id="label" part="label" for="input">${label}</label>
      <div class="field">
        ${
          this.selected.length
            ? html`<ul part="chips" class="chips" aria-label=${t.term('picker.chosen')}>
                ${this.selected.map(
                  (person) =>
                    html`<li part="chip" class="chip">
                      <span dir="auto">${person.name}</span>
                      <button
                        type="button"
                        aria-label=${t.term('picker.remove', person.name)}
                        @click=${() => this.#unchoose(person)}
                      >
                        ✕
                      </button>
                    </li>`,
                )}
              </ul>`
            : nothing
        }
        <input
          id="input"
          part="input"
          type="text"
          role="combobox"
          aria-labelledby="label"
          autocomplete="off"
          spellcheck="false"
          aria-autocomplete="list"
          aria-expanded=${this.#search.open ? 'true' : 'false'}
          aria-controls="listbox"
          aria-activedescendant=${this.#search.current ? `listbox-${this.#search.active}` : nothing}
          aria-describedby="hint error"
          aria-invalid=${this.invalid ? 'true' : 'false'}
          ?readonly=${this.#full}
          placeholder=${this.#full ? '' : t.term('picker.placeholder')}
          .value=${this.text}
          @input=${this.#onInput}
          @keydown=${this.#onKeyDown}
          @blur=${() => setTimeout(() => !this.matches(':focus-within') && this.#search.close(), 150)}
        />
      </div>
      ${renderPersonOptions(this.#search, 'listbox', label, (person) => this.#choose(person))}
      <p id="hint" class="hint" role="status">${searchStatus(t, this.#search)}</p>
      ${
        this.#search.error
          ? html`<button type="button" part="retry-button" class="retry" @click=${this.#retry}>
              ${t.term('common.retry')}
            </button>`
          : nothing
      }
      <p id="error" part="error" class="error">${this.error}</p>
    </div>`;
  }
}
