/**
 * Wakes the open live streams of this process when something they may send was stored. The
 * events themselves live in the database (`kudos_events`), so a stream that wakes reads what it
 * has not sent yet, in order, and a client that reconnects resumes from its last event id.
 */
export class EventBus {
  private readonly listeners = new Set<() => void>();
  private readonly closers = new Set<() => void>();

  /** Something was stored: every stream reads what is new. */
  notify() {
    for (const listener of this.listeners) listener();
  }

  /** Registers a stream; returns the function that unregisters it. */
  subscribe(onEvent: () => void, onClose: () => void): () => void {
    this.listeners.add(onEvent);
    this.closers.add(onClose);
    return () => {
      this.listeners.delete(onEvent);
      this.closers.delete(onClose);
    };
  }

  /** How many streams are open. */
  get size() {
    return this.listeners.size;
  }

  /** Ends every open stream (on shutdown, or to test reconnection). */
  closeAll() {
    for (const close of [...this.closers]) close();
  }
}
