import type { MagTranslation } from '../../core/localize.js';
import { formatDate } from '../../core/localize.js';
import type { Comment } from '../../core/model.js';
import { sanitizedBlock } from '../../core/sanitize.js';
import { safeUrl } from '../../core/url.js';

/*
 * The `<article>` of one comment (avatar, author, date, badge, "in reply to", body, Reply button),
 * built with DOM calls from a cloned prototype instead of a Lit template, and kept per comment.
 *
 * Why: a long thread renders thousands of them. As a Lit template each cost about 14 parts, a nested
 * template instance (the avatar image) and the marker comments of every conditional part; cloning
 * a prototype and filling it in is what a hand-written page does, and costs about half as much.
 * The list items around them are built with DOM calls too (`#item` in comment-thread.ts), except
 * in the group holding the comment being answered, a Lit template with the reply form.
 *
 * Safety is the same as with Lit bindings: text goes in as text (`textContent`), URLs only through
 * `safeUrl()`, the body only through the sanitizer (`sanitizedBlock`, once per comment). No HTML
 * string is parsed here (nothing for Trusted Types to refuse).
 */

export interface EntryContext {
  /** The element rendering the thread (the sanitized bodies are kept per element). */
  host: Element;
  lang: string;
  t: MagTranslation;
  /** Decides whether dates show their year. */
  now: Date;
  /** Whether comments can be answered (a Reply button on each comment that is not pending). */
  canPost: boolean;
  /** The comment being answered, whose Reply button is expanded. */
  replyTo: string | undefined;
}

interface Entry {
  key: string;
  node: HTMLElement;
  reply: HTMLButtonElement | undefined;
}

let prototypes: { article: HTMLElement; img: HTMLImageElement; link: HTMLAnchorElement; reply: HTMLButtonElement; badge: HTMLElement; inReplyTo: HTMLElement } | undefined;

function element(tag: string, attributes: Record<string, string>, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function protos(): NonNullable<typeof prototypes> {
  prototypes ??= {
    // The markup of the template this replaces, attribute for attribute.
    article: element(
      'article',
      { class: 'entry', tabindex: '-1' },
      element('span', { class: 'avatar', part: 'avatar', 'aria-hidden': 'true' }),
      element('p', { class: 'header' }, element('span', { class: 'author', part: 'author' }), ' ', element('time', { part: 'date' })),
    ),
    // `loading` and `decoding` are set before `src` (as in the template): the image is fetched lazily.
    img: element('img', { alt: '', loading: 'lazy', decoding: 'async' }) as HTMLImageElement,
    link: element('a', { rel: 'nofollow ugc noopener' }) as HTMLAnchorElement,
    reply: element('button', { type: 'button', class: 'reply', part: 'reply-button' }) as HTMLButtonElement,
    badge: element('span', { class: 'badge', part: 'pending-badge' }),
    inReplyTo: element('p', { class: 'in-reply-to', part: 'in-reply-to' }),
  };
  return prototypes;
}

/** The initials shown behind (or instead of) the avatar image. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((w) => Array.from(w)[0] ?? '').join('').toUpperCase();
}

function build(comment: Comment, inReplyTo: string | undefined, canReply: boolean, context: EntryContext): Entry {
  const p = protos();
  const { t } = context;
  const name = comment.author.name;
  const node = p.article.cloneNode(true) as HTMLElement;
  node.setAttribute('data-comment-id', comment.id);
  const avatar = node.firstChild as HTMLElement;
  const header = avatar.nextSibling as HTMLElement;
  avatar.textContent = initials(name);
  const avatarUrl = safeUrl(comment.author.avatarUrl, ['http', 'https']);
  if (avatarUrl) {
    const img = p.img.cloneNode() as HTMLImageElement;
    img.setAttribute('src', avatarUrl);
    avatar.append(img);
  }
  const author = header.firstChild as HTMLElement;
  const authorUrl = safeUrl(comment.author.url, ['http', 'https']);
  if (authorUrl) {
    const link = p.link.cloneNode() as HTMLAnchorElement;
    link.setAttribute('href', authorUrl);
    link.textContent = name;
    author.append(link);
  } else {
    author.textContent = name;
  }
  const time = header.lastChild as HTMLElement;
  time.setAttribute('datetime', comment.published);
  time.textContent = formatDate(context.lang, comment.published, 'short', context.now);
  if (comment.status === 'pending') {
    const badge = p.badge.cloneNode() as HTMLElement;
    badge.textContent = t.pendingBadge;
    header.append(' ', badge);
  }
  if (inReplyTo !== undefined) {
    const line = p.inReplyTo.cloneNode() as HTMLElement;
    line.textContent = t.inReplyTo(inReplyTo);
    node.append(line);
  }
  node.append(sanitizedBlock(context.host, comment, comment.bodyHtml, 'comment'));
  let reply: HTMLButtonElement | undefined;
  if (canReply) {
    reply = p.reply.cloneNode() as HTMLButtonElement;
    reply.setAttribute('aria-label', t.replyTo(name));
    reply.textContent = t.reply;
    node.append(reply);
  }
  return { key: '', node, reply };
}

/**
 * The articles of one element's comments: `get` returns the same node for the same comment as long
 * as what it shows is the same (language, "in reply to", Reply button), so that rendering a list
 * again moves nodes at most, and each body is sanitized once.
 */
export class CommentEntries {
  #entries = new WeakMap<Comment, Entry>();

  get(comment: Comment, inReplyTo: string | undefined, context: EntryContext): HTMLElement {
    const canReply = context.canPost && comment.status !== 'pending';
    const key = `${context.lang}|${canReply ? 'r' : ''}|${inReplyTo === undefined ? '' : `@${inReplyTo}`}`;
    let entry = this.#entries.get(comment);
    if (!entry || entry.key !== key) {
      entry = build(comment, inReplyTo, canReply, context);
      entry.key = key;
      this.#entries.set(comment, entry);
    }
    if (entry.reply) {
      const expanded = context.replyTo === comment.id ? 'true' : 'false';
      if (entry.reply.getAttribute('aria-expanded') !== expanded) entry.reply.setAttribute('aria-expanded', expanded);
    }
    return entry.node;
  }
}

/** The id of the comment whose Reply button `target` is (for a click listened to on the list). */
export function replyButtonTarget(target: EventTarget | null): string | undefined {
  const button = target instanceof Element ? target.closest('button.reply') : null;
  const article = button?.parentElement;
  return article?.localName === 'article' ? (article.getAttribute('data-comment-id') ?? undefined) : undefined;
}
