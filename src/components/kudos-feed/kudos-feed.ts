import { PeerKudosFeed } from './kudos-feed.component.js';
import './kudos-composer.js';

export { PeerKudosFeed };

PeerKudosFeed.define();

declare global {
  interface HTMLElementTagNameMap {
    'peer-kudos-feed': PeerKudosFeed;
  }
}
