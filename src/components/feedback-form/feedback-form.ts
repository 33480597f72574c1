import { PeerFeedbackForm } from './feedback-form.component.js';
import type { PeerEventDetails } from '../../core/peer-element.js';

export { PeerFeedbackForm };

PeerFeedbackForm.define();

declare global {
  interface HTMLElementTagNameMap {
    'peer-feedback-form': PeerFeedbackForm;
  }
  interface GlobalEventHandlersEventMap {
    'peer-feedback-sending': CustomEvent<PeerEventDetails['peer-feedback-sending']>;
    'peer-feedback-submitted': CustomEvent<PeerEventDetails['peer-feedback-submitted']>;
    'peer-feedback-queued': CustomEvent<PeerEventDetails['peer-feedback-queued']>;
    'peer-feedback-failed': CustomEvent<PeerEventDetails['peer-feedback-failed']>;
  }
}
