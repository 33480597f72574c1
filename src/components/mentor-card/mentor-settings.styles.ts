import { css } from 'lit';

/** `<peer-mentor-settings>`: the group of settings, a checkbox row and the capacity select (drawn by the shared form styles). */
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
`;
