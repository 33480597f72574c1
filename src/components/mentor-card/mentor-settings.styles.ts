import { css } from 'lit';

/** `<peer-mentor-settings>`: the group of settings, a checkbox row and the capacity select (drawn by the shared form styles), and the list of mentees. */
export const mentorSettingsStyles = css`
  .base {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  .check {
    display: flex;
    gap: 0.5em;
    align-items: center;
    font-weight: normal;
  }
  select {
    justify-self: start;
  }
  .mentees {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin-block-start: var(--_space);
  }
  /* As the card's own section headings. */
  h3 {
    margin: 0;
    font-size: var(--_font-size-small);
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_text-muted);
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
  .mentee {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }
  .goal {
    overflow-wrap: anywhere;
  }
`;
