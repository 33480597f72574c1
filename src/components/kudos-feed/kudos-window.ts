import type { Kudos } from '../../contract/kudos.js';

/** Height assumed for an article not yet measured, in px. */
const ESTIMATED_HEIGHT = 170;
/** Rendered beyond the visible part, above and below, in px. */
const OVERSCAN = 600;
/** How many articles away from the drawn range the focused one may be and still be drawn. */
const KEEP = 50;
/** The space between two articles (the feed's `gap`), in px. */
const GAP = 12;

/**
 * What a long feed draws: the articles near the visible part, and the space of the others above
 * and below them. Heights are estimated until an article has been drawn, then measured. Its code
 * loads the first time a feed comes near its `virtual-threshold`.
 */
export class KudosWindow {
  readonly #heights = new Map<string, number>();
  #averageHeight = ESTIMATED_HEIGHT;
  #offsets: number[] = [0];
  #anchor?: [HTMLElement, number];

  #computeOffsets(items: Kudos[]) {
    const offsets = new Array<number>(items.length + 1);
    offsets[0] = 0;
    for (let i = 0; i < items.length; i++) {
      offsets[i + 1] = offsets[i] + (this.#heights.get(items[i].id) ?? this.#averageHeight);
    }
    this.#offsets = offsets;
  }

  /** The first index whose article ends below `y`. */
  #indexAt(y: number) {
    let low = 0;
    let high = this.#offsets.length - 2;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.#offsets[mid + 1] <= y) low = mid + 1;
      else high = mid;
    }
    return Math.max(0, low);
  }

  /**
   * The articles to draw, `[start, end)`, for a feed scrolled to `scrolled` with `viewport` px in
   * view, and the space above and below them (CSS lengths).
   */
  range(items: Kudos[], scrolled: number, viewport: number, focus: number): [number, number, string, string] {
    this.#computeOffsets(items);
    let start = this.#indexAt(scrolled - OVERSCAN);
    let end = Math.min(items.length, this.#indexAt(scrolled + viewport + OVERSCAN) + 1);
    // The article that holds focus (or takes it on Tab) stays drawn while the range catches up with
    // a scroll, so that focus never falls out of the feed; unless the reader scrolled far away.
    if (focus < items.length && focus >= start - KEEP && focus < end + KEEP) {
      start = Math.min(start, focus);
      end = Math.max(end, focus + 1);
    }
    const offsets = this.#offsets;
    return [start, end, `${offsets[start]}px`, `${offsets[items.length] - offsets[end]}px`];
  }

  /** Where the article at `index` begins, from the top of the feed. */
  top(items: Kudos[], index: number) {
    this.#computeOffsets(items);
    return this.#offsets[index];
  }

  /**
   * Notes the first article in view and where it is, before a render that may draw other articles
   * above it. The browser's own scroll anchoring stands aside when the feed's padding changes, so
   * the feed keeps the reader's place itself (after the render, in `measure`).
   */
  holdPlace(root: ParentNode, scroller: HTMLElement) {
    this.#anchor = undefined;
    const top = scroller.getBoundingClientRect().top;
    for (const article of root.querySelectorAll<HTMLElement>('article[data-index]')) {
      const at = article.getBoundingClientRect();
      if (at.bottom > top) {
        this.#anchor = [article, at.top];
        return;
      }
    }
  }

  /**
   * After a render: puts the article noted by `holdPlace` back where it was, and measures what was
   * drawn. Whether heights changed, and the feed must be drawn again with them.
   */
  measure(root: ParentNode, items: Kudos[], scroller: HTMLElement): boolean {
    const [anchor, was] = this.#anchor ?? [];
    this.#anchor = undefined;
    if (anchor?.isConnected) scroller.scrollTop += anchor.getBoundingClientRect().top - was!;
    // Estimates become real heights, and the average improves.
    let changed = false;
    for (const article of root.querySelectorAll<HTMLElement>('article[data-index]')) {
      const item = items[Number(article.dataset.index)];
      if (!item) continue;
      const height = article.offsetHeight + GAP;
      if (Math.abs((this.#heights.get(item.id) ?? 0) - height) > 1) {
        this.#heights.set(item.id, height);
        changed = true;
      }
    }
    // The first articles drawn set the estimate for the rest, once: an estimate that kept changing
    // would move every article below the top by thousands of pixels at each new measure.
    if (changed && this.#averageHeight === ESTIMATED_HEIGHT) {
      let sum = 0;
      for (const h of this.#heights.values()) sum += h;
      this.#averageHeight = sum / this.#heights.size;
    }
    return changed;
  }
}
