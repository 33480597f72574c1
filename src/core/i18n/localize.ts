import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ar } from './ar.js';
import { de } from './de.js';
import { en, type MessageKey, type Messages } from './en.js';

type Catalog = Partial<Messages>;

const catalogs = new Map<string, Catalog>([
  ['en', en],
  ['de', de],
  ['ar', ar],
]);
const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv']);
const controllers = new Set<LocalizeController>();
let documentObserver: MutationObserver | undefined;

/**
 * Adds or overrides strings of a language at run time; widgets on the page update at once.
 * Keys missing from a language fall back to its base language (`de` for `de-CH`), then English.
 */
export function registerTranslation(lang: string, messages: Catalog) {
  const key = lang.toLowerCase();
  catalogs.set(key, { ...catalogs.get(key), ...messages });
  for (const controller of controllers) controller.host.requestUpdate();
}

/** The languages with at least one registered string. */
export function registeredLanguages(): string[] {
  return [...catalogs.keys()];
}

function observeDocument() {
  if (documentObserver || typeof MutationObserver === 'undefined') return;
  documentObserver = new MutationObserver(() => {
    for (const controller of controllers) controller.host.requestUpdate();
  });
  documentObserver.observe(document.documentElement, {
    attributes: true,
    subtree: true,
    attributeFilter: ['lang', 'dir'],
  });
}

/** The value of `attribute` on the element's closest ancestor that has it, looking through shadow roots. */
function closestAttribute(element: Element, attribute: string): string | undefined {
  let node: Element | null = element;
  while (node) {
    const found: Element | null = node.closest(`[${attribute}]`);
    if (found) return found.getAttribute(attribute) || undefined;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return undefined;
}

/**
 * Every user-visible string of a widget comes through here, in the language of the element's
 * closest `lang` (else the document's, else English); numbers, dates and relative times use
 * `Intl` in the same language.
 */
export class LocalizeController implements ReactiveController {
  constructor(readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected() {
    controllers.add(this);
    observeDocument();
  }

  hostDisconnected() {
    controllers.delete(this);
  }

  /** The BCP 47 language the element speaks, as set on the page. */
  get lang(): string {
    return closestAttribute(this.host, 'lang') ?? 'en';
  }

  /** The page's `dir` where it sets one, else `rtl` for right-to-left languages. */
  get dir(): 'ltr' | 'rtl' {
    const explicit = closestAttribute(this.host, 'dir');
    if (explicit === 'rtl' || explicit === 'ltr') return explicit;
    return RTL_LANGUAGES.has(this.lang.split('-')[0].toLowerCase()) ? 'rtl' : 'ltr';
  }

  term<K extends MessageKey>(key: K, ...args: Messages[K] extends (...a: infer P) => string ? P : []): string {
    const lang = this.lang.toLowerCase();
    const message =
      catalogs.get(lang)?.[key] ?? catalogs.get(lang.split('-')[0])?.[key] ?? catalogs.get('en')?.[key] ?? en[key];
    return typeof message === 'function' ? (message as (...a: unknown[]) => string)(...args) : message;
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    return new Intl.NumberFormat(this.lang, options).format(value);
  }

  date(value: Date | string | number, options?: Intl.DateTimeFormatOptions): string {
    return new Intl.DateTimeFormat(this.lang, options).format(new Date(value));
  }

  /** "3 hours ago", "in 2 days": the largest unit that fits. */
  relativeTime(value: Date | string | number, now = Date.now()): string {
    const seconds = Math.round((new Date(value).getTime() - now) / 1000);
    const units: [Intl.RelativeTimeFormatUnit, number][] = [
      ['year', 31_536_000],
      ['month', 2_592_000],
      ['week', 604_800],
      ['day', 86_400],
      ['hour', 3_600],
      ['minute', 60],
    ];
    const format = new Intl.RelativeTimeFormat(this.lang, { numeric: 'auto' });
    for (const [unit, size] of units) {
      if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
    }
    return format.format(seconds, 'second');
  }

  /** The plural category of `count` in this language, for choosing a message. */
  plural(count: number): Intl.LDMLPluralRule {
    return new Intl.PluralRules(this.lang).select(count);
  }
}
