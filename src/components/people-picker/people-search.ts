import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Person } from '../../contract/people.js';
import type { PeerBackend } from '../../core/backend.js';
import type { PeerError } from '../../core/errors.js';

const SEARCH_DELAY_MS = 200;
const RESULTS = 8;

/**
 * People suggested while someone types, for a WAI-ARIA combobox with a list popup: searches a
 * moment after the last key (an older search is aborted), keeps the suggestions, the active one
 * and what went wrong, and never suggests the ids `exclude` gives. The people picker and the
 * kudos composer's @mentions share it.
 */
export class PeopleSearch implements ReactiveController {
  results: Person[] = [];
  open = false;
  /** The index of the active suggestion, -1 for none. */
  active = -1;
  searching = false;
  error?: PeerError;
  #timer?: ReturnType<typeof setTimeout>;
  #running?: AbortController;

  /**
   * @param listId the id of the listbox the host renders (see `renderPersonOptions`), whose active
   *   option is kept in view
   */
  constructor(
    private readonly host: ReactiveControllerHost & { renderRoot: ParentNode },
    private readonly backend: { readonly value: PeerBackend },
    private readonly listId: string,
    private readonly exclude: () => readonly string[],
  ) {
    host.addController(this);
  }

  /** Searches for `text` once typing pauses; empty text closes the list. */
  type(text: string) {
    clearTimeout(this.#timer);
    if (!text.trim()) {
      this.close();
      return;
    }
    this.#timer = setTimeout(() => void this.now(text), SEARCH_DELAY_MS);
  }

  /** Searches for `text` at once. */
  async now(text: string) {
    clearTimeout(this.#timer);
    this.#running?.abort();
    const q = text.trim();
    if (!q) return;
    const running = (this.#running = new AbortController());
    this.searching = true;
    this.error = undefined;
    this.open = true;
    this.host.requestUpdate();
    try {
      const excluded = new Set(this.exclude());
      const page = await this.backend.value.searchPeople(
        { q, limit: RESULTS + excluded.size },
        { signal: running.signal },
      );
      if (running.signal.aborted) return;
      this.results = page.items.filter((p) => !excluded.has(p.id)).slice(0, RESULTS);
      this.active = this.results.length ? 0 : -1;
    } catch (error) {
      if (running.signal.aborted) return;
      this.results = [];
      this.error = error as PeerError;
    } finally {
      if (this.#running === running) this.searching = false;
      this.host.requestUpdate();
    }
  }

  close() {
    clearTimeout(this.#timer);
    this.#running?.abort();
    this.open = false;
    this.active = -1;
    this.results = [];
    this.searching = false;
    this.host.requestUpdate();
  }

  /** Moves the active suggestion by `step`, wrapping around. */
  move(step: number) {
    const count = this.results.length;
    if (count) this.active = (this.active + step + count) % count;
    this.host.requestUpdate();
  }

  get current(): Person | undefined {
    return this.open ? this.results[this.active] : undefined;
  }

  hostUpdated() {
    if (this.current)
      this.host.renderRoot.querySelector(`#${this.listId}-${this.active}`)?.scrollIntoView({ block: 'nearest' });
  }

  hostDisconnected() {
    clearTimeout(this.#timer);
    this.#running?.abort();
  }
}
