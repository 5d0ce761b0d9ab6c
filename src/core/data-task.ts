import { notEqual } from 'lit';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

// What `@lit/task` did for the elements, in the part they use (about 0.5 KB gzip less in every
// bundle): a request that runs when its arguments change, aborts the one it replaces, and updates
// its element when it settles. See docs/decisions/data-task.md.

/** Where a data request stands (`DataTask.status`). */
export const INITIAL = 0;
export const PENDING = 1;
export const COMPLETE = 2;
export const ERROR = 3;
export type DataTaskStatus = typeof INITIAL | typeof PENDING | typeof COMPLETE | typeof ERROR;

/** Returned by a request that has nothing to ask yet (no adapter, no article id): the task goes back to INITIAL. */
export const idle: unique symbol = Symbol('idle');

/**
 * A data request tied to an element: it runs before an update whose arguments differ from the last
 * run's, its `signal` aborts when a newer run starts (or on `abort()`), and only the newest run's
 * outcome is kept; the element updates when a run starts and when it settles. A run pending when
 * the element leaves the page is aborted, and made again when the element comes back.
 */
export class DataTask<A extends readonly unknown[], R> implements ReactiveController {
  status: DataTaskStatus = INITIAL;
  /** The newest settled run's result (undefined after a failure; kept while a newer run is pending). */
  value?: R;
  /** The last failed run's error. */
  error?: unknown;
  #args?: A;
  #run = 0;
  #controller?: AbortController;
  /** True when the run pending as the host left was aborted: it runs again when the host comes back. */
  #rerun = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly args: () => A,
    private readonly request: (args: A, signal: AbortSignal) => Promise<R | typeof idle>,
    private readonly settled: (error: unknown, failed: boolean) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.#rerun) void this.run();
    this.#rerun = false;
  }

  hostDisconnected(): void {
    this.#rerun = this.status === PENDING;
    this.abort();
  }

  hostUpdate(): void {
    const args = this.args();
    const last = this.#args;
    if (!last || args.some((value, i) => notEqual(value, last[i]))) void this.run(args);
  }

  /** Runs the request now (with the current arguments unless given), replacing a pending run. */
  async run(args = this.args()): Promise<void> {
    this.#args = args;
    this.abort();
    this.status = PENDING;
    this.host.requestUpdate();
    const run = ++this.#run;
    const controller = (this.#controller = new AbortController());
    let result: R | typeof idle | undefined;
    let error: unknown;
    let failed = false;
    try {
      result = await this.request(args, controller.signal);
    } catch (caught) {
      error = caught;
      failed = true;
    }
    if (run !== this.#run) return;
    if (result === idle) {
      this.status = INITIAL;
    } else {
      this.settled(error, failed);
      this.status = failed ? ERROR : COMPLETE;
      this.value = result;
      this.error = error;
    }
    this.host.requestUpdate();
  }

  /** Aborts the pending run, if any (its outcome is still kept when it settles as the newest run). */
  abort(): void {
    if (this.status === PENDING) this.#controller?.abort();
  }
}
