import { css } from 'lit';

/** `<peer-mentor-settings>`: the group of settings, a checkbox row and the capacity select (drawn by the shared form styles), and the list of mentees (drawn by `mentorshipListStyles`). */
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
`;
