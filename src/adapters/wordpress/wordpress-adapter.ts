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
  Person,
  RequestOptions,
  Section,
  Video,
} from '../../core/model.js';
import { fetchError, MagAdapterError, throwIfAborted } from '../../core/errors.js';
import type { MagErrorCode } from '../../core/errors.js';
import { array, count, isRecord, looseObject, parse, string } from '../../core/schema.js';
import type { GenericSchema } from 'valibot';
import { escapeHtml, htmlToText, truncateText } from '../feed/html-text.js';
import type { WpComment, WpCommentInput, WpError, WpIndex, WpMedia, WpPost, WpTerm, WpUser } from './wp-types.js';

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

type Params = Record<string, string | number | undefined>;
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

/** The parameters of `POST /wp/v2/comments` that are draft fields (WordPress names them in `rest_invalid_param` errors). */
const FIELD_OF_PARAM: Record<string, keyof CommentDraft> = {
  author_name: 'authorName',
  author_email: 'authorEmail',
  author_url: 'authorUrl',
  content: 'bodyText',
  parent: 'parentId',
};

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
  /** `true`: routes go into `?rest_route=`; `false`: routes are appended to the API root. */
  private readonly _query: boolean;
  private readonly _base: string;
  private readonly _homeUrl: string;
  private readonly _options: WordPressAdapterOptions;
  private readonly _categoryIds = new Map<string, number>();

  constructor(options: WordPressAdapterOptions) {
    if (!options?.endpoint) throw new TypeError('WordPressAdapter needs an `endpoint` (for example https://example.com/wp-json).');
    const url = new URL(options.endpoint.trim(), globalThis.location?.href);
    const apiRoot = /\/wp-json\/?$/;
    // `?rest_route=` when asked for, and for a plain site URL (it works with and without pretty permalinks)
    this._query = url.searchParams.has('rest_route') || !apiRoot.test(url.pathname);
    url.searchParams.delete('rest_route');
    if (!this._query) url.search = url.hash = '';
    this._base = this._query ? url.href : url.href.replace(/\/+$/, '');
    url.search = url.hash = '';
    url.pathname = url.pathname.replace(apiRoot, '/').replace(/[^/]*\.php$/, '');
    this._homeUrl = url.href;
    // (copies: changing the options object afterwards does not change the adapter)
    this._options = { ...options, headers: { ...options.headers } };
  }

  /** The URL of a REST route (`/wp/v2/posts`) with query parameters. */
  routeUrl(route: string, params: Params = {}): string {
    const url = new URL(this._query ? this._base : this._base + route);
    if (this._query) url.searchParams.set('rest_route', route);
    for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, String(v));
    return url.href;
  }

  async getArticle(ref: string, opts: RequestOptions = {}): Promise<Article> {
    const post = await this._findPost(ref, { _embed: 'author,wp:term' }, opts);
    const [previous, next, commentCount] = await Promise.all([
      this._neighbour(post, true, opts),
      this._neighbour(post, false, opts),
      this._commentTotal(post.id, opts),
    ]);
    const author = post._embedded?.author?.[0];
    const link = post.link;
    return {
      ...summaryOf(post),
      slug: post.slug,
      updated: gmtDate(post.modified_gmt) || undefined,
      author: author?.name ? personOfUser(author) : undefined,
      bodyHtml: post.content?.rendered ?? '',
      commentsOpen: post.comment_status === 'open',
      commentCount,
      commentFeedUrl: link ? commentFeedOf(link) : undefined,
      commentFeedType: link ? 'application/rss+xml' : undefined,
      previous,
      next,
      homeUrl: this._homeUrl,
    };
  }

  async listComments(articleId: string, opts: ListCommentsOptions = {}): Promise<CommentPage> {
    const postId = await this._postId(articleId, opts);
    const page = Number(opts.cursor ?? 1);
    if (!Number.isInteger(page) || page < 1) {
      throw new MagAdapterError('invalid-data', `Invalid comment cursor "${opts.cursor}": expected a page number.`);
    }
    const res = await this._request<WpComment[]>(
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
    const pages = headerNumber(res.headers, 'X-WP-TotalPages');
    return {
      comments: res.data.map(commentOf),
      total: headerNumber(res.headers, 'X-WP-Total'),
      nextCursor: page < (pages ?? 0) ? String(page + 1) : undefined,
    };
  }

  async listRecent(opts: ListRecentOptions = {}): Promise<ArticleSummary[]> {
    const limit = perPage(opts.limit ?? 5);
    const categories = opts.section ? await this._categoryId(opts.section, opts) : undefined;
    const res = await this._request<WpPost[]>(
      '/wp/v2/posts',
      { per_page: limit, orderby: 'date', order: 'desc', categories, _embed: 'wp:term' },
      opts,
      POSTS,
    );
    return res.data.map((p) => ({ ...summaryOf(p), excerpt: truncateText(htmlToText(p.excerpt?.rendered ?? ''), 300) || undefined }));
  }

  /**
   * `key`: `site`, `magazine` or nothing for the site itself (name and tagline);
   * `author:<id or slug>` for an author (name, bio, avatar, website).
   */
  async getAbout(key?: string, opts: RequestOptions = {}): Promise<About> {
    if (!key || key === 'site' || key === 'magazine') {
      const site = (await this._request<WpIndex & { name: string }>('/', { _fields: 'name,description,url,home,site_icon_url' }, opts, NAMED)).data;
      return about(htmlToText(site.name), site.description, site.site_icon_url, site.home || site.url);
    }
    const m = /^author:(.+)$/.exec(key);
    if (!m) throw new MagAdapterError('not-found', `No about box "${key}": use "site" or "author:<id or slug>".`);
    const ref = m[1].trim();
    const user = await this._item<WpUser>('/wp/v2/users', ref, {}, opts, NAMED);
    if (!user) throw new MagAdapterError('not-found', `No author "${ref}" on this WordPress site.`);
    const { name, avatarUrl } = personOfUser(user);
    // (their words are the element's: "Site web", "Articles de …")
    const links = [
      { kind: 'website' as const, url: user.url },
      { kind: 'articles' as const, url: user.link },
    ].filter((l): l is { kind: 'website' | 'articles'; url: string } => !!l.url);
    return { ...about(name, user.description, avatarUrl, user.url), links };
  }

  /**
   * The site's video attachments (`/wp/v2/media?media_type=video`), newest first (default 10), each a
   * file the browser plays: its attachment page, its length, and its poster (the attachment's featured
   * image) as thumbnail.
   */
  async listVideos(opts: ListVideosOptions = {}): Promise<Video[]> {
    const res = await this._request<WpMedia[]>(
      '/wp/v2/media',
      { media_type: 'video', per_page: perPage(opts.limit ?? 10), orderby: 'date', order: 'desc', _embed: 'wp:featuredmedia' },
      opts,
      POSTS,
    );
    return res.data.map((media) => {
      const poster = media._embedded?.['wp:featuredmedia']?.[0];
      return {
        id: String(media.id),
        title: titleOf(media),
        url: media.link ?? '',
        published: gmtDate(media.date_gmt, media.date),
        thumbnailUrl: poster?.source_url,
        thumbnailAlt: poster?.alt_text || undefined,
        // (WordPress stores the length it reads from the file in whole seconds)
        durationSeconds: media.media_details?.length,
        embedUrl: media.source_url,
        provider: 'file',
      };
    });
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
    const res = await this._request<WpPost[]>(
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
    const p = res.data[0];
    return p && { id: String(p.id), title: titleOf(p), url: p.link };
  }

  /** Number of approved comments; `undefined` when the site hides its comments endpoint (the article still loads). */
  private async _commentTotal(postId: number, opts: RequestOptions): Promise<number | undefined> {
    try {
      const res = await this._request<WpComment[]>('/wp/v2/comments', { post: postId, per_page: 1, _fields: 'id' }, opts, ITEMS);
      return headerNumber(res.headers, 'X-WP-Total');
    } catch (e) {
      if (opts.signal?.aborted) throw e; // aborted or timeout
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
      term = all.find((t) => htmlToText(t.name ?? '').toLowerCase() === key);
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
    let res: Response;
    let text: string;
    try {
      res = await (this._options.fetch ?? fetch)(url, {
        method: body && 'POST',
        headers: {
          Accept: 'application/json',
          ...this._options.headers,
          ...(body && { 'Content-Type': 'application/json', ...(this._options.nonce && { 'X-WP-Nonce': this._options.nonce }) }),
        },
        body: body && JSON.stringify(body),
        signal: opts.signal,
      });
      text = await res.text();
    } catch (e) {
      throw fetchError(e, `Could not reach WordPress at ${url}`, opts.signal, 'WordPress did not answer in time.');
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      // not JSON (or empty): `data` stays undefined
    }
    if (!res.ok) throw errorOf(res.status, isWpError(data) ? data : undefined, url, body);
    if (data === undefined) {
      const type = res.headers.get('Content-Type') ?? 'no content type';
      throw new MagAdapterError(
        'invalid-data',
        `WordPress at ${url} did not answer JSON (${type}): "${truncateText(text.replace(/\s+/g, ' ').trim(), 80)}".`,
        { status: res.status, problems: ['response: not JSON'] },
      );
    }
    return { data: parse(schema, data, route, "WordPress's answer"), headers: res.headers };
  }
}

// ---------------------------------------------------------------------------------------------------

function isWpError(x: unknown): x is WpError {
  return isRecord(x) && typeof x.code === 'string' && typeof x.message === 'string';
}

/**
 * What WordPress's error codes mean, and then, for any other error, its HTTP status: the error code,
 * the start of the message (WordPress's own message follows) and the draft field concerned.
 */
const WP_ERRORS: Record<string, [MagErrorCode, string, (keyof CommentDraft)?]> = {
  rest_comment_login_required: ['rejected', 'WordPress only accepts comments from logged-in users'],
  rest_comment_closed: ['closed', 'Comments are closed on this article'],
  comment_duplicate: ['duplicate', 'This comment was already posted'],
  comment_flood: ['too-fast', 'Comments are being posted too quickly; wait a little'],
  rest_comment_content_invalid: ['rejected', 'WordPress refused the comment text', 'bodyText'],
  comment_content_column_length: ['rejected', 'WordPress refused the comment text', 'bodyText'],
  comment_author_column_length: ['rejected', 'WordPress refused the name', 'authorName'],
  comment_author_email_column_length: ['rejected', 'WordPress refused the email address', 'authorEmail'],
  comment_author_url_column_length: ['rejected', 'WordPress refused the website address', 'authorUrl'],
  // (rest_post_invalid_id, rest_user_invalid_id, rest_term_invalid and rest_no_route come with HTTP 404: not-found below)
  rest_comment_invalid_post_id: ['not-found', 'Not found on WordPress'],
  rest_comment_draft_post: ['not-found', 'This article is not published'],
  rest_comment_trash_post: ['not-found', 'This article is not published'],
  // by HTTP status (5xx: network, others: rejected); these messages also give the status and the URL
  404: ['not-found', 'Not found on WordPress'],
  409: ['duplicate', 'WordPress says this already exists'],
  429: ['too-fast', 'WordPress asks to slow down'],
};

function errorOf(status: number, wp: WpError | undefined, url: string, comment?: WpCommentInput): MagAdapterError {
  const said = wp ? htmlToText(wp.message) : '';
  const tail = said ? `: ${said}` : '';
  const make = (c: MagErrorCode, message: string, field?: string) => new MagAdapterError(c, message, { status, field, cause: wp, reason: said || undefined });
  const code = wp?.code ?? '';
  // (WordPress's code is data: an own entry of the table only, never `constructor` or `toString`)
  const known = Object.hasOwn(WP_ERRORS, code) ? WP_ERRORS[code] : undefined;
  if (known) return make(known[0], known[1] + tail, known[2]);
  if (code === 'rest_comment_author_data_required') {
    return make('rejected', 'WordPress needs a name and a valid email address' + tail, comment?.author_name?.trim() ? 'authorEmail' : 'authorName');
  }
  if (code === 'rest_invalid_param' || code === 'rest_missing_callback_param') {
    const params = wp?.data?.params ?? {};
    const names = Object.keys(params);
    const param = names.find((p) => Object.hasOwn(FIELD_OF_PARAM, p)) ?? names[0];
    const detail = param ? (params[param] ?? said) : said;
    return make('rejected', `WordPress refused the request: ${htmlToText(String(detail))}`, param ? ((Object.hasOwn(FIELD_OF_PARAM, param) && FIELD_OF_PARAM[param]) || param) : undefined);
  }
  const [c, what] = (Object.hasOwn(WP_ERRORS, status) && WP_ERRORS[status]) || (status >= 500 ? ['network', 'WordPress failed'] : ['rejected', `WordPress refused the ${comment ? 'comment' : 'request'}`]);
  return make(c, `${what} (HTTP ${status}, ${url})${tail}`);
}

/** The `per_page` of a collection: a whole number from 1 to 100, WordPress's limits. */
const perPage = (count: number): number => Math.min(100, Math.max(1, Math.floor(count)));

/** A number header (`X-WP-Total`); `undefined` when absent or not a number. */
function headerNumber(headers: Headers, name: string): number | undefined {
  const v = headers.get(name)?.trim();
  // (`Number('')` is 0: an empty header is absent, not zero)
  return v && Number.isFinite(+v) ? +v : undefined;
}

/** WordPress `*_gmt` fields have no zone: they are UTC. Falls back to the local date when absent. */
function gmtDate(gmt: string | undefined, local?: string): string {
  const raw = (gmt && !gmt.startsWith('0000') ? `${gmt}Z` : local) ?? '';
  const d = new Date(raw);
  return Number.isNaN(d.getTime()) ? raw : d.toISOString();
}

/** The URL of the largest avatar: WordPress keys them by size in pixels (`{ 24: …, 48: …, 96: … }`). */
function largestAvatar(urls: Record<string, string> | undefined): string | undefined {
  return Object.entries(urls ?? {})
    .filter(([, u]) => typeof u === 'string' && u)
    .sort(([a], [b]) => +b - +a)[0]?.[1];
}

/** An about box; `description` is WordPress text (it may hold entities or tags), shown as one paragraph. */
function about(name: string | undefined, description = '', photoUrl?: string, contactUrl?: string): About {
  const bio = htmlToText(description);
  return { name, bioHtml: bio && `<p>${escapeHtml(bio)}</p>`, photoUrl: photoUrl || undefined, photoAlt: photoUrl ? name : undefined, contactUrl: contactUrl || undefined };
}

const titleOf = (p: WpPost | WpMedia): string => htmlToText(p.title?.rendered ?? '');

/** What an article and a summary share. */
function summaryOf(p: WpPost): ArticleSummary {
  return { id: String(p.id), title: titleOf(p), url: p.link, published: gmtDate(p.date_gmt, p.date), sections: sectionsOf(p) };
}

function personOfUser(u: WpUser): Person {
  return {
    name: htmlToText(u.name ?? '') || undefined,
    url: u.url || u.link || undefined,
    avatarUrl: largestAvatar(u.avatar_urls),
  };
}

/** The categories among the embedded terms (`wp:term` holds one list per taxonomy; whatever is not a term is skipped). */
function sectionsOf(p: WpPost): Section[] {
  const terms: unknown[] = [p._embedded?.['wp:term']].flat(2);
  return terms
    .filter((t): t is WpTerm & { name: string } => (t as WpTerm | undefined)?.taxonomy === 'category' && typeof (t as WpTerm).name === 'string')
    .map((t) => ({ name: htmlToText(t.name), url: t.link || undefined }));
}

/** What a comment written by a bot (its honeypot filled) is answered with: held for moderation, never stored. */
function droppedComment(draft: CommentDraft): Comment {
  return { id: `dropped-${Date.now().toString(36)}`, author: { name: draft.authorName }, published: new Date().toISOString(), bodyHtml: '', status: 'pending' };
}

function commentOf(c: WpComment): Comment {
  return {
    id: String(c.id),
    parentId: c.parent ? String(c.parent) : undefined,
    author: {
      name: htmlToText(c.author_name ?? '') || undefined,
      url: c.author_url || undefined,
      avatarUrl: largestAvatar(c.author_avatar_urls),
    },
    published: gmtDate(c.date_gmt, c.date),
    bodyHtml: c.content?.rendered ?? '',
    status: [undefined, 'approved', 'approve'].includes(c.status) ? 'approved' : 'pending',
  };
}

/** The post's comment feed: `<link>feed/` with pretty permalinks, `?p=ID&feed=rss2` without. */
function commentFeedOf(link: string): string {
  const url = new URL(link);
  if (url.search) url.searchParams.set('feed', 'rss2');
  else {
    url.hash = '';
    url.pathname = url.pathname.replace(/\/?$/, '/feed/');
  }
  return url.href;
}
