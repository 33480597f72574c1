import { PeerSkillMap } from './skill-map.component.js';

export { PeerSkillMap };

PeerSkillMap.define();

declare global {
  interface HTMLElementTagNameMap {
    'peer-skill-map': PeerSkillMap;
  }
  interface GlobalEventHandlersEventMap {
    'peer-skill-rated': CustomEvent<import('../../core/peer-element.js').PeerEventDetails['peer-skill-rated']>;
    'peer-expert-selected': CustomEvent<import('../../core/peer-element.js').PeerEventDetails['peer-expert-selected']>;
  }
}
