import { css } from 'lit';

/**
 * Design tokens. Each public `--peer-*` property overrides one value in every theme; the
 * private `--_*` properties hold what the widget styles use. Light is the default, `dark`
 * swaps the fallbacks, `contrast` is black and white with a yellow accent, `auto` follows the
 * reader's colour-scheme and contrast preferences. In forced-colors mode (Windows high contrast)
 * the system colours win and focus, selection and state keep visible outlines.
 *
 * Every Peerkit element uses this set, so every element documents it (custom-elements.json gets
 * these lines for each element; a test fails when they and the styles drift apart):
 *
 * @cssproperty --peer-color-accent - Buttons, links, the selected state and the focus ring.
 * @cssproperty --peer-color-on-accent - Text on the accent colour.
 * @cssproperty --peer-color-surface - The background of the widget.
 * @cssproperty --peer-color-surface-raised - Backgrounds that stand out a little: chips, selected rows, notices.
 * @cssproperty --peer-color-text - Body text.
 * @cssproperty --peer-color-text-muted - Secondary text: hints, dates, counters.
 * @cssproperty --peer-color-border - Borders and dividers.
 * @cssproperty --peer-color-danger - Errors and invalid fields.
 * @cssproperty --peer-color-skeleton - Placeholder shapes while loading.
 * @cssproperty --peer-color-focus - The focus ring colour.
 * @cssproperty --peer-font-family - The typeface.
 * @cssproperty --peer-font-size - The base text size.
 * @cssproperty --peer-font-size-small - Hints, counters and captions.
 * @cssproperty --peer-font-size-large - Headings inside a widget.
 * @cssproperty --peer-space - The spacing unit; gaps and padding are multiples of it.
 * @cssproperty --peer-radius - Corner radius of cards, fields and buttons.
 * @cssproperty --peer-shadow - Elevation of popups such as suggestion lists.
 * @cssproperty --peer-focus-ring - The whole focus ring (a box-shadow).
 * @cssproperty --peer-motion-duration - Length of transitions; 0 under `prefers-reduced-motion`.
 */
const light = css`
  --_surface: var(--peer-color-surface, #ffffff);
  --_surface-raised: var(--peer-color-surface-raised, #f6f8fa);
  --_text: var(--peer-color-text, #1f2328);
  --_text-muted: var(--peer-color-text-muted, #59636e);
  --_border: var(--peer-color-border, #d1d9e0);
  --_accent: var(--peer-color-accent, #0b5cd5);
  --_on-accent: var(--peer-color-on-accent, #ffffff);
  --_danger: var(--peer-color-danger, #b42318);
  --_skeleton: var(--peer-color-skeleton, #e6eaef);
  --_focus-color: var(--peer-color-focus, #0b5cd5);
  color-scheme: light;
`;

const dark = css`
  --_surface: var(--peer-color-surface, #161b22);
  --_surface-raised: var(--peer-color-surface-raised, #1f2630);
  --_text: var(--peer-color-text, #e6edf3);
  --_text-muted: var(--peer-color-text-muted, #9da7b3);
  --_border: var(--peer-color-border, #3a434e);
  --_accent: var(--peer-color-accent, #5ea1ff);
  --_on-accent: var(--peer-color-on-accent, #0d1117);
  --_danger: var(--peer-color-danger, #ff8a80);
  --_skeleton: var(--peer-color-skeleton, #2a313b);
  --_focus-color: var(--peer-color-focus, #79b0ff);
  color-scheme: dark;
`;

/** For readers who need strong contrast: pure black and white, a yellow accent, borders that show. */
const contrast = css`
  --_surface: var(--peer-color-surface, #000000);
  --_surface-raised: var(--peer-color-surface-raised, #1a1a1a);
  --_text: var(--peer-color-text, #ffffff);
  --_text-muted: var(--peer-color-text-muted, #e0e0e0);
  --_border: var(--peer-color-border, #ffffff);
  --_accent: var(--peer-color-accent, #ffd60a);
  --_on-accent: var(--peer-color-on-accent, #000000);
  --_danger: var(--peer-color-danger, #ff9e9e);
  --_skeleton: var(--peer-color-skeleton, #5c5c5c);
  --_focus-color: var(--peer-color-focus, #ffd60a);
  color-scheme: dark;
`;

export const tokens = css`
  :host {
    ${light}
    --_font: var(--peer-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--peer-font-size, 0.9375rem);
    --_font-size-small: var(--peer-font-size-small, 0.8125rem);
    --_font-size-large: var(--peer-font-size-large, 1.125rem);
    --_space: var(--peer-space, 0.5rem);
    --_radius: var(--peer-radius, 0.5rem);
    --_focus-ring: var(--peer-focus-ring, 0 0 0 2px var(--_surface), 0 0 0 4px var(--_focus-color));
    --_duration: var(--peer-motion-duration, 160ms);
    --_shadow: var(--peer-shadow, 0 8px 24px rgb(0 0 0 / 0.16));
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
    line-height: 1.4;
  }
  :host([theme='dark']) {
    ${dark}
  }
  :host([theme='contrast']) {
    ${contrast}
  }
  @media (prefers-contrast: more) {
    :host([theme='auto']) {
      ${contrast}
    }
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${dark}
    }
  }
  @media (prefers-reduced-motion: reduce) {
    :host {
      --_duration: 0ms;
    }
  }
  :host([hidden]) {
    display: none !important;
  }
  /* Page CSS reaches a widget only through what the host inherits; reset that at the top of the
     shadow tree, so that a theme's '* { letter-spacing: .3em !important }' stays outside. */
  :host > * {
    font-family: var(--_font);
    font-size: var(--_font-size);
    font-style: normal;
    font-weight: normal;
    color: var(--_text);
    line-height: 1.4;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-align: start;
    text-indent: 0;
    text-shadow: none;
    white-space: normal;
    visibility: visible;
    cursor: auto;
  }
  :focus-visible {
    outline: none;
    box-shadow: var(--_focus-ring);
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline: 2px solid Highlight;
      outline-offset: 2px;
    }
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  /* A name, title or heading written the other way keeps its own order (dir="auto") but lines up
     with the widget. Prose (a kudos message, a bio) and fields line up with their own text. */
  [dir='auto']:not(textarea, input, .message, .bio) {
    text-align: -webkit-match-parent;
    text-align: match-parent;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
