// The vanilla baseline: the same comment thread as <mag-comment-thread> (same markup, same styles,
// same sanitizer profile), written by hand with <template> cloning and DOMPurify, no framework.
// It renders everything in one go, as most hand-written code would.
import DOMPurify from '/node_modules/dompurify/dist/purify.es.mjs';

// The `comment` profile of src/core/sanitize.ts.
const INLINE = ['a', 'abbr', 'b', 'br', 'cite', 'code', 'del', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u'];
const BLOCK = ['blockquote', 'p', 'pre', 'ul', 'ol', 'li'];
const CONFIG = {
  ALLOWED_TAGS: [...INLINE, ...BLOCK],
  ALLOWED_ATTR: ['href', 'title', 'lang', 'dir', 'cite', 'datetime'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|[^a-z]|[a-z0-9+.-]+(?:[^a-z0-9+.\-:]|$))/i,
  KEEP_CONTENT: true,
  RETURN_DOM_FRAGMENT: true,
};
const purify = DOMPurify(window);
purify.addHook('afterSanitizeAttributes', (node) => {
  for (const attr of ['href', 'cite']) {
    if (node.hasAttribute(attr) && !/^(https?:|mailto:)/i.test(node.getAttribute(attr).trim())) node.removeAttribute(attr);
  }
  if (node.nodeName === 'A' && node.hasAttribute('href')) node.setAttribute('rel', 'nofollow ugc noopener');
});

// The styles of <mag-comment-thread> that apply to a read-only thread (base styles included).
const CSS = `
:host { display: block; font: inherit; color: inherit; box-sizing: border-box; }
*, *::before, *::after { box-sizing: inherit; }
a { color: var(--mag-color-link, inherit); }
.thread {
  --_indent: var(--mag-comment-thread-indent, var(--mag-space-l, 1.5rem));
  --_avatar-size: var(--mag-comment-thread-avatar-size, 2.5rem);
  --_gap: var(--mag-comment-thread-gap, var(--mag-space-m, 1rem));
  --_border: var(--mag-comment-thread-border-color, color-mix(in srgb, currentColor 25%, transparent));
}
h2 { font: inherit; font-weight: 600; margin: 0 0 var(--_gap); font-size: var(--mag-font-size-large, 1.25em); }
ol { list-style: none; margin: 0; padding: 0; }
.comments > li { content-visibility: auto; contain-intrinsic-size: auto 8em; }
li.comment { margin: 0 0 var(--_gap); }
.replies { margin-block-start: var(--_gap); margin-inline-start: var(--_indent); padding-inline-start: var(--mag-space-s, 0.5rem); border-inline-start: 2px solid var(--_border); }
.entry { display: grid; grid-template-columns: var(--_avatar-size) 1fr; column-gap: var(--mag-space-s, 0.75rem); border-radius: var(--mag-radius, 0.25em); }
.entry > :not(.avatar) { grid-column: 2; }
.avatar { grid-row: 1 / span 3; position: relative; display: inline-grid; place-items: center; width: var(--_avatar-size); height: var(--_avatar-size); border-radius: 50%; border: 1px solid var(--_border); overflow: hidden; font-size: 0.9em; font-weight: 600; line-height: 1; }
.avatar img { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: cover; }
.avatar img[hidden] { display: none; }
.header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 var(--mag-space-s, 0.5rem); }
.author { font-weight: 600; }
.body { overflow-wrap: anywhere; }
.body > :first-child { margin-block-start: 0.25em; }
.body > :last-child { margin-block-end: 0.25em; }
.notice { margin: var(--_gap) 0; }
`;
let sheet;

const template = document.createElement('template');
template.innerHTML =
  '<li class="comment" part="comment"><article class="entry" tabindex="-1"><span class="avatar" part="avatar" aria-hidden="true"><img alt="" loading="lazy" decoding="async"></span>' +
  '<p class="header"><span class="author" part="author"></span> <time part="date"></time></p><div class="body" part="body"></div></article></li>';
const repliesTemplate = document.createElement('template');
repliesTemplate.innerHTML = '<ol class="replies" part="replies"></ol>';

const dateFormat = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric' });
const count = new Intl.NumberFormat('en');
const initials = (name) => {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((w) => Array.from(w)[0] ?? '').join('').toUpperCase();
};
const safeHttp = (url) => (typeof url === 'string' && /^(https?:|\/(?!\/)|\.)/i.test(url.trim()) ? url.trim() : undefined);

function renderComment(node, depth, sanitize) {
  const { comment: c, children } = node;
  const li = template.content.firstChild.cloneNode(true);
  li.className = `comment depth-${depth}`;
  const article = li.firstChild;
  article.dataset.commentId = c.id;
  const [avatar, header, body] = article.children;
  const img = avatar.firstChild;
  avatar.insertBefore(document.createTextNode(initials(c.author.name)), img);
  const src = safeHttp(c.author.avatarUrl);
  if (src) img.src = src;
  else img.remove();
  header.firstChild.textContent = c.author.name;
  const time = header.lastChild;
  time.dateTime = c.published;
  time.textContent = dateFormat.format(new Date(c.published));
  body.append(sanitize(c.bodyHtml));
  if (children.length) {
    const ol = repliesTemplate.content.firstChild.cloneNode(true);
    for (const child of children) ol.append(renderComment(child, depth + 1, sanitize));
    li.append(ol);
  }
  return li;
}

/**
 * Loads every page of comments through `adapter`, then renders the thread in a shadow root of `host`.
 * Options for experiments: `chunk` (render that many top-level comments at once, the rest in idle
 * callbacks), `contentVisibility: false` (drop `content-visibility: auto` from the comments),
 * `group` (wrap every `group` top-level comments in one `content-visibility: auto` block instead),
 * `configOnce: false` (DOMPurify reads its configuration on every call, as `sanitize(html, config)` does).
 */
export function renderThread(host, adapter, articleId, { chunk = 0, contentVisibility = true, group = 0, configOnce = true } = {}) {
  // DOMPurify configured once (setConfig), as src/core/sanitize.ts does, so that the baseline is as
  // optimized as the element (configOnce: false, `purify=each`: the configuration read on every call).
  const sanitize = configOnce ? (purify.setConfig(CONFIG), (html) => purify.sanitize(html)) : (html) => purify.sanitize(html, CONFIG);
  const element = document.createElement('div');
  const root = element.attachShadow({ mode: 'open' });
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(
      group
        ? CSS.replace('.comments > li {', '.comments > li.group {') + '.group > ol > li { margin: 0 0 var(--_gap); }'
        : contentVisibility
          ? CSS
          : CSS.replace(/content-visibility: auto;/, ''),
    );
  }
  root.adoptedStyleSheets = [sheet];
  // A missing or broken avatar shows the initials behind it (load/error do not bubble: capture).
  root.addEventListener('error', (e) => e.target.localName === 'img' && (e.target.hidden = true), true);
  host.append(element);

  const done = (async () => {
    const [article, comments] = await Promise.all([
      adapter.getArticle(articleId),
      (async () => {
        const all = [];
        let cursor;
        do {
          const page = await adapter.listComments(articleId, cursor ? { cursor } : {});
          all.push(...page.comments);
          cursor = page.nextCursor;
        } while (cursor);
        return all;
      })(),
    ]);
    // Replies under their parent, oldest first.
    const sorted = [...comments].sort((a, b) => Date.parse(a.published) - Date.parse(b.published));
    const nodes = new Map(sorted.map((c) => [c.id, { comment: c, children: [] }]));
    const roots = [];
    for (const c of sorted) (c.parentId && nodes.has(c.parentId) ? nodes.get(c.parentId).children : roots).push(nodes.get(c.id));

    const section = document.createElement('div');
    section.className = 'thread';
    const h2 = document.createElement('h2');
    h2.className = 'heading';
    h2.setAttribute('part', 'heading');
    h2.textContent = `${count.format(comments.length)} comments`;
    const ol = document.createElement('ol');
    ol.className = 'comments';
    const first = chunk ? roots.slice(0, chunk) : roots;
    const append = (target, nodes) => {
      if (!group) {
        for (const node of nodes) target.append(renderComment(node, 0, sanitize));
        return;
      }
      for (let g = 0; g < nodes.length; g += group) {
        const li = document.createElement('li');
        li.className = 'group';
        li.setAttribute('role', 'none');
        const inner = document.createElement('ol');
        inner.setAttribute('role', 'none');
        for (const node of nodes.slice(g, g + group)) inner.append(renderComment(node, 0, sanitize));
        li.append(inner);
        target.append(li);
      }
    };
    append(ol, first);
    section.append(h2, ol);
    if (!article.commentsOpen) {
      const p = document.createElement('p');
      p.className = 'notice';
      p.textContent = 'Comments are closed.';
      section.append(p);
    }
    root.append(section);
    for (let i = first.length; i < roots.length; i += chunk) {
      await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 50 }));
      const fragment = document.createDocumentFragment();
      append(fragment, roots.slice(i, i + chunk));
      ol.append(fragment);
    }
  })();
  return { root, done };
}
