import type { FeedbackReceipt, NewFeedback } from '../../contract/feedback.js';
import { FeedbackProblem } from '../../contract/problems.js';
import type { PeerBackend } from '../../core/backend.js';
import type { PeerError } from '../../core/errors.js';
import { asPeerError } from '../../core/errors.js';
import { exclusively, type Outbox, type OutboxItem } from '../../core/local-store.js';

/** What became of one send. */
export type Delivery =
  /** Sent already, from another tab. */
  | { kind: 'gone' }
  | { kind: 'sent'; receipt: FeedbackReceipt }
  /** The network or the server failed: it waits in the outbox until `nextAttemptAt`. */
  | { kind: 'queued'; error: PeerError; nextAttemptAt: number }
  /** The server refused it: it left the outbox; the draft still holds every answer. */
  | { kind: 'refused'; error: PeerError };

/** Where a send waits, and what it clears once the server has it. */
export interface SendPlace {
  backend: PeerBackend;
  /** The backend's storage scope: one lock per outbox. */
  scope: string;
  outbox: Outbox<NewFeedback>;
  drafts: { clear(id: string): void };
  /** A send kept in memory only, when the browser refuses storage. */
  unsaved(item?: OutboxItem<NewFeedback> | null): OutboxItem<NewFeedback> | undefined;
}

const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 5 * 60_000;

/** Outbox items being sent from this page, so that two forms (or a form and its own flush) never send one twice at once. */
const inFlight = new Set<string>();

/** Whether a failed send should wait in the outbox (the network or the server), rather than be shown as refused. */
function waitsInOutbox(error: PeerError): boolean {
  if (error.type === FeedbackProblem.dailyLimit) return false;
  return error.retryable || (error.kind === 'http' && error.status >= 500);
}

/**
 * Sends one outbox item, holding a lock across tabs, with its Idempotency-Key: what became of it,
 * or undefined when this page is sending it already. The code of the feedback form's sending: it
 * loads once the form is in use, not before the form is defined.
 */
export async function deliver(item: OutboxItem<NewFeedback>, place: SendPlace): Promise<Delivery | undefined> {
  if (inFlight.has(item.id)) return undefined;
  inFlight.add(item.id);
  const { outbox, unsaved } = place;
  try {
    return await exclusively(`peerkit-outbox ${place.scope}`, async (): Promise<Delivery> => {
      const current = outbox.get(item.id) ?? (unsaved()?.id === item.id ? unsaved() : undefined);
      if (!current) return { kind: 'gone' };
      try {
        const receipt = await place.backend.sendFeedback(current.payload, { idempotencyKey: current.id });
        outbox.remove(current.id);
        unsaved(null);
        place.drafts.clear(current.draftId);
        return { kind: 'sent', receipt };
      } catch (error) {
        const peerError = asPeerError(error);
        if (waitsInOutbox(peerError)) {
          const attempts = current.attempts + 1;
          const wait = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempts - 1), peerError.retryAfterMs ?? Infinity);
          const nextAttemptAt = Date.now() + Math.max(wait, FIRST_RETRY_MS);
          const next = { ...current, attempts, nextAttemptAt };
          if (unsaved()?.id === current.id || !outbox.put(next)) unsaved(next);
          return { kind: 'queued', error: peerError, nextAttemptAt };
        }
        outbox.remove(current.id);
        unsaved(null);
        return { kind: 'refused', error: peerError };
      }
    });
  } finally {
    inFlight.delete(item.id);
  }
}
