/**
 * The WordPress adapter: what each call asks WordPress's REST API, through one request method that
 * checks the answer. Where the API is: wp-endpoint.ts; its objects read into the model: wp-model.ts;
 * its refusals as errors: wp-errors.ts; the shapes of its answers: wp-types.ts.
 */

import type {
  About,
  Article,
  ArticleLink,
  ArticleSummary,
  Comment,
  CommentDraft,
  CommentPage,
  ListCommentsOptions,
  ListRecentOptions,
  ListVideosOptions,
  MagAdapter,
  RequestOptions,
  Video,
} from '../../core/model.js';
import { fetchError, MagAdapterError, throwIfAborted } from '../../core/errors.js';
import { array, count, looseObject, parse, string } from '../../core/schema.js';
import type { GenericSchema } from 'valibot';
import { htmlToText, truncateText } from '../feed/html-text.js';
import { parseEndpoint, restUrl } from './wp-endpoint.js';
import type { Params, WpEndpoint } from './wp-endpoint.js';
import { errorOf } from './wp-errors.js';
import { articleOf, authorAboutOf, commentOf, droppedComment, recentOf, siteAboutOf, titleOf, videoOf } from './wp-model.js';
import type { WpComment, WpCommentInput, WpIndex, WpMedia, WpPost, WpTerm, WpUser } from './wp-types.js';

/** Options of {@link WordPressAdapter}. */
export interface WordPressAdapterOptions {
  /**
   * Where the REST API is. Any of:
   * - the API root with pretty permalinks: `https://example.com/wp-json`;
   * - a site without pretty permalinks: `https://example.com/?rest_route=` (works on every site);
   * - the plain site URL `https://example.com` (then `?rest_route=` is used).
   */
  endpoint: string;
  /**
   * Extra request headers, for example `{ 'X-WP-Nonce': nonce }` on the same origin as a logged-in
   * WordPress, or `Authorization` with an application password. They must be allowed by WordPress's CORS.
   */
  headers?: Record<string, string>;
  /**
   * WordPress's REST nonce (`wp_create_nonce('wp_rest')` in PHP), sent as `X-WP-Nonce` with comment
   * posts only: WordPress then knows a logged-in reader (cookie authentication), and the mag-elements
   * plugin lets visitors comment only with a nonce issued to the page. Reads go without it, so a page
   * kept in a cache longer than the nonce lives still reads.
   */
  nonce?: string;
  /** Comments per page for `listComments` (1–100, default 20). */
  commentsPerPage?: number;
  /** The `fetch` to use (default: the global one). */
  fetch?: typeof fetch;
}

interface WpResponse<T> {
  data: T;
  headers: Headers;
}

/** A category of `/wp/v2/categories` (its `id` checked). */
type Category = WpTerm & { id: number };

/**
 * What the adapter needs in WordPress's answers (checked with the data model's building blocks). The
 * other fields are kept as they come and read with care (wp-types.ts).
 */
const POST = looseObject({ id: count, title: looseObject({ rendered: string }) });
const POSTS = array(POST);
const ITEM = looseObject({ id: count }); // a comment, a category
const ITEMS = array(ITEM);
const NAMED = looseObject({ name: string });

/**
 * Reads articles, comments, recent posts, about boxes and the site's videos from a WordPress site's
 * REST API (v2), and posts comments to it.
 *
 * ```ts
 * const adapter = new WordPressAdapter({ endpoint: 'https://example.com/wp-json' });
 * const article = await adapter.getArticle('hello-world');
 * ```
 *
 * The site must allow cross-origin requests from the page (WordPress's REST API does by default) and,
 * for anonymous comments, the `rest_allow_anonymous_comments` filter (see docs/adapters/wordpress.md).
 * Every failure rejects with a {@link MagAdapterError}.
 */
export class WordPressAdapter implements MagAdapter {
  private readonly _endpoint: WpEndpoint;
  private readonly _options: WordPressAdapterOptions;
  private readonly _categoryIds = new Map<string, number>();

  constructor(options: WordPressAdapterOptions) {
    if (!options?.endpoint) throw new TypeError('WordPressAdapter needs an `endpoint` (for example https://example.com/wp-json).');
    this._endpoint = parseEndpoint(options.endpoint);
    // (copies: changing the options object afterwards does not change the adapter)
    this._options = { ...options, headers: { ...options.headers } };
  }

  /** The URL of a REST route (`/wp/v2/posts`) with query parameters. */
  routeUrl(route: string, params: Params = {}): string {
    return restUrl(this._endpoint, route, params);
  }

  async getArticle(ref: string, opts: RequestOptions = {}): Promise<Article> {
    const post = await this._findPost(ref, { _embed: 'author,wp:term' }, opts);
    const [previous, next, commentCount] = await Promise.all([
      this._neighbour(post, true, opts),
      this._neighbour(post, false, opts),
      this._commentTotal(post.id, opts),
    ]);
    return { ...articleOf(post), commentCount, previous, next, homeUrl: this._endpoint.homeUrl };
  }

