import { PeerMentorMatches } from './mentor-matches.component.js';

export { PeerMentorMatches };

PeerMentorMatches.define();

declare global {
  interface HTMLElementTagNameMap {
    'peer-mentor-matches': PeerMentorMatches;
  }
}
