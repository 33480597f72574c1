import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { unsafeStatic, type StaticValue } from 'lit/static-html.js';
import type { LocalizeController } from './i18n/localize.js';
import { renderError } from './error-view.js';
import { PeerError } from './errors.js';
import type { PeerElement } from './peer-element.js';

/**
 * Code that a widget loads only when the reader asks for what it does (the request dialog of a
 * mentor card), or earlier when the reader points at or focuses what opens it. Until it is there
 * the host shows a loading line; if it cannot be loaded, an error with a retry button, and it
 * loads again by itself once the browser is back online.
 */
export class LazyPart<T> {
  value?: T;
  #loading?: Promise<T>;
  error?: PeerError;

  constructor(
    protected readonly host: ReactiveControllerHost,
    private readonly importer: () => Promise<T>,
  ) {}

  /** Whether it has loaded. */
  get ready(): boolean {
    return this.value !== undefined;
  }

  /** Loads it (once); the host updates when it is ready or has failed. */
  load(): Promise<T> {
    this.#loading ??= this.importer().then(
      (value) => {
        this.value = value;
        this.error = undefined;
        this.host.requestUpdate();
        return value;
      },
      (cause: unknown) => {
        this.#loading = undefined; // the retry button loads again, and so does the browser coming back online
        this.error = new PeerError({ kind: navigator.onLine === false ? 'offline' : 'network', cause });
        addEventListener('online', this.preload, { once: true });
        this.host.requestUpdate();
        throw this.error;
      },
    );
    return this.#loading;
  }

  /** Starts loading without waiting, for `pointerenter` / `focus` on what opens it. */
  readonly preload = () => void this.load().catch(() => {});

  /**
   * `template` once it is ready; until then a loading line (and loading starts), or the error
   * with a retry (`retry`, when the host has more to do than load, such as moving focus).
   */
  render(localize: LocalizeController<object>, template: () => unknown, retry: () => void = this.preload): unknown {
    if (this.ready) return template();
    if (this.error) return renderError(localize, localize.term('common.partFailed'), this.error, retry);
    this.preload();
    return html`<p class="lazy-loading" role="status">${localize.term('common.loading')}</p>` as TemplateResult;
  }
}

/**
 * An element that another renders only after the reader asks for it (the kudos composer behind
 * "Give kudos", an expert's mentor card in the skill map, the people picker of a feedback form
 * without a recipient). Its code loads as a `LazyPart`'s does, and it is then defined under the
 * host's tag prefix.
 */
export class LazyElement extends LazyPart<typeof PeerElement> {
  #staticTag?: StaticValue;

  constructor(host: PeerElement, importer: () => Promise<typeof PeerElement>) {
    const prefix = () => (host.constructor as typeof PeerElement).prefix;
    super(host, () =>
      importer().then((element) => {
        element.define(element.tagWith(prefix()));
        return element;
      }),
    );
  }

  /** Its tag under the host's prefix, for `lit/static-html.js` templates. Only once `ready`. */
  get tag(): StaticValue {
    const prefix = (this.host.constructor as typeof PeerElement).prefix;
    this.#staticTag ??= unsafeStatic(this.value!.tagWith(prefix));
    return this.#staticTag;
  }
}
