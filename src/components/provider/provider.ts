import { PeerProvider } from './provider.component.js';

export { PeerProvider };

PeerProvider.define();

declare global {
  interface HTMLElementTagNameMap {
    'peer-provider': PeerProvider;
  }
}
