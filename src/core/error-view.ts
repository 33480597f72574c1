import { css, html } from 'lit';
import type { PeerError } from './errors.js';
import { errorMessage } from './error-message.js';
import type { LocalizeController } from './i18n/localize.js';

export { errorMessage };

/** What takes focus with Tab, roughly: enough to find a widget's first control. */
const CONTROL = 'button:enabled,input:enabled,select,textarea,a[href],[tabindex="0"]';

/** The first control shown under `root`, looking into the elements drawn inside it (a picker's input). */
function firstControl(root: ParentNode): HTMLElement | null | undefined {
  for (const el of root.querySelectorAll<HTMLElement>('*')) {
    const found = el.matches(CONTROL) && el.checkVisibility() ? el : el.shadowRoot && firstControl(el.shadowRoot);
    if (found) return found;
  }
}

/**
 * The retry button goes when its load starts again (pressed, or by itself once the browser is back
 * online), and focus on it would fall to the page. So, from when it takes focus: once it has gone
 * and nothing in the widget is busy (`aria-busy`), focus comes back to the new retry button if the
 * load failed again, else to the first control where the error was, else to the widget's first
 * control, else to what it shows (a person's card has no control). Not once focus is elsewhere.
 */
function keepFocus(event: Event) {
  const button = event.target as HTMLElement;
  const root = button.getRootNode() as ParentNode;
  const place = button.parentNode!.parentNode!;
  const lost = () => document.activeElement == document.body;
  const watch = new MutationObserver(() => {
    if (button.isConnected ? !button.matches(':focus') : !lost()) return watch.disconnect();
    if (button.isConnected || root.querySelector('[aria-busy=true]')) return;
    watch.disconnect();
    // After a frame: the elements just drawn draw their own content first.
    requestAnimationFrame(() => {
      const where = place.isConnected ? place : root;
      const target =
        where.querySelector<HTMLElement>('[part~=retry-button]') ??
        firstControl(where) ??
        firstControl(root) ??
        root.querySelector<HTMLElement>(':not(style)');
      if (!lost() || !target) return;
      if (!target.matches(CONTROL)) target.tabIndex = -1;
      target.focus();
    });
  });
  watch.observe(root, { childList: true, subtree: true, attributes: true });
}

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
    <button part="retry-button" class="retry" type="button" @click=${retry} @focus=${keepFocus}>
      ${localize.term('common.retry')}
    </button>
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
