// Timing helpers for the bench pages. Every time is performance.now() (ms since navigation start).

export const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Resolves once what is in the DOM now has been rendered: at the next animation frame, then in a
 * task posted from it, which runs right after that frame's style, layout and paint (before any idle
 * callback, so work scheduled in idle time after the paint is not counted).
 */
export async function painted() {
  await frame();
  return afterThisFrame();
}

/** Called in an animation frame callback: resolves right after that frame has been rendered. */
export function afterThisFrame() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(null);
  });
}

export const idle = () => new Promise((resolve) => requestIdleCallback(() => resolve(performance.now()), { timeout: 10_000 }));

/**
 * Resolves when the first element matching `selector` in `root()` has a box in the viewport and has
 * been painted (see `painted`). Checks once a frame.
 */
export function firstVisible(root, selector) {
  return new Promise((resolve) => {
    const check = () => {
      const el = root()?.querySelector(selector);
      if (el) {
        const box = el.getBoundingClientRect();
        if (box.height > 0 && box.top < innerHeight && box.bottom > 0) {
          void afterThisFrame().then(resolve);
          return;
        }
      }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/** Polls (every `ms`) until `test()` is true. */
export async function until(test, ms = 20, timeout = 120_000) {
  const end = performance.now() + timeout;
  while (!test()) {
    if (performance.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, ms));
  }
}

/** Long tasks recorded by long-tasks.js between `from` and `to`. */
export function longTasks(from = 0, to = Infinity) {
  const all = window.__longTasks;
  if (!all) return { longest: null, blocking: null, count: null };
  const tasks = all.filter((t) => t.start + t.duration > from && t.start < to);
  return {
    longest: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
    // Total blocking time: the part of each long task beyond 50 ms.
    blocking: tasks.reduce((s, t) => s + Math.max(0, t.duration - 50), 0),
    count: tasks.length,
  };
}
