import { css } from 'lit';

export const skillMapStyles = css`
  :host {
    display: block;
  }
  .base {
    display: grid;
    gap: var(--_space);
    color: var(--_text);
    /* The widget paints its own surface, so a dark theme reads on a light page. */
    background: var(--_surface);
  }
  .title {
    margin: 0;
    font-size: var(--_font-size-large);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 2);
    align-items: end;
  }
  .view {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    border: none;
    margin: 0;
    padding: 0;
  }
  .view legend {
    float: inline-start;
    margin-inline-end: var(--_space);
  }
  .view label {
    font-weight: normal;
    white-space: nowrap;
    display: inline-flex;
    gap: 0.3em;
    align-items: center;
  }
  .viewport {
    max-block-size: var(--peer-skill-map-max-height, 34em);
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    overscroll-behavior: contain;
    /* The rows drawn change as it scrolls: the browser must not scroll again to keep one in place. */
    overflow-anchor: none;
  }
  .grid {
    display: grid;
    position: relative;
    /* As wide as all its columns, drawn or not, so that the grid can scroll to any of them at once. */
    inline-size: max-content;
    min-inline-size: 100%;
  }
  .row {
    display: contents;
  }
  [role='columnheader'],
  [role='rowheader'],
  [role='gridcell'] {
    display: flex;
    align-items: center;
    justify-content: center;
    box-sizing: border-box;
    border-block-end: 1px solid var(--_border);
    border-inline-end: 1px solid var(--_border);
    background: var(--_surface);
    min-inline-size: 0;
    overflow: hidden;
  }
  [role='columnheader'] {
    position: sticky;
    inset-block-start: 0;
    z-index: 2;
    align-items: end;
    padding-block-end: 0.5rem;
    cursor: pointer;
    background: var(--_surface-raised);
  }
  .skill-name {
    writing-mode: vertical-rl;
    transform: rotate(180deg);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    max-block-size: 8.5rem;
    font-size: var(--_font-size-small);
  }
  .skill.sorted {
    box-shadow: inset 0 -3px 0 var(--_accent);
  }
  .corner,
  .name,
  .group {
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    justify-content: start;
    padding-inline: var(--_space);
  }
  .corner {
    z-index: 3;
    font-weight: 600;
  }
  .coverage-head,
  .coverage {
    position: sticky;
    inset-block-start: var(--_header);
    z-index: 2;
    background: var(--_surface-raised);
    font-size: var(--_font-size-small);
  }
  .coverage-head {
    z-index: 3;
  }
  .coverage.risky,
  .risk {
    color: var(--_danger);
    font-weight: 600;
  }
  .name {
    flex-direction: column;
    align-items: start;
    justify-content: center;
    line-height: 1.2;
  }
  .person-name,
  .person-title {
    max-inline-size: 100%;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .person-title {
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }
  .group {
    gap: 0.4em;
    font-weight: 600;
    background: var(--_surface-raised);
    cursor: pointer;
  }
  .group-name {
    position: sticky;
    inset-inline-start: var(--_space);
  }
  .cell {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
    cursor: default;
  }
  .cell.lnone {
    color: var(--_text-muted);
    font-weight: normal;
  }
  /* Shade deepens with the level; the number always says it too. */
  .cell.l0 {
    background: color-mix(in srgb, var(--_accent) 4%, var(--_surface));
  }
  .cell.l1 {
    background: color-mix(in srgb, var(--_accent) 10%, var(--_surface));
  }
  .cell.l2 {
    background: color-mix(in srgb, var(--_accent) 18%, var(--_surface));
  }
  .cell.l3 {
    background: color-mix(in srgb, var(--_accent) 28%, var(--_surface));
  }
  .cell.l4 {
    background: color-mix(in srgb, var(--_accent) 34%, var(--_surface));
  }
  .cell.l5 {
    background: color-mix(in srgb, var(--_accent) 44%, var(--_surface));
  }
  /* Below target: a frame and a ▼ in the text; the shade gives way so the text keeps its contrast. */
  .gaps .cell.below {
    background: var(--_surface);
    box-shadow: inset 0 0 0 2px var(--_danger);
  }
  .own .name {
    font-weight: 600;
  }
  .cell.editable {
    cursor: pointer;
    outline: 1px dashed var(--_border);
    outline-offset: -4px;
  }
  [role='grid'] :focus-visible {
    outline: 2px solid var(--_focus-color);
    outline-offset: -2px;
    box-shadow: none;
    z-index: 4;
  }
  .legend {
    margin: 0;
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }
  .detail {
    display: grid;
    gap: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .detail p {
    margin: 0;
  }
  .message.failed {
    color: var(--_danger);
  }
  .editor fieldset {
    display: grid;
    gap: 0.25rem;
    border: none;
    margin: 0;
    padding: 0;
  }
  .level-choice {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0 0.5em;
    font-weight: normal;
  }
  .level-choice .hint {
    grid-column: 2;
  }
  .level-label {
    font-weight: 600;
  }
  .actions {
    display: flex;
    gap: var(--_space);
    margin-block-start: var(--_space);
  }
  .actions button,
  .experts button,
  .experts a {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    padding: 0.35em 0.8em;
    text-align: start;
  }
  .actions .primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .experts h3 {
    margin: 0 0 0.25rem;
    font-size: var(--_font-size);
  }
  .experts ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.25rem;
  }
  .experts button,
  .experts a {
    display: grid;
    inline-size: 100%;
    text-decoration: none;
  }
  .expert-name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .skeleton {
    display: grid;
    gap: var(--_space);
  }
  .bone {
    display: block;
    block-size: 1.5rem;
    border-radius: 0.25rem;
    background: var(--_skeleton);
  }
  @media (forced-colors: active) {
    [role='grid'] :focus-visible {
      outline-color: Highlight;
    }
    .cell.below {
      text-decoration: underline;
    }
  }
`;
