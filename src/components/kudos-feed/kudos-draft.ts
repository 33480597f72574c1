import type { Person } from '../../contract/people.js';
import { DraftStore } from '../../core/local-store.js';

/** What the kudos composer keeps in the browser while it is unsent. */
export interface KudosDraft {
  recipientIds: string[];
  message: string;
  valueIds: string[];
  isPrivate: boolean;
  /** The people mentioned by name in the message. */
  mentions?: Person[];
}

/**
 * The unsent kudos kept in the browser for one backend: the composer saves and restores them, and
 * the feed looks there to offer to continue one (without loading the composer's code).
 */
export const kudosDrafts = (scope?: string) => DraftStore.for<KudosDraft>('kudos', scope);

/**
 * What the reader chose to show in each feed (by the filter its attributes give), with who chose
 * it, so that the feed shows the same after a reload and another person on the computer does not get it.
 */
export const kudosShown = (scope?: string) => DraftStore.for<string>('kudos-show', scope);
