import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { commonMessages, type CommonMessages } from './en-common.js';
import type { Messages } from './en.js';

type Catalog = Partial<Messages>;
type Message = string | ((...args: never[]) => string);

/** Strings registered at run time (`registerTranslation`) and the built-in languages once loaded. */
const catalogs = new Map<string, Catalog>();
/**
 * The languages that ship with Peerkit besides English. Each is a separate file, loaded the first
 * time a widget on the page speaks it, so that English pages never download them.
 */
const builtIn: Record<string, () => Promise<Catalog>> = {
  de: () => import('./de.js').then((m) => m.de),
  ar: () => import('./ar.js').then((m) => m.ar),
};
/** Each shipped language: loading (the promise), in place, or failed (and when to try again). */
const loading = new Map<string, Promise<void> | 'done' | { retryAt: number }>();
/** A failed language is tried again after this long, or at once when the browser is back online. */
const RETRY_MS = 30_000;
const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv']);
const controllers = new Set<LocalizeController<object>>();
/** Intl formatters are costly to create; a feed of 1,000 items would make thousands. */
const formatters = new Map<string, unknown>();
function cachedFormatter<T>(key: string, create: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = create();
    formatters.set(key, formatter);
  }
  return formatter;
}
/**
 * What in a value can turn the sentence around it, by the sentence's direction: letters written
 * the other way, and the invisible bidi controls (an override such as U+202E in a hostile name).
 * Right-to-left letters are those of the blocks Unicode gives to right-to-left scripts: Hebrew,
 * Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic and their presentation forms, and the historic
 * and newer ones (Adlam, Hanifi Rohingya…) above U+10800.
 */
const OTHER_WAY = {
  ltr: /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}\u200e-\u202e\u2066-\u2069]/u,
  rtl: /[^\P{L}\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]|[\u200e-\u202e\u2066-\u2069]/u,
};

/**
 * A value put into a sentence (a name, a skill) that has letters of the other direction, or bidi
 * controls, keeps its own direction, so that an Arabic name does not reorder an English sentence
 * around it, nor "C#" read "#C" in an Arabic one, nor an override in a name reverse the rest
 * (first strong isolate, U+2068 … U+2069). Other values stay as they are: nothing invisible in the
 * common case, to copy or to match in a test.
 */
export const isolate = (text: string, dir: 'ltr' | 'rtl') => (OTHER_WAY[dir].test(text) ? `\u2068${text}\u2069` : text);

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

/** The languages Peerkit speaks without help: English, those it ships, and those registered. */
export function registeredLanguages(): string[] {
  return [...new Set(['en', ...Object.keys(builtIn), ...catalogs.keys()])];
}

/**
 * Starts loading a shipped language the first time it is needed; the promise settles when its
 * strings are in place or the load failed. `undefined` when there is nothing to wait for.
 * After a failure the widgets speak English, the console says so once, and the file is asked for
 * again in the background (when the browser is back online, or on the next render 30 s later);
 * when it arrives, the widgets switch to it.
 */
export function loadLanguage(lang: string): Promise<void> | undefined {
  const base = lang.split('-')[0].toLowerCase();
  const load = builtIn[base];
  const state = loading.get(base);
  if (!load || state === 'done') return undefined;
  if (state instanceof Promise) return state;
  if (state && Date.now() < state.retryAt) return undefined;
  const attempt = load().then(
    // Strings registered before the file arrived win over the shipped ones.
    (catalog) => {
      catalogs.set(base, { ...catalog, ...catalogs.get(base) });
      loading.set(base, 'done');
      for (const controller of controllers) controller.host.requestUpdate();
    },
    (error: unknown) => {
      if (!state) console.warn(`Peerkit could not load its "${base}" strings; showing English.`, error);
      loading.set(base, { retryAt: Date.now() + RETRY_MS });
      if (typeof window !== 'undefined') window.addEventListener('online', () => retryNow(base), { once: true });
    },
  );
  if (!state) {
    loading.set(base, attempt);
    return attempt;
  }
  // A retry runs in the background: the widgets already speak English and need not wait for it.
  loading.set(base, { retryAt: Infinity });
  return undefined;
}

function retryNow(base: string) {
  const state = loading.get(base);
  if (state && typeof state === 'object' && !(state instanceof Promise) && state.retryAt !== Infinity) {
    loading.set(base, { retryAt: 0 });
    void loadLanguage(base);
  }
}

const hosts = new WeakMap<HTMLElement, LocalizeController<object>>();

/**
 * @internal What an element must wait for before it renders: the strings of the language it
 * speaks, when they are still loading. Elements wait rather than flash English first.
 */
