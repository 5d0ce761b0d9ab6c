/**
 * What went wrong, as a stable code elements can translate:
 * - `not-found`: the article, page or box does not exist;
 * - `network`: the backend could not be reached or answered with a server error;
 * - `invalid-data`: the backend answered something that is not valid data;
 * - `closed`: comments are closed on this article;
 * - `rejected`: the backend refused the request (validation, spam check, login required…);
 * - `duplicate`: the same comment was already posted;
 * - `too-fast`: the backend asks to slow down (flood control);
 * - `unsupported`: the adapter cannot do this (for example no `subscribe`);
 * - `timeout`: no answer in time;
 * - `aborted`: the request was cancelled (a newer one replaced it, or the element left).
 */
export type MagErrorCode =
  | 'not-found'
  | 'network'
  | 'invalid-data'
  | 'closed'
  | 'rejected'
  | 'duplicate'
  | 'too-fast'
  | 'unsupported'
  | 'timeout'
  | 'aborted'
  | 'unknown';

const CODES: ReadonlySet<string> = new Set<MagErrorCode>(['not-found', 'network', 'invalid-data', 'closed', 'rejected', 'duplicate', 'too-fast', 'unsupported', 'timeout', 'aborted', 'unknown']);

export interface MagAdapterErrorOptions {
  /** For `invalid-data`: every problem found, each with its path. */
  problems?: string[];
  /** For `rejected`: the field the backend rejected, when known (`authorEmail`, `bodyText`, `email`…). */
  field?: string;
  /** The HTTP status, when the error came from an HTTP answer. */
  status?: number;
  /**
   * The backend's own explanation of a refusal, written for readers (in the site's language): the
   * elements show it after their message. `message` is for the integrator (and the console).
   */
  reason?: string;
  cause?: unknown;
}

/** The one error type adapters reject with. `message` is for people (and the console). */
export class MagAdapterError extends Error {
  override name = 'MagAdapterError';
  readonly code: MagErrorCode;
  readonly problems: string[];
  readonly field?: string;
  readonly status?: number;
  readonly reason?: string;

  /** `code` is one of `MagErrorCode`; anything else (from an adapter written in JavaScript) becomes `unknown`. */
  constructor(code: MagErrorCode, message: string, options: MagAdapterErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    // The elements look their messages up by code: only known codes reach them.
    this.code = CODES.has(code) ? code : 'unknown';
    this.problems = options.problems ?? [];
    this.field = options.field;
    this.status = options.status;
    this.reason = options.reason;
  }

  /** Wraps anything thrown into a `MagAdapterError` (an `AbortError` becomes `aborted`). */
  static from(error: unknown): MagAdapterError {
    if (error instanceof MagAdapterError) return error;
    if (error instanceof DOMException && error.name === 'AbortError') {
      return new MagAdapterError('aborted', 'The request was cancelled.', { cause: error });
    }
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      return new MagAdapterError('timeout', 'The request timed out.', { cause: error });
    }
    if (error instanceof TypeError) {
      return new MagAdapterError('network', error.message || 'The network request failed.', { cause: error });
    }
    const message = error instanceof Error ? error.message : String(error);
    return new MagAdapterError('unknown', message || 'Unknown error.', { cause: error });
  }
}

/**
 * The error of a request its signal ended: `timeout` when the signal was an `AbortSignal.timeout()`
 * (its reason is a `TimeoutError`), else `aborted`.
 */
export function abortError(signal: AbortSignal, cause: unknown = signal.reason, timeoutMessage = 'The request timed out.'): MagAdapterError {
  const reason: unknown = signal.reason;
  return reason instanceof DOMException && reason.name === 'TimeoutError'
    ? new MagAdapterError('timeout', timeoutMessage, { cause: reason })
    : new MagAdapterError('aborted', 'The request was cancelled.', { cause });
}

/**
 * The error of a `fetch` that threw (or of reading its answer): `aborted` (`timeout`, with
 * `timeoutMessage`, for a timed-out signal) when `signal` ended, else `network`: "<what>: <the reason>.".
 */
export const fetchError = (error: unknown, what: string, signal?: AbortSignal, timeoutMessage?: string): MagAdapterError =>
  signal?.aborted
    ? abortError(signal, error, timeoutMessage)
    : new MagAdapterError('network', `${what}: ${(error as Error)?.message || 'the network request failed'}.`, { cause: error });

/**
 * One caller's wait for a promise others may share: it settles as `promise` does, or rejects with
 * `abortError(signal)` as soon as `signal` aborts (the promise itself goes on).
 */
export function untilAborted<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    // Removed once the promise settles (an abort event fires once).
    signal.addEventListener('abort', onAbort);
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Throws `aborted` (`timeout` for a timed-out signal) when the signal is already aborted. */
export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw abortError(signal);
}
