// Timing helpers for the bench pages. Every time is performance.now() (ms since navigation start).

export const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/** Two animation frames: what was in the DOM when called has been laid out and painted. */
export async function painted() {
  await frame();
  await frame();
  return performance.now();
}

export const idle = () => new Promise((resolve) => requestIdleCallback(() => resolve(performance.now()), { timeout: 10_000 }));

/**
 * Resolves when the first element matching `selector` in `root()` has a box in the viewport, two
 * frames later (it has been painted). Checks once a frame.
 */
export function firstVisible(root, selector) {
  return new Promise((resolve) => {
    const check = () => {
      const el = root()?.querySelector(selector);
      if (el) {
        const box = el.getBoundingClientRect();
        if (box.height > 0 && box.top < innerHeight && box.bottom > 0) {
          void painted().then(resolve);
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
