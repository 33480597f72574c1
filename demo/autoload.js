// Content added after the page loaded, as a CMS widget or a single-page app would add it.
document.querySelector('#add-feed').addEventListener('click', () => {
  const section = document.createElement('section');
  const heading = document.createElement('h2');
  heading.textContent = 'Recognition';
  const feed = document.createElement('peer-kudos-feed');
  feed.setAttribute('page-size', '5');
  section.append(heading, feed);
  document.querySelector('#later').append(section);
});

// A component of the page's own with a shadow root, as a single-page app would render Peerkit tags.
customElements.define(
  'team-badge',
  class extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const person = document.createElement('peer-mentor-card');
      person.setAttribute('mentor-id', this.getAttribute('mentor') ?? '');
      this.attachShadow({ mode: 'open' }).append(person);
    }
  },
);
document.querySelector('#add-badge').addEventListener('click', () => {
  const badge = document.createElement('team-badge');
  badge.setAttribute('mentor', 'u0002');
  document.querySelector('#later').append(badge);
});
