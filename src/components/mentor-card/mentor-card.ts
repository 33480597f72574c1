import { PeerMentorCard } from './mentor-card.component.js';

export { PeerMentorCard };

PeerMentorCard.define();

declare global {
  interface HTMLElementTagNameMap {
    'peer-mentor-card': PeerMentorCard;
  }
  interface GlobalEventHandlersEventMap {
    'peer-mentorship-requested': CustomEvent<
      import('../../core/peer-element.js').PeerEventDetails['peer-mentorship-requested']
    >;
    'peer-mentorship-answered': CustomEvent<
      import('../../core/peer-element.js').PeerEventDetails['peer-mentorship-answered']
    >;
  }
}
