import { PeerKudosFeed } from './kudos-feed.component.js';

export { PeerKudosFeed };

PeerKudosFeed.define();

declare global {
  interface HTMLElementTagNameMap {
    'peer-kudos-feed': PeerKudosFeed;
  }
  interface GlobalEventHandlersEventMap {
    'peer-kudos-deleted': CustomEvent<import('../../core/peer-element.js').PeerEventDetails['peer-kudos-deleted']>;
    'peer-kudos-edited': CustomEvent<import('../../core/peer-element.js').PeerEventDetails['peer-kudos-edited']>;
  }
}
