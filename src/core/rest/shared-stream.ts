import type { Kudos, KudosFilter } from '../../contract/kudos.js';
import type { KudosEvent } from '../backend.js';
import { keepEventStream, type StreamEvent } from './event-stream.js';

const FILTER_KEYS = ['team', 'person', 'value'] as const;

/** What all the filters ask alike: a key stays only when every one of them names the same id. */
export function sharedFilter(filters: readonly KudosFilter[]): KudosFilter {
  const shared: KudosFilter = {};
  for (const key of FILTER_KEYS) {
    const id = filters[0]?.[key];
    if (id && filters.every((filter) => filter[key] === id)) shared[key] = id;
  }
  return shared;
}

/**
 * Whether new kudos belong in a feed of `filter`, as the server decides it (a person or a team
 * among giver and recipients, a value among the values), judging only what `asked` (what the
 * server already filtered by) leaves out.
 */
export function fitsFilter(kudos: Kudos, filter: KudosFilter, asked: KudosFilter = {}): boolean {
  const people = [kudos.giver, ...kudos.recipients];
  const { team, person, value } = filter;
  return (
    (!person || asked.person === person || people.some((p) => p.id === person)) &&
    (!team || asked.team === team || people.some((p) => p.department.id === team)) &&
    (!value || asked.value === value || kudos.values.some((v) => v.id === value))
  );
}

interface Watcher {
  filter: KudosFilter;
  listener: (event: KudosEvent) => void;
}

export interface SharedStreamOptions {
  /** Opens the stream of kudos fitting `filter`, from after `lastEventId` (empty: from now). */
  open: (filter: KudosFilter, lastEventId: string, signal: AbortSignal) => Promise<Response>;
  /** The event a server-sent event means (nothing for those of no meaning here); may throw on a bad one. */
  decode: (event: StreamEvent) => KudosEvent | undefined;
  /** A server-sent event that could not be read. */
  onError: (error: unknown) => void;
}

/**
 * One kudos stream for all the feeds that watch through one backend, however many there are.
 * Over HTTP/1.1 a browser opens at most six connections to a server: a page of six feeds that
 * held a stream each would leave none for anything else, and its widgets would never finish
 * loading. The one stream asks the server for what every feed asks alike (on a page of one
 * feed, that feed's filter); each feed is given only the new kudos of its own filter. When feeds
 * come or go and that changes, the stream opens again from its last event, so nothing is missed;
 * with no feed left it closes.
 */
export class SharedKudosStream {
  readonly #options: SharedStreamOptions;
  readonly #watchers = new Set<Watcher>();
  /** Given up when no feed is left, and replaced when the stream ended for good. */
  #running?: AbortController;
  #reopen = () => {};
  /** What the stream should ask for, and what its open connection asked for. */
  #wanted: KudosFilter = {};
  #asked: KudosFilter = {};
  /** How the stream is, and why when it stopped for good: told to each feed that joins. */
  #state?: KudosEvent & { type: 'connection' };
  #settling?: ReturnType<typeof setTimeout>;

  constructor(options: SharedStreamOptions) {
    this.#options = options;
  }

  watch(filter: KudosFilter, listener: (event: KudosEvent) => void, signal: AbortSignal) {
    if (signal.aborted) return;
    const watcher: Watcher = { filter: { ...filter }, listener };
    this.#watchers.add(watcher);
    // A feed joining an open stream learns at once how it is.
    if (this.#state) listener(this.#state);
    signal.addEventListener(
      'abort',
      () => {
        this.#watchers.delete(watcher);
        this.#changed();
      },
      { once: true },
    );
    this.#changed();
  }

  /** Feeds come and go in bursts (a page loading, a filter changing): act once the burst is over. */
  #changed() {
    clearTimeout(this.#settling);
    this.#settling = setTimeout(() => this.#settle(), 0);
  }

  #settle() {
    if (!this.#watchers.size) {
      this.#running?.abort();
      this.#running = undefined;
      this.#state = undefined;
      return;
    }
    this.#wanted = sharedFilter([...this.#watchers].map((watcher) => watcher.filter));
    if (!this.#running) this.#start();
    else if (JSON.stringify(this.#wanted) !== JSON.stringify(this.#asked)) this.#reopen();
  }

  #start() {
    const running = new AbortController();
    this.#running = running;
    void keepEventStream({
      signal: running.signal,
      connect: (lastEventId, signal) => {
        this.#asked = this.#wanted;
        return this.#options.open(this.#asked, lastEventId, signal);
      },
      onReopen: (reopen) => (this.#reopen = reopen),
      onState: (state, error) => {
        this.#state = { type: 'connection', state, error };
        this.#send(this.#state);
      },
      onEvent: (raw) => {
        let event: KudosEvent | undefined;
        try {
          event = this.#options.decode(raw);
        } catch (error) {
          this.#options.onError(error);
        }
        if (event) this.#send(event);
      },
    }).then(() => {
      // Ended for good (refused with a 4xx): the next feed to come tries again.
      if (this.#running === running) this.#running = undefined;
    });
  }

  #send(event: KudosEvent) {
    for (const { filter, listener } of [...this.#watchers]) {
      if (event.type === 'kudos' && !fitsFilter(event.kudos, filter, this.#asked)) continue;
      try {
        listener(event);
      } catch (error) {
        // One feed's failure is its own: the others are still told, and the page hears of it.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
