import { css } from 'lit';

/** Styles every Peerkit form shares: fields with a label, a hint and an inline error; the send and secondary buttons. */
export const formStyles = css`
  .field {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  label,
  legend {
    font-weight: 600;
  }
  input:not([type='checkbox'], [type='radio']),
  textarea {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5em 0.65em;
  }
  textarea {
    resize: vertical;
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
`;
