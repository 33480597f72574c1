import { PeerMentorSettings } from './mentor-settings.component.js';

export { PeerMentorSettings };

PeerMentorSettings.define();

declare global {
  interface HTMLElementTagNameMap {
    'peer-mentor-settings': PeerMentorSettings;
  }
  interface GlobalEventHandlersEventMap {
    'peer-mentor-profile-changed': CustomEvent<
      import('../../core/peer-element.js').PeerEventDetails['peer-mentor-profile-changed']
    >;
  }
}
