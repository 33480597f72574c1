import { css } from 'lit';

export const mentorMatchesStyles = css`
  :host {
    display: block;
  }
  .list {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(var(--peer-mentor-matches-columns, 18rem), 100%), 1fr));
    gap: calc(var(--_space) * 2);
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .match {
    display: grid;
  }
  /* Inside the card, as its own sections are: a small heading, then the reasons. */
  .why {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .reasons {
    margin: 0;
    padding-inline-start: 1.2em;
    font-size: var(--_font-size-small);
    color: var(--_text);
  }
  h3 {
    font-size: var(--_font-size-small);
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_text-muted);
    margin: 0;
  }
  .empty,
  .pending {
    color: var(--_text-muted);
  }
`;
