import { nothing } from 'lit';
import type { PeerElement } from './peer-element.js';

/**
 * `aria-level` for a heading `depth` levels under an element's own headings, once the page set its
 * `heading-level`; nothing otherwise (the heading's own tag, h2 or h3, stands).
 */
export function headingAt(element: PeerElement, depth = 0) {
  const own = Math.round(element.headingLevel!);
  return own >= 1 ? String(Math.min(own + depth, 6)) : nothing;
}
