export interface EventBusOptions {
  /**
   * The id of the newest stored event. While streams are open, it is read every `pollMs`, so that
   * events stored by other server processes on the same database wake this process's streams too.
   */
  latest?: () => Promise<number>;
  /** How often `latest` is read while streams are open, in ms (default 1000). */
  pollMs?: number;
}

/**
 * Wakes the open live streams of this process when something they may send was stored. The
 * events themselves live in the database (`kudos_events`), so a stream that wakes reads what it
 * has not sent yet, in order, and a client that reconnects resumes from its last event id.
 * A write in this process wakes them at once; one in another process, at the next poll.
 */
export class EventBus {
  private readonly listeners = new Set<() => void>();
  private readonly closers = new Set<() => void>();
  private poll?: ReturnType<typeof setInterval>;
  private seen = -1;

  constructor(private readonly options: EventBusOptions = {}) {}

  /** Something was stored: every stream reads what is new. */
  notify() {
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
    if (!latest || this.poll) return;
    this.seen = -1;
    let reading = false;
    const check = async () => {
      if (reading) return;
      reading = true;
      try {
        const id = await latest();
        if (this.seen >= 0 && id !== this.seen) this.notify();
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

  private stopPolling() {
    clearInterval(this.poll);
    this.poll = undefined;
  }

  /** How many streams are open. */
  get size() {
    return this.listeners.size;
  }

  /** Ends every open stream (on shutdown, or to test reconnection). */
  closeAll() {
    for (const close of [...this.closers]) close();
    this.stopPolling();
  }
}
