/**
 * How `JsonAdapter` loads its files: a JSON file fetched with its errors named (`fetchJson`), and a
 * load shared by the calls that wait for it, kept once it succeeded and forgotten when it failed
 * (`SharedLoad`).
 */
import { MagAdapterError, fetchError, throwIfAborted, untilAborted } from '../../core/errors.js';

/** Parses JSON text; text that is not JSON is `invalid-data`, with the parser's message. */
export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const { message } = error as Error;
    throw new MagAdapterError('invalid-data', `${source} is not valid JSON: ${message}`, { problems: [`(root): ${message}`], cause: error });
  }
}

/**
 * The parsed JSON at `url`, read with `fetchFile`. Rejects `not-found` for HTTP 404, `network` for
 * another HTTP error or no answer, `invalid-data` for a body that is not JSON, `aborted` when `signal`
 * aborts; each message starts with `source` (`The data file /data/le-mag.json`).
 */
export async function fetchJson(url: string, source: string, signal: AbortSignal, fetchFile: typeof fetch): Promise<unknown> {
  let text: string;
  try {
    const response = await fetchFile(url, { signal, headers: { Accept: 'application/json' } });
    const { status } = response;
    if (status === 404) throw new MagAdapterError('not-found', `${source} was not found (HTTP 404).`, { status });
    if (!response.ok) throw new MagAdapterError('network', `${source} could not be loaded: HTTP ${status} ${response.statusText}`.trim() + '.', { status });
    text = await response.text();
  } catch (error) {
    throw error instanceof MagAdapterError ? error : fetchError(error, `${source} could not be loaded`, signal);
  }
  return parseJson(text, source);
}

/** A load in flight, shared by the calls that wait for it. */
interface Loading<T> {
  promise: Promise<T>;
  controller: AbortController;
  waiters: number;
}

/**
 * A value loaded on first use and kept. Calls made while it loads share one load; a caller that
 * aborts leaves it running for the others, and the last one to leave stops it. A failed load is
 * forgotten: the next call loads again (a retry).
 */
export class SharedLoad<T> {
  private readonly _run: (signal: AbortSignal) => Promise<T>;
  private _loaded?: { value: T };
  private _loading?: Loading<T>;

  /** `run` loads the value; it rejects with `MagAdapterError`s only. */
  constructor(run: (signal: AbortSignal) => Promise<T>) {
    this._run = run;
  }

  /** The value, loaded first when needed; rejects `aborted` as soon as `signal` aborts. */
  async get(signal?: AbortSignal): Promise<T> {
    throwIfAborted(signal);
    if (this._loaded) return this._loaded.value;
    const loading = (this._loading ??= this._start());
    loading.waiters++;
    try {
      return await untilAborted(loading.promise, signal);
    } finally {
      if (--loading.waiters === 0 && this._loading === loading) {
        this._loading = undefined;
        loading.controller.abort(signal?.reason);
      }
    }
  }

  /** Starts a load. Once it settles, the next load is a new one (a failure is not kept). */
  private _start(): Loading<T> {
    const controller = new AbortController();
    const loading: Loading<T> = {
      controller,
      waiters: 0,
      promise: this._run(controller.signal)
        .then((value) => {
          this._loaded = { value };
          return value;
        })
        .finally(() => {
          if (this._loading === loading) this._loading = undefined;
        }),
    };
    return loading;
  }
}
