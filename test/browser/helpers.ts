import './readable-failures.js';
import { sendKeys } from '@web/test-runner-commands';
import { configure } from '../../src/core/config.js';
import { RestBackend, type RestBackendOptions } from '../../src/core/rest/rest-backend.js';

declare global {
  interface Window {
    PEERKIT_TEST_SERVER: string;
  }
}

/** The origin of the reference server the test run started. */
export const serverOrigin = window.PEERKIT_TEST_SERVER;
export const apiUrl = `${serverOrigin}/api`;

export type { LoggedRequest } from '../../server/test-hooks.js';
import type { LoggedRequest } from '../../server/test-hooks.js';

/** Forgets the server's request log and any faults left over, and sets its feedback clock back to now. */
export async function resetServer() {
  await fetch(`${serverOrigin}/__test/requests`, { method: 'DELETE' });
}

/** Moves the server's feedback clock `days` on from now, as when a week is over (0: back to now). */
export async function moveClock(days: number) {
  const response = await fetch(`${serverOrigin}/__test/clock`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ days }),
  });
  if (!response.ok) throw new Error(`The clock did not move: ${response.status}`);
}

/** The test page a request came from: each test file runs in a page of its own session. */
const sessionOf = (page: string | null) => (page ? new URL(page).searchParams.get('wtr-session-id') : null);

/**
 * The address of the one-widget page (`fixtures/widget-page.ts`) for a frame of this test: it carries
 * this page's test session, so that what the frame sends counts as this test's.
 */
export function widgetPage(query: URLSearchParams): string {
  const session = sessionOf(location.href);
  if (session) query.set('wtr-session-id', session);
  return `/test/browser/fixtures/widget-page.html?${query}`;
}

/** Photos: images the browser fetches itself, lazily and from its own cache, not calls a widget makes. */
const PHOTOS = '/api/avatars/';

/**
 * What this page (or a frame it made with `widgetPage`) sent to the server since the last reset,
 * optionally only paths starting with `prefix`. A request from another page (one the file before
 * left running) does not count, nor does a photo unless `prefix` asks for photos.
 */
export async function serverRequests(prefix = '/api/'): Promise<LoggedRequest[]> {
  const response = await fetch(`${serverOrigin}/__test/requests`);
  const all = (await response.json()) as LoggedRequest[];
  const own = sessionOf(location.href);
  const photos = prefix.startsWith(PHOTOS);
  return all.filter(
    (r) =>
      r.path.startsWith(prefix) &&
      (photos || !r.path.startsWith(PHOTOS)) &&
      r.method !== 'OPTIONS' &&
      (own === null || sessionOf(r.page) === own),
  );
}

export interface Fault {
  method?: string;
  path: string;
  times?: number;
  status?: number;
  retryAfter?: string;
  type?: string;
  delayMs?: number;
  drop?: boolean;
  dropAfter?: boolean;
}

/** How many live kudos streams the test server holds open (for every page). */
export async function openStreams(): Promise<number> {
  return ((await (await fetch(`${serverOrigin}/__test/streams`)).json()) as { open: number }).open;
}

/** Makes the next matching request(s) fail at the server. */
export async function injectFault(fault: Fault) {
  const response = await fetch(`${serverOrigin}/__test/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(fault),
  });
  if (!response.ok) throw new Error(`fault refused: ${response.status}`);
}

export const tokenOf = (personId: string) => `demo-${personId}`;

/** Makes every widget's default backend the test server, signed in as `personId`, with short retry delays. */
export function signIn(personId: string, options = {}) {
  configure({ baseUrl: apiUrl, headers: { Authorization: `Bearer ${tokenOf(personId)}` }, retryDelay: 10, ...options });
}

/** The JSON answer to a GET of the test server's API as `as`. */
export async function getAs<T>(path: string, as = 'u0001'): Promise<T> {
  return (await call<T>(path, as)).body;
}

/** A JSON request to the test server's API as `as`: GET without a body, POST with one. */
export async function call<T>(path: string, as: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${apiUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${tokenOf(as)}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** A RestBackend on the test server, signed in as `personId`, with short retry delays. */
export function testBackend(options: RestBackendOptions = {}, personId = 'u0001') {
  return new RestBackend({
    baseUrl: apiUrl,
    headers: { Authorization: `Bearer ${tokenOf(personId)}` },
    retryDelay: 10,
    ...options,
  });
}

/** Waits until `check` is true, polling each animation frame; fails after `timeout` ms. */
export async function until(check: () => boolean, what = 'condition', timeout = 10_000) {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  }
}

/** Like `until`, for an asynchronous check (polled every 50 ms). */
export async function eventually(check: () => Promise<boolean>, what = 'condition', timeout = 10_000) {
  const start = performance.now();
  while (!(await check())) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The text a reader sees: without the invisible marks that keep a value's direction (U+2068, U+2069),
 * white space collapsed.
 */
export const shownText = (node: Node | null | undefined) =>
  (node?.textContent ?? '')
    .replace(/[\u2068\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The focused element, looking into shadow roots. */
export const deepActive = () => {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active as HTMLElement | null;
};

/** Every element under `root`, looking into shadow roots. */
export function* deepElements(root: Element | ShadowRoot): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deepElements(el.shadowRoot);
  }
}

/** The parent element, or the host of the shadow root the element is in. */
export const composedParent = (el: Element) =>
  el.parentElement ?? ((el.getRootNode() as ShadowRoot).host as Element | undefined);

/**
 * The browser says it is back online; resolves once a feedback form's queued send went out by
 * itself (`events` collects `submitted queued=true` from its `peer-feedback-submitted`) and the
 * form shows that it was sent.
 */
export async function backOnlineUntilSent(form: HTMLElement & { updateComplete: Promise<unknown> }, events: string[]) {
  window.dispatchEvent(new Event('online'));
  await until(() => events.includes('submitted queued=true'), 'delivered');
  await form.updateComplete;
  if (!form.shadowRoot!.querySelector('.sent')) throw new Error('the form does not say it was sent');
}

/** Shift+Tab: focus moves back one stop. */
export async function shiftTab() {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}
