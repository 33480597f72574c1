import type { ReactiveControllerHost } from 'lit';

/**
 * Makes `listener` hear, while `host` is on the page, what other widgets on the page tell: their
 * events bubble and cross shadow roots up to the window (a request sent from a mentor card,
 * feedback stored by a form). Widgets keep in step with each other this way, without a shared store.
 */
export function onPageEvents(host: ReactiveControllerHost, names: readonly string[], listener: (event: Event) => void) {
  host.addController({
    hostConnected: () => names.forEach((name) => addEventListener(name, listener)),
    hostDisconnected: () => names.forEach((name) => removeEventListener(name, listener)),
  });
}
