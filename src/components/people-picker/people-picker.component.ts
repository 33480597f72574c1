import { css, html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import type { Person } from '../../contract/people.js';
import { BackendController } from '../../core/context.js';
import { errorMessage } from '../../core/error-message.js';
import type { PeerError } from '../../core/errors.js';
import { LocalizeController } from '../../core/i18n/localize.js';
import { pickerMessages } from '../../core/i18n/en-picker.js';
import { PeerElement } from '../../core/peer-element.js';
import { safeUrl } from '../../core/safe-url.js';
import { tokens } from '../../core/tokens.js';

const SEARCH_DELAY_MS = 200;
const RESULTS = 8;

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
 *
 * @event change - The people chosen changed; read `value` (ids) or `selected` (people).
 */
export class PeerPeoplePicker extends PeerElement {
  static override defaultTag = 'peer-people-picker';
  static override shadowRootOptions = { ...PeerElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      .base {
        position: relative;
        display: grid;
        gap: calc(var(--_space) / 2);
      }
      label {
        font-weight: 600;
      }
      .field {
        display: flex;
        flex-wrap: wrap;
        gap: calc(var(--_space) / 2);
        align-items: center;
        padding: calc(var(--_space) / 2);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
      }
      .field:focus-within {
        box-shadow: var(--_focus-ring);
      }
      :host([invalid]) .field {
        border-color: var(--_danger);
      }
      .chips {
        display: contents;
        list-style: none;
      }
      .chip {
        display: inline-flex;
        align-items: center;
        gap: 0.25em;
        padding-block: 0.125em;
        padding-inline: 0.5em 0.125em;
        border-radius: 999px;
        background: var(--_surface-raised);
        border: 1px solid var(--_border);
        max-inline-size: 100%;
        overflow-wrap: anywhere;
      }
      .chip button {
        border: none;
        background: none;
        color: inherit;
        border-radius: 999px;
        inline-size: 1.5em;
        block-size: 1.5em;
        padding: 0;
      }
      input {
        flex: 1 1 8rem;
        min-inline-size: 6rem;
        border: none;
        background: transparent;
        color: inherit;
        font: inherit;
        padding: 0.25em;
      }
      input:focus-visible {
        outline: none;
        box-shadow: none;
      }
      [role='listbox'] {
        position: absolute;
        inset-inline: 0;
        inset-block-start: 100%;
        z-index: 10;
        margin: 0.25rem 0 0;
        padding: 0.25rem;
        list-style: none;
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        box-shadow: var(--_shadow);
        max-block-size: 18rem;
        overflow-y: auto;
      }
      [role='option'] {
        display: grid;
        grid-template-columns: 2rem 1fr;
        gap: 0 var(--_space);
        align-items: center;
        padding: 0.375rem;
        border-radius: calc(var(--_radius) / 2);
        cursor: pointer;
      }
      [role='option'][aria-selected='true'] {
        background: var(--_accent);
        color: var(--_on-accent);
      }
      [role='option'] img,
      [role='option'] .initial {
        grid-row: span 2;
        inline-size: 2rem;
        block-size: 2rem;
        border-radius: 50%;
        object-fit: cover;
      }
      .initial {
        display: grid;
        place-items: center;
        background: var(--_surface-raised);
        font-weight: 600;
      }
      .option-name {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .option-detail {
        font-size: var(--_font-size-small);
        overflow-wrap: anywhere;
      }
      .hint,
      .error {
        font-size: var(--_font-size-small);
        margin: 0;
      }
      .hint {
        color: var(--_text-muted);
      }
      .error {
        color: var(--_danger);
      }
      @media (forced-colors: active) {
        [role='option'][aria-selected='true'] {
          outline: 2px solid Highlight;
        }
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    label: {},
    max: { type: Number },
    exclude: { attribute: false },
    selected: { attribute: false },
    error: {},
    invalid: { type: Boolean, reflect: true },
    text: { state: true },
    results: { state: true },
    open: { state: true },
    active: { state: true },
    searching: { state: true },
    searchError: { state: true },
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
  private results: Person[] = [];
  private open = false;
  private active = -1;
  private searching = false;
  private searchError?: PeerError;

  get #input() {
    return this.renderRoot.querySelector<HTMLInputElement>('input')!;
  }

  readonly #localize = new LocalizeController(this, pickerMessages);
  readonly #backend = new BackendController(this);
  #timer?: ReturnType<typeof setTimeout>;
  #search?: AbortController;

  /** The ids of the people chosen. */
  get value(): string[] {
    return this.selected.map((p) => p.id);
  }

  /** Empties the choice and the text. */
  clear() {
    this.selected = [];
    this.text = '';
    this.#close();
  }

  override focus(options?: FocusOptions) {
    this.#input?.focus(options);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('error')) this.invalid = this.error !== '';
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#search?.abort();
  }

  get #full() {
    return this.selected.length >= this.max;
  }

  #onInput(event: Event) {
    this.text = (event.target as HTMLInputElement).value;
    clearTimeout(this.#timer);
    if (this.text.trim() === '') {
      this.#close();
      return;
    }
    this.#timer = setTimeout(() => void this.#runSearch(), SEARCH_DELAY_MS);
  }

  async #runSearch() {
    this.#search?.abort();
    const controller = new AbortController();
    this.#search = controller;
    const q = this.text.trim();
    if (!q) return;
    this.searching = true;
    this.searchError = undefined;
    this.open = true;
    try {
      const page = await this.#backend.value.searchPeople(
        { q, limit: RESULTS + this.exclude.length + this.selected.length },
        { signal: controller.signal },
      );
      if (controller.signal.aborted) return;
      const taken = new Set([...this.exclude, ...this.value]);
      this.results = page.items.filter((p) => !taken.has(p.id)).slice(0, RESULTS);
      this.active = this.results.length ? 0 : -1;
    } catch (error) {
      if (controller.signal.aborted) return;
      this.results = [];
      this.searchError = error as PeerError;
    } finally {
      if (this.#search === controller) this.searching = false;
    }
  }

  #close() {
    this.open = false;
    this.active = -1;
    this.results = [];
    this.#search?.abort();
  }

  #choose(person: Person) {
    if (this.#full || this.value.includes(person.id)) return;
    this.selected = [...this.selected, person];
    this.text = '';
    this.#close();
    this.dispatchEvent(new Event('change', { bubbles: true }));
    this.#input.focus();
  }

  #unchoose(person: Person) {
    this.selected = this.selected.filter((p) => p.id !== person.id);
    this.dispatchEvent(new Event('change', { bubbles: true }));
    this.#input.focus();
  }

  #onKeyDown(event: KeyboardEvent) {
    const count = this.results.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!this.open && this.text.trim()) void this.#runSearch();
        else if (count) this.active = (this.active + 1) % count;
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (count) this.active = (this.active - 1 + count) % count;
        break;
      case 'Enter':
        if (this.open && this.active >= 0 && this.results[this.active]) {
          event.preventDefault();
          this.#choose(this.results[this.active]);
        }
        break;
      case 'Escape':
        if (this.open) {
          event.preventDefault();
          event.stopPropagation();
          this.#close();
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

  protected override updated() {
    if (this.open && this.active >= 0) {
      this.renderRoot.querySelector(`#option-${this.active}`)?.scrollIntoView({ block: 'nearest' });
    }
  }

  override render() {
    const t = this.#localize;
    const label = this.label ?? t.term('picker.label');
    const status = this.searching
      ? t.term('picker.searching')
      : this.searchError
        ? errorMessage(t, this.searchError)
        : this.open
          ? this.results.length
            ? t.term('picker.found', this.results.length, t.number(this.results.length))
            : t.term('picker.none')
          : '';
    return html`<div part="base" class="base" dir=${t.dir}>
      <label id="label" part="label" for="input">${label}</label>
      <div class="field">
        ${
          this.selected.length
            ? html`<ul part="chips" class="chips" aria-label=${t.term('picker.chosen')}>
                ${this.selected.map(
                  (person) =>
                    html`<li part="chip" class="chip">
                      <span>${person.name}</span>
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
          aria-expanded=${this.open ? 'true' : 'false'}
          aria-controls="listbox"
          aria-activedescendant=${this.open && this.active >= 0 ? `option-${this.active}` : nothing}
          aria-describedby="hint error"
          aria-invalid=${this.invalid ? 'true' : 'false'}
          ?readonly=${this.#full}
          placeholder=${this.#full ? '' : t.term('picker.placeholder')}
          .value=${this.text}
          @input=${this.#onInput}
          @keydown=${this.#onKeyDown}
          @blur=${() => setTimeout(() => !this.matches(':focus-within') && this.#close(), 150)}
        />
      </div>
      <ul
        id="listbox"
        part="listbox"
        role="listbox"
        aria-label=${label}
        ?hidden=${!this.open || this.results.length === 0}
      >
        ${this.results.map((person, index) => this.#renderOption(person, index))}
      </ul>
      <p id="hint" class="hint" role="status">${status}</p>
      <p id="error" part="error" class="error">${this.error}</p>
    </div>`;
  }

  #renderOption(person: Person, index: number) {
    const photo = safeUrl(person.photoUrl, 'image');
    // Options are chosen with the keyboard from the combobox input (aria-activedescendant), as the pattern asks.
    // eslint-disable-next-line lit-a11y/click-events-have-key-events
    return html`<li
      id="option-${index}"
      part="option"
      role="option"
      aria-selected=${index === this.active ? 'true' : 'false'}
      @pointerdown=${(event: Event) => event.preventDefault()}
      @click=${() => this.#choose(person)}
    >
      ${
        photo
          ? html`<img src=${photo} alt="" />`
          : html`<span class="initial" aria-hidden="true">${[...person.name.trim()][0] ?? '?'}</span>`
      }
      <span class="option-name">${person.name}</span>
      <span class="option-detail">${person.title} · ${person.department.name}</span>
    </li>`;
  }
}
