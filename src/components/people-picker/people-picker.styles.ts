import { css } from 'lit';

export const peoplePickerStyles = css`
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
    border: 1px solid var(--_text-muted);
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
  .retry {
    justify-self: start;
    font: inherit;
    font-size: var(--_font-size-small);
    padding: 0.25em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  /* High-contrast mode draws no box shadow: the field shows focus with an outline instead. */
  @media (forced-colors: active) {
    .field:focus-within {
      outline: 2px solid Highlight;
      outline-offset: 2px;
    }
  }
`;
