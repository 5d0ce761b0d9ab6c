import { isServer } from 'lit';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface ChunkedRevealOptions {
  /** How many items the first render shows. */
  first: number;
  /** How many more items a later task shows at least (the first later task shows this many). */
  chunk: number;
  /** How long a later task renders at least, in milliseconds. */
  budget: number;
  /** How long a later task renders at most, in milliseconds. */
  maxBudget: number;
}

/**
 * Shows a long list a part at a time, so that the page stays responsive: the first items at once,
 * then more in each later task until all are shown. The element reads `limit` (how many items
 * to render, counted in display order) in `render()` and gives the number of items to `sync()` in
 * `willUpdate()`; `whenComplete()` resolves once every item is shown (or the element left the page).
 *
 * The first later task waits for the next frame, so that the first screen is painted before it; after
 * that each task is posted at once (a chunk is long enough for the browser to paint and handle input
 * between two tasks). Tasks, not idle callbacks: a long thread is not left waiting for idle time.
 *
 * Each later task is sized by time. The browser's update of the page after a task (style, layout,
 * paint) grows with everything already shown, so a fixed number of items per task would spend more
 * and more of the time on those updates, and a very long thread would take far longer to show in
 * full (figures: docs/performance.md, "Long threads"). Instead a task renders
 * for about half as long as the pause since the previous one (the browser's update and any other
 * task), at least `budget` and at most `maxBudget` milliseconds: on a long list a good share of the time
 * still goes to new items, and a task stays shorter than the browser's own updates. The size
 * follows from the time the previous task took per item; it at most doubles from one task to the
 * next and never falls below `chunk`.
 */
export class ChunkedReveal implements ReactiveController {
  /** How many items to render. */
  limit = 0;

  private _total = 0;
  private _timer?: number;
  private _frame?: number;
  private _waiters: (() => void)[] = [];
  /** Items shown by the next later task. */
  private _chunk: number;
  /** When the update of the running later task started, and the last one's cost per item and end. */
  private _taskStart?: number;
  private _msPerItem = 0;
  private _lastTaskEnd?: number;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly options: ChunkedRevealOptions,
  ) {
    this._chunk = options.chunk;
    host.addController(this);
  }

  /** True when every item is shown. */
  get complete(): boolean {
    return this.limit >= this._total;
  }

  /**
   * Takes the number of items. The first render shows `first` of them; items added once all were shown
   * (a page loaded, a comment posted) are shown `first` at once, then in chunks.
   */
  sync(total: number): void {
    // A server render has no later tasks: it renders every item.
    if (isServer) this.limit = total;
    if (total > this._total && this.limit >= this._total) this.limit = Math.min(total, Math.max(this.limit, this._total) + this.options.first);
    this._total = total;
    if (this.limit > total) this.limit = total;
  }

  /** Starts again from the first items (another article's comments). */
  reset(): void {
    this._cancel();
    this._chunk = this.options.chunk;
    this._lastTaskEnd = this._taskStart = undefined;
    this.limit = 0;
    this._total = 0;
  }

  /** Resolves once every item is rendered, or the element left the page. */
  async whenComplete(): Promise<void> {
    while (this.host.isConnected && !this.complete) await new Promise<void>((resolve) => this._waiters.push(resolve));
  }

  hostUpdated(): void {
    if (this._taskStart !== undefined) {
      const now = performance.now();
      this._msPerItem = (now - this._taskStart) / this._chunk;
      this._lastTaskEnd = now;
      this._taskStart = undefined;
    }
    this._schedule();
  }

  hostConnected(): void {
    this._schedule();
  }

  hostDisconnected(): void {
    this._cancel();
  }

  private _schedule(): void {
    if (this._timer !== undefined || this._frame !== undefined || !this.host.isConnected) return;
    if (this.complete) return this._release();
    const next = () => {
      this._timer = undefined;
      const now = performance.now();
      if (this._lastTaskEnd !== undefined) this._chunk = this._nextChunk(now - this._lastTaskEnd);
      this._taskStart = now;
      this.limit = Math.min(this._total, this.limit + this._chunk);
      this.host.requestUpdate();
      this._release();
    };
    if (this.limit > this.options.first) {
      this._timer = window.setTimeout(next, 0);
      return;
    }
    this._frame = requestAnimationFrame(() => {
      this._frame = undefined;
      this._timer = window.setTimeout(next, 0);
    });
  }

  /** The items of the next task: as many as render in half of `pause` milliseconds (within the budgets). */
  private _nextChunk(pause: number): number {
    // (the pause also holds the style and layout of the previous task's items: half of it, and a
    // ceiling, keep the chunks from growing on their own)
    const wanted = Math.min(this.options.maxBudget, Math.max(this.options.budget, pause / 2));
    const size = this._msPerItem > 0 ? Math.round(wanted / this._msPerItem) : this._chunk;
    return Math.min(Math.max(size, this.options.chunk), this._chunk * 2);
  }

  private _cancel(): void {
    if (this._frame !== undefined) cancelAnimationFrame(this._frame);
    if (this._timer !== undefined) clearTimeout(this._timer);
    this._frame = this._timer = undefined;
    this._release();
  }

  /** Wakes the callers of `whenComplete()` so that they check again. */
  private _release(): void {
    const waiters = this._waiters;
    this._waiters = [];
    for (const resolve of waiters) resolve();
  }
}
