import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, render } from 'lit';
import '../src/define/mag-provider.js';
import '../src/define/mag-article.js';
import '../src/define/mag-recent-contributions.js';

interface Args {
  adapterType?: string;
  src?: string;
  endpoint?: string;
  maxAge: number;
  timeout: number;
  /** Story-only: the text of an inline `<script type="application/json">` child, when set. */
  inlineJson?: string;
}

const ARTICLE = 'le-numerique-c-est-la-proximite';

/** A small data file in the JSON data format (docs/data-format.md), written inline in the page. */
const inlineData = JSON.stringify(
  {
    version: 1,
    site: { title: 'Inline data', homeUrl: './', lang: 'en' },
    sections: [{ name: 'Notes', slug: 'notes', url: '?section=notes' }],
    articles: [
      {
        id: ARTICLE,
        title: 'Written in the page',
        published: '2013-10-16T09:30:00Z',
        author: { name: 'Ada Lovelace' },
        sections: ['Notes'],
        bodyHtml: '<p>This article comes from a <code>&lt;script type="application/json"&gt;</code> inside the provider: no request at all.</p>',
        commentsOpen: false,
      },
      {
        id: 'a-second-note',
        title: 'A second note',
        published: '2013-10-09T09:30:00Z',
        author: { name: 'Ada Lovelace' },
        sections: ['Notes'],
        bodyHtml: '<p>Listed by the recent contributions.</p>',
        commentsOpen: false,
      },
    ],
  },
  null,
  2,
);

/** The inline data as the child `<script type="application/json">` a page would write (a node: Lit binds no text inside `<script>`). */
function inlineScript(json: string): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = json;
  return script;
}

/**
 * The provider as a page writes it: its attributes (`adapter` names a type: set as an attribute, it
 * cannot be a template binding, which lit-analyzer would check against the `adapter` property), the
 * inline data, and two elements inside.
 */
function provider(args: Args): HTMLElement {
  const element = document.createElement('mag-provider');
  const attributes = { adapter: args.adapterType, src: args.src, endpoint: args.endpoint, 'max-age': String(args.maxAge), timeout: String(args.timeout) };
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, value);
  if (args.inlineJson !== undefined) element.append(inlineScript(args.inlineJson));
  render(
    html`<mag-article article-id=${ARTICLE} heading-level="2"></mag-article>
      <mag-recent-contributions limit="3" current-article=${ARTICLE}></mag-recent-contributions>`,
    element,
  );
  return element;
}

const meta = {
  title: 'Elements/mag-provider',
  component: 'mag-provider',
  args: { maxAge: 300, timeout: 20 },
  argTypes: {
    inlineJson: {
      name: 'inline JSON',
      control: 'text',
      description: 'Story only: the text of a `<script type="application/json">` child (the data format). Break it to see the error.',
      table: { category: 'story' },
    },
  },
  render: (args) => html`${provider(args)}`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** `src`: the URL of a JSON data file (here the demo's). The article and the list share the one request. */
export const JsonFile: Story = { args: { src: '/demo/data/le-mag.json' } };

/** An inline `<script type="application/json">` child: the data is in the page, nothing is fetched. */
export const InlineJson: Story = { args: { inlineJson: inlineData } };

/** The inline JSON cannot be parsed: every element inside says so, and the console says where. */
export const InvalidInlineJson: Story = { args: { inlineJson: '{ "version": 1, "articles": [ }' } };

/** The data file does not exist (HTTP 404): every element shows the error, with a retry. */
export const FileNotFound: Story = {
  args: { src: '/demo/data/missing.json' },
  // check-storybook: this story's 404 is the point.
  tags: ['http-error'],
};

/** The file is not a data file (here the demo's Atom feed): the elements report invalid data. */
export const NotADataFile: Story = { args: { src: '/demo/data/comments-le-numerique.atom' } };

/** `adapter` names a type nobody registered: every element says the site cannot show it; the console lists the known types. */
export const UnknownAdapterType: Story = { args: { adapterType: 'drupal', src: '/demo/data/le-mag.json' } };

/** `adapter="wordpress"` without its `endpoint`: a misconfiguration reported by every element, never thrown. */
export const MissingEndpoint: Story = { args: { adapterType: 'wordpress' } };

/** No `src`, no inline data, no adapter: the elements wait in their loading state until the provider gets one. */
export const NoDataSource: Story = {};
