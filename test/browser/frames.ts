import type { MentorProfile } from '../../src/contract/mentors.js';
import { apiUrl, tokenOf, widgetPage } from './helpers.js';

/*
 * Widgets in frames: two frames are two documents of one origin, as two tabs are (storage events
 * and BroadcastChannel messages go from each to the other), and a frame can really be reloaded.
 */

/** A call to the test server's API as `as`. */
export async function api<T>(path: string, as: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${apiUrl}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${tokenOf(as)}`, 'Content-Type': 'application/json', ...init.headers },
  });
  return (await response.json()) as T;
}

export function typeInto(field: HTMLInputElement | HTMLTextAreaElement, text: string) {
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** One widget in a frame of its own, which the test can reload. */
export async function framed(
  tag: string,
  personId: string,
  attributes: Record<string, string> = {},
  /** Raw page parameters: `count`, and `attrN.name` for the N-th element's own attributes. */
  page: Record<string, string> = {},
) {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 900px; height: 900px';
  const query = new URLSearchParams({ api: apiUrl, token: tokenOf(personId), tag });
  for (const [name, value] of Object.entries(attributes)) query.set(`attr.${name}`, value);
  for (const [name, value] of Object.entries(page)) query.set(name, value);
  frame.src = widgetPage(query);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return {
    element: <T extends Element>() => frame.contentDocument?.querySelector<T>(tag) ?? null,
    elements: <T extends Element>() => [...(frame.contentDocument?.querySelectorAll<T>(tag) ?? [])],
    async reload() {
      const again = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      frame.contentWindow!.location.reload();
      await again;
    },
    remove: () => frame.remove(),
    /** Runs axe inside the frame (axe checks elements of its own document). */
    async axeViolations(element: Element) {
      const win = frame.contentWindow as Window & { axe?: { run: (el: Element) => Promise<AxeResult> } };
      if (!win.axe) {
        const script = frame.contentDocument!.createElement('script');
        script.src = '/node_modules/axe-core/axe.min.js';
        const ready = new Promise((resolve) => script.addEventListener('load', resolve, { once: true }));
        frame.contentDocument!.head.append(script);
        await ready;
      }
      const result = await win.axe!.run(element);
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
    },
  };
}

/** One widget in two frames: two documents of one origin, as two tabs are; storage events go from each to the other. */
export const twoTabs = async (tag: string, personId: string, attributes: Record<string, string> = {}) => [
  await framed(tag, personId, attributes),
  await framed(tag, personId, attributes),
];

/**
 * A mentor, not `mentee`, who takes requests, has room for one more and has no open request from
 * them (the seed has some, and tests before this one may have accepted others).
 */
export async function mentorWithRoom(mentee: string) {
  const { items } = await api<{ items: MentorProfile[] }>('/mentors?available=true&limit=100', mentee);
  return items.find((m) => m.id !== mentee && m.activeMentees + 1 < m.capacity && !m.yourRequest)!;
}

interface AxeResult {
  violations: { id: string; nodes: { html: string }[] }[];
}
