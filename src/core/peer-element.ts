import { LitElement, type PropertyDeclarations } from 'lit';
import { unsafeStatic, type StaticValue } from 'lit/static-html.js';
import type { PeerError } from './errors.js';
import { languagePending } from './i18n/localize.js';

export type PeerTheme = 'light' | 'dark' | 'contrast' | 'auto';

/** Every event a Peerkit element fires, by name, with its `detail`. */
export interface PeerEventDetails {
  'peer-error': { error: PeerError; retry?: () => void };
}

/** A bubbling, composed event that crosses shadow roots, as every Peerkit event is. */
export function peerEvent<K extends keyof PeerEventDetails>(name: K, detail: PeerEventDetails[K], cancelable = false) {
  return new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable });
}

/**
 * What every Peerkit element shares: idempotent registration under any tag name, the theme
 * attribute, and typed events. Everything else lives in controllers that an element adds.
 */
export class PeerElement extends LitElement {
  /** @internal The tag `define()` uses when none is given. */
  static defaultTag = '';

  /** @internal The elements this one renders inside itself; `define()` registers them under the same prefix. */
  static dependencies: (typeof PeerElement)[] = [];

  /** @internal The prefix this class was registered under (`peer` unless another was chosen). */
  static prefix = 'peer';

  /**
   * Registers the element, and the elements it renders inside itself under the same prefix:
   * `PeerMentorCard.define('acme-mentor-card')` also defines `acme-person`. A tag that is already
   * defined is left alone, so a second copy of the library on a page does not throw.
   */
  static define(tag?: string, registry: CustomElementRegistry = customElements): string {
    const name = tag ?? this.defaultTag;
    const ownName = this.defaultTag.replace(/^peer-/, '');
    const prefix = name.endsWith(`-${ownName}`) ? name.slice(0, -ownName.length - 1) : 'peer';
    if (!registry.get(name)) {
      // A class can be registered once only; under a second name, register a subclass.
      const taken = registry.getName?.(this) != null;
      const element = taken ? class extends this {} : this;
      element.prefix = prefix;
      registry.define(name, element);
    }
    for (const dependency of this.dependencies) dependency.define(dependency.tagWith(prefix), registry);
    return name;
  }

  /** @internal This element's tag under a prefix. */
  static tagWith(prefix: string) {
    return `${prefix}-${this.defaultTag.replace(/^peer-/, '')}`;
  }

  private static staticTags?: Map<typeof PeerElement, StaticValue>;

  /**
   * @internal The tag of an element this one renders inside, under this element's prefix, for
   * templates from `lit/static-html.js`.
   */
  protected tagOf(element: typeof PeerElement): StaticValue {
    const own = this.constructor as typeof PeerElement;
    if (!Object.hasOwn(own, 'staticTags')) own.staticTags = new Map();
    let value = own.staticTags!.get(element);
    if (!value) {
      value = unsafeStatic(element.tagWith(own.prefix));
      own.staticTags!.set(element, value);
    }
    return value;
  }

  override connectedCallback() {
    super.connectedCallback();
    // Registered without define() (customElements.define by hand): the inner elements still get their tags.
    const own = this.constructor as typeof PeerElement;
    for (const dependency of own.dependencies) dependency.define(dependency.tagWith(own.prefix));
  }

  static override properties: PropertyDeclarations = {
    theme: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  /** `light` (default), `dark`, `contrast` (black and white, yellow accent), or `auto` to follow the reader's preferences. */
  theme?: PeerTheme;

  /**
   * The level (1 to 6) of the element's own headings, to fit the page's outline: its title, or, in
   * an element without one (a mentor card), its section headings; headings under those go one
   * level deeper. Unset, a title is a level 2 heading and a section a level 3.
   */
  headingLevel?: number;

  /** Waits, before rendering, for the strings of the element's language when they are still loading. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = languagePending(this);
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /**
   * Fires a bubbling, composed `CustomEvent`. Returns false when a listener called
   * `preventDefault()` on a cancelable one.
   */
  emit<K extends keyof PeerEventDetails>(
    name: K,
    detail: PeerEventDetails[K],
    options: { cancelable?: boolean } = {},
  ): boolean {
    return this.dispatchEvent(peerEvent(name, detail, options.cancelable ?? false));
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'peer-error': CustomEvent<PeerEventDetails['peer-error']>;
  }
}
