import { PeerPerson } from './person.component.js';

export { PeerPerson };
export { initialsOf } from './person.component.js';

PeerPerson.define();

declare global {
  interface HTMLElementTagNameMap {
    'peer-person': PeerPerson;
  }
}
