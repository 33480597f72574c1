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
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'contrast', title: 'High contrast' },
          { value: 'auto', title: 'Auto (follows the system)' },
        ],
        dynamicTitle: true,
      },
    },
    lang: {
      description: 'Language of the page',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'de', title: 'Deutsch' },
          { value: 'ar', title: 'العربية' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'auto', title: 'From the language' },
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', lang: 'en', dir: 'auto' },
  decorators: [
    (story, context) => {
      const dark = context.globals.theme === 'dark' || context.globals.theme === 'contrast';
      const black = context.globals.theme === 'contrast';
      const lang = context.globals.lang as string;
      const dir =
        context.globals.dir === 'auto' || !context.globals.dir ? (lang === 'ar' ? 'rtl' : 'ltr') : context.globals.dir;
      // Themes reach every element through a wrapper that sets `theme` on each Peerkit tag.
      return html`<div
        lang=${lang}
        dir=${dir}
        data-peer-theme=${context.globals.theme}
        style="padding: 1rem; background: ${black ? '#000' : dark ? '#0d1117' : 'transparent'}"
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
