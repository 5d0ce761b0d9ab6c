import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/mag-comment-thread.js';
import { MagAdapterError } from '../src/core/errors.js';
import type { Article, Comment } from '../src/core/model.js';
import { FakeAdapter } from './support/fake-adapter.js';
import type { FakeAdapterOptions } from './support/fake-adapter.js';
import { deepReplies, demoImage, englishArticle, englishComments, hostileHtml, longThread, seedArticle, seedComments } from './support/sample-data.js';

interface Args {
  articleId: string;
  disabled: boolean;
  order: 'oldest' | 'newest';
  maxDepth: number;
  hideClosedNoticeWhenEmpty: boolean;
  /** Story-only: how the fake adapter answers. */
  adapter?: FakeAdapterOptions;
}

const open = (id: string, extra: Partial<Article> = {}): Article => ({ ...englishArticle, id, commentsOpen: true, commentCount: undefined, ...extra });

const hostileComments: Comment[] = [
  {
    id: 'hostile-1',
    author: { name: 'Mallory <img src=x onerror=alert(1)>', url: 'javascript:alert(1)', avatarUrl: 'javascript:alert(1)' },
    published: '2013-10-16T10:00:00Z',
    bodyHtml: `<p>Les scripts, images, titres, formulaires, styles et liens javascript: ou data: sont retirés ; les autres liens reçoivent rel="nofollow ugc noopener".</p>${hostileHtml}<h2>Titre interdit</h2><a href="https://example.org">un lien autorisé</a>`,
  },
];

// The long thread's avatars: one real local image, the others fall back to initials (no request).
const longComments = (n: number): Comment[] =>
  longThread(n).map((c, i) => ({ ...c, author: { name: c.author.name, ...(i % 3 === 0 ? { avatarUrl: demoImage('avatar-dulucq.svg') } : {}) } }));

const data: FakeAdapterOptions = {
  articles: [
    seedArticle,
    open('digital-is-proximity', { commentCount: 3 }),
    open('empty'),
    open('closed-empty', { commentsOpen: false }),
    open('deep'),
    open('long'),
    open('hostile'),
  ],
  comments: {
    [seedArticle.id]: seedComments,
    'digital-is-proximity': englishComments,
    empty: [],
    'closed-empty': [],
    deep: deepReplies(8),
    long: longComments(1000),
    hostile: hostileComments,
  },
  postComment: 'approved',
};

const meta = {
  title: 'Elements/mag-comment-thread',
  component: 'mag-comment-thread',
  args: {
    articleId: seedArticle.id,
    disabled: false,
    order: 'oldest',
    maxDepth: 3,
    hideClosedNoticeWhenEmpty: false,
  },
  argTypes: { adapter: { table: { disable: true } } },
  render: (args) => html`<mag-comment-thread
    article-id=${args.articleId}
    ?disabled=${args.disabled}
    order=${args.order}
    max-depth=${args.maxDepth}
    ?hide-closed-notice-when-empty=${args.hideClosedNoticeWhenEmpty}
    .adapter=${new FakeAdapter({ ...data, ...args.adapter })}
  ></mag-comment-thread>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Fills the form of the first thread in the story and submits it. */
async function fillAndSubmit(canvasElement: HTMLElement, comment = 'Thanks for this post.'): Promise<void> {
  const thread = canvasElement.querySelector('mag-comment-thread')!;
  const find = () => thread.shadowRoot?.querySelector('form');
  for (let i = 0; i < 100 && !find(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  const form = find();
  if (!form) return;
  for (const [id, value] of [['name', 'Ada'], ['email', 'ada@example.org'], ['comment', comment]]) {
    const field = form.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`)!;
    field.value = value;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }
  form.requestSubmit();
}

/** The seed page: Dulucq's comment, then comments are closed on this post. */
export const Seed: Story = {};

/** Open comments with the form and "Reply" on each comment (English data). */
export const OpenWithForm: Story = { args: { articleId: 'digital-is-proximity' } };

/** The form while the comment is being posted (the adapter never answers). */
export const Posting: Story = {
  args: { articleId: 'digital-is-proximity', adapter: { behaviour: { postComment: 'never' } } },
  play: ({ canvasElement }) => fillAndSubmit(canvasElement),
};

/** A posted comment awaiting moderation. */
export const Pending: Story = {
  args: { articleId: 'digital-is-proximity', adapter: { postComment: 'pending' } },
  play: ({ canvasElement }) => fillAndSubmit(canvasElement),
};

/** Posting failed (network): the message says so and the text stays in the form. */
export const PostError: Story = {
  args: { articleId: 'digital-is-proximity', adapter: { postComment: new MagAdapterError('network', 'The server could not be reached.') } },
  play: ({ canvasElement }) => fillAndSubmit(canvasElement),
};

/** Comments were closed while the reader wrote: the thread switches to its closed state, the text stays readable. */
export const ClosedMeanwhile: Story = {
  args: { articleId: 'digital-is-proximity', adapter: { postComment: new MagAdapterError('closed', 'Comments are closed.') } },
  play: ({ canvasElement }) => fillAndSubmit(canvasElement),
};

/** Open comments closed by the host with the `disabled` attribute: comments stay visible. */
export const Disabled: Story = { args: { articleId: 'digital-is-proximity', disabled: true } };

/** Closed, with no comments: the notice shows. */
export const ClosedEmpty: Story = { args: { articleId: 'closed-empty' } };

/** Closed, with no comments, and `hide-closed-notice-when-empty`: nothing shows. */
export const ClosedEmptyHidden: Story = { args: { articleId: 'closed-empty', hideClosedNoticeWhenEmpty: true } };

/** Open, no comments yet. */
export const Empty: Story = { args: { articleId: 'empty' } };

/** Loading (the adapter never answers). */
export const Loading: Story = { args: { articleId: 'digital-is-proximity', adapter: { behaviour: { listComments: 'never' } } } };

/** The comments could not be loaded: message and retry. */
export const LoadError: Story = {
  args: { articleId: 'digital-is-proximity', adapter: { behaviour: { listComments: new MagAdapterError('network', 'The server could not be reached.') } } },
};

/** A reply chain eight levels deep: nested to `max-depth`, deeper replies flattened with "in reply to". */
export const DeepReplies: Story = { args: { articleId: 'deep', maxDepth: 3 } };

/**
 * 1,000 comments in pages of 50: "Show more comments" loads the next page, moves focus to the first
 * new comment and announces how many were added. (A page of thousands renders its first comments at
 * once and the rest in idle time.)
 */
export const LongThread: Story = { args: { articleId: 'long', adapter: { pageSize: 50 } } };

/** Newest first. */
export const NewestFirst: Story = { args: { articleId: 'digital-is-proximity', order: 'newest' } };

/** Markup from a compromised backend: scripts, images, headings, javascript: links and styles are removed. */
export const Hostile: Story = { args: { articleId: 'hostile' } };
