import { css } from 'lit';

/** `<peer-mentorships>`: a card with the mentee's requests in three groups; the buttons come from the shared form styles. */
export const mentorshipsStyles = css`
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
  h2 {
    margin: 0;
    font-size: 1.1em;
  }
  /* As the mentor card's section headings. */
  h3,
  summary {
    margin: 0;
    font-size: var(--_font-size-small);
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_text-muted);
    font-weight: 600;
  }
  summary {
    cursor: pointer;
    padding-block: calc(var(--_space) / 2);
  }
  section,
  details {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  p {
    margin: 0;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding-block: calc(var(--_space) / 2);
    border-block-end: 1px solid var(--_border);
  }
  .who {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }
  .goal {
    overflow-wrap: anywhere;
  }
  @media (forced-colors: active) {
    .base,
    button {
      border: 1px solid CanvasText;
    }
  }
`;
