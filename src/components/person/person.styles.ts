import { css } from 'lit';

export const personStyles = css`
  :host {
    display: inline-block;
    max-inline-size: 100%;
    vertical-align: middle;
    background: var(--peer-person-background, var(--_surface));
    border-radius: var(--_radius);
    --_avatar-size: var(--peer-person-avatar-size, 2.5rem);
  }
  :host([size='small']) {
    --_avatar-size: var(--peer-person-avatar-size, 1.5rem);
  }
  :host([size='large']) {
    --_avatar-size: var(--peer-person-avatar-size, 4rem);
  }
  .base {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 1.25);
    min-inline-size: 0;
  }
  .avatar {
    flex: none;
    inline-size: var(--_avatar-size);
    block-size: var(--_avatar-size);
    border-radius: var(--peer-person-avatar-radius, 50%);
    overflow: hidden;
    display: grid;
    place-items: center;
    background: var(--_surface-raised);
    color: var(--_text);
  }
  img.avatar {
    object-fit: cover;
  }
  .initials {
    font-weight: 600;
    font-size: calc(var(--_avatar-size) * 0.4);
    background: var(--_initials-bg);
    color: #1f2328;
    user-select: none;
  }
  .text {
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
  }
  .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  :host(:not([size='large'])) .name,
  :host(:not([size='large'])) .title {
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .title,
  .department,
  .location {
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
    overflow-wrap: anywhere;
  }
  :host([size='small']) .title,
  :host(:not([size='large'])) .department,
  :host(:not([size='large'])) .location {
    display: none;
  }
  .skeleton {
    background: var(--_skeleton);
    border-radius: var(--_radius);
    animation: pulse calc(var(--_duration) * 8) ease-in-out infinite alternate;
  }
  .skeleton.line {
    inline-size: 8rem;
    block-size: 0.8em;
    margin-block: 0.2em;
  }
  .skeleton.line.short {
    inline-size: 5rem;
  }
  .skeleton.avatar {
    border-radius: 50%;
  }
  @keyframes pulse {
    to {
      opacity: 0.45;
    }
  }
  .error {
    font-size: var(--_font-size-small);
  }
  @media (forced-colors: active) {
    .avatar,
    .retry {
      border: 1px solid CanvasText;
    }
  }
`;
