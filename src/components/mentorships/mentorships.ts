import { PeerMentorships } from './mentorships.component.js';

export { PeerMentorships };

PeerMentorships.define();

declare global {
  interface HTMLElementTagNameMap {
    'peer-mentorships': PeerMentorships;
  }
  interface GlobalEventHandlersEventMap {
    'peer-mentorship-withdrawn': CustomEvent<
      import('../../core/peer-element.js').PeerEventDetails['peer-mentorship-withdrawn']
    >;
    'peer-mentorship-ended': CustomEvent<
      import('../../core/peer-element.js').PeerEventDetails['peer-mentorship-ended']
    >;
  }
}
