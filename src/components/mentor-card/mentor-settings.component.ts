import { html, nothing, type PropertyDeclarations } from 'lit';
import { live } from 'lit/directives/live.js';
import type { MentorProfile, MentorSettings } from '../../contract/mentors.js';
import { CAPACITY_MAX } from '../../contract/rules.js';
import { BackendController } from '../../core/context.js';
import { errorStyles, renderError } from '../../core/error-view.js';
import { PeerError } from '../../core/errors.js';
import { formStyles } from '../../core/form-styles.js';
import { LocalizeController } from '../../core/i18n/localize.js';
import { mentorSettingsMessages } from '../../core/i18n/en-mentor-settings.js';
import { PeerElement } from '../../core/peer-element.js';
import { tokens } from '../../core/tokens.js';
import { mentorSettingsStyles } from './mentor-settings.styles.js';

declare module '../../core/peer-element.js' {
  interface PeerEventDetails {
    'peer-mentor-profile-changed': { profile: MentorProfile };
  }
}

/**
 * @customElement peer-mentor-settings
 * @summary On a mentor's own card: whether they take new requests, and how many mentees at once.
 *
 * Each change is saved as it is made. While it is on its way the status says so; once saved, the
 * controls show what the server stored. A change that fails leaves the controls as stored and says
 * why, with a button that sends the same change again. Changes made quickly one after the other
 * are sent in order.
 *
 * @csspart base - The group of settings.
 * @csspart error - Why the last change was not saved.
 * @csspart retry-button - Sends the change again.
 *
 * @event peer-mentor-profile-changed - A change was saved; `detail.profile` is the profile now.
 */
export class PeerMentorSettings extends PeerElement {
  static override defaultTag = 'peer-mentor-settings';
  static override styles = [tokens, formStyles, errorStyles, mentorSettingsStyles];

  static override properties: PropertyDeclarations = {
    profile: { attribute: false },
    saving: { state: true },
    saved: { state: true },
    failure: { state: true },
  };

  /** The signed-in mentor's own profile. */
  profile?: MentorProfile;

  private saving = 0;
  private saved = false;
  private failure?: { error: PeerError; changes: MentorSettings };

  readonly #localize = new LocalizeController(this, mentorSettingsMessages);
  readonly #backend = new BackendController(this);
  #queue = Promise.resolve();

  override render() {
    const profile = this.profile;
    if (!profile) return nothing;
    const t = this.#localize;
    const lowest = profile.activeMentees;
    const status = this.saving ? t.term('mentorSettings.saving') : this.saved ? t.term('mentorSettings.saved') : '';
    return html`<fieldset part="base" class="base" aria-busy=${this.saving ? 'true' : 'false'}>
      <legend>${t.term('mentorSettings.legend')}</legend>
      <label class="check">
        <input
          type="checkbox"
          .checked=${live(profile.accepting)}
          @change=${(event: Event) => this.#save({ accepting: (event.target as HTMLInputElement).checked })}
        />
        ${t.term('mentorSettings.accepting')}
      </label>
      <div class="field">
        <label for="capacity">${t.term('mentorSettings.capacity')}</label>
        <select
          id="capacity"
          aria-describedby="capacity-hint"
          .value=${live(String(profile.capacity))}
          @change=${(event: Event) => this.#save({ capacity: Number((event.target as HTMLSelectElement).value) })}
        >
          ${Array.from(
            { length: CAPACITY_MAX - lowest + 1 },
            (_, i) =>
              html`<option value=${lowest + i} ?selected=${lowest + i === profile.capacity}>
                ${t.number(lowest + i)}
              </option>`,
          )}
        </select>
        <p id="capacity-hint" class="hint">${t.term('mentorSettings.capacityHint')}</p>
      </div>
      <p class="hint" role="status">${status}</p>
      ${
        this.failure
          ? renderError(t, t.term('mentorSettings.failed'), this.failure.error, () => this.#save(this.failure!.changes))
          : nothing
      }
    </fieldset>`;
  }

  /** Sends one change, after those already on their way. */
  #save(changes: MentorSettings) {
    this.saving++;
    this.saved = false;
    this.failure = undefined;
    this.#queue = this.#queue.then(async () => {
      try {
        this.profile = await this.#backend.value.updateMyMentorProfile(changes);
        this.saved = true;
        this.emit('peer-mentor-profile-changed', { profile: this.profile });
      } catch (error) {
        const failed = error instanceof PeerError ? error : new PeerError({ kind: 'network', cause: error });
        // Drawn again, the controls go back to what is stored.
        this.failure = { error: failed, changes };
      } finally {
        this.saving--;
      }
    });
  }
}
