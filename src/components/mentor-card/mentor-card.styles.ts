import { css } from 'lit';

export const mentorCardStyles = css`
  :host {
    display: block;
    inline-size: var(--peer-mentor-card-width, auto);
    max-inline-size: 100%;
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 2);
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-inline-size: 0;
    /* Cards side by side are as tall as the tallest, with their request buttons on one line. */
    block-size: 100%;
    box-sizing: border-box;
  }
  h3 {
    font-size: var(--_font-size-small);
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_text-muted);
    margin: 0 0 calc(var(--_space) / 2);
  }
  p {
    margin: 0;
  }
  .bio,
  .goal {
    overflow-wrap: anywhere;
  }
  :host([variant='compact']) .bio {
    display: -webkit-box;
    -webkit-line-clamp: 3;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  .availability {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    font-size: var(--_font-size-small);
  }
  .status {
    font-weight: 600;
  }
  .status.open::before,
  .status.closed::before {
    content: '';
    display: inline-block;
    inline-size: 0.6em;
    block-size: 0.6em;
    border-radius: 50%;
    margin-inline-end: 0.4em;
    background: var(--_accent);
  }
  .status.closed::before {
    background: var(--_text-muted);
  }
  .response,
  .hint {
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .expertise li,
  .circles li,
  .incoming li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) / 2) var(--_space);
    padding-block: calc(var(--_space) / 2);
    border-block-end: 1px solid var(--_border);
  }
  .incoming li {
    flex-direction: column;
    align-items: stretch;
  }
  .incoming .actions {
    justify-content: start;
  }
  .asker {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }
  .own h3 {
    margin-block-start: var(--_space);
  }
  /* What a circle is about has a line of its own, between its topic and its places. */
  .circle-about {
    flex-basis: 100%;
    overflow-wrap: anywhere;
  }
  .skill,
  .circle-topic {
    overflow-wrap: anywhere;
    min-inline-size: 0;
  }
  .level {
    font-size: var(--_font-size-small);
    color: var(--_text-muted);
    white-space: nowrap;
  }
  .dots {
    color: var(--_accent);
    letter-spacing: 0.1em;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  .chips li {
    background: var(--_surface-raised);
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 0.1em 0.7em;
    font-size: var(--_font-size-small);
    overflow-wrap: anywhere;
  }
  .request-row {
    margin-block-start: auto;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  button {
    border-radius: var(--_radius);
    padding: 0.45em 1em;
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    background: var(--_surface-raised);
    border-color: var(--_border);
    color: var(--_text-muted);
  }
  dialog {
    box-sizing: border-box;
    inline-size: min(32rem, calc(100vw - 2rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    padding: calc(var(--_space) * 2.5);
    font-family: var(--_font);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  dialog h2 {
    font-size: var(--_font-size-large);
    margin: 0 0 calc(var(--_space) * 2);
    overflow-wrap: anywhere;
  }
  form {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 2);
  }
  .failure {
    color: var(--_danger);
  }
  .actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--_space);
    flex-wrap: wrap;
  }
  .skeleton-row {
    display: flex;
    gap: var(--_space);
    align-items: center;
  }
  .skeleton {
    background: var(--_skeleton);
    border-radius: var(--_radius);
    animation: pulse calc(var(--_duration) * 8) ease-in-out infinite alternate;
  }
  .skeleton.avatar {
    inline-size: 4rem;
    block-size: 4rem;
    border-radius: 50%;
  }
  .skeleton.line {
    block-size: 0.9em;
    inline-size: 10rem;
  }
  .skeleton.line.wide {
    inline-size: 80%;
  }
  @keyframes pulse {
    to {
      opacity: 0.45;
    }
  }
  .error {
    flex-direction: column;
    align-items: flex-start;
  }
  @media (forced-colors: active) {
    .base,
    button,
    dialog {
      border: 1px solid CanvasText;
    }
    button.primary {
      forced-color-adjust: none;
      background: ButtonText;
      color: ButtonFace;
    }
  }
`;
