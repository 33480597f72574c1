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
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .reasons {
    margin: 0;
    padding-inline-start: 1.2em;
    font-size: var(--_font-size-small);
    color: var(--_text);
  }
  h3 {
    font-size: var(--_font-size-small);
    margin: 0;
  }
  .empty,
  .pending {
    color: var(--_text-muted);
  }
`;
