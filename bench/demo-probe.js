// Injected by scripts/bench.mjs into the demo page (demo/index.html, rendered in the browser or on the
// server) before any of its scripts: records long tasks, layout shifts and the first frame showing the
// article's text (and what the page had downloaded by then), and sets window.__benchResult once every
// mag-* element has rendered its data (defined, first update done, no loading placeholder, not busy),
// once that frame has been rendered; then scrolls to the end of the page as a reader would, so that
// the lazy images load: a layout shift after that frame is an image (or other late content) that did
// not have its place reserved.
(() => {
  const tasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (!e.hadRecentInput) shifts.push({ start: e.startTime, value: e.value, sources: e.sources.map((s) => s.node?.nodeName?.toLowerCase() ?? 'a node in a shadow root') });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const images = (root) => [...root.querySelectorAll('img'), ...[...root.querySelectorAll('*')].flatMap((e) => (e.shadowRoot ? images(e.shadowRoot) : []))];
  const inView = (element) => {
    const box = element.getBoundingClientRect();
    return box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
  };
  /**
   * Scrolls the page to its end, half a screen at a time, as a reader would, waiting at each step
   * for the images in view (lazy ones start loading there) to load or fail (at most 5 s a step).
   */
  const readToTheEnd = async () => {
    for (let y = 0; ; y += innerHeight / 2) {
      scrollTo(0, y);
      await frame();
      const end = performance.now() + 5_000;
      while (images(document).some((img) => inView(img) && !img.complete) && performance.now() < end) await frame();
      // Two frames: the layout after the last image, and the frame that reports its shift.
      await frame();
      await frame();
      if (y + innerHeight >= document.documentElement.scrollHeight) break;
    }
    scrollTo(0, 0);
  };
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
      await readToTheEnd();
      const sum = (list) => list.reduce((total, shift) => total + shift.value, 0);
      const after = shifts.filter((shift) => shift.start > rendered);
      window.__benchResult = {
        layoutShift: sum(shifts),
        layoutShiftAfterRender: sum(after),
        shiftedAfterRender: [...new Set(after.flatMap((shift) => shift.sources))],
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
