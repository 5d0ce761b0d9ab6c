import type { Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import customElements from '../custom-elements.json' with { type: 'json' };
import '../src/mag-elements.js';
import { argTypesFromManifest, descriptionFromManifest } from './manifest-arg-types.js';

const preview: Preview = {
  // Every component gets a Docs page built from custom-elements.json (attributes, properties, events, slots, parts, CSS properties).
  tags: ['autodocs'],
  parameters: {
    // Controls and Docs come from the committed manifest (`npm run analyze` regenerates it).
    docs: {
      extractArgTypes: (tagName: string) => argTypesFromManifest(customElements, tagName),
      extractComponentDescription: (tagName: string) => descriptionFromManifest(customElements, tagName),
    },
    controls: { expanded: true },
    layout: 'padded',
  },
  globalTypes: {
    lang: {
      description: 'Language of the elements',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'fr', title: 'Français' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Host page colors',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'fr', theme: 'light' },
  decorators: [
    (story, context) => {
      const lang = (context.globals.lang as string | undefined) ?? 'fr';
      const theme = (context.globals.theme as string | undefined) ?? 'light';
      const dark = theme === 'dark';
      // The host page's colors: the elements inherit them.
      return html`<div
        lang=${lang}
        class=${`mag-story-host ${dark ? 'dark' : 'light'}`}
        style=${dark ? 'background:#16181d;color:#e8e6e3;padding:1rem;--mag-color-link:#8ab4f8' : 'background:#fff;color:#1d1d1f;padding:1rem'}
      >
        ${story()}
      </div>`;
    },
  ],
};

export default preview;
