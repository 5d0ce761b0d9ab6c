// Records every long task (> 50 ms: the main thread could not answer input) from the start of the page.
(() => {
  const tasks = (window.__longTasks = []);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: Math.round(e.startTime), duration: Math.round(e.duration) });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: the longest task is reported as unknown.
    window.__longTasks = undefined;
  }
})();
