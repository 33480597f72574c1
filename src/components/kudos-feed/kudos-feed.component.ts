import { adoptStyles, html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { repeat } from 'lit/directives/repeat.js';
import type { CompanyValue, Kudos, KudosFilter } from '../../contract/kudos.js';
import type { Me } from '../../contract/people.js';
import { REACTION_KEYS, type ReactionKey } from '../../contract/rules.js';
import type { KudosEvent, PeerBackend } from '../../core/backend.js';
import { BackendController } from '../../core/context.js';
import { emptyStyles, errorMessage, errorStyles, renderError } from '../../core/error-view.js';
import { filterErrorMessage } from '../../core/filter-error.js';
import { PeerError, asPeerError } from '../../core/errors.js';
import { LocalizeController } from '../../core/i18n/localize.js';
import { kudosMessages, type KudosMessages } from '../../core/i18n/en-kudos.js';
import type { KudosReaderMessages } from '../../core/i18n/en-kudos-reader.js';
import type { PickerMessages } from '../../core/i18n/en-picker.js';
import type { Edit, EditStep, OwnFeed } from './kudos-reader.js';
import type { KudosWindow } from './kudos-window.js';
import { PeerElement } from '../../core/peer-element.js';
import { tokens } from '../../core/tokens.js';
import type { PeerKudosComposer } from './kudos-composer.component.js';
import { LazyElement } from '../../core/lazy-element.js';
import { kudosFeedStyles } from './kudos-feed.styles.js';
import { renderKudos } from './kudos-view.js';
import { kudosDrafts, kudosShown } from './kudos-draft.js';
import { headingAt } from '../../core/heading.js';

/** What a feed tells the page of kudos changed in it, and hears from the other feeds. */
const CHANGES = ['peer-kudos-edited', 'peer-kudos-deleted'];

declare module '../../core/peer-element.js' {
  interface PeerEventDetails {
    'peer-kudos-deleted': { kudosId: string };
    'peer-kudos-edited': { kudos: Kudos };
  }
}

/**
 * @customElement peer-kudos-feed
 * @summary Recognition across teams: kudos with values and reactions, live, with a composer.
 *
 * Follows the WAI-ARIA feed pattern: each kudos is a focusable `article` with its position and
 * the set size; Page Down and Page Up move between articles, Ctrl+Home and Ctrl+End leave the
 * feed before or after it. More kudos load as the reader nears the end (or with the “load more”
 * button). New kudos from the live stream wait behind a “N new kudos” button, so nothing moves
 * under the reader. Long feeds render only the articles near the visible part.
 *
 * @csspart base - The whole widget.
 * @csspart header - The title and the give-kudos button.
 * @csspart give-button - The button that opens the composer.
 * @csspart show - The "Show" list with which readers narrow the feed (once the feed knows who reads it).
 * @csspart composer - The composer.
 * @csspart new-button - The “N new kudos” button.
 * @csspart scroller - The scrolling area around the feed.
 * @csspart feed - The element with `role="feed"`.
 * @csspart kudos - One kudos article; kudos you gave have "Edit…" (in place: message and values) and "Delete…" (asked once more).
 * @csspart listbox - People suggested to mention while changing kudos you gave (after @ and part of a name).
 * @csspart option - One person suggested.
 * @csspart load-more - The “load more” button.
 * @csspart notice - Offline and reconnecting notices.
 * @csspart empty - The empty state.
 * @csspart error - The error message.
 * @csspart retry-button - The button that loads again after an error.
 *
 * @cssproperty --peer-kudos-feed-max-height - Height of the scrolling area (default 40rem).
 *
 * @event peer-kudos-sent - Kudos given from the composer were stored; `detail.kudos`.
 * @event peer-kudos-edited - The reader changed kudos they gave; `detail.kudos`, as saved.
 * @event peer-kudos-deleted - The reader deleted kudos they gave; `detail.kudosId`.
 * @event peer-error - Loading failed; `detail.error` is the `PeerError`, `detail.retry()` tries again.
 */
export class PeerKudosFeed extends PeerElement {
  static override defaultTag = 'peer-kudos-feed';
  static override styles = [tokens, errorStyles, emptyStyles, kudosFeedStyles];
  static {
    // A long feed places its articles by the heights it measured after the update before:
    // a second update is the design, not a mistake to warn of.
    this.disableWarning?.('change-in-update');
  }

  static override properties: PropertyDeclarations = {
    team: { reflect: true },
    person: { reflect: true },
    value: { reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
    composer: {},
    live: {},
    filters: {},
    virtualThreshold: { type: Number, attribute: 'virtual-threshold' },
    kudos: { attribute: false },
    items: { state: true },
    nextCursor: { state: true },
    phase: { state: true },
    loadError: { state: true },
    more: { state: true },
    moreError: { state: true },
    arrivals: { state: true },
    announcement: { state: true },
    offline: { state: true },
    connection: { state: true },
    composerOpen: { state: true },
    articleErrors: { state: true },
    pending: { state: true },
    focusIndex: { state: true },
    scrolled: { state: true },
    viewport: { state: true },
    me: { state: true },
    values: { state: true },
    choice: { state: true },
    reader: { state: true },
    editing: { state: true },
    confirming: { state: true },
    deleting: { state: true },
  };

  /** Only kudos given or received by someone in this department (its id). */
  team?: string;
  /** Only kudos this person (id) gave or received. */
  person?: string;
  /** Only kudos tagged with this company value (id). */
  value?: string;
  /** Kudos per request: 1 to 100 (default 20; a value that is not a number counts as 20). */
  pageSize = 20;
  /** `button` (default) shows a give-kudos button, `open` the composer itself, `none` neither. */
  composer: 'button' | 'open' | 'none' = 'button';
  /** Set `live="off"` to not follow new kudos as they happen. */
  live: 'on' | 'off' = 'on';
  /**
   * Set `filters="off"` to hide the "Show" list, with which readers narrow the feed to their own
   * kudos, their department's or one value's (within what the attributes above already narrow).
   */
  filters: 'on' | 'off' = 'on';
  /** Feeds with more loaded kudos than this render only those near the visible part. */
  virtualThreshold = 200;
  /** Kudos to show instead of loading them (no paging, no live updates). */
  kudos?: Kudos[];

  private items: Kudos[] = [];
  private nextCursor: string | null = null;
  private phase: 'loading' | 'ready' | 'error' = 'loading';
  private loadError?: PeerError;
  private more: 'idle' | 'loading' | 'error' = 'idle';
  private moreError?: PeerError;
  private arrivals: Kudos[] = [];
  private announcement = '';
  private offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  private connection: 'connecting' | 'open' | 'reconnecting' | 'failed' = 'connecting';
  private composerOpen = false;
  private articleErrors = new Map<string, string>();
  private pending = new Set<string>();
  private focusIndex = 0;
  private scrolled = 0;
  private viewport = 640;
  /** Who is signed in, once known (to offer "Delete…" and the reader's own kudos). */
  private me?: Me;
  /** The company values, once known, for the "Show" list. */
  private values?: CompanyValue[];
  /** What the reader chose in the "Show" list: '' for all, else a filter's key and id (`value:courage`). */
  private choice = '';
  /** Who made the choice kept from an earlier visit, until it is known who reads; for which backend it was looked up. */
  #keptBy?: string | null;
  #choiceFrom?: PeerBackend;
  /** The code of the "Show" list and of "Delete…", once loaded. */
  private reader?: typeof import('./kudos-reader.js');
  /** Kudos the reader gave that they are changing, as they left it. */
  private editing?: Edit;
  /** The kudos whose deletion is being asked about, and whether it is under way. */
  private confirming?: string;
  private deleting = false;

  get #scroller() {
    return this.renderRoot.querySelector<HTMLElement>('.scroller');
  }

  /** The English strings, with those of the "Show" list and "Delete…" once their code is loaded. */
  readonly #english = { ...kudosMessages } as KudosMessages & KudosReaderMessages & PickerMessages;
  readonly #localize = new LocalizeController(this, this.#english);
  #readerLoading?: Promise<unknown>;
  /** The composer's code loads when the reader opens it (or points at "Give kudos"). */
  #hasDraft?: boolean;
  readonly #composerElement = new LazyElement(this, () =>
    import('./kudos-composer.component.js').then((m) => m.PeerKudosComposer),
  );
  readonly #backend = new BackendController(this);
  #loadedFrom?: { backend: PeerBackend; key: string };
  /** The backends `me` and the values were asked of. */
  #meFrom?: PeerBackend;
  #valuesFrom?: PeerBackend;
  #loading?: AbortController;
  #watching?: AbortController;
  /** What a long feed draws, once its code has loaded. */
  #window?: KudosWindow | null;
  /** The kudos for which the code of a long feed was last asked for. */
  #windowTried?: unknown;
  /** Where focus goes after the next render, when it has fallen to the page. */
  #refocus?: () => HTMLElement | null;
  /** The space above and below the drawn articles of a long feed, for those not drawn. */
  #padding = ['', ''];
  #frame = 0;
  #resizeObserver?: ResizeObserver;
  readonly #reactionsInFlight = new Set<string>();
  /** Why the live stream stopped for good, as its backend tells. */
  #streamError?: PeerError;

  readonly #onOnline = () => {
    this.offline = false;
    if (this.phase === 'error') this.reload();
    else if (this.more === 'error') void this.loadMore();
  };
  readonly #onOffline = () => (this.offline = true);

  /**
   * Kudos changed or deleted in another feed of the same backend on the page: shown as they are now
   * at once, by a feed that does not follow the stream (`live="off"`) too.
   */
  readonly #onElsewhere = (event: Event) => {
    const from = event.composedPath()[0] as PeerKudosFeed;
    if (from === this || this.kudos || !(#backend in from) || from.#backend.value !== this.#backend.value) return;
    const { kudos, kudosId } = (event as CustomEvent).detail;
    this.#onLive(kudos ? { type: 'edited', kudos } : { type: 'removed', kudosId });
  };

  /** A kudos draft written or sent in another tab: the give button says so here too. */
  readonly #onStorage = (event: StorageEvent) => {
    if (event.key?.includes('kudos-draft')) {
      this.#hasDraft = undefined;
      this.requestUpdate();
    }
  };

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('storage', this.#onStorage);
    window.addEventListener('online', this.#onOnline);
    window.addEventListener('offline', this.#onOffline);
    for (const name of CHANGES) window.addEventListener(name, this.#onElsewhere);
    // Loads again (and follows the stream) after the element was moved or re-attached.
    this.#loadedFrom = undefined;
    this.requestUpdate();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('storage', this.#onStorage);
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener('offline', this.#onOffline);
    for (const name of CHANGES) window.removeEventListener(name, this.#onElsewhere);
    this.#loading?.abort();
    this.#watching?.abort();
    this.#resizeObserver?.disconnect();
    cancelAnimationFrame(this.#frame);
  }

  /** The filter of the feed as attributes give it. */
  get #given(): KudosFilter {
    const filter: KudosFilter = {};
    if (this.team) filter.team = this.team;
    if (this.person) filter.person = this.person;
    if (this.value) filter.value = this.value;
    return filter;
  }

  /** The filter of the feed, as attributes give it, narrowed by what the reader chose to show. */
  get filter(): KudosFilter {
    const filter = this.#given;
    const [key, id] = this.choice.split(':') as [keyof KudosFilter, string];
    // A list taken away takes its choice with it: nothing would show or undo it.
    if (id && this.filters !== 'off') filter[key] ??= id;
    return filter;
  }

  /** Loads the first page again (and reconnects the live stream). */
  reload() {
    this.#loadedFrom = undefined;
    this.requestUpdate();
  }

  /**
   * Where this feed's composer keeps its unsent kudos: one draft per feed (its id), or else per
   * filter, so that a team's feed and the company's on one page keep a draft each.
   */
  get #draftKey() {
    if (this.id) return `feed:${this.id}`;
    const filter = [this.team, this.person, this.value];
    return filter.some(Boolean) ? `composer:${filter.map((part) => part ?? '').join(':')}` : 'composer';
  }

  /** `page-size` as the API takes it: a whole number from 1 to 100, else the default 20. */
  get #limit() {
    const size = Math.round(this.pageSize);
    return size >= 1 ? Math.min(size, 100) : 20;
  }

  /** Whether an unsent kudos waits in this browser (looked up again each time the composer closes). */
  #draftWaiting(): boolean {
    if (this.#hasDraft === undefined) {
      const drafts = kudosDrafts(this.#backend.value.storageScope);
      const saved = drafts.load(this.#draftKey);
      // Only its writer is offered to continue it: who is signed in is asked only when there is a draft.
      this.#hasDraft = !!saved && saved.owner === null;
      if (saved && saved.owner !== null) {
        void this.#backend.value.getMe().then(
          (me) => {
            this.#hasDraft = !!drafts.load(this.#draftKey, me.id);
            this.requestUpdate();
          },
          () => undefined,
        );
      }
    }
    return this.#hasDraft;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    const scroller = this.#scroller;
    if (this.#virtual && scroller) this.#window?.holdPlace(this.renderRoot, scroller);
    if (changed.has('composer') && this.composer === 'open') this.composerOpen = true;
    // Each filter has a draft of its own: look again when it changes.
    if (['composerOpen', 'team', 'person', 'value'].some((key) => (changed as Map<PropertyKey, unknown>).has(key))) {
      this.#hasDraft = undefined;
    }
    if (this.kudos) {
      if (changed.has('kudos')) {
        this.#loading?.abort();
        this.#watching?.abort();
        this.items = this.kudos;
        this.nextCursor = null;
        this.phase = 'ready';
      }
      return;
    }
    // Off the page, an update still queued (a resize, a new backend) loads nothing: it waits for the return.
    if (!this.isConnected) return;
    const backend = this.#backend.value;
    // What was chosen last time, for this backend: another one may sign in someone else.
    if (this.#choiceFrom !== backend) {
      this.#choiceFrom = backend;
      const kept = kudosShown(backend.storageScope).load(JSON.stringify(this.#given));
      this.choice = kept?.value ?? '';
      this.#keptBy = kept?.owner;
    }
    const key = JSON.stringify([this.filter, this.#limit, this.live]);
    if (this.#loadedFrom?.backend !== backend || this.#loadedFrom.key !== key) {
      this.#loadedFrom = { backend, key };
      void this.#loadFirst(backend);
    }
  }

  /** Shows what the reader chose, and keeps it for their next visit. */
  #choose(choice: string) {
    this.choice = choice;
    this.#keptBy = undefined;
    kudosShown(this.#backend.value.storageScope).save(JSON.stringify(this.#given), choice, this.me?.id ?? null);
  }

  async #loadFirst(backend: PeerBackend) {
    this.#loading?.abort();
    this.#watching?.abort();
    const controller = new AbortController();
    this.#loading = controller;
    this.phase = 'loading';
    this.items = [];
    this.arrivals = [];
    this.nextCursor = null;
    this.more = 'idle';
    this.focusIndex = 0;
    if (this.#scroller) this.#scroller.scrollTop = 0;
    this.scrolled = 0;
    try {
      // A choice kept by someone is theirs alone: who reads is asked first, so that nobody else's
      // request carries it. Someone else on this computer: all kudos (what the other kept stays theirs).
      const by = this.choice && this.#keptBy;
      const me = by && (await backend.getMe().catch(() => undefined));
      this.#keptBy = undefined;
      if (me && me.id !== by) return void (this.choice = '');
      // Followed from before the first page is asked for, so that nothing given meanwhile is missed.
      if (this.live !== 'off') this.#follow(backend);
      const page = await backend.getKudos({ ...this.filter, limit: this.#limit }, { signal: controller.signal });
      if (controller.signal.aborted) return;
      // What arrived while it loaded and the page has already is not new.
      const ids = new Set((this.items = page.items).map((k) => k.id));
      this.arrivals = this.arrivals.filter((k) => !ids.has(k.id));
      this.nextCursor = page.nextCursor;
      this.phase = 'ready';
      // What you gave can be deleted, and your own kudos chosen: known once it is known who you are
      // (no error if not), asked again of another backend (another person, perhaps).
      this.#askWhoAndValues(backend);
    } catch (error) {
      if (controller.signal.aborted) return;
      // Nothing to show new kudos above: the next try follows again.
      this.#watching?.abort();
      // Kept from a visit before, the choice names what is gone (a value taken away): all kudos instead.
      if (this.choice && (error as PeerError).notFound) return this.#choose('');
      this.#failed(error, () => this.reload());
    }
  }

  #askWhoAndValues(backend: PeerBackend) {
    const chooses = this.filters !== 'off';
    const needed = chooses || backend.deleteKudos || backend.editKudos;
    // Its code loads beside the questions whose answers it waits for; after a failure, at the next load.
    if (!this.#readerLoading && needed) {
      this.#readerLoading = import('./kudos-reader.js').then(
        (reader) => {
          Object.assign(this.#english, reader.kudosReaderMessages);
          adoptStyles(this.renderRoot as ShadowRoot, [...PeerKudosFeed.elementStyles, ...reader.readerStyles]);
          this.reader = reader;
        },
        () => (this.#readerLoading = undefined),
      );
    }
    if (this.#meFrom !== backend && needed) {
      this.#meFrom = backend;
      this.me = undefined;
      void backend.getMe().then(
        (me) => {
          if (this.#meFrom !== backend) return;
          this.me = me;
        },
        () => (this.#meFrom = undefined),
      );
    }
    if (this.#valuesFrom !== backend && (chooses || backend.editKudos)) {
      this.#valuesFrom = backend;
      this.values = undefined;
      void backend.getValues().then(
        (values) => {
          if (this.#valuesFrom === backend) this.values = values;
        },
        () => (this.#valuesFrom = undefined),
      );
    }
  }

  #failed(error: unknown, retry: () => void) {
    const peerError = asPeerError(error);
    this.loadError = peerError;
    this.phase = 'error';
    this.emit('peer-error', { error: peerError, retry });
  }

  /** Loads the next page, when there is one and none is loading. */
  async loadMore() {
    if (!this.nextCursor || this.more === 'loading' || this.phase !== 'ready') return;
    const controller = this.#loading ?? new AbortController();
    // Pressed "Load more" (or its "Try again"), which goes while the page loads: focus comes back to
    // the first new kudos, or to "Try again" when it failed.
    const pressed = this.shadowRoot?.activeElement?.closest('.footer');
    const before = this.items.length;
    this.more = 'loading';
    try {
      const page = await this.#backend.value.getKudos(
        { ...this.filter, limit: this.#limit, cursor: this.nextCursor },
        { signal: controller.signal },
      );
      if (controller.signal.aborted) return;
      const known = new Set(this.items.map((k) => k.id));
      this.items = [...this.items, ...page.items.filter((k) => !known.has(k.id))];
      this.nextCursor = page.nextCursor;
      this.more = 'idle';
      if (pressed) {
        // The first new kudos; the last one when the page brought none.
        const next = Math.min(before, this.items.length - 1);
        this.focusIndex = next;
        this.#refocus = () => this.#articleAt(next);
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      this.moreError = error as PeerError;
      this.more = 'error';
      if (pressed) this.#refocus = () => this.renderRoot.querySelector('.footer [part~="retry-button"]');
    }
  }

  #follow(backend: PeerBackend) {
    const controller = new AbortController();
    this.#watching = controller;
    backend.watchKudos(this.filter, (event) => this.#onLive(event), { signal: controller.signal });
  }

  #onLive(event: KudosEvent) {
    switch (event.type) {
      case 'kudos': {
        const { kudos } = event;
        if (this.items.some((k) => k.id === kudos.id) || this.arrivals.some((k) => k.id === kudos.id)) return;
        // Our own kudos are already shown (optimistically); the confirmation replaces them.
        if (this.pending.size && kudos.giver.id === this.items.find((k) => this.pending.has(k.id))?.giver.id) return;
        this.arrivals = [kudos, ...this.arrivals];
        const count = this.arrivals.length;
        // While the first page loads, it may bring the kudos itself: nothing to say yet.
        if (this.phase === 'ready')
          this.announcement = this.#localize.term('kudos.newAnnounce', count, this.#localize.number(count));
        break;
      }
      case 'reactions': {
        if (this.#reactionsInFlight.has(event.kudosId)) return;
        const update = (k: Kudos) => (k.id === event.kudosId ? { ...k, reactions: event.reactions } : k);
        if (this.items.some((k) => k.id === event.kudosId)) this.items = this.items.map(update);
        break;
      }
      case 'edited': {
        // Changed by its giver: as it is now, unless it left the value this feed shows.
        const { kudos } = event;
        const value = this.filter.value;
        if (value && !kudos.values.some((v) => v.id === value)) this.#remove(kudos.id);
        else this.#replace(kudos);
        break;
      }
      case 'removed':
        this.#remove(event.kudosId);
        break;
      case 'reset':
        this.reload();
        break;
      case 'connection':
        this.connection = event.state;
        this.#streamError = event.error;
        break;
    }
  }

  /** Puts the kudos that arrived live at the top and moves focus to the newest. */
  async showArrivals() {
    this.items = [...this.arrivals, ...this.items];
    this.arrivals = [];
    this.announcement = '';
    this.focusIndex = 0;
    if (this.#scroller) this.#scroller.scrollTop = 0;
    this.scrolled = 0;
    await this.updateComplete;
    this.#articleAt(0)?.focus();
  }

  async #toggleReaction(kudos: Kudos, reaction: ReactionKey) {
    if (this.#reactionsInFlight.has(kudos.id)) return;
    const before = kudos.reactions;
    const current = before.find((r) => r.reaction === reaction)!;
    const on = !current.mine;
    const optimistic = before.map((r) =>
      r.reaction === reaction ? { ...r, mine: on, count: Math.max(0, r.count + (on ? 1 : -1)) } : r,
    );
    this.#replaceReactions(kudos.id, optimistic);
    this.#setError(kudos.id);
    this.#reactionsInFlight.add(kudos.id);
    try {
      const answer = await this.#backend.value.setReaction(kudos.id, reaction, on);
      this.#replaceReactions(kudos.id, answer.reactions);
    } catch (error) {
      this.#replaceReactions(kudos.id, before);
      const reason = error instanceof PeerError ? ` ${errorMessage(this.#localize, error)}` : '';
      this.#setError(kudos.id, `${this.#localize.term('kudos.reactionFailed')}${reason}`);
    } finally {
      this.#reactionsInFlight.delete(kudos.id);
    }
  }

  /** A kudos is gone (deleted here or elsewhere): focus that was on it goes to the one now in its place. */
  #remove(id: string) {
    this.arrivals = this.arrivals.filter((k) => k.id !== id);
    const index = this.items.findIndex((k) => k.id === id);
    if (index < 0) return;
    this.items = this.items.filter((k) => k.id !== id);
    if (this.confirming === id) this.confirming = undefined;
    // Changes to it not saved yet go too: nothing is left to change.
    if (this.editing?.id === id) this.editing = undefined;
    kudosDrafts(this.#backend.value.storageScope).clear(`edit:${id}`);
    if (this.focusIndex > index) this.focusIndex--;
    // The last one gone: the give-kudos button, else what the empty feed says.
    this.#refocus = () =>
      this.#articleAt(Math.min(index, this.items.length - 1)) ?? this.renderRoot.querySelector('.give, .empty-title');
  }

  #replace(kudos: Kudos) {
    const update = (k: Kudos) => (k.id === kudos.id ? kudos : k);
    this.items = this.items.map(update);
    this.arrivals = this.arrivals.map(update);
  }

  /** What the code of "Edit…" and "Delete…" may do to the feed; made once it has loaded. */
  #own?: OwnFeed;
  get #ownFeed(): OwnFeed {
    return (this.#own ??= {
      backend: () => this.#backend.value,
      localize: this.#localize,
      me: () => this.me?.id,
      editing: () => this.editing,
      setEditing: (edit) => (this.editing = edit),
      deleting: () => this.deleting,
      setDeleting: (on) => (this.deleting = on),
      setConfirming: (id) => (this.confirming = id),
      setError: (id, message) => this.#setError(id, message),
      changed: (kudos) => {
        this.#replace(kudos);
        this.emit('peer-kudos-edited', { kudos });
      },
      removed: (id) => {
        this.#remove(id);
        this.emit('peer-kudos-deleted', { kudosId: id });
      },
      announce: (text) => (this.announcement = text),
      focus: (id, selector) =>
        void this.updateComplete.then(() => {
          const article = this.#articleAt(this.items.findIndex((k) => k.id === id));
          (selector ? article?.querySelector<HTMLElement>(selector) : article)?.focus();
        }),
    });
  }

  #setError(id: string, message?: string) {
    const errors = new Map(this.articleErrors);
    if (message) errors.set(id, message);
    else errors.delete(id);
    this.articleErrors = errors;
  }

  #replaceReactions(id: string, reactions: Kudos['reactions']) {
    this.items = this.items.map((k) => (k.id === id ? { ...k, reactions } : k));
  }

  #onSending(event: CustomEvent<{ pending: Kudos }>) {
    const { pending } = event.detail;
    this.pending = new Set([...this.pending, pending.id]);
    this.items = [pending, ...this.items.filter((k) => k.id !== pending.id)];
    this.focusIndex = 0;
    if (this.#scroller) this.#scroller.scrollTop = 0;
  }

  #onSent(event: CustomEvent<{ kudos: Kudos; pendingId: string }>) {
    const { kudos, pendingId } = event.detail;
    this.pending = new Set([...this.pending].filter((id) => id !== pendingId));
    this.arrivals = this.arrivals.filter((k) => k.id !== kudos.id);
    this.items = this.items.filter((k) => k.id !== kudos.id).map((k) => (k.id === pendingId ? kudos : k));
    if (!this.items.some((k) => k.id === kudos.id)) this.items = [kudos, ...this.items];
    if (this.composer === 'button') this.composerOpen = false;
    void this.updateComplete.then(() => this.#articleAt(0)?.focus());
  }

  #onFailed(event: CustomEvent<{ pendingId: string }>) {
    const { pendingId } = event.detail;
    this.pending = new Set([...this.pending].filter((id) => id !== pendingId));
    this.items = this.items.filter((k) => k.id !== pendingId);
  }

  async #openComposer() {
    this.composerOpen = true;
    try {
      await this.#composerElement.load();
    } catch {
      // The error and its retry button are shown where the composer would be.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.composer-slot [part~="retry-button"]')?.focus();
      return;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<PeerKudosComposer>('[part~="composer"]')?.focus();
  }

  async #closeComposer() {
    this.composerOpen = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.give')?.focus();
  }

  /* ---- virtualisation ---- */

  get #threshold() {
    return this.virtualThreshold >= 0 ? this.virtualThreshold : 200;
  }

  get #virtual() {
    return this.items.length > this.#threshold;
  }

  /** The articles to draw, `[start, end)`, and the space above and below them. */
  #range(): [number, number, string, string] {
    const { length } = this.items;
    const threshold = this.#threshold;
    // Its code loads as the feed comes near the threshold, to be there when the feed passes it.
    // If it cannot load, the feed is drawn whole, as a short feed is, and it is tried again when the kudos change.
    if (length > threshold / 2 && !this.#window && this.#windowTried !== this.items) {
      this.#windowTried = this.items;
      import('./kudos-window.js').then(
        (module) => {
          this.#window ||= new module.KudosWindow();
          this.requestUpdate();
        },
        () => {
          this.#window = null;
          this.requestUpdate();
        },
      );
    }
    if (length <= threshold || this.#window === null) return [0, length, '', ''];
    // A long list given at once draws nothing for the moment its code takes to arrive.
    return this.#window?.range(this.items, this.scrolled, this.viewport, this.focusIndex) ?? [0, 0, '', ''];
  }

  #onScroll() {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => {
      const scroller = this.#scroller;
      if (!scroller) return;
      if (this.#virtual) this.scrolled = scroller.scrollTop;
      if (scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < scroller.clientHeight * 2) {
        void this.loadMore();
      }
    });
  }

  protected override firstUpdated() {
    this.#resizeObserver = new ResizeObserver(() => {
      if (this.#scroller) this.viewport = this.#scroller.clientHeight || this.viewport;
    });
    if (this.#scroller) this.#resizeObserver.observe(this.#scroller);
  }

  protected override updated() {
    // Through the CSSOM, which a strict style-src allows (a style attribute it would block).
    const style = this.renderRoot.querySelector<HTMLElement>('.feed')?.style;
    if (style) [style.paddingTop, style.paddingBottom] = this.#padding;
    const refocus = this.#refocus;
    this.#refocus = undefined;
    // Unless the reader put focus somewhere meanwhile.
    if (refocus && document.activeElement === document.body) refocus()?.focus();
    const scroller = this.#scroller;
    if (this.#virtual && scroller && this.#window?.measure(this.renderRoot, this.items, scroller)) {
      this.requestUpdate();
    }
  }

  #articleAt(index: number) {
    return this.renderRoot.querySelector<HTMLElement>(`article[data-index="${index}"]`);
  }

  /** Focuses the article at `index`, bringing it into the rendered range first. */
  async focusArticle(index: number) {
    const target = Math.max(0, Math.min(index, this.items.length - 1));
    this.focusIndex = target;
    if (this.#virtual && this.#window && !this.#articleAt(target) && this.#scroller) {
      this.#scroller.scrollTop = this.scrolled = this.#window.top(this.items, target);
    }
    await this.updateComplete;
    const article = this.#articleAt(target);
    article?.focus();
    article?.scrollIntoView({ block: 'nearest' });
    if (target >= this.items.length - 3) void this.loadMore();
  }

  #onFeedKeyDown(event: KeyboardEvent) {
    const article = (event.composedPath() as Element[]).find(
      (el) => el instanceof HTMLElement && el.localName === 'article',
    );
    const index = article ? Number((article as HTMLElement).dataset.index) : this.focusIndex;
    if (event.key === 'PageDown') {
      event.preventDefault();
      void this.focusArticle(index + 1);
    } else if (event.key === 'PageUp') {
      event.preventDefault();
      void this.focusArticle(index - 1);
    } else if (event.key === 'Home' && event.ctrlKey) {
      event.preventDefault();
      this.renderRoot.querySelector<HTMLElement>('.give, .new')?.focus();
    } else if (event.key === 'End' && event.ctrlKey) {
      event.preventDefault();
      this.renderRoot.querySelector<HTMLElement>('.load-more, .after-feed')?.focus();
    }
  }

  /** One listener for every reaction button of the feed. */
  #onFeedClick(event: MouseEvent) {
    const button = (event.target as Element).closest?.('button[data-reaction]') as HTMLButtonElement | null;
    const article = button?.closest('article[data-index]') as HTMLElement | null;
    if (!button || !article || button.getAttribute('aria-disabled') === 'true') return;
    const kudos = this.items[Number(article.dataset.index)];
    if (kudos) void this.#toggleReaction(kudos, button.dataset.reaction as ReactionKey);
  }

  #onFeedFocusIn(event: FocusEvent) {
    const article = (event.target as Element).closest?.('article[data-index]') as HTMLElement | null;
    if (article) this.focusIndex = Number(article.dataset.index);
  }

  /* ---- rendering ---- */

  override render() {
    const t = this.#localize;
    return html`<section part="base" class="base" dir=${t.dir} aria-labelledby="feed-title">
      <header part="header" class="header">
        <h2 id="feed-title" class="title" aria-level=${headingAt(this)}>${t.term('kudos.title')}</h2>
        ${
          this.reader && this.filters !== 'off' && !this.kudos
            ? this.reader.renderChoice(t, {
                me: this.me,
                values: this.values,
                given: this.#given,
                chosen: this.choice,
                choose: (choice) => this.#choose(choice),
              })
            : nothing
        }
        ${
          this.composer === 'button' && !this.composerOpen
            ? html`<button
                part="give-button"
                class="give"
                type="button"
                @click=${this.#openComposer}
                @pointerenter=${this.#composerElement.preload}
                @focus=${this.#composerElement.preload}
              >
                ${t.term(this.#draftWaiting() ? 'kudos.continue' : 'kudos.give')}
              </button>`
            : nothing
        }
      </header>
      ${
        this.composerOpen && this.composer !== 'none'
          ? html`<div class="composer-slot">
              ${this.#composerElement.render(
                t,
                () => staticHtml`<${this.#composerElement.tag}
                  part="composer"
                  draft-key=${this.#draftKey}
                  heading-level=${headingAt(this, 1)}
                  theme=${this.theme ?? 'light'}
                  ?cancelable=${this.composer === 'button'}
                  @peer-kudos-sending=${this.#onSending}
                  @peer-kudos-sent=${this.#onSent}
                  @peer-kudos-failed=${this.#onFailed}
                  @peer-kudos-cancel=${this.#closeComposer}
                ></${this.#composerElement.tag}>`,
              )}
            </div>`
          : nothing
      }
      ${this.#renderNotices()}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      ${
        this.arrivals.length
          ? html`<button part="new-button" class="new" type="button" @click=${this.showArrivals}>
              ${t.term('kudos.newCount', this.arrivals.length, t.number(this.arrivals.length))}
            </button>`
          : nothing
      }
      ${this.#renderBody()}
    </section>`;
  }

  #renderNotices() {
    const t = this.#localize;
    if (this.offline) return html`<p part="notice" class="notice" role="status">${t.term('kudos.offline')}</p>`;
    if (this.phase !== 'ready' || this.kudos || this.live === 'off') return nothing;
    if (this.connection === 'reconnecting') {
      return html`<p part="notice" class="notice" role="status">${t.term('kudos.reconnecting')}</p>`;
    }
    // Refused for good (signed out, most likely): why, and "Try again", which loads afresh.
    return this.connection === 'failed'
      ? renderError(t, t.term('kudos.stopped'), asPeerError(this.#streamError), () => this.reload())
      : nothing;
  }

  #renderBody() {
    const t = this.#localize;
    if (this.phase === 'error' && this.loadError) {
      return renderError(
        t,
        t.term('kudos.error'),
        this.loadError,
        () => this.reload(),
        filterErrorMessage(t, this.loadError),
      );
    }
    if (this.phase === 'loading') {
      return html`<div part="scroller" class="scroller">
        <div part="feed" role="feed" aria-busy="true" aria-label=${t.term('kudos.feed')}>
          ${[0, 1, 2].map(
            () =>
              html`<div class="kudos skeleton" aria-hidden="true">
                <span class="bone avatar"></span><span class="bone line"></span><span class="bone line wide"></span>
              </div>`,
          )}
        </div>
        <span class="visually-hidden" role="status">${t.term('kudos.loading')}</span>
      </div>`;
    }
    if (this.items.length === 0) {
      return html`<div part="empty" class="empty">
        <p class="empty-title" tabindex="-1">${t.term('kudos.empty')}</p>
        <p>${t.term('kudos.emptyInvite')}</p>
        ${
          this.composer !== 'none' && !this.composerOpen
            ? html`<button class="give invite" type="button" @click=${this.#openComposer}>
                ${t.term('kudos.give')}
              </button>`
            : nothing
        }
      </div>`;
    }
    const [start, end, ...padding] = this.#range();
    this.#padding = padding;
    const backend = this.#backend.value;
    const ctx = {
      host: this,
      localize: t,
      now: Date.now(),
      setSize: this.nextCursor ? -1 : this.items.length,
      focusIndex: Math.min(this.focusIndex, this.items.length - 1),
      pending: this.pending,
      articleErrors: this.articleErrors,
      reactionNames: Object.fromEntries(REACTION_KEYS.map((key) => [key, t.term(`kudos.reaction.${key}`)])) as Record<
        ReactionKey,
        string
      >,
      me: (backend.deleteKudos || backend.editKudos) && this.me?.id,
      backend,
      reader: this.reader,
      editing: this.editing,
      values: this.values,
      onEdit: (kudos: Kudos, step: EditStep, change?: Partial<Edit>) =>
        void this.reader?.editStep(this.#ownFeed, kudos, step, change),
      confirming: this.confirming,
      deleting: this.deleting,
      onDelete: (kudos: Kudos, step: 'ask' | 'act' | 'keep') =>
        void this.reader?.deleteStep(this.#ownFeed, kudos, step),
    };
    // Keyed: an article's element stays with its kudos when the range moves or kudos arrive on top,
    // so focus and the reader's place stay where they were.
    const shown = repeat(
      this.items.slice(start, end),
      (kudos) => kudos.id,
      (kudos, offset) => renderKudos(kudos, start + offset, ctx),
    );
    return html`<div part="scroller" class="scroller" @scroll=${this.#onScroll}>
      <div
        part="feed"
        class="feed"
        role="feed"
        aria-label=${t.term('kudos.feed')}
        aria-busy=${this.more === 'loading' ? 'true' : 'false'}
        @keydown=${this.#onFeedKeyDown}
        @focusin=${this.#onFeedFocusIn}
        @click=${this.#onFeedClick}
      >
        ${shown}
      </div>
      ${this.#renderFooter()}
    </div>`;
  }

  #renderFooter() {
    const t = this.#localize;
    if (this.more === 'loading') return html`<p class="footer" role="status">${t.term('kudos.loadingMore')}</p>`;
    if (this.more === 'error' && this.moreError) {
      return html`<div class="footer">
        ${renderError(t, t.term('kudos.moreError'), this.moreError, () => void this.loadMore())}
      </div>`;
    }
    if (this.nextCursor) {
      return html`<div class="footer">
        <button part="load-more" class="load-more" type="button" @click=${() => void this.loadMore()}>
          ${t.term('kudos.loadMore')}
        </button>
      </div>`;
    }
    return html`<p class="footer end after-feed" tabindex="-1">${t.term('kudos.end')}</p>`;
  }
}
