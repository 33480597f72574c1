import { PeerKudosFeed } from './kudos-feed.component.js';

export { PeerKudosFeed };

PeerKudosFeed.define();

declare global {
  interface HTMLElementTagNameMap {
    'peer-kudos-feed': PeerKudosFeed;
  }
}
