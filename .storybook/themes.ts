// The host page themes of the Storybook toolbar. The elements inherit the page's font and colors
// and read the library's tokens (`--mag-*`): a theme is the page's own text and background colors
// plus token values, set on the element that wraps every story.
//
// - light: the page as it is (Storybook's white page, or the demo page's own stylesheet);
// - dark: a dark page, its links, accents, focus ring and messages in colors that read on it.

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const themeCss = `
  .mag-story-host {
    padding: 1rem;
  }
  .mag-story-host.fullscreen {
    padding: 0;
    min-height: 100vh;
  }
  .mag-story-host.light {
    color-scheme: light;
  }
  .mag-story-host.dark {
    color-scheme: dark;
    background: #16181d;
    color: #e8e6e3;
    --mag-color-link: #8ab4f8;
    --mag-color-accent: #f19aa5;
    --mag-color-focus: #8ab4f8;
    --mag-color-danger: #f2b8b5;
    --mag-color-success: #7dd99b;
  }
  /* The page's own links (the elements' links follow --mag-color-link). */
  :where(.mag-story-host.dark) a {
    color: var(--mag-color-link);
  }
`;

let installed = false;

/** Adds the themes' style sheet to the document, once. */
export function installThemes(): void {
  if (installed) return;
  installed = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(themeCss);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

export const isTheme = (value: unknown): value is Theme => THEMES.includes(value as Theme);
