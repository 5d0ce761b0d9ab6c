/**
 * How the shared adapter calls the host's adapter: with a time-out, settled at once by an abort
 * whatever the adapter does with its signal, and every failure (even one thrown synchronously)
 * turned into a `MagAdapterError`.
 */

import { MagAdapterError, abortError } from './errors.js';

/** A call to the host's adapter, given the signal that cancels it. */
export type AdapterCall<T> = (signal: AbortSignal) => Promise<T>;

/**
 * Runs `call` with `controller`'s signal, failing with `timeout` after `timeout` milliseconds (0 waits
 * forever, and the time-out aborts the controller) and with `aborted` as soon as the controller is aborted.
 */
export function guardedCall<T>(call: AdapterCall<T>, controller: AbortController, timeout: number): Promise<T> {
  const { signal } = controller;
  return new Promise<T>((resolve, reject) => {
    const timer =
      timeout > 0
        ? setTimeout(() => {
            reject(new MagAdapterError('timeout', `The data source did not answer within ${Number((timeout / 1000).toFixed(2))} s.`));
            controller.abort(new DOMException('Timed out', 'TimeoutError'));
          }, timeout)
        : undefined;
    // An abort settles the call at once, whatever the adapter does with the signal.
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    new Promise<T>((settle) => settle(call(signal)))
      .then(resolve, (error: unknown) => {
        const failure = MagAdapterError.from(error);
        // `aborted` means "cancelled by us" to the elements (they stay quiet); a request the data source
        // cancelled on its own is a failed request, shown with a retry.
        reject(failure.code === 'aborted' ? new MagAdapterError('network', `The data source cancelled the request: ${failure.message}`, { cause: error }) : failure);
      })
      .finally(() => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
      });
  });
}

/** A call that is not shared (posting, subscribing): {@link guardedCall}, cancelled by the caller's own `signal`. */
export function unsharedCall<T>(call: AdapterCall<T>, signal: AbortSignal | undefined, timeout: number): Promise<T> {
  if (signal?.aborted) return Promise.reject(abortError(signal));
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  return guardedCall(call, controller, timeout).finally(() => signal?.removeEventListener('abort', onAbort));
}
