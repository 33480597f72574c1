import { css } from 'lit';

export const kudosFeedStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  .base {
    display: grid;
    /* Never wider than the host, whatever a long option of the "Show" list asks for. */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space);
    color: var(--_text);
    /* The widget paints its own surface, so a dark theme reads on a light page. */
    background: var(--_surface);
  }
  .header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    flex-wrap: wrap;
  }
  .title {
    margin: 0;
    margin-inline-end: auto;
    font-size: var(--_font-size-large);
  }
  .give,
  .new,
  .load-more {
    border-radius: var(--_radius);
    padding: 0.4em 0.9em;
    font-weight: 600;
  }
  .give {
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .new {
    justify-self: center;
    border: 1px solid var(--_accent);
    background: var(--_surface);
    color: var(--_accent);
    border-radius: 999px;
  }
  .load-more {
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
  }
  .notice {
    margin: 0;
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    border: 1px solid var(--_border);
  }
  .scroller {
    max-block-size: var(--peer-kudos-feed-max-height, 40rem);
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: 4px;
    /* Focus scrolls what it moves to clear of the edge, focus ring and all. */
    scroll-padding: var(--_space);
  }
  .feed {
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  .kudos {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-inline-size: 0;
  }
  .kudos.pending {
    opacity: 0.75;
    border-style: dashed;
  }
  .kudos-header {
    display: grid;
    grid-template-columns: auto 1fr auto;
    align-items: center;
    gap: var(--_space);
  }
  .avatar {
    inline-size: 2.25rem;
    block-size: 2.25rem;
    border-radius: 50%;
    object-fit: cover;
  }
  .initials {
    display: grid;
    place-items: center;
    background: var(--_surface-raised);
    border: 1px solid var(--_border);
    font-size: var(--_font-size-small);
    font-weight: 600;
  }
  .kudos-title {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
    min-inline-size: 0;
  }
  .time {
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
    white-space: nowrap;
  }
  .message {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .mention {
    color: var(--_accent);
    font-weight: 600;
  }
  .values {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .value {
    padding: 0.125em 0.625em;
    border-radius: 999px;
    background: var(--_surface-raised);
    border: 1px solid var(--_border);
    font-size: var(--_font-size-small);
  }
  .private {
    margin: 0;
    font-size: var(--_font-size-small);
    color: var(--_text-muted);
  }
  .reactions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  .reactions > button {
    min-inline-size: 2.75rem;
    min-block-size: 2rem;
    padding: 0.125em 0.5em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_text);
    transition: background-color var(--_duration);
  }
  .reactions > button[aria-pressed='true'] {
    border-color: var(--_accent);
    background: var(--_surface-raised);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  .reactions > button[aria-disabled='true'] {
    cursor: default;
    opacity: 0.6;
  }
  .reaction-error {
    margin: 0;
    color: var(--_danger);
    font-size: var(--_font-size-small);
  }
  .footer {
    display: flex;
    justify-content: center;
    margin: var(--_space) 0 0;
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }
  .skeleton {
    grid-template-columns: auto 1fr;
  }
  .bone {
    display: block;
    background: var(--_skeleton);
    border-radius: 0.25rem;
    block-size: 0.9rem;
  }
  .bone.avatar {
    inline-size: 2.25rem;
    block-size: 2.25rem;
    border-radius: 50%;
    grid-row: span 2;
  }
  .bone.line {
    inline-size: 40%;
  }
  .bone.wide {
    inline-size: 80%;
  }
  @container (max-width: 24rem) {
    .kudos-header {
      grid-template-columns: auto 1fr;
    }
    .time {
      grid-column: 2;
    }
  }
  @media (forced-colors: active) {
    .reactions > button[aria-pressed='true'] {
      outline: 2px solid Highlight;
    }
    .bone {
      background: GrayText;
    }
  }
`;
