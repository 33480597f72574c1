import { css } from 'lit';

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
