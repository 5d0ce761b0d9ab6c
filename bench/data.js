// Bench data and the in-page adapter shared by both implementations (bench/thread.html).
// The comments are those of stories/support/sample-data.ts `longThread(n)`: author, date, avatar URL,
// a ~300-character HTML body that must be sanitized; every fifth comment answers the one before it.

const BODY =
  '<p>Lorem <strong>ipsum</strong> dolor sit amet, consectetur adipiscing elit. Integer <a href="https://example.org/source">nec odio</a>. Praesent libero. Sed cursus ante dapibus diam. Sed nisi. Nulla quis sem at nibh elementum imperdiet. Duis sagittis ipsum. <em>Praesent mauris</em>. Fusce nec tellus sed augue semper porta.</p>';

/** An avatar's absolute address (images from data are shown from absolute http(s) addresses). */
const avatar = (i) => new URL(`/bench/img/avatar-${i % 3}.svg`, location.href).href;

/** `count` comments, as `longThread(count)` makes them (avatars served from bench/img/). */
export function longThread(count) {
  return Array.from({ length: count }, (_, i) => ({
    id: `t${i}`,
    ...(i % 5 === 4 ? { parentId: `t${i - 1}` } : {}),
    author: { name: `Reader ${i + 1}`, avatarUrl: avatar(i) },
    published: new Date(Date.UTC(2013, 9, 16, 10, 0, i)).toISOString(),
    // A distinct string per comment, as from a real backend (no sharing of one interned string).
    bodyHtml: BODY.replace('Lorem', `Lorem ${i}`),
  }));
}

/** One comment and `count - 1` replies to it: the longest list of siblings a thread can have. */
export function repliesThread(count) {
  return longThread(count).map((comment, i) => {
    const { parentId: _parent, ...rest } = comment;
    return i ? { ...rest, parentId: 't0' } : rest;
  });
}

/**
 * A MagAdapter over `comments`, answering `listComments` a page of `pageSize` at a time with a
 * cursor (the element asks for the next page; the vanilla baseline loops until the last page).
 * Answers are asynchronous (a resolved promise) but cost no network or parsing: both
 * implementations get the same objects.
 */
export function benchAdapter(comments, { pageSize = comments.length || 1 } = {}) {
  const article = {
    id: 'bench',
    title: 'Bench article',
    published: '2013-10-16T09:30:00Z',
    sections: [],
    bodyHtml: '<p>Bench.</p>',
    commentsOpen: false,
    commentCount: comments.length,
  };
  const stats = { listComments: 0 };
  return {
    stats,
    async getArticle() {
      return { ...article };
    },
    async listComments(_articleId, { cursor } = {}) {
      stats.listComments++;
      const start = cursor ? Number(cursor) : 0;
      const end = Math.min(start + pageSize, comments.length);
      return {
        comments: comments.slice(start, end),
        total: comments.length,
        ...(end < comments.length ? { nextCursor: String(end) } : {}),
      };
    },
    async listRecent() {
      return [];
    },
  };
}
