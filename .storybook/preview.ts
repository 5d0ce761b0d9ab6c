import type { Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import customElements from '../custom-elements.json' with { type: 'json' };
import '../src/mag-elements.js';
import { argTypesFromManifest, descriptionFromManifest } from './manifest-arg-types.js';
import { installThemes, isTheme } from './themes.js';

installThemes();

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
    // The whole page first, then the provider, then the other elements.
    options: { storySort: { order: ['Demo', 'Elements', ['mag-provider']] } },
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
          { value: 'dark', title: 'Dark (tokens)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'fr', theme: 'light' },
  decorators: [
    (story, context) => {
      const lang = (context.globals.lang as string | undefined) ?? 'fr';
      const theme = isTheme(context.globals.theme) ? context.globals.theme : 'light';
      const fullscreen = context.parameters.layout === 'fullscreen';
      // The host page: its language and its theme (colors and tokens, see themes.ts), inherited by the elements.
      return html`<div lang=${lang} class=${`mag-story-host ${theme}${fullscreen ? ' fullscreen' : ''}`}>${story()}</div>`;
    },
  ],
};

export default preview;
