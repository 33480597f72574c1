import { expect, fixture } from '@open-wc/testing';
import { html, ReactiveElement } from 'lit';
import type { PeerBackend } from '../../src/core/backend.js';
import { configure } from '../../src/core/config.js';
import { PeerError } from '../../src/core/errors.js';
import { MemoryBackend } from '../../src/testing/memory-backend.js';
import { settled, widgets } from './fixtures/widget-states.js';
import { apiUrl, deepElements, tokenOf, until } from './helpers.js';

/** `backend`, writing down the name of each method called on it. */
function counting(backend: PeerBackend, calls: string[]): PeerBackend {
  return new Proxy(backend, {
    get(target, key) {
      const value = Reflect.get(target, key, target) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(key));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

const frames = (n: number) =>
  new Promise<void>((resolve) => {
    const step = () => (--n <= 0 ? resolve() : requestAnimationFrame(step));
    requestAnimationFrame(step);
  });

/*
 * A widget taken off the page (a single-page app leaving a view) asks its backend nothing, even
 * when an update was still queued as it left: a resize it had yet to take in, or a new backend
 * from configure(). Put back, it loads from the backend it has then.
 */
describe('a widget taken off the page', () => {
  for (const { name, template, done } of widgets) {
    it(`${name}: asks nothing while away, and loads from the new backend when put back`, async () => {
      configure({ baseUrl: apiUrl, headers: { Authorization: `Bearer ${tokenOf('u0001')}` }, retries: 0 });
      const box = await fixture<HTMLDivElement>(html`<div>${template}</div>`);
      await until(settled(box, done), name);
      const parent = box.parentElement!;
      box.remove();
      const calls: string[] = [];
      configure({ backend: counting(new MemoryBackend({ meId: 'u0001', storageScope: `away-${Date.now()}` }), calls) });
      // Updates queued as it left, in the widget and in the elements it draws.
      const elements = [...deepElements(box)].filter((el): el is ReactiveElement => el instanceof ReactiveElement);
      for (const el of elements) el.requestUpdate();
      await Promise.all(elements.map((el) => el.updateComplete));
      await frames(3);
      expect(calls, 'called while off the page').to.deep.equal([]);
      parent.append(box);
      await until(() => calls.length > 0, 'a load from the new backend');
      await until(settled(box, done), `${name} from the new backend`);
    });
  }

  it('loads again once put back, not while away, when the browser came back online meanwhile', async () => {
    const backend = new MemoryBackend({ meId: 'u0001', fail: new PeerError({ kind: 'network' }) });
    configure({ backend });
    const box = await fixture<HTMLDivElement>(html`<div><peer-person person-id="u0004"></peer-person></div>`);
    const el = box.firstElementChild!;
    const shown = (selector: string) => !!el.shadowRoot!.querySelector(selector);
    await until(() => shown('[part~="retry-button"]'), 'the error state');
    const parent = box.parentElement!;
    box.remove();
    backend.fail = undefined;
    const calls = () => Object.values(backend.calls).reduce((sum, n) => sum + n, 0);
    const before = calls();
    window.dispatchEvent(new Event('online'));
    await frames(3);
    expect(calls(), 'calls while away').to.equal(before);
    parent.append(box);
    await until(() => shown('[part~="name"]'), 'the person once back');
  });
});
