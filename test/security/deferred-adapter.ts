import type {
  About,
  Article,
  ArticleSummary,
  Comment,
  CommentDraft,
  CommentPage,
  ListCommentsOptions,
  ListRecentOptions,
  MagAdapter,
  RequestOptions,
  SubscribeResult,
} from '../../src/core/model.js';
import type { MagAdapterError } from '../../src/core/errors.js';

export interface PendingCall {
  method: string;
  /** What the call is about: an article ref, a section, an about key, an email. */
  ref: string;
  signal?: AbortSignal;
  settled: boolean;
  answer: () => void;
  fail: (error: MagAdapterError) => void;
}

/** Data that names its ref everywhere (`marker-<ref>`), so a test can tell which answer is shown. */
export const marker = (ref: string): string => `marker-${ref}`;

export function markedArticle(ref: string): Article {
  return {
    id: ref,
    title: `Title ${marker(ref)}`,
    url: `/articles/${marker(ref)}`,
    published: '2024-01-02T03:04:05Z',
    author: { name: `Author ${marker(ref)}` },
    sections: [{ name: `Section ${marker(ref)}` }],
    bodyHtml: `<p>Body ${marker(ref)}</p>`,
    commentsOpen: true,
    commentCount: 1,
    commentFeedUrl: `/feeds/${marker(ref)}.atom`,
  };
}

export function markedComments(ref: string): CommentPage {
  const comment: Comment = { id: `${ref}-c1`, author: { name: `Commenter ${marker(ref)}` }, published: '2024-01-03T00:00:00Z', bodyHtml: `<p>Comment ${marker(ref)}</p>` };
  return { comments: [comment], total: 1 };
}

export function markedRecent(ref: string): ArticleSummary[] {
  return [{ id: `r-${ref}`, title: `Recent ${marker(ref)}`, published: '2024-01-02T00:00:00Z', sections: [] }];
}

export function markedAbout(ref: string): About {
  return { title: `About ${marker(ref)}`, bioHtml: `<p>Bio ${marker(ref)}</p>` };
}

/**
 * An adapter whose every call waits until the test answers it (in any order), so that races can be
 * played out exactly: `answer(ref)` resolves the pending calls about `ref` with marked data.
 */
export class DeferredAdapter implements MagAdapter {
  readonly calls: PendingCall[] = [];

  #call<T>(method: string, ref: string, opts: RequestOptions | undefined, value: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const call: PendingCall = {
        method,
        ref,
        signal: opts?.signal,
        settled: false,
        answer: () => {
          call.settled = true;
          resolve(value());
        },
        fail: (error) => {
          call.settled = true;
          reject(error);
        },
      };
      this.calls.push(call);
    });
  }

  /** The calls not answered yet, optionally only those about `ref`. */
  pending(ref?: string): PendingCall[] {
    return this.calls.filter((c) => !c.settled && (ref === undefined || c.ref === ref));
  }

  /** Answers every pending call about `ref`. Returns how many were answered. */
  answer(ref: string): number {
    const calls = this.pending(ref);
    for (const call of calls) call.answer();
    return calls.length;
  }

  getArticle(ref: string, opts?: RequestOptions): Promise<Article> {
    return this.#call('getArticle', ref, opts, () => markedArticle(ref));
  }

  listComments(articleId: string, opts?: ListCommentsOptions): Promise<CommentPage> {
    return this.#call('listComments', articleId, opts, () => markedComments(articleId));
  }

  listRecent(opts?: ListRecentOptions): Promise<ArticleSummary[]> {
    const ref = opts?.section ?? '';
    return this.#call('listRecent', ref, opts, () => markedRecent(ref));
  }

  getAbout(key?: string, opts?: RequestOptions): Promise<About> {
    const ref = key ?? '';
    return this.#call('getAbout', ref, opts, () => markedAbout(ref));
  }

  subscribe(email: string, opts?: RequestOptions): Promise<SubscribeResult> {
    return this.#call('subscribe', email, opts, () => ({ status: 'confirmation-sent' as const }));
  }

  postComment(articleId: string, draft: CommentDraft, opts?: RequestOptions): Promise<Comment> {
    return this.#call('postComment', articleId, opts, () => ({
      id: `posted-${articleId}`,
      author: { name: draft.authorName },
      published: '2024-01-04T00:00:00Z',
      bodyHtml: `<p>${draft.bodyText.replace(/</g, '&lt;')}</p>`,
      status: 'approved' as const,
    }));
  }
}
