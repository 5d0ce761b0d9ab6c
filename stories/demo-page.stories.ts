import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

interface DemoFiles {
  markup: string;
  styles: string;
}

/** Fetches the demo page and its stylesheet (Storybook serves demo/ at /demo). */
async function loadDemoFiles(): Promise<DemoFiles> {
  const text = async (url: string) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.text();
  };
  const [markup, styles] = await Promise.all([text('/demo/index.html'), text('/demo/demo.css')]);
  return { markup, styles };
}

/**
 * The demo page (demo/index.html with demo/demo.css and demo/data/le-mag.json), as the files are:
 * the page's body without its scripts (Storybook registers the elements), and its stylesheet. The
 * page's relative URLs (`data/le-mag.json`, the data's `img/…`) resolve as on the demo page:
 * .storybook/main.ts serves demo/data and demo/img at /data and /img.
 *
 * The toolbar switches the language of the elements (the page's own text, written in French, stays
 * French) and the theme (colors and `--mag-*` tokens, .storybook/themes.ts).
 */
function demoPage({ markup, styles }: DemoFiles): Node[] {
  const page = new DOMParser().parseFromString(markup, 'text/html');
  for (const script of page.querySelectorAll('script')) script.remove();
  const style = document.createElement('style');
  style.textContent = styles;
  return [style, ...[...page.body.childNodes].map((node) => document.importNode(node, true))];
}

/**
 * The page's relative links (`?lang=en`, `?article=…`, `./`) would load Storybook's frame with other
 * parameters: they do nothing here (the toolbar switches the language). Links to other sites and
 * to places in the page work.
 */
function stayInStory(event: MouseEvent): void {
  const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
  const href = link?.getAttribute('href') ?? '';
  if (link && !href.startsWith('#') && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) event.preventDefault();
}

const meta = {
  title: 'Demo/Whole page',
  // A page, not an element: no Docs page (it would apply the page's stylesheet to the Docs page).
  // scripts/check-storybook.mjs checks the `whole-page` story in both languages and both themes.
  tags: ['!autodocs', 'whole-page'],
  parameters: { layout: 'fullscreen', controls: { disable: true } },
  loaders: [async () => ({ demo: await loadDemoFiles() })],
  render: (_args, { loaded }) => html`<div @click=${stayInStory}>${demoPage(loaded.demo as DemoFiles)}</div>`,
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** "Le numérique, c'est la proximité", the page of La République des Territoires – Le Mag rebuilt from its JSON data. */
export const WholePage: Story = { name: 'Whole page' };
