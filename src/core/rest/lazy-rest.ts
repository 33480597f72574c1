import type { PeerBackend } from '../backend.js';
import { PeerError } from '../errors.js';
import type { RestBackend, RestBackendOptions } from './rest-backend.js';
import { restScope } from './scope.js';

/** Every `PeerBackend` method that answers with a promise. */
const METHODS = [
  'getMe',
  'getPerson',
  'getPeople',
  'searchPeople',
  'getMentor',
  'getMentorMatches',
  'requestMentorship',
  'getMyMentorshipRequests',
  'respondToMentorshipRequest',
  'joinCircle',
  'leaveCircle',
  'updateMyMentorProfile',
  'getValues',
  'getKudos',
  'giveKudos',
  'setReaction',
  'deleteKudos',
  'editKudos',
  'getSkills',
  'getSkillMatrix',
  'getSkillExperts',
  'getSkillGaps',
  'rateMySkill',
  'getFeedbackTemplates',
  'getFeedbackTemplate',
  'sendFeedback',
  'getMyFeedback',
  'getPersonFeedback',
] as const satisfies readonly (keyof PeerBackend)[];

type Method = (typeof METHODS)[number];

/**
 * The backend a widget gets when the page gives none: a `RestBackend` whose code loads with the
 * first request instead of with every widget, so that an app bringing its own backend (or a page
 * whose widgets share one) does not carry it. Each call waits for the client, then is the same call
 * on one `RestBackend` with these options. A client that cannot be loaded (offline) rejects the
 * call with a network `PeerError`, and the next call tries again.
 */
class LazyRest implements Pick<PeerBackend, 'watchKudos' | 'storageScope' | 'clearCache'> {
  #client?: Promise<RestBackend>;

  constructor(readonly options: RestBackendOptions) {}

  get storageScope() {
    return restScope(this.options.baseUrl);
  }

  get baseUrl() {
    return (this.options.baseUrl ?? '/api').replace(/\/+$/, '');
  }

  /** The `RestBackend` behind this one, loading its code on first use. */
  load(): Promise<RestBackend> {
    this.#client ??= import('./rest-backend.js').then(
      ({ RestBackend }) => new RestBackend(this.options),
      (cause: unknown) => {
        this.#client = undefined;
        throw new PeerError({ kind: navigator.onLine === false ? 'offline' : 'network', cause });
      },
    );
    return this.#client;
  }

  /**
   * Forgets the client's cached answers, in turn with calls made before and after it (a client
   * not loaded has none, and is not loaded for it; one that cannot load has none either).
   */
  clearCache() {
    void this.#client?.then(
      (client) => client.clearCache(),
      () => {},
    );
  }

  watchKudos(...args: Parameters<PeerBackend['watchKudos']>) {
    const [, listener, { signal }] = args;
    this.load().then(
      (client) => signal.aborted || client.watchKudos(...args),
      () => signal.aborted || listener({ type: 'connection', state: 'failed' }),
    );
  }
}

for (const name of METHODS) {
  (LazyRest.prototype as unknown as Record<Method, unknown>)[name] = function (this: LazyRest, ...args: unknown[]) {
    return this.load().then((client) => (client[name] as (...a: unknown[]) => unknown)(...args));
  };
}

export type LazyRestBackend = LazyRest & Pick<PeerBackend, Method>;
export const LazyRestBackend = LazyRest as new (options: RestBackendOptions) => LazyRestBackend;
