import { css } from 'lit';

/** `<peer-mentorships>`: a card with the mentee's requests in three groups; the rows come from `mentorshipListStyles`, the buttons from the form styles. */
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
  @media (forced-colors: active) {
    .base,
    button {
      border: 1px solid CanvasText;
    }
  }
`;
