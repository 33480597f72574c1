/** How long after a failed or lost LISTEN connection another is tried. */
const LISTEN_RETRY_MS = 5000;

export interface EventBusOptions {
  /**
   * The id of the newest stored event. While streams are open, it is read every `pollMs`, so that
   * events stored by other server processes on the same database wake this process's streams too.
   */
  latest?: () => Promise<number>;
  /** How often `latest` is read while streams are open, in ms (default 1000). */
  pollMs?: number;
  /**
   * Tells the other server processes at once that something was stored (PostgreSQL's NOTIFY).
   * The poll above still catches what a lost message would miss.
   */
  broadcast?: () => Promise<void>;
  /**
   * Hears those messages while streams are open (LISTEN); resolves to the function that stops.
   * `lost` is called when the connection breaks: listening starts again at a later poll.
   */
  listen?: (wake: () => void, lost: () => void) => Promise<() => Promise<void>>;
}

/**
 * Wakes the open live streams of this process when something they may send was stored. The
 * events themselves live in the database (`kudos_events`), so a stream that wakes reads what it
 * has not sent yet, in order, and a client that reconnects resumes from its last event id.
 * A write in this process wakes them at once; one in another process at once where the database
 * carries messages (`broadcast`, `listen`), and otherwise at the next poll.
 */
export class EventBus {
  private readonly listeners = new Set<() => void>();
  private readonly closers = new Set<() => void>();
  private poll?: ReturnType<typeof setInterval>;
  private seen = -1;
  private listening?: Promise<(() => Promise<void>) | undefined>;
  /** After a failed or lost LISTEN, when to try again (not at every poll: the log would fill). */
  private listenAgainAt = 0;

  constructor(private readonly options: EventBusOptions = {}) {}

  /** Something was stored here: every stream reads what is new, and other processes hear of it. */
  notify() {
    this.wake();
    this.options.broadcast?.().catch((error: Error) => {
      console.warn(`Live streams of other server processes will hear of this at their next poll: ${error.message}`);
    });
  }

  private wake() {
    for (const listener of this.listeners) listener();
  }

  /** Registers a stream; returns the function that unregisters it. */
  subscribe(onEvent: () => void, onClose: () => void): () => void {
    this.listeners.add(onEvent);
    this.closers.add(onClose);
    this.startPolling();
    return () => {
      this.listeners.delete(onEvent);
      this.closers.delete(onClose);
      if (this.listeners.size === 0) this.stopPolling();
    };
  }

  private startPolling() {
    const { latest, pollMs = 1000 } = this.options;
    this.listenAgainAt = 0;
    this.ensureListening();
    if (!latest || this.poll) return;
    this.seen = -1;
    let reading = false;
    const check = async () => {
      this.ensureListening();
      if (reading) return;
      reading = true;
      try {
        const id = await latest();
        if (this.seen >= 0 && id !== this.seen) this.wake();
        this.seen = id;
      } catch {
        // A busy or closing database: the next poll tries again.
      } finally {
        reading = false;
      }
    };
    void check();
    this.poll = setInterval(() => void check(), pollMs);
    this.poll.unref?.();
  }

  private ensureListening() {
    const { listen } = this.options;
    if (!listen || this.listening || this.listeners.size === 0 || Date.now() < this.listenAgainAt) return;
    const retryLater = () => {
      if (this.listening !== attempt) return;
      this.listening = undefined;
      this.listenAgainAt = Date.now() + LISTEN_RETRY_MS;
    };
    const attempt = listen(() => this.wake(), retryLater).catch((error: Error) => {
      console.warn(`Not listening for other server processes, polling until it works: ${error.message}`);
      retryLater();
      return undefined;
    });
    this.listening = attempt;
  }

  private stopPolling() {
    clearInterval(this.poll);
    this.poll = undefined;
    const listening = this.listening;
    this.listening = undefined;
    void listening?.then((stop) => stop?.());
  }

  /** How many streams are open. */
  get size() {
    return this.listeners.size;
  }

  /** Set when the server stops: from then on, no stream starts. */
  stopped = false;

  /** The server stops: every open stream ends, and no other starts. */
  stop() {
    this.stopped = true;
    this.closeAll();
  }

  /** Ends every open stream (on shutdown, or to test reconnection). */
  closeAll() {
    for (const close of [...this.closers]) close();
    this.stopPolling();
  }
}
