import { css } from 'lit';

export const kudosComposerStyles = css`
  :host {
    display: block;
  }
  form {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  h3 {
    margin: 0;
    font-size: var(--_font-size-large);
  }
  textarea {
    min-block-size: 5rem;
    inline-size: 100%;
    box-sizing: border-box;
  }
  .mention-anchor {
    position: relative;
  }
  fieldset {
    border: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .values {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  .value {
    font-weight: 600;
  }
  .status {
    margin: 0;
  }
  label.private {
    font-weight: normal;
    display: flex;
    gap: 0.5em;
    align-items: center;
  }
  .status.failed {
    color: var(--_danger);
  }
`;
