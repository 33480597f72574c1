import { css, html } from 'lit';
import type { Person } from '../../contract/people.js';
import { errorMessage } from '../../core/error-message.js';
import type { PickerMessages } from '../../core/i18n/en-picker.js';
import type { LocalizeController } from '../../core/i18n/localize.js';
import { safeUrl } from '../../core/safe-url.js';
import type { PeopleSearch } from './people-search.js';

/**
 * The popup list of people suggested by a `PeopleSearch`, placed under its positioned container.
 * It never scrolls on its own (a scrolling box that takes no focus cannot be scrolled from the
 * keyboard): it holds at most eight people and grows with them.
 */
export const personOptionStyles = css`
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
  @media (forced-colors: active) {
    [role='option'][aria-selected='true'] {
      outline: 2px solid Highlight;
    }
  }
`;

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
