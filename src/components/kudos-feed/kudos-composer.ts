import { PeerKudosComposer } from './kudos-composer.component.js';

export { PeerKudosComposer };

PeerKudosComposer.define();

declare global {
  interface HTMLElementTagNameMap {
    'peer-kudos-composer': PeerKudosComposer;
  }
  interface GlobalEventHandlersEventMap {
    'peer-kudos-sending': CustomEvent<import('../../core/peer-element.js').PeerEventDetails['peer-kudos-sending']>;
    'peer-kudos-sent': CustomEvent<import('../../core/peer-element.js').PeerEventDetails['peer-kudos-sent']>;
    'peer-kudos-failed': CustomEvent<import('../../core/peer-element.js').PeerEventDetails['peer-kudos-failed']>;
  }
}
