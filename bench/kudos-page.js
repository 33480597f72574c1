// Runs inside headless Chromium (loaded by bench/kudos.mjs): renders kudos in <peer-kudos-feed>
// and in a plain-DOM baseline that builds the same markup with the same styles and formatting.
import { PeerKudosFeed, REACTIONS } from '/dist/peerkit.js';

const people = Array.from({ length: 50 }, (_, i) => ({
  id: `p${i}`,
  name: `Person Number${i} Example`,
  email: `p${i}@example.test`,
  title: 'Engineer',
  department: { id: `d${i % 7}`, name: `Department ${i % 7}` },
  location: 'Berlin',
  timeZone: 'Europe/Berlin',
  photoUrl: i % 3 === 0 ? null : `data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg"/>`,
  managerId: null,
}));
const values = [
  { id: 'learning', name: 'Learn and share', description: '', emoji: '📚' },
  { id: 'together', name: 'Better together', description: '', emoji: '🧩' },
];
const keys = Object.keys(REACTIONS);

export function makeKudos(count) {
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => ({
    id: `k${i}`,
    giver: people[i % 50],
    recipients: [people[(i + 7) % 50], ...(i % 4 === 0 ? [people[(i + 11) % 50]] : [])],
    message: `Thank you for item ${i}: stepping in during the release and pairing with our team until it shipped.`,
    mentions: [],
    values: i % 3 === 0 ? values : [values[i % 2]],
    visibility: 'public',
    createdAt: new Date(now - i * 3_600_000).toISOString(),
    reactions: keys.map((reaction, r) => ({ reaction, count: (i + r) % 4, mine: (i + r) % 5 === 0 })),
  }));
}

const labels = {
  clap: 'Applause',
  tada: 'Celebrate',
  heart: 'Love',
  rocket: 'Impressive',
  bulb: 'Insightful',
  raised: 'Thank you',
};
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const long = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short' });
const list = new Intl.ListFormat('en', { type: 'conjunction' });
const numbers = new Intl.NumberFormat('en');
function ago(iso, now) {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  for (const [unit, size] of [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['week', 604_800],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ]) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return relative.format(seconds, 'second');
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

/** The same markup as the widget's articles, built with DOM calls. */
function baselineArticle(kudos, index, setSize, now) {
  const photo = kudos.giver.photoUrl;
  const avatar = photo
    ? el('img', { class: 'avatar', src: photo, alt: '', loading: 'lazy' })
    : el('span', { class: 'avatar initials', 'aria-hidden': 'true' }, 'PE');
  const names = list.format(kudos.recipients.map((p) => p.name));
  const header = el(
    'header',
    { class: 'kudos-header' },
    avatar,
    el('p', { class: 'kudos-title', id: `k-${index}-title` }, `${kudos.giver.name} to ${names}`),
    el(
      'time',
      { class: 'time', datetime: kudos.createdAt, title: long.format(new Date(kudos.createdAt)) },
      ago(kudos.createdAt, now),
    ),
  );
  const values = el('ul', { class: 'values', 'aria-label': 'Values' });
  for (const value of kudos.values) {
    values.append(el('li', { class: 'value' }, el('span', { 'aria-hidden': 'true' }, value.emoji), ` ${value.name}`));
  }
  const reactions = el('div', { class: 'reactions', role: 'group', 'aria-label': 'Reactions' });
  for (const r of kudos.reactions) {
    const button = el('button', {
      'aria-pressed': String(r.mine),
      'aria-disabled': 'false',
      title: `${labels[r.reaction]}: ${numbers.format(r.count)}`,
      'data-reaction': r.reaction,
    });
    const shown = el('span', { 'aria-hidden': 'true' }, REACTIONS[r.reaction]);
    if (r.count) shown.append(' ', el('span', { class: 'count' }, numbers.format(r.count)));
    button.append(shown);
    reactions.append(button);
  }
  return el(
    'article',
    {
      part: 'kudos',
      class: 'kudos',
      tabindex: index === 0 ? '0' : '-1',
      'aria-posinset': String(index + 1),
      'aria-setsize': String(setSize),
      'aria-labelledby': `k-${index}-title`,
      'aria-describedby': `k-${index}-message`,
      'data-index': String(index),
    },
    header,
    el('p', { class: 'message', id: `k-${index}-message` }, kudos.message),
    values,
    reactions,
  );
}

const stage = document.getElementById('stage');

export async function renderBaseline(items) {
  stage.replaceChildren();
  const host = document.createElement('div');
  stage.append(host);
  const start = performance.now();
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = PeerKudosFeed.elementStyles.map((s) => s.styleSheet);
  const now = Date.now();
  const scroller = el('div', { part: 'scroller', class: 'scroller' });
  const feed = el('div', {
    part: 'feed',
    class: 'feed',
    role: 'feed',
    'aria-label': 'Kudos feed',
    'aria-busy': 'false',
  });
  items.forEach((kudos, index) => feed.append(baselineArticle(kudos, index, items.length, now)));
  // Reactions are handled by one listener, as in the widget.
  feed.addEventListener('click', () => {});
  scroller.append(feed);
  root.append(el('section', { part: 'base', class: 'base' }, scroller));
  void root.querySelector('article:last-of-type').getBoundingClientRect().height;
  return performance.now() - start;
}

export async function renderWidget(items, { virtual }) {
  stage.replaceChildren();
  const feed = document.createElement('peer-kudos-feed');
  feed.live = 'off';
  feed.composer = 'none';
  feed.virtualThreshold = virtual ? 200 : Infinity;
  stage.append(feed);
  await feed.updateComplete;
  const start = performance.now();
  feed.kudos = items;
  await feed.updateComplete;
  // Virtual mode measures what it rendered and may render once more.
  await feed.updateComplete;
  void feed.shadowRoot.querySelector('article:last-of-type').getBoundingClientRect().height;
  const elapsed = performance.now() - start;
  return { elapsed, articles: feed.shadowRoot.querySelectorAll('article').length };
}
