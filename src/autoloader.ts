/*
 * dist/peerkit-autoloader.js: defines each Peerkit tag when it first appears on the page, in the
 * HTML or in content added later, and loads only that widget's code (from dist/cdn/, next to this
 * file). Paste it instead of dist/peerkit.js:
 *   <script type="module" src=".../peerkit-autoloader.js" data-base-url="/api"></script>
 * It imports nothing itself, so that it stays small.
 */
const modules: Record<string, string> = {
  'peer-provider': 'provider',
  'peer-person': 'person',
  'peer-mentor-card': 'mentor-card',
  'peer-mentor-matches': 'mentor-matches',
  'peer-mentorships': 'mentorships',
  'peer-feedback-inbox': 'feedback-inbox',
  'peer-kudos-feed': 'kudos-feed',
  'peer-kudos-composer': 'kudos-composer',
  'peer-people-picker': 'people-picker',
  'peer-skill-map': 'skill-map',
  'peer-feedback-form': 'feedback-form',
};
const requested = new Set<string>();
// Held in a variable so that bundlers leave the URL alone (the files sit next to this one at run time).
const here = import.meta.url;

function load(tag: string) {
  const name = modules[tag];
  if (!name || requested.has(name) || customElements.get(tag)) return;
  requested.add(name);
  import(/* @vite-ignore */ new URL(`./cdn/${name}.js`, here).href).catch((error: unknown) => {
    requested.delete(name); // a later appearance may try again
    console.error(`Peerkit could not load <${tag}>`, error);
  });
}

function scan(root: Element | Document | ShadowRoot) {
  if (root instanceof Element) load(root.localName);
  for (const element of root.querySelectorAll(':not(:defined)')) load(element.localName);
}

const observer = new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) if (node instanceof Element) scan(node);
  }
});

/** Also the shadow roots of the page's own components: an app may render Peerkit tags inside them. */
function watch(root: Document | ShadowRoot) {
  scan(root);
  observer.observe(root, { childList: true, subtree: true });
}

watch(document);
// Shadow roots already open on the page…
for (const element of document.querySelectorAll('*')) if (element.shadowRoot) watch(element.shadowRoot);
// …and those made later. Peerkit's own are left alone: its widgets define what they render inside.
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
  const root = attachShadow.call(this, init);
  if (!this.localName.startsWith('peer-')) watch(root);
  return root;
};
