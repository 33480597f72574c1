import { html } from 'lit';

export interface Confirmation {
  /** The id of the question, unique in the shadow root. */
  id: string;
  question: string;
  /** The button that does it, and the one that keeps things as they are. */
  act: string;
  keep: string;
  /** The id of what the action is about (a goal), for the action's description. */
  about: string;
  busy: boolean;
  onAct: () => void;
  onKeep: () => void;
}

/**
 * "Are you sure?" where the button that asked stood: the question, the action and the safe answer,
 * as a labelled group. Escape keeps it. The caller focuses `.keep` once it is drawn, and its own
 * button again once kept.
 */
export function renderConfirm(c: Confirmation) {
  return html`<span
    class="actions"
    role="group"
    aria-labelledby=${c.id}
    @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && c.onKeep()}
  >
    <span id=${c.id}>${c.question}</span>
    <button
      type="button"
      class="send confirm"
      aria-disabled=${c.busy ? 'true' : 'false'}
      aria-busy=${c.busy ? 'true' : 'false'}
      aria-describedby=${c.about}
      @click=${c.onAct}
    >
      ${c.act}
    </button>
    <button type="button" class="secondary keep" @click=${c.onKeep}>${c.keep}</button>
  </span>`;
}
