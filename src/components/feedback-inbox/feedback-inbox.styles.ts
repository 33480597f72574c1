import { css } from 'lit';

/** `<peer-feedback-inbox>`: a card with a toolbar and one framed entry per feedback, its answers as a description list. */
export const feedbackInboxStyles = css`
  :host {
    display: block;
    max-inline-size: 100%;
  }
  .base {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 2);
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-inline-size: 0;
  }
  .top,
  .meta,
  .about {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin: 0;
  }
  .top {
    justify-content: space-between;
  }
  h2,
  h3 {
    margin: 0;
    font-size: 1.1em;
    overflow-wrap: anywhere;
  }
  h3 {
    font-size: 1em;
  }
  .show {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }
  p {
    margin: 0;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  article {
    display: grid;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_border);
    border-radius: var(--_radius);
  }
  .item:has(.praise) article {
    border-inline-start-color: var(--_accent);
  }
  .kind {
    font-size: var(--_font-size-small);
    padding: 0.1em 0.6em;
    border: 1px solid var(--_border);
    border-radius: 999px;
  }
  .anonymous {
    font-style: italic;
  }
  dl {
    display: grid;
    gap: var(--_space);
    margin: 0;
  }
  dt {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .text {
    white-space: pre-wrap;
  }
  .more {
    justify-self: start;
  }
  @media (forced-colors: active) {
    .base,
    article,
    button {
      border: 1px solid CanvasText;
    }
  }
`;
