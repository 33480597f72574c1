import { html } from 'lit';
import type { Person } from '../../contract/people.js';
import { errorMessage } from '../../core/error-message.js';
import type { PickerMessages } from '../../core/i18n/en-picker.js';
import type { LocalizeController } from '../../core/i18n/localize.js';
import { safeUrl } from '../../core/safe-url.js';
import type { PeopleSearch } from './people-search.js';

/**
 * The suggestions as a listbox `id`, each option `<id>-<index>` for `aria-activedescendant`.
 * Options are chosen with the keyboard from the field (the combobox pattern) or by pointer.
 */
export function renderPersonOptions(search: PeopleSearch, id: string, label: string, choose: (person: Person) => void) {
  return html`<ul
    id=${id}
    part="listbox"
    role="listbox"
    aria-label=${label}
    ?hidden=${!search.open || !search.results.length}
  >
    ${search.results.map((person, index) => {
      const photo = safeUrl(person.photoUrl, 'image');
      // The field keeps focus; the options are reached through aria-activedescendant, as the pattern asks.
      // eslint-disable-next-line lit-a11y/click-events-have-key-events
      return html`<li
        id="${id}-${index}"
        part="option"
        role="option"
        aria-selected=${index === search.active ? 'true' : 'false'}
        @pointerdown=${(event: Event) => event.preventDefault()}
        @click=${() => choose(person)}
      >
        ${
          photo
            ? html`<img src=${photo} alt="" />`
            : html`<span class="initial" aria-hidden="true">${[...person.name.trim()][0] ?? '?'}</span>`
        }
        <span class="option-name" dir="auto">${person.name}</span>
        <span class="option-detail" dir="auto">${person.title} · ${person.department.name}</span>
      </li>`;
    })}
  </ul>`;
}

/** What a live region says about the search: searching, what failed, or how many were found. */
export function searchStatus(t: LocalizeController<PickerMessages>, search: PeopleSearch): string {
  if (search.searching) return t.term('picker.searching');
  if (search.error) return errorMessage(t, search.error);
  if (!search.open) return '';
  const count = search.results.length;
  return count ? t.term('picker.found', count, t.number(count)) : t.term('picker.none');
}
