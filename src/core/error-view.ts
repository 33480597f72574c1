import { css, html } from 'lit';
import type { PeerError } from './errors.js';
import { errorMessage } from './error-message.js';
import type { LocalizeController } from './i18n/localize.js';

export { errorMessage };

/** The error state every widget shares: a heading, the reason, and a retry button. */
export function renderError(
  localize: LocalizeController<object>,
  heading: string,
  error: PeerError,
  retry: () => void,
  /** What went wrong, when the widget says it better than `errorMessage`. */
  detail = errorMessage(localize, error),
) {
  return html`<div part="error" class="error" role="alert">
    <span class="error-heading">${heading}</span>
    <span class="error-detail">${detail}</span>
    <button part="retry-button" class="retry" type="button" @click=${retry}>${localize.term('common.retry')}</button>
  </div>`;
}

/** Styles of the shared error state. */
export const errorStyles = css`
  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    color: var(--_danger);
  }
  .error-heading {
    font-weight: 600;
  }
  .error-detail {
    color: var(--_text-muted);
  }
  .retry {
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    border-radius: var(--_radius);
    padding: 0.25em 0.75em;
  }
  .retry:hover {
    border-color: var(--_accent);
  }
`;

/** Styles of the shared empty state: a dashed box with a title, a hint and maybe an invitation. */
export const emptyStyles = css`
  .empty {
    display: grid;
    justify-items: start;
    gap: calc(var(--_space) / 2);
    padding: calc(var(--_space) * 2);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .empty p {
    margin: 0;
  }
  .empty-title {
    font-weight: 600;
  }
`;
