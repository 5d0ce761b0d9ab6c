import { MagAdapterError } from './errors.js';
import type { MagAdapter, RequestOptions } from './model.js';

/**
 * What `<mag-provider>` uses while an adapter type's factory is asynchronous (its code loaded on
 * demand): every call waits for the real adapter, then goes to it. When getting the adapter fails
 * (the code could not be loaded), the calls fail with that error, and the next call tries again:
 * an element's retry loads the code again. `onRecover` is called when an attempt succeeds after a
 * failure, so that the provider can make every element load again.
 *
 * The optional `postComment` and `subscribe` exist once the real adapter is known and has them
 * (`ready()` waits for it), as `JsonAdapter`'s `subscribe` exists once its data is loaded and names
 * an endpoint; `getAbout` and `listVideos` always exist and fail with `unsupported` when the real
 * adapter has no about boxes or no videos.
 */
export class LazyAdapter implements MagAdapter {
  declare postComment?: MagAdapter['postComment'];
  declare subscribe?: MagAdapter['subscribe'];
  private _adapter?: Promise<MagAdapter>;
  private _failed = false;
  private readonly _load: () => MagAdapter | PromiseLike<MagAdapter>;
  private readonly _fail: (error: unknown) => MagAdapterError;
  private readonly _onRecover: () => void;

  constructor(
    first: PromiseLike<MagAdapter>,
    load: () => MagAdapter | PromiseLike<MagAdapter>,
    fail: (error: unknown) => MagAdapterError,
    onRecover: () => void,
  ) {
    this._load = load;
    this._fail = fail;
    this._onRecover = onRecover;
    this._get(first).catch(() => {});
  }

  private _get(attempt?: PromiseLike<MagAdapter>): Promise<MagAdapter> {
    return (this._adapter ??= (async () => attempt ?? this._load())().then(
      (adapter) => {
        this.postComment = adapter.postComment?.bind(adapter);
        this.subscribe = adapter.subscribe?.bind(adapter);
        if (this._failed) {
          this._failed = false;
          this._onRecover();
        }
        return adapter;
      },
      (error: unknown) => {
        // Not kept: the next call (a retry) tries again.
        this._adapter = undefined;
        this._failed = true;
        throw this._fail(error);
      },
    ));
  }

  async ready(opts?: RequestOptions): Promise<void> {
    await (await this._get()).ready?.(opts);
  }

  async getArticle(...args: Parameters<MagAdapter['getArticle']>): ReturnType<MagAdapter['getArticle']> {
    return (await this._get()).getArticle(...args);
  }

  async listComments(...args: Parameters<MagAdapter['listComments']>): ReturnType<MagAdapter['listComments']> {
    return (await this._get()).listComments(...args);
  }

  async listRecent(...args: Parameters<MagAdapter['listRecent']>): ReturnType<MagAdapter['listRecent']> {
    return (await this._get()).listRecent(...args);
  }

  async getAbout(...args: Parameters<NonNullable<MagAdapter['getAbout']>>): ReturnType<NonNullable<MagAdapter['getAbout']>> {
    const adapter = await this._get();
    if (!adapter.getAbout) throw new MagAdapterError('unsupported', 'This adapter has no about boxes.');
    return adapter.getAbout(...args);
  }

  async listVideos(...args: Parameters<NonNullable<MagAdapter['listVideos']>>): ReturnType<NonNullable<MagAdapter['listVideos']>> {
    const adapter = await this._get();
    if (!adapter.listVideos) throw new MagAdapterError('unsupported', 'This adapter has no videos.');
    return adapter.listVideos(...args);
  }
}
