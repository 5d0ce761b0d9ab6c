/**
 * The elements under test in the security suites, and how to render each one against an adapter
 * and wait until it shows its data (or its error).
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import '../../src/define/mag-provider.js';
import '../../src/define/mag-article.js';
import '../../src/define/mag-comment-thread.js';
import '../../src/define/mag-comment-feed-link.js';
import '../../src/define/mag-recent-contributions.js';
import '../../src/define/mag-subscribe-form.js';
import '../../src/define/mag-about-box.js';
import '../../src/define/mag-video-list.js';
import type { MagAdapter } from '../../src/core/model.js';

export interface ElementCase {
  tag: string;
  /** The element, reading from `adapter` (its own `adapter` property). */
  render: (adapter: MagAdapter, articleId?: string) => TemplateResult;
  /** The element, reading from the nearest provider. */
  renderInProvider: (articleId?: string) => TemplateResult;
  /** Whether the element loads data on its own (the subscribe form only talks to the backend on submit). */
  loads: boolean;
  /** Whether the element shows text fields of its data (titles, names, labels). */
  showsText: boolean;
}

export const elements: ElementCase[] = [
  {
    tag: 'mag-article',
    render: (adapter, id = 'a') => html`<mag-article article-id=${id} .adapter=${adapter}></mag-article>`,
    renderInProvider: (id = 'a') => html`<mag-article article-id=${id}></mag-article>`,
    loads: true,
    showsText: true,
  },
  {
    tag: 'mag-comment-thread',
    render: (adapter, id = 'a') => html`<mag-comment-thread article-id=${id} .adapter=${adapter}></mag-comment-thread>`,
    renderInProvider: (id = 'a') => html`<mag-comment-thread article-id=${id}></mag-comment-thread>`,
    loads: true,
    showsText: true,
  },
  {
    tag: 'mag-comment-feed-link',
    render: (adapter, id = 'a') => html`<mag-comment-feed-link article-id=${id} .adapter=${adapter}></mag-comment-feed-link>`,
    renderInProvider: (id = 'a') => html`<mag-comment-feed-link article-id=${id}></mag-comment-feed-link>`,
    loads: true,
    showsText: false,
  },
  {
    tag: 'mag-recent-contributions',
    render: (adapter) => html`<mag-recent-contributions .adapter=${adapter}></mag-recent-contributions>`,
    renderInProvider: () => html`<mag-recent-contributions></mag-recent-contributions>`,
    loads: true,
    showsText: true,
  },
  {
    tag: 'mag-about-box',
    render: (adapter) => html`<mag-about-box .adapter=${adapter}></mag-about-box>`,
    renderInProvider: () => html`<mag-about-box></mag-about-box>`,
    loads: true,
    showsText: true,
  },
  {
    tag: 'mag-video-list',
    render: (adapter) => html`<mag-video-list .adapter=${adapter}></mag-video-list>`,
    renderInProvider: () => html`<mag-video-list></mag-video-list>`,
    loads: true,
    showsText: true,
  },
  {
    tag: 'mag-subscribe-form',
    render: (adapter) => html`<mag-subscribe-form .adapter=${adapter}></mag-subscribe-form>`,
    renderInProvider: () => html`<mag-subscribe-form></mag-subscribe-form>`,
    loads: false,
    showsText: false,
  },
];

export const loadingElements = elements.filter((e) => e.loads);

export { errorBlock, isLoading, loaded, retryButton, shadow } from './probe.js';
