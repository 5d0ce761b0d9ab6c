// One run of the comment-thread bench: ?n=<comments>&impl=mag|vanilla[&shape=replies][&page=<page size>][&bundle=<path>][&until=first]
// [&chunk=<top-level comments per chunk>&cv=0&group=<n>&purify=each: vanilla experiments, see vanilla-thread.js].
// Times are measured from `start` (just before the implementation's code is loaded; the data are
// made before, the same way for both) and stored in window.__benchResult for scripts/bench.mjs.
import { benchAdapter, longThread, repliesThread } from './data.js';
import { firstVisible, idle, longTasks, painted, until } from './measure.js';

const params = new URLSearchParams(location.search);
const n = Number(params.get('n') ?? 1000);
const impl = params.get('impl') ?? 'mag';
const pageSize = Number(params.get('page') ?? 0) || n;
// Another build of the library to compare (a path under the served root), else the drop-in bundle.
const bundle = params.get('bundle') ?? '/dist/cdn/mag-elements.js';
const host = document.getElementById('host');

// ?shape=replies: one comment and n - 1 replies to it.
const adapter = benchAdapter(params.get('shape') === 'replies' ? repliesThread(n) : longThread(n), { pageSize });
const BODY = 'article[data-comment-id] .body';

async function run() {
  const start = performance.now();
  let root;
  let done;
  if (impl === 'mag') {
    await import(bundle);
    if (!customElements.get('mag-comment-thread')) throw new Error(`${bundle} does not define <mag-comment-thread>`);
    const el = document.createElement('mag-comment-thread');
    el.adapter = adapter;
    el.setAttribute('article-id', 'bench');
    host.append(el);
    root = el.shadowRoot;
    // updateComplete resolves once every loaded comment is rendered (long threads render in chunks);
    // it is awaited once the comments have arrived.
    done = until(() => root.querySelector(BODY), 5).then(async () => {
      await el.updateComplete;
      // Paged (?page=): the element shows one page and a "Show more comments" button; press it until all are shown.
      for (let more; (more = root.querySelector('[part~="load-more"]')); ) {
        const shown = root.querySelectorAll(BODY).length;
        more.click();
        await until(() => root.querySelectorAll(BODY).length > shown, 5);
        await el.updateComplete;
      }
    });
  } else if (impl === 'vanilla') {
    const { renderThread } = await import('./vanilla-thread.js');
    const chunk = Number(params.get('chunk') ?? 0);
    ({ root, done } = renderThread(host, adapter, 'bench', { chunk, contentVisibility: params.get('cv') !== '0', group: Number(params.get('group') ?? 0), configOnce: params.get('purify') !== 'each' }));
  } else {
    throw new Error(`unknown impl ${impl}`);
  }
  const loaded = performance.now();
  const firstScreenAt = firstVisible(() => root, 'article[data-comment-id]');
  // ?until=first (for CPU profiles of the first screen): stop there.
  if (params.get('until') === 'first') return { impl, n, firstScreen: (await firstScreenAt) - start };
  await done;
  // All N bodies in the DOM (polled, in case an implementation resolves early), then painted, then idle.
  await until(() => root.querySelectorAll(BODY).length >= n, 20);
  const inDom = performance.now();
  const allRendered = await painted();
  const idleAt = await idle();
  const firstScreen = await firstScreenAt;
  const link = root.querySelector(`${BODY} a`);
  const { longest, blocking, count } = longTasks(start, idleAt);
  const tasks = { longestTask: longest, blockingTime: blocking, longTasks: count };
  return {
    impl,
    n,
    pageSize,
    start,
    codeLoaded: loaded - start,
    firstScreen: firstScreen - start,
    inDom: inDom - start,
    allRendered: allRendered - start,
    idle: idleAt - start,
    ...tasks,
    bodies: root.querySelectorAll(BODY).length,
    comments: root.querySelectorAll('article[data-comment-id]').length,
    listCommentsCalls: adapter.stats.listComments,
    sanitized: !!link && link.rel === 'nofollow ugc noopener',
  };
}

run().then(
  (result) => (window.__benchResult = result),
  (error) => (window.__benchResult = { error: String(error?.stack ?? error) }),
);