export function languagePending(host: HTMLElement): Promise<void> | undefined {
  // Looked up afresh: the page may have changed `lang` since the last render.
  return hosts.has(host) ? loadLanguage(closestAttribute(host, 'lang') ?? 'en') : undefined;
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
export class LocalizeController<M extends object = object> implements ReactiveController {
  /**
   * @param english the element's own English strings (its `en-<area>.ts`), the last fallback;
   *   the strings every widget shares come with the controller.
   */
  constructor(
    readonly host: ReactiveControllerHost & HTMLElement,
    private readonly english: M = {} as M,
  ) {
    host.addController(this);
    hosts.set(host, this as LocalizeController<object>);
  }

  hostConnected() {
    // Moved elsewhere on the page, perhaps into another language.
    this.#cachedLang = this.#cachedDir = undefined;
    controllers.add(this);
    observeDocument();
  }

  hostDisconnected() {
    controllers.delete(this);
  }

  #cachedLang?: string;
  #cachedDir?: 'ltr' | 'rtl';

  /** Looked up again before each render (a page may change `lang` at any time). */
  hostUpdate() {
    this.#cachedLang = this.#cachedDir = undefined;
    // Peerkit's elements waited for the language already; any other element renders English until it
    // arrives, then updates.
    void loadLanguage(this.lang);
  }

  /** The BCP 47 language the element speaks, as set on the page. */
  get lang(): string {
    this.#cachedLang ??= closestAttribute(this.host, 'lang') ?? 'en';
    return this.#cachedLang;
  }

  /**
   * The language of numbers, dates, lists and plural forms: the page's where Peerkit has words in
   * it (shipped and loaded, or registered), else English, the language of the sentences they go into. A French
   * page without French strings reads "3 hours ago", not "il y a 3 heures" among English words.
   */
  get #intl(): string {
    const lang = this.lang;
    const base = lang.split('-')[0].toLowerCase();
    return base === 'en' || catalogs.has(lang.toLowerCase()) || catalogs.has(base) ? lang : 'en';
  }

  /** The page's `dir` where it sets one, else `rtl` for right-to-left languages. */
  get dir(): 'ltr' | 'rtl' {
    this.#cachedDir ??= this.#findDir();
    return this.#cachedDir;
  }

  #findDir(): 'ltr' | 'rtl' {
    const explicit = closestAttribute(this.host, 'dir');
    if (explicit === 'rtl' || explicit === 'ltr') return explicit;
    return RTL_LANGUAGES.has(this.lang.split('-')[0].toLowerCase()) ? 'rtl' : 'ltr';
  }

  term<K extends keyof (M & CommonMessages)>(
    key: K,
    ...args: (M & CommonMessages)[K] extends (...a: infer P) => string ? P : []
  ): string {
    const lang = this.lang.toLowerCase();
    const k = key as keyof Catalog;
    const message: Message | undefined =
      catalogs.get(lang)?.[k] ??
      catalogs.get(lang.split('-')[0])?.[k] ??
      catalogs.get('en')?.[k] ??
      (this.english as Record<PropertyKey, Message>)[key] ??
      (commonMessages as Record<PropertyKey, Message>)[key];
    return typeof message === 'function'
      ? (message as (...a: unknown[]) => string)(
          ...args.map((arg) => (typeof arg === 'string' ? isolate(arg, this.dir) : arg)),
        )
      : (message ?? '');
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    const lang = this.#intl;
    return cachedFormatter(
      `n|${lang}|${options ? JSON.stringify(options) : ''}`,
      () => new Intl.NumberFormat(lang, options),
    ).format(value);
  }

  date(value: Date | string | number, options?: Intl.DateTimeFormatOptions): string {
    const lang = this.#intl;
    const format = cachedFormatter(
      `d|${lang}|${JSON.stringify(options)}`,
      () => new Intl.DateTimeFormat(lang, options),
    );
    return format.format(new Date(value));
  }

  /**
   * "3 hours ago", "in 2 days": the largest unit that fits. With `past`, a time ahead of `now` (the
   * server's clock ahead of the reader's) reads "now": what has happened is never "in 3 minutes".
   */
  relativeTime(value: Date | string | number, now = Date.now(), past?: boolean): string {
    let seconds = Math.round((new Date(value).getTime() - now) / 1000);
    if (past && seconds > 0) seconds = 0;
    const units: [Intl.RelativeTimeFormatUnit, number][] = [
      ['year', 31_536_000],
      ['month', 2_592_000],
      ['week', 604_800],
      ['day', 86_400],
      ['hour', 3_600],
      ['minute', 60],
    ];
    const lang = this.#intl;
    const format = cachedFormatter(`r|${lang}`, () => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }));
    for (const [unit, size] of units) {
      if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
    }
    return format.format(seconds, 'second');
  }

  /** The plural category of `count` in this language, for choosing a message. */
  plural(count: number): Intl.LDMLPluralRule {
    const lang = this.#intl;
    return cachedFormatter(`p|${lang}`, () => new Intl.PluralRules(lang)).select(count);
  }

  /** “A, B and C” in this language. */
  list(items: string[], type: Intl.ListFormatType = 'conjunction'): string {
    const lang = this.#intl;
    return cachedFormatter(`l|${lang}|${type}`, () => new Intl.ListFormat(lang, { type })).format(items);
  }
}