  async listComments(articleId: string, opts: ListCommentsOptions = {}): Promise<CommentPage> {
    const postId = await this._postId(articleId, opts);
    const page = Number(opts.cursor ?? 1);
    if (!Number.isInteger(page) || page < 1) {
      throw new MagAdapterError('invalid-data', `Invalid comment cursor "${opts.cursor}": expected a page number.`);
    }
    const response = await this._request<WpComment[]>(
      '/wp/v2/comments',
      {
        post: postId,
        page,
        per_page: perPage(this._options.commentsPerPage ?? 20),
        order: 'asc',
        orderby: 'date_gmt',
      },
      opts,
      ITEMS,
    );
    const pages = headerNumber(response.headers, 'X-WP-TotalPages');
    return {
      comments: response.data.map(commentOf),
      total: headerNumber(response.headers, 'X-WP-Total'),
      nextCursor: page < (pages ?? 0) ? String(page + 1) : undefined,
    };
  }

  async listRecent(opts: ListRecentOptions = {}): Promise<ArticleSummary[]> {
    const limit = perPage(opts.limit ?? 5);
    const categories = opts.section ? await this._categoryId(opts.section, opts) : undefined;
    const response = await this._request<WpPost[]>(
      '/wp/v2/posts',
      { per_page: limit, orderby: 'date', order: 'desc', categories, _embed: 'wp:term' },
      opts,
      POSTS,
    );
    return response.data.map(recentOf);
  }

  /**
   * `key`: `site`, `magazine` or nothing for the site itself (name and tagline);
   * `author:<id or slug>` for an author (name, bio, avatar, website).
   */
  async getAbout(key?: string, opts: RequestOptions = {}): Promise<About> {
    if (!key || key === 'site' || key === 'magazine') {
      const site = (await this._request<WpIndex & { name: string }>('/', { _fields: 'name,description,url,home,site_icon_url' }, opts, NAMED)).data;
      return siteAboutOf(site);
    }
    const author = /^author:(.+)$/.exec(key);
    if (!author) throw new MagAdapterError('not-found', `No about box "${key}": use "site" or "author:<id or slug>".`);
    const ref = author[1].trim();
    const user = await this._item<WpUser>('/wp/v2/users', ref, {}, opts, NAMED);
    if (!user) throw new MagAdapterError('not-found', `No author "${ref}" on this WordPress site.`);
    return authorAboutOf(user);
  }

  /**
   * The site's video attachments (`/wp/v2/media?media_type=video`), newest first (default 10), each a
   * file the browser plays: its attachment page, its length, and its poster (the attachment's featured
   * image) as thumbnail.
   */
  async listVideos(opts: ListVideosOptions = {}): Promise<Video[]> {
    const response = await this._request<WpMedia[]>(
      '/wp/v2/media',
      { media_type: 'video', per_page: perPage(opts.limit ?? 10), orderby: 'date', order: 'desc', _embed: 'wp:featuredmedia' },
      opts,
      POSTS,
    );
    return response.data.map(videoOf);
  }

  /**
   * Posts a comment (`POST /wp/v2/comments`). A comment held for moderation resolves with
   * `status: 'pending'`. WordPress's refusals map to `rejected` (with `field`), `closed`,
   * `duplicate`, `too-fast` and `not-found`.
   */
  async postComment(articleId: string, draft: CommentDraft, opts: RequestOptions = {}): Promise<Comment> {
    // A bot filled the field people do not see: nothing is sent, and the bot is told its comment awaits moderation.
    if (draft.honeypot) return droppedComment(draft);
    const postId = await this._postId(articleId, opts);
    const parent = draft.parentId ? Number(draft.parentId) : undefined;
    if (parent !== undefined && !(Number.isInteger(parent) && parent >= 0)) {
      throw new MagAdapterError('rejected', `Invalid parent comment id "${draft.parentId}".`, { field: 'parentId' });
    }
    // (JSON.stringify leaves out the fields that are undefined)
    const body: WpCommentInput = { post: postId, author_name: draft.authorName, author_email: draft.authorEmail, author_url: draft.authorUrl || undefined, content: draft.bodyText, parent };
    return commentOf((await this._request<WpComment>('/wp/v2/comments', {}, opts, ITEM, body)).data);
  }

  // ---------------------------------------------------------------------------------------------

  private async _findPost(ref: string, params: Params, opts: RequestOptions): Promise<WpPost> {
    const trimmed = String(ref ?? '').trim();
    if (!trimmed) throw new MagAdapterError('not-found', 'No article id or slug given.');
    const post = await this._item<WpPost>('/wp/v2/posts', trimmed, params, opts, POST);
    if (!post) throw new MagAdapterError('not-found', `No published article "${trimmed}" on this WordPress site.`);
    return post;
  }

  /** An item of a collection (`/wp/v2/posts`) by id (`/wp/v2/posts/<id>`) or slug (`?slug=`; `undefined` when none has it). */
  private async _item<T>(route: string, ref: string, params: Params, opts: RequestOptions, schema: GenericSchema<unknown, T>): Promise<T | undefined> {
    return /^\d+$/.test(ref)
      ? (await this._request(`${route}/${ref}`, params, opts, schema)).data
      : (await this._request(route, { ...params, slug: ref }, opts, array(schema))).data[0];
  }

