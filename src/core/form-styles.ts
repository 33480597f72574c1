import { css } from 'lit';

/** Styles every Peerkit form shares: fields with a label, a hint and an inline error; the send and secondary buttons; choices drawn as chips. */
export const formStyles = css`
  .field {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  label,
  legend {
    font-weight: 600;
  }
  /* In line with the fields and text around it (browsers pad a legend by 2px). */
  legend {
    padding: 0;
  }
  input:not([type='checkbox'], [type='radio']),
  textarea,
  select {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_text-muted);
    border-radius: var(--_radius);
    padding: 0.5em 0.65em;
  }
  textarea {
    resize: vertical;
  }
  select {
    padding: 0.35em 0.5em;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .hint,
  .field-error {
    margin: 0;
    font-size: var(--_font-size-small);
  }
  .hint {
    color: var(--_text-muted);
  }
  .field-error {
    color: var(--_danger);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
  .send,
  .secondary {
    border-radius: var(--_radius);
    padding: 0.5em 1em;
    border: 1px solid var(--_accent);
  }
  .send {
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  .send[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .secondary {
    background: var(--_surface);
    color: var(--_text);
    border-color: var(--_border);
  }
  /* A choice drawn as a rounded chip: a label around a radio or checkbox. */
  .pill {
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
    padding: 0.25em 0.625em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-weight: normal;
  }
  .pill:has(input:checked) {
    border-color: var(--_accent);
    background: var(--_surface-raised);
  }
  @media (forced-colors: active) {
    .pill:has(input:checked) {
      border: 2px solid Highlight;
    }
  }
`;
