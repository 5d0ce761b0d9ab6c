// Injected by scripts/bench.mjs into the demo page (demo/index.html, rendered in the browser or on the
// server) before any of its scripts: records long tasks and the first frame showing the article's
// text (and what the page had downloaded by then), and sets window.__benchResult once every mag-*
// element has rendered its data (defined, first update done, no loading placeholder, not busy), once
// that frame has been rendered.
(() => {
  const tasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const TIMEOUT = 20_000;
  /** When a frame first showed the article's text, and the resources complete by then (address, bytes). */
  let articleText;
  const watchArticle = () => {
    const title = document.querySelector('mag-article')?.shadowRoot?.querySelector('[part~="title"]');
    if (title?.textContent.trim()) {
      const at = performance.now();
      const resources = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
        .filter((e) => e.responseEnd <= at)
        .map((e) => ({ url: e.name, bytes: e.decodedBodySize }));
      articleText = { at, resources };
      return;
    }
    requestAnimationFrame(watchArticle);
  };
  requestAnimationFrame(watchArticle);
  const elements = () => [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('mag-') && e.localName !== 'mag-provider');
  const pending = (e) =>
    !customElements.get(e.localName) ||
    !e.shadowRoot ||
    !e.hasUpdated ||
    e.isUpdatePending ||
    !!e.shadowRoot.querySelector('[part~="loading"], [aria-busy="true"]');
  const check = async () => {
    const all = elements();
    const waiting = all.filter(pending);
    if (all.length && (!waiting.length || performance.now() > TIMEOUT)) {
      // In an animation frame callback: a task posted now runs right after this frame is rendered.
      const rendered = await new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      });
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
      window.__benchResult = {
        allRendered: rendered,
        firstContentfulPaint: fcp,
        articleText: articleText?.at ?? null,
        articleResources: articleText?.resources ?? [],
        elements: all.map((e) => e.localName),
        notRendered: waiting.map((e) => e.localName),
        longestTask: tasks.filter((t) => t.start < rendered).reduce((m, t) => Math.max(m, t.duration), 0),
        blockingTime: tasks.filter((t) => t.start < rendered).reduce((s, t) => s + Math.max(0, t.duration - 50), 0),
      };
      return;
    }
    requestAnimationFrame(() => void check());
  };
  requestAnimationFrame(() => void check());
})();
