import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { PeerError } from './errors.js';

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

  /**
   * Registers the element. A tag that is already defined is left alone, so a second copy of
   * the library on a page does not throw; pass another tag to use a prefix of your own.
   */
  static define(tag?: string, registry: CustomElementRegistry = customElements): string {
    const name = tag ?? this.defaultTag;
    if (!registry.get(name)) {
      // A class can be registered once only; under a second name, register a subclass.
      const taken = registry.getName?.(this) != null;
      registry.define(name, taken ? class extends this {} : this);
    }
    return name;
  }

  /** `light` (default), `dark`, `contrast` (black and white, yellow accent), or `auto` to follow the reader's preferences. */
  @property({ reflect: true }) theme?: PeerTheme;

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