  private async _postId(ref: string, opts: RequestOptions): Promise<number> {
    const trimmed = String(ref ?? '').trim();
    if (/^\d+$/.test(trimmed)) return Number(trimmed);
    return (await this._findPost(trimmed, { _fields: 'id,title' }, opts)).id;
  }

  /** The post just before (`older`) or after this one. */
  private async _neighbour(post: WpPost, older: boolean, opts: RequestOptions): Promise<ArticleLink | undefined> {
    // `before`/`after` compare with the local post_date column, so pass the local date.
    const response = await this._request<WpPost[]>(
      '/wp/v2/posts',
      {
        [older ? 'before' : 'after']: post.date,
        order: older ? 'desc' : 'asc',
        orderby: 'date',
        per_page: 1,
        exclude: post.id,
        _fields: 'id,title,link',
      },
      opts,
      POSTS,
    );
    const neighbour = response.data[0];
    return neighbour && { id: String(neighbour.id), title: titleOf(neighbour), url: neighbour.link };
  }

  /** Number of approved comments; `undefined` when the site hides its comments endpoint (the article still loads). */
  private async _commentTotal(postId: number, opts: RequestOptions): Promise<number | undefined> {
    try {
      const response = await this._request<WpComment[]>('/wp/v2/comments', { post: postId, per_page: 1, _fields: 'id' }, opts, ITEMS);
      return headerNumber(response.headers, 'X-WP-Total');
    } catch (error) {
      if (opts.signal?.aborted) throw error; // aborted or timeout
      return undefined;
    }
  }

  private async _categoryId(section: string, opts: RequestOptions): Promise<number> {
    const wanted = section.trim();
    const key = wanted.toLowerCase();
    if (/^\d+$/.test(key)) return Number(key);
    const cached = this._categoryIds.get(key);
    if (cached !== undefined) return cached;
    // A slug, or a name: WordPress turns the `slug` asked for into a slug (sanitize_title(), as when it
    // made the category's: "Science & Tech" → "science-tech"). It reads `slug` as a list separated by
    // commas or spaces: those become dashes, as in slugs.
    const slug = wanted.replace(/[\s,]+/g, '-');
    let term: Category | undefined = (await this._request<Category[]>('/wp/v2/categories', { slug, _fields: 'id,name' }, opts, ITEMS)).data[0];
    if (!term) {
      // custom slugs: compare the decoded names of all categories (names are stored HTML-encoded)
      const all = (await this._request<Category[]>('/wp/v2/categories', { per_page: 100, _fields: 'id,name' }, opts, ITEMS)).data;
      term = all.find((category) => htmlToText(category.name ?? '').toLowerCase() === key);
    }
    if (!term) {
      throw new MagAdapterError('not-found', `No section "${wanted}" on this WordPress site.`);
    }
    this._categoryIds.set(key, term.id);
    return term.id;
  }

  /**
   * One REST request (a POST of `body` when there is one): JSON in, JSON out, the answer checked
   * with `schema`, every failure as a `MagAdapterError`.
   */
  private async _request<T>(route: string, params: Params, opts: RequestOptions, schema: GenericSchema<unknown, T>, body?: WpCommentInput): Promise<WpResponse<T>> {
    throwIfAborted(opts.signal);
    const url = this.routeUrl(route, params);
    let response: Response;
    let text: string;
    try {
      response = await (this._options.fetch ?? fetch)(url, {
        method: body && 'POST',
        headers: {
          Accept: 'application/json',
          ...this._options.headers,
          ...(body && { 'Content-Type': 'application/json', ...(this._options.nonce && { 'X-WP-Nonce': this._options.nonce }) }),
        },
        body: body && JSON.stringify(body),
        signal: opts.signal,
      });
      text = await response.text();
    } catch (error) {
      throw fetchError(error, `Could not reach WordPress at ${url}`, opts.signal, 'WordPress did not answer in time.');
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      // not JSON (or empty): `data` stays undefined
    }
    if (!response.ok) throw errorOf(response.status, data, url, body);
    if (data === undefined) {
      const type = response.headers.get('Content-Type') ?? 'no content type';
      throw new MagAdapterError(
        'invalid-data',
        `WordPress at ${url} did not answer JSON (${type}): "${truncateText(text.replace(/\s+/g, ' ').trim(), 80)}".`,
        { status: response.status, problems: ['response: not JSON'] },
      );
    }
    return { data: parse(schema, data, route, "WordPress's answer"), headers: response.headers };
  }
}

/** The `per_page` of a collection: a whole number from 1 to 100, WordPress's limits. */
const perPage = (count: number): number => Math.min(100, Math.max(1, Math.floor(count)));

/** A number header (`X-WP-Total`); `undefined` when absent or not a number. */
function headerNumber(headers: Headers, name: string): number | undefined {
  const value = headers.get(name)?.trim();
  // (`Number('')` is 0: an empty header is absent, not zero)
  return value && Number.isFinite(+value) ? +value : undefined;
}
