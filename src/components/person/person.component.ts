import { html, nothing, type PropertyDeclarations } from 'lit';
import { styleProps } from '../../core/style-props.js';
import type { Person } from '../../contract/people.js';
import { BackendController } from '../../core/context.js';
import { errorStyles, renderError } from '../../core/error-view.js';
import { LocalizeController } from '../../core/i18n/localize.js';
import { personMessages } from '../../core/i18n/en-person.js';
import { PeerElement } from '../../core/peer-element.js';
import { ResourceController } from '../../core/resource-controller.js';
import { safeUrl } from '../../core/safe-url.js';
import { tokens } from '../../core/tokens.js';
import { initialsOf } from './initials.js';
import { personStyles } from './person.styles.js';

export { initialsOf };

const INITIALS_COLOURS = ['#c7dcff', '#ffd6e7', '#c9f2d6', '#ffe7a8', '#e3d7ff', '#bde9f5', '#ffd9c2', '#dfe5ec'];

function colourFor(id: string) {
  let sum = 0;
  for (const char of id) sum = (sum * 31 + char.charCodeAt(0)) >>> 0;
  return INITIALS_COLOURS[sum % INITIALS_COLOURS.length];
}

/**
 * @customElement peer-person
 * @summary A colleague at a glance: photo (or initials), name, title and department.
 *
 * Give it a `person-id` to load the person from the backend (look-ups from many elements in
 * the same tick become one request), or set the `person` property to show data you have.
 *
 * @csspart base - The wrapper of the avatar and the text.
 * @csspart avatar - The photo, or the initials when there is no photo.
 * @csspart initials - The initials shown instead of a photo.
 * @csspart name - The person's name.
 * @csspart title - The job title.
 * @csspart department - The department (large size).
 * @csspart location - The location and local time (large size).
 * @csspart skeleton - The placeholder shown while loading.
 * @csspart error - The error message.
 * @csspart retry-button - The button that loads again after an error.
 *
 * @cssproperty --peer-person-avatar-size - The avatar's width and height.
 * @cssproperty --peer-person-avatar-radius - The avatar's corner radius (default: a circle).
 * @cssproperty --peer-person-background - The background behind the person (default: the theme's surface).
 *
 * @event peer-error - Loading failed; `detail.error` is the `PeerError`, `detail.retry()` tries again.
 */
export class PeerPerson extends PeerElement {
  static override defaultTag = 'peer-person';
  static override styles = [tokens, errorStyles, personStyles];

  static override properties: PropertyDeclarations = {
    personId: { attribute: 'person-id' },
    person: { attribute: false },
    size: { reflect: true },
    failedPhoto: { state: true },
  };

  /** The id of the person to load; `me` shows the signed-in person. */
  personId?: string;

  /** The person to show, when you already have the data; no request is made. */
  person?: Person;

  /** `small` (avatar and name), `medium` (with the title) or `large` (department, location, local time). */
  size: 'small' | 'medium' | 'large' = 'medium';

  private failedPhoto?: string;

  readonly #localize = new LocalizeController(this, personMessages);
  readonly #backend = new BackendController(this);
  readonly #resource = new ResourceController(this, this.#backend, {
    args: () => (this.person || !this.personId ? undefined : ([this.personId] as const)),
    load: (backend, [id], signal) => (id === 'me' ? backend.getMe({ signal }) : backend.getPerson(id, { signal })),
  });

  override render() {
    if (this.person) return this.#renderPerson(this.person);
    if (!this.personId) return this.#renderNotFound();
    return this.#resource.render({
      pending: () => this.#renderSkeleton(),
      complete: (person) => this.#renderPerson(person),
      error: (error, retry) =>
        error.notFound
          ? this.#renderNotFound()
          : renderError(this.#localize, this.#localize.term('person.error'), error, retry),
    });
  }

  #renderSkeleton() {
    return html`<div part="base skeleton" class="base" aria-busy="true">
      <span class="avatar skeleton"></span>
      <span class="text">
        <span class="skeleton line"></span>
        ${this.size === 'small' ? nothing : html`<span class="skeleton line short"></span>`}
      </span>
      <span class="visually-hidden" role="status">${this.#localize.term('person.loading')}</span>
    </div>`;
  }

  #renderNotFound() {
    return html`<div part="base" class="base not-found">
      <span
        part="avatar initials"
        class="avatar initials"
        style=${styleProps({ '--_initials-bg': 'var(--_skeleton)' })}
        aria-hidden="true"
        >?</span
      >
      <span class="text">
        <span part="name" class="name" dir="auto">${this.#localize.term('person.notFound')}</span>
        ${this.size === 'small' ? nothing : html`<span class="title">${this.#localize.term('person.notFoundDetail')}</span>`}
      </span>
    </div>`;
  }

  #renderPerson(person: Person) {
    const photo = safeUrl(person.photoUrl, 'image');
    const showPhoto = photo !== undefined && this.failedPhoto !== photo;
    const avatar = showPhoto
      ? html`<img
          part="avatar"
          class="avatar"
          src=${photo}
          alt=""
          loading="lazy"
          @error=${() => (this.failedPhoto = photo)}
        />`
      : html`<span
          part="avatar initials"
          class="avatar initials"
          style=${styleProps({ '--_initials-bg': colourFor(person.id) })}
          aria-hidden="true"
          >${initialsOf(person.name)}</span
        >`;
    return html`<div part="base" class="base" dir=${this.#localize.dir}>
      ${avatar}
      <span class="text">
        <span part="name" class="name" dir="auto">${person.name}</span>
        <span part="title" class="title" dir="auto">${person.title}</span>
        <span part="department" class="department" dir="auto">${person.department.name}</span>
        ${this.size === 'large' ? this.#renderLocation(person) : nothing}
      </span>
    </div>`;
  }

  #renderLocation(person: Person) {
    let time = '';
    try {
      time = this.#localize.date(Date.now(), { timeZone: person.timeZone, hour: 'numeric', minute: '2-digit' });
    } catch {
      time = ''; // an unknown time zone: show the place without the clock
    }
    return html`<span part="location" class="location"
      ><bdi>${person.location}</bdi>${time ? html` · ${this.#localize.term('person.localTime', time)}` : nothing}</span
    >`;
  }
}
