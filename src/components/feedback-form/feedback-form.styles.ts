import { css } from 'lit';

export const feedbackFormStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  .root {
    color: var(--_text);
  }
  form,
  .chooser,
  .skeleton,
  .sent,
  .not-found,
  .error {
    display: grid;
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  header h3 {
    margin: 0;
    font-size: var(--_font-size-large);
    overflow-wrap: anywhere;
  }
  header .hint {
    margin-block-start: calc(var(--_space) / 2);
  }
  fieldset {
    border: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) / 2);
    min-inline-size: 0;
  }
  legend {
    padding: 0;
    margin-block-end: calc(var(--_space) / 2);
    overflow-wrap: anywhere;
  }
  label {
    overflow-wrap: anywhere;
  }
  .marker {
    font-weight: normal;
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }
  input[type='radio'],
  input[type='checkbox'] {
    accent-color: var(--_accent);
    inline-size: 1.125rem;
    block-size: 1.125rem;
    margin: 0;
    flex: none;
  }
  textarea {
    min-block-size: 5rem;
  }
  .count.over {
    color: var(--_danger);
    font-weight: 600;
  }
  .segments {
    display: inline-flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  .segment,
  .choice,
  .switch {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    font-weight: normal;
  }
  .segment {
    padding: 0.375em 0.875em;
  }
  .segment:has(input:checked) {
    font-weight: 600;
  }
  .kind-fixed {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
  .kind-fixed .label,
  .recipient .label,
  .summary-field,
  .number,
  .switch {
    font-weight: 600;
  }
  .guidance {
    max-inline-size: 60ch;
  }
  .scale {
    display: grid;
    /* One equal column per point, however many the template has. */
    grid-auto-flow: column;
    grid-auto-columns: minmax(0, 1fr);
    gap: calc(var(--_space) / 2);
  }
  .point {
    display: grid;
    justify-items: center;
    align-content: start;
    gap: 0.25em;
    padding: 0.5em 0.25em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    text-align: center;
    font-weight: normal;
    cursor: pointer;
  }
  .point:has(input:checked) {
    border-color: var(--_accent);
    background: var(--_surface-raised);
  }
  .point:has(input[aria-invalid='true']) {
    border-color: var(--_danger);
  }
  .point-label {
    font-size: var(--_font-size-small);
    color: var(--_text-muted);
  }
  .kind,
  .recipient,
  .choices {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .chooser {
    margin: 0 0 calc(var(--_space) * 2);
  }
  .chooser .choices {
    display: flex;
    flex-wrap: wrap;
  }
  .anonymity {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-inline-start: 3px solid var(--_accent);
    background: var(--_surface-raised);
    border-radius: calc(var(--_radius) / 2);
  }
  .explain p {
    margin: 0 0 calc(var(--_space) / 2);
    max-inline-size: 65ch;
  }
  .summary {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .summary-title {
    margin: 0 0 calc(var(--_space) / 2);
    font-weight: 600;
    color: var(--_danger);
  }
  .summary ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .summary a {
    color: var(--_danger);
    overflow-wrap: anywhere;
  }
  .notice:empty {
    display: none;
  }
  .notice p {
    margin: 0 0 calc(var(--_space) / 2);
  }
  .notice.queued {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px dashed var(--_accent);
    border-radius: var(--_radius);
  }
  .secondary,
  .retry {
    justify-self: start;
  }
  .link {
    justify-self: start;
    border: none;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    padding: 0;
  }
  .error-heading {
    margin: 0;
    font-weight: 600;
  }
  .bone {
    display: block;
    background: var(--_skeleton);
    border-radius: 0.25rem;
    block-size: 0.9rem;
    inline-size: 70%;
  }
  .bone.heading {
    block-size: 1.25rem;
    inline-size: 40%;
  }
  .bone.tall {
    block-size: 5rem;
    inline-size: 100%;
  }
  @container (max-width: 30rem) {
    .scale {
      grid-auto-flow: row;
      grid-template-columns: 1fr;
    }
    .point {
      grid-template-columns: auto auto 1fr;
      justify-items: start;
      align-items: center;
      text-align: start;
    }
  }
  @media (forced-colors: active) {
    .bone {
      background: GrayText;
    }
    .point:has(input:checked) {
      border: 2px solid Highlight;
    }
  }
`;
