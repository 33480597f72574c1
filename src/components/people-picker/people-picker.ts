import { PeerPeoplePicker } from './people-picker.component.js';

export { PeerPeoplePicker };

PeerPeoplePicker.define();

declare global {
  interface HTMLElementTagNameMap {
    'peer-people-picker': PeerPeoplePicker;
  }
}
