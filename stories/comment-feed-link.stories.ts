import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/mag-comment-feed-link.js';
import { MagAdapterError } from '../src/core/errors.js';
import type { FakeBehaviour } from './support/fake-adapter.js';
import { FakeAdapter } from './support/fake-adapter.js';
import { englishArticle, seedArticle } from './support/sample-data.js';

interface Args {
  articleId: string;
  discover: boolean;
  /** Story-only: what the fake adapter's getArticle does instead of answering. */
  behaviour?: FakeBehaviour;
}

const articles = [
  seedArticle,
  { ...englishArticle, commentFeedUrl: 'https://blog.example/2013/10/digital-means-proximity/feed/' },
];

const meta = {
  title: 'Elements/mag-comment-feed-link',
  component: 'mag-comment-feed-link',
  args: { articleId: seedArticle.id, discover: false },
  argTypes: { behaviour: { table: { disable: true } } },
  render: (args) => html`<mag-comment-feed-link
    article-id=${args.articleId}
    ?discover=${args.discover}
    .adapter=${new FakeAdapter({ articles, behaviour: args.behaviour ? { getArticle: args.behaviour } : {} })}
  ></mag-comment-feed-link>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The seed page's sentence, linking the article's Atom comment feed. */
export const Seed: Story = {};

/** An RSS comment feed (type guessed from the WordPress-style URL), English data. */
export const Rss: Story = { args: { articleId: englishArticle.id } };

/** With `discover`: also a `<link rel="alternate">` in the document head for feed readers. */
export const Discover: Story = { args: { discover: true } };

/** Loading (the adapter never answers). */
export const Loading: Story = { args: { behaviour: 'never' } };

/** The article could not be loaded: message and retry. */
export const LoadError: Story = { args: { behaviour: new MagAdapterError('network', 'The server could not be reached.') } };
