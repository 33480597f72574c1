import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../custom-elements.json';

// Attributes, properties, events, slots, parts and custom properties come from the class JSDoc.
setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  globalTypes: {
    theme: {
      description: 'Widget theme',
      toolbar: { title: 'Theme', icon: 'contrast', items: ['light', 'dark', 'auto'], dynamicTitle: true },
    },
    lang: {
      description: 'Language of the page',
      toolbar: { title: 'Language', icon: 'globe', items: ['en', 'de', 'ar'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light', lang: 'en' },
  decorators: [
    (story, context) => {
      const dark = context.globals.theme === 'dark';
      const lang = context.globals.lang as string;
      // Themes reach every element through a wrapper that sets `theme` on each Peerkit tag.
      return html`<div
        lang=${lang}
        dir=${lang === 'ar' ? 'rtl' : 'ltr'}
        data-peer-theme=${context.globals.theme}
        style="padding: 1rem; background: ${dark ? '#0d1117' : 'transparent'}"
      >
        ${story()}
      </div>`;
    },
  ],
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
};

export default preview;
