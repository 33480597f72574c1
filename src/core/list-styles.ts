import { css } from 'lit';

/**
 * A list of mentorships (a mentor's mentees, a mentee's requests): headings as the mentor card's
 * sections, one row per person with what they asked for, and the buttons that answer it.
 */
export const mentorshipListStyles = css`
  h3,
  summary {
    margin: 0;
    font-size: var(--_font-size-small);
    font-weight: 600;
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
  .who {
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
