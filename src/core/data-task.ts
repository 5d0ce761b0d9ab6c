import { notEqual } from 'lit';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { MagAdapterError } from './errors.js';

/**
 * Where a data request stands:
 * - `idle`: nothing to ask (no data source, or no id yet);
 * - `loading`: a request runs (`value` may still hold the previous answer for the same arguments);
 * - `complete`: `value` is the answer;
 * - `error`: the request failed (`error`); `value` may still hold the previous answer for the same arguments.
 */
export type DataStatus = 'idle' | 'loading' | 'complete' | 'error';

export interface DataTaskOptions<A extends readonly unknown[], R> {
  /** The arguments of the request, read before every update; `undefined` when there is nothing to ask. */
  args: () => A | undefined;
  /** Makes the request. `signal` aborts when a newer request replaces it or when the element leaves the page. */
  request: (args: A, signal: AbortSignal) => Promise<R>;
  /** The answer the data source already holds for these arguments, if any: shown at once, without a request. */
  cached?: (args: A) => R | undefined;
  /** Called when a request settles: with its error when it failed, without one when it succeeded. */
  settled?: (error?: MagAdapterError) => void;
}

/**
 * A data request tied to an element, and the value the element shows.
 *
 * The request runs before an update whose arguments differ from the last ones (compared item by item);
 * a newer request aborts the older one, and only the newest answer counts. `value` is what the element
 * shows: the last answer for the current arguments. It stays while the same arguments are asked again
 * (`run()`, a retry or a reload), also when that reload fails, and it is cleared when the arguments change
 * (another article's comments are never shown under this one's title). A request pending when the element
 * leaves the page is aborted, and made again when it comes back.
 */
export class DataTask<A extends readonly unknown[], R> implements ReactiveController {
  status: DataStatus = 'idle';
  /** The value on screen: the last answer for the current arguments (kept during a reload of the same arguments). */
  value?: R;
  /** Why the last request failed (with `status` `error`). */
  error?: MagAdapterError;

  private _args?: A;
  private _runs = 0;
  private _controller?: AbortController;
  /** Set when a request pending as the element left was aborted: it is made again when the element comes back. */
  private _rerunOnConnect = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: DataTaskOptions<A, R>,
  ) {
    host.addController(this);
  }

  /** True while a request runs. */
  get loading(): boolean {
    return this.status === 'loading';
  }

  hostConnected(): void {
    if (this._rerunOnConnect) void this.run();
    this._rerunOnConnect = false;
  }

  hostDisconnected(): void {
    this._rerunOnConnect = this.loading;
    this.abort();
  }

  hostUpdate(): void {
    const args = this.options.args();
    const last = this._args;
    const changed = !args || !last ? args !== last : args.length !== last.length || args.some((value, i) => notEqual(value, last[i]));
    if (!changed) return;
    this._args = args;
    this.value = undefined;
    this.error = undefined;
    const cached = args && this.options.cached?.(args);
    if (!args || cached !== undefined) {
      // Nothing to ask, or an answer already at hand: no request, no loading state.
      this.abort();
      this._runs++;
      this.status = args ? 'complete' : 'idle';
      this.value = cached;
      return;
    }
    void this.run();
  }

  /**
   * Asks again for the current arguments (a retry, or a reload after the data changed). The value on
   * screen stays until the answer arrives.
   */
  async run(): Promise<void> {
    const args = (this._args = this.options.args());
    this.abort();
    if (!args) {
      this.status = 'idle';
      this.value = undefined;
      this.host.requestUpdate();
      return;
    }
    const run = ++this._runs;
    const controller = (this._controller = new AbortController());
    this.status = 'loading';
    this.host.requestUpdate();
    try {
      const value = await this.options.request(args, controller.signal);
      if (run !== this._runs || controller.signal.aborted) return;
      this.status = 'complete';
      this.value = value;
      this.error = undefined;
      this.options.settled?.();
    } catch (caught) {
      // An aborted request was replaced, or the element left the page (it asks again when it comes back).
      if (run !== this._runs || controller.signal.aborted) return;
      const error = MagAdapterError.from(caught);
      this.status = 'error';
      this.error = error;
      this.options.settled?.(error);
    }
    this.host.requestUpdate();
  }

  /**
   * Replaces the value on screen with data the element extended itself (a page of comments it
   * appended); a pending request's answer still replaces it.
   */
  set(value: R): void {
    this.value = value;
    this.host.requestUpdate();
  }

  /** Aborts the pending request, if any. */
  abort(): void {
    if (this.loading) this._controller?.abort();
  }
}
