import type { ReactiveControllerHost } from 'lit';

/*
 * What one tab saved, the page's other tabs (same origin) show: a message on a BroadcastChannel,
 * named by kind, carries it with the storage scope of the backend it came from. Without
 * BroadcastChannel nothing is told, and each tab shows what it loaded.
 */

const channelOf = (kind: string) =>
  typeof BroadcastChannel === 'function' ? new BroadcastChannel(`peerkit:${kind}`) : undefined;

/** Tells the other tabs of this origin about `data` (of a backend's storage scope). */
export function tellTabs(kind: string, scope: string | undefined, data: unknown) {
  const channel = channelOf(kind);
  channel?.postMessage({ scope: scope ?? 'default', data });
  channel?.close();
}

/** Makes `listener` hear, while `host` is on the page, what other tabs tell about `kind` for `scope()`. */
export function onTabMessages(
  host: ReactiveControllerHost,
  kind: string,
  scope: () => string | undefined,
  listener: (data: unknown) => void,
) {
  let channel: BroadcastChannel | undefined;
  host.addController({
    hostConnected: () => {
      channel = channelOf(kind);
      channel?.addEventListener('message', ({ data }: MessageEvent<{ scope: string; data: unknown }>) => {
        if (data.scope === (scope() ?? 'default')) listener(data.data);
      });
    },
    hostDisconnected: () => channel?.close(),
  });
}
