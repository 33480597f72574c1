import { PeerFeedbackInbox } from './feedback-inbox.component.js';

export { PeerFeedbackInbox };

PeerFeedbackInbox.define();

declare global {
  interface HTMLElementTagNameMap {
    'peer-feedback-inbox': PeerFeedbackInbox;
  }
}
