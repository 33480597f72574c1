import { html, type TemplateResult } from 'lit';
import { unsafeStatic, type StaticValue } from 'lit/static-html.js';
import type { LocalizeController } from './i18n/localize.js';
import { renderError } from './error-view.js';
import { PeerError } from './errors.js';
import type { PeerElement } from './peer-element.js';

/**
 * An element that another renders only after the reader asks for it (the kudos composer behind
 * "Give kudos", an expert's mentor card in the skill map, the people picker of a feedback form
 * without a recipient). Its code loads the first time it is needed, or earlier when the reader
 * points at or focuses what opens it, and it is then defined under the host's tag prefix. Until it
 * is there the host shows a loading line; if it cannot be loaded, an error with a retry button.
 */
export class LazyElement {
  #element?: typeof PeerElement;
  #loading?: Promise<void>;
  #staticTag?: StaticValue;
  error?: PeerError;

  constructor(
    private readonly host: PeerElement,
    private readonly importer: () => Promise<typeof PeerElement>,
  ) {}

  /** Whether its tag is defined and it can be rendered. */
  get ready(): boolean {
    return this.#element !== undefined;
  }

  /** Its tag under the host's prefix, for `lit/static-html.js` templates. Only once `ready`. */
  get tag(): StaticValue {
    const prefix = (this.host.constructor as typeof PeerElement).prefix;
    this.#staticTag ??= unsafeStatic(this.#element!.tagWith(prefix));
    return this.#staticTag;
  }

  /** Loads and defines it (once); the host updates when it is ready or has failed. */
  load(): Promise<void> {
    this.#loading ??= this.importer().then(
      (element) => {
        element.define(element.tagWith((this.host.constructor as typeof PeerElement).prefix));
        this.#element = element;
        this.error = undefined;
        this.host.requestUpdate();
      },
      (cause: unknown) => {
        this.#loading = undefined; // the retry button loads again
        this.error = new PeerError({ kind: navigator.onLine === false ? 'offline' : 'network', cause });
        this.host.requestUpdate();
        throw this.error;
      },
    );
    return this.#loading;
  }

  /** Starts loading without waiting, for `pointerenter` / `focus` on what opens it. */
  readonly preload = () => void this.load().catch(() => {});

  /**
   * The element from `template` once it is ready; until then a loading line (and loading starts),
   * or the error with a retry.
   */
  render(localize: LocalizeController<object>, template: () => unknown): unknown {
    if (this.ready) return template();
    if (this.error) {
      return renderError(localize, localize.term('common.partFailed'), this.error, () => this.preload());
    }
    this.preload();
    return html`<p class="lazy-loading" role="status">${localize.term('common.loading')}</p>` as TemplateResult;
  }
}
