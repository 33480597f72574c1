import type { ReactiveControllerHost } from 'lit';
import type { PeerBackend } from './backend.js';
import type { PeerElement, PeerEventDetails } from './peer-element.js';

/*
 * What one tab saved, the origin's other tabs show: a widget that fires an event of something saved
 * (a request sent, a rating, a profile) also tells it on a BroadcastChannel, with the storage scope
 * of its backend, and widgets of the same backend in other tabs hear it as an event of their own
 * page. Without BroadcastChannel nothing is told, and each tab shows what it loaded.
 */

interface TabMessage {
  tab: string;
  scope: string;
  name: string;
  detail: unknown;
}

const channel = () => (typeof BroadcastChannel === 'function' ? new BroadcastChannel('peerkit:events') : undefined);

/** This tab, one per window (shared by two copies of the library), so that it does not hear itself. */
const tab = ((globalThis as { peerkitTab?: string }).peerkitTab ??= Math.random().toString(36));

/** Fires `name` from `host`, and tells it to the widgets on the same backend in the origin's other tabs. */
export function emitInAllTabs<K extends keyof PeerEventDetails>(
  host: PeerElement,
  scope: string | undefined,
  name: K,
  detail: PeerEventDetails[K],
) {
  host.emit(name, detail);
  const out = channel();
  try {
    out?.postMessage({ tab, scope: scope ?? 'default', name, detail } satisfies TabMessage);
  } catch {
    // A detail no message can carry (a backend's objects with functions in them): not told.
  }
  out?.close();
}

/**
 * Makes `listener` hear, while `host` is on the page, the events `names` told by widgets on the
 * same backend in other tabs, as a `CustomEvent` with their detail. The backend's cached answers go
 * first: they may be what changed.
 */
export function onTabEvents(
  host: ReactiveControllerHost,
  names: readonly string[],
  backend: () => PeerBackend,
  listener: (event: Event) => void,
) {
  let open: BroadcastChannel | undefined;
  host.addController({
    hostConnected: () => {
      open = channel();
      open?.addEventListener('message', ({ data }: MessageEvent<TabMessage>) => {
        // (Anything else on this channel, from another script, is not for us.)
        if (!names.includes(data?.name) || data.tab === tab || data.scope !== (backend().storageScope ?? 'default'))
          return;
        backend().clearCache?.();
        listener(new CustomEvent(data.name, { detail: data.detail }));
      });
    },
    hostDisconnected: () => open?.close(),
  });
}
