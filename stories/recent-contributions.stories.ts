import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/mag-recent-contributions.js';
import { MagAdapterError } from '../src/core/errors.js';
import type { ArticleSummary } from '../src/core/model.js';
import { FakeAdapter } from './support/fake-adapter.js';
import type { FakeBehaviour } from './support/fake-adapter.js';
import { recentContributions, seedArticle } from './support/sample-data.js';

interface Args {
  heading?: string;
  limit: number;
  section?: string;
  currentArticle?: string;
  excludeCurrent: boolean;
  /** Story-only: the articles the fake adapter knows. */
  recent?: ArticleSummary[];
  /** Story-only: what the fake adapter's listRecent does instead of answering. */
  behaviour?: FakeBehaviour;
}

const englishRecent: ArticleSummary[] = [
  { id: 'digital-means-proximity', title: 'Digital means proximity', url: '/en/2013/10/digital-means-proximity.html', published: '2013-10-16T09:30:00Z', sections: [{ name: 'Local democracy', url: '/en/sections/local-democracy' }, { name: 'Politics' }] },
  { id: 'food-waste', title: 'Fighting food waste', url: '/en/2013/10/food-waste.html', published: '2013-10-09T08:00:00Z', sections: [{ name: 'Local democracy', url: '/en/sections/local-democracy' }] },
  { id: 'markets', title: 'The markets of Plénée-Jugon', url: '/en/2013/10/markets.html', published: '2013-10-02T08:00:00Z', sections: [] },
];

const meta = {
  title: 'Elements/mag-recent-contributions',
  component: 'mag-recent-contributions',
  args: { heading: 'Dernières contributions sur Le Mag', limit: 5, excludeCurrent: false, currentArticle: seedArticle.id },
  argTypes: { recent: { table: { disable: true } }, behaviour: { table: { disable: true } } },
  render: (args) => html`<mag-recent-contributions
    heading=${args.heading ?? ''}
    limit=${args.limit}
    section=${args.section ?? ''}
    current-article=${args.currentArticle ?? ''}
    ?exclude-current=${args.excludeCurrent}
    .adapter=${new FakeAdapter({ recent: args.recent ?? recentContributions, behaviour: args.behaviour ? { listRecent: args.behaviour } : {} })}
  ></mag-recent-contributions>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The seed page's sidebar: the five newest articles, the one on the page marked as current. */
export const Seed: Story = {};

/** The current article left out (`exclude-current`): still five articles. */
export const ExcludeCurrent: Story = { args: { excludeCurrent: true } };

/** Only the articles of one section (`section="Vie locale"`), at most three. */
export const Section: Story = { args: { section: 'Vie locale', limit: 3 } };

/** English data and the default title ("Recent contributions"), whatever the toolbar language. */
export const English: Story = {
  args: { heading: undefined, recent: englishRecent, currentArticle: 'digital-means-proximity' },
  render: (args) => html`<div lang="en">${meta.render(args)}</div>`,
};

/** No article yet. */
export const Empty: Story = { args: { recent: [] } };

/** Loading (the adapter never answers). */
export const Loading: Story = { args: { behaviour: 'never' } };

/** The list could not be loaded: message and retry. */
export const LoadError: Story = { args: { behaviour: new MagAdapterError('network', 'The server could not be reached.') } };
