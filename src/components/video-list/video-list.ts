import { html, isServer, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { LineSeparators } from '../../core/line-separators.js';
import { MagElement } from '../../core/mag-element.js';
import type { Video } from '../../core/model.js';
import type { MagInvalidateEvent } from '../../core/shared-adapter.js';
import { renderError, renderLoading, renderSlottedHeading } from '../../core/states.js';
import { isExternal, safeImageUrl, safeUrl } from '../../core/url.js';
import { listBoxStyles } from '../../core/styles.js';
import { videoListStyles } from './video-list.styles.js';
import { onVideoHost, playerOf } from './video-player.js';
import type { Player } from './video-player.js';

const DEFAULT_LIMIT = 3;

/**
 * What a framed player may do (as the article's embeds, docs/security.md): run, play, open its page in
 * a new tab, never navigate the page.
 */
const PLAYER_SANDBOX = 'allow-scripts allow-same-origin allow-presentation allow-popups allow-popups-to-escape-sandbox';

/** What to focus after the next update: the element with this part (of this video, for a play button). */
interface FocusTarget {
  part: 'player' | 'consent-play' | 'play';
  video?: string;
}

/**
 * A titled list of videos, each with its thumbnail, its linked title, its date and its length: the seed
 * page's sidebar box "Vidéos" ("Ouverture du marché avec Claudy Lebreton").
 *
 * It lists the data source's newest videos (`listVideos`). Nothing is asked of a video host before
 * the reader presses play: no player, no script, no cookie, and no thumbnail stored on the host's
 * servers (a neutral placeholder shows instead, unless `host-thumbnails` is set). Play loads the player
 * in place and moves the focus into it: for YouTube, Vimeo and Dailymotion the element makes the
 * provider's player itself, privacy-enhanced where the provider has such a mode
 * (`www.youtube-nocookie.com`, Vimeo's `dnt=1`); a video file plays in a `<video controls>`; another
 * player is framed only when its host is listed in `embed-hosts`. A video that cannot play in place
 * links to its page. With `play-mode="consent"`, play first says which host the video comes from and
 * loads it only when the reader agrees; with `play-mode="link"`, every video opens its page, as it
 * does in a page rendered on the server until the scripts run.
 *
 * The page's Content-Security-Policy must allow the players (`frame-src`), the files (`media-src`) and
 * the thumbnails (`img-src`): docs/elements/mag-video-list.md lists the directives.
 *
 * @summary A titled list of videos that plays each one in place, and asks nothing of a video host before the reader presses play.
 *
 * @tag mag-video-list
 *
 * @slot heading - Replaces the title (default: the `heading` attribute, else "Videos" / "Vidéos").
 *
 * @csspart base - The wrapper around the title and the list.
 * @csspart heading - The title.
 * @csspart list - The `<ul>` of videos.
 * @csspart item - One video (`<li>`).
 * @csspart media - The box of the thumbnail, of the consent step or of the player.
 * @csspart play - The play button (a link to the video's page when the video cannot play in place, or with `play-mode="link"`).
 * @csspart thumbnail - The thumbnail (`<img>`), or the placeholder shown instead of a thumbnail stored on a video host.
 * @csspart consent - The consent step (`play-mode="consent"`).
 * @csspart consent-play - The consent step's button that loads the player.
 * @csspart consent-cancel - The consent step's button that goes back to the thumbnail.
 * @csspart player - The player: an `<iframe>`, or a `<video>` for a file.
 * @csspart link - The video's title, a link to its page.
 * @csspart date - The video's date (`<time>`).
 * @csspart duration - The video's length (`<time>`).
 * @csspart empty - The message shown when there is no video.
 * @csspart unsupported - The message shown when the data source has no videos.
 * @csspart loading - The loading placeholder.
 * @csspart error - The error message.
 * @csspart retry - The retry button of the error message.
 *
 * @cssprop [--mag-video-list-gap=var(--mag-space-m)] - Space between two videos.
 * @cssprop [--mag-video-list-ratio=16 / 9] - Shape of the thumbnails and players, width / height.
 *
 * @fires {MagLoadErrorEvent} mag-load-error - The list could not be loaded (`event.error` is a `MagAdapterError`); the element shows the error itself.
 */
export class MagVideoList extends MagElement {
  static override styles = [...MagElement.styles, listBoxStyles, videoListStyles];

  /** How many videos to show (default 3); an adapter that answers more is cut down. */
  @property({ type: Number, reflect: true }) limit = DEFAULT_LIMIT;

  /** The title; the `heading` slot replaces it. Default: "Videos" / "Vidéos". */
  @property() heading?: string;

  /** The level of the title for assistive technology (1–6, default 2). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /**
   * How the videos play: `inline` (default) loads the player in place when the reader presses play;
   * `consent` first says which host the video comes from, and loads the player when the reader agrees
   * (once per host); `link` never plays in place: each video opens its page.
   */
  @property({ attribute: 'play-mode', reflect: true }) playMode: 'inline' | 'consent' | 'link' = 'inline';

  /**
   * Hosts whose players may be framed besides the known providers' (YouTube, Vimeo, Dailymotion),
   * separated by spaces, each with its port if it has one: `peertube.example videos.example.org`. A
   * video whose player is on another host opens as a link.
   */
  @property({ attribute: 'embed-hosts' }) embedHosts = '';

  /**
   * Show thumbnails stored on the video hosts' servers (`i.ytimg.com`…) before play: the reader's
   * browser then asks those hosts for them, and tells them that it reads the page. Off by default: a
   * placeholder shows instead.
   */
  @property({ type: Boolean, attribute: 'host-thumbnails' }) hostThumbnails = false;

  /** The video whose player is shown (one at a time). */
  @state() private _playing?: string;
  /** The video whose consent step is shown. */
  @state() private _asking?: string;
  /** The hosts the reader agreed to load players from, while the element lives. */
  private readonly _consented = new Set<string>();
  private _focus?: FocusTarget;

  constructor() {
    super();
    // The separator between a video's date and its length never starts or ends a line.
    this.addController(new LineSeparators(this));
  }

  private readonly _task = this.dataTask({
    args: () => (this.source ? ([this.source, this._limit] as const) : undefined),
    request: ([source, limit], signal) => source.listVideos({ limit, signal }),
    cached: ([source, limit]) => source.cachedVideos({ limit }),
  });

  /** `limit` as a whole number ≥ 1 (3 for anything else). */
  private get _limit(): number {
    return Number.isFinite(this.limit) && this.limit >= 1 ? Math.floor(this.limit) : DEFAULT_LIMIT;
  }

  /** Drops the cached list and loads it again. */
  refresh(): void {
    const source = this.source;
    if (source) source.invalidate('videos');
    else void this._task.run();
  }

  protected override dataChanged(event: MagInvalidateEvent): void {
    if (event.affects('videos')) void this._task.run();
  }

  override render(): TemplateResult {
    const t = this.localize.t;
    return html`<section class="base" part="base" aria-labelledby="heading" aria-busy=${this._task.loading ? 'true' : 'false'}>
      ${renderSlottedHeading(this.headingLevel, this.heading || t.videosTitle)}
      ${this._renderBody()}
    </section>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const target = this._focus;
    this._focus = undefined;
    if (!target) return;
    const candidates = [...this.renderRoot.querySelectorAll<HTMLElement>(`[part~="${target.part}"]`)];
    candidates.find((element) => target.video === undefined || element.dataset.video === target.video)?.focus();
  }

  private _renderBody(): TemplateResult {
    const t = this.localize.t;
    const { status, value: list, error } = this._task;
    if (status === 'error' && error) {
      if (error.code === 'unsupported') return html`<p class="notice" part="unsupported">${t.errors.unsupported}</p>`;
      return renderError(t, error, this._retry);
    }
    if (!list) return renderLoading(t);
    const shown = list.slice(0, this._limit);
    if (!shown.length) return html`<p class="empty" part="empty">${t.noVideos}</p>`;
    const embedHosts = this._embedHostList;
    // Rendered on the server, each video links to its page: a play button would need scripts.
    const inPlace = this.playMode !== 'link' && !isServer;
    return html`<ul class="list" part="list">
      ${shown.map((video) => this._renderItem(video, inPlace ? playerOf(video, embedHosts) : undefined))}
    </ul>`;
  }

  /** `embed-hosts` as a list of lower-case hosts. */
  private get _embedHostList(): string[] {
    return this.embedHosts.toLowerCase().split(/\s+/).filter(Boolean);
  }

  private _retry(): void {
    void this._task.run();
  }

  private _renderItem(video: Video, player: Player | undefined): TemplateResult {
    const t = this.localize.t;
    const title = video.title || t.untitled;
    const href = safeUrl(video.url);
    return html`<li class="item" part="item">
      <div class="media" part="media">${this._renderMedia(video, title, href, player)}</div>
      ${href ? html`<a class="title" part="link" href=${href}>${title}</a>` : html`<span class="title" part="link">${title}</span>`}
      ${this._renderMeta(video)}
    </li>`;
  }

  /** The date and the length, each when the data has it, separated when there are both. */
  private _renderMeta({ published, durationSeconds }: Video): TemplateResult | typeof nothing {
    const hasLength = durationSeconds !== undefined;
    if (!published && !hasLength) return nothing;
    const date = published
      ? html`<time part="date" datetime=${published} title=${this.localize.date(published, 'long')}>${this.localize.date(published)}</time>`
      : nothing;
    const separator = published && hasLength ? html`<span class="separator" aria-hidden="true">&nbsp;· </span>` : nothing;
    return html`<span class="meta">${date}${separator}${hasLength ? this._renderDuration(durationSeconds) : nothing}</span>`;
  }

  /** The thumbnail with its play button, the consent step, or the player. */
  private _renderMedia(video: Video, title: string, href: string | undefined, player: Player | undefined): TemplateResult {
    const t = this.localize.t;
    if (player && this._playing === video.id) return this._renderPlayer(video, title, player);
    if (player && this._asking === video.id) {
      return html`<div class="consent" part="consent">
        <p id="consent-text">${t.videoConsent(player.host)}</p>
        <p class="consent-actions">
          <button type="button" part="consent-play" aria-describedby="consent-text" data-video=${video.id} @click=${this._onConsent}>${t.consentPlay}</button>
          <button type="button" part="consent-cancel" @click=${this._onCancel}>${t.consentCancel}</button>
        </p>
      </div>`;
    }
    const face = html`${this._renderThumbnail(video, player)}<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M8 5.5v13l10.5-6.5z" /></svg>`;
    if (player) {
      return html`<button type="button" class="play" part="play" data-video=${video.id} @click=${this._onPlay}>
        ${face}<span class="visually-hidden">${t.playVideo(title)}</span>
      </button>`;
    }
    // The title's link is the one announced; this one is for the pointer.
    if (href) return html`<a class="play" part="play" href=${href} tabindex="-1" aria-hidden="true">${face}</a>`;
    return this._renderThumbnail(video, player);
  }

  /**
   * The thumbnail, or a placeholder when there is none or when it is stored on a video host that the
   * reader's browser must not be sent to before play (unless `host-thumbnails` is set).
   */
  private _renderThumbnail(video: Video, player: Player | undefined): TemplateResult {
    const src = safeImageUrl(video.thumbnailUrl, this.source?.allowRelativeImages);
    if (src && (this.hostThumbnails || !onVideoHost(src, video))) {
      return html`<img class="thumbnail" part="thumbnail" src=${src} alt=${video.thumbnailAlt ?? ''} loading="lazy" decoding="async" referrerpolicy="no-referrer" />`;
    }
    return html`<span class="thumbnail placeholder-thumbnail" part="thumbnail">${player ? html`<span class="host" aria-hidden="true">${player.host}</span>` : nothing}</span>`;
  }

  private _renderPlayer(video: Video, title: string, player: Player): TemplateResult {
    const t = this.localize.t;
    if (player.kind === 'file') {
      const poster = safeImageUrl(video.thumbnailUrl, this.source?.allowRelativeImages);
      return html`<video class="player" part="player" src=${player.src} poster=${ifDefined(poster)} controls autoplay playsinline aria-label=${t.videoPlayer(title)}></video>`;
    }
    return html`<iframe
      class="player"
      part="player"
      src=${player.src}
      title=${t.videoPlayer(title)}
      allow="autoplay; fullscreen; picture-in-picture; encrypted-media"
      allowfullscreen
      sandbox=${
        // lit-analyzer checks the attribute against one token of its list, not a list of them: the list
        // is given the type of one token (TypeScript would take it as it is, hence the disable)
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
        PLAYER_SANDBOX as 'allow-scripts'
      }
      referrerpolicy="strict-origin-when-cross-origin"
    ></iframe>`;
  }

  /** The length as `1:35` (`1:02:03` past an hour), spoken as words. */
  private _renderDuration(total: number): TemplateResult {
    const hours = Math.floor(total / 3600);
    const minutes = Math.floor((total % 3600) / 60);
    const seconds = total % 60;
    const pad = (n: number) => String(n).padStart(2, '0');
    const shown = hours ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
    return html`<time part="duration" datetime=${`PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds}S`}
      ><span aria-hidden="true">${shown}</span><span class="visually-hidden">${this.localize.t.videoDuration(hours, minutes, seconds)}</span></time
    >`;
  }

  /** The video a button of the list belongs to, with how it plays. */
  private _videoOf(event: Event): { video: Video; player: Player } | undefined {
    const id = (event.currentTarget as HTMLElement).dataset.video;
    const video = this._task.value?.find((candidate) => candidate.id === id);
    const player = video && playerOf(video, this._embedHostList);
    return video && player ? { video, player } : undefined;
  }

  private _onPlay(event: Event): void {
    const found = this._videoOf(event);
    if (!found) return;
    const { video, player } = found;
    // A file on the page's own site tells no one else: no consent needed.
    const thirdParty = player.kind === 'frame' || isExternal(player.src);
    if (this.playMode === 'consent' && thirdParty && !this._consented.has(player.host)) {
      this._asking = video.id;
      this._focus = { part: 'consent-play' };
    } else this._start(video.id);
  }

  private _onConsent(event: Event): void {
    const found = this._videoOf(event);
    if (!found) return;
    this._consented.add(found.player.host);
    this._start(found.video.id);
  }

  private _onCancel(): void {
    this._focus = { part: 'play', video: this._asking };
    this._asking = undefined;
  }

  private _start(id: string): void {
    this._asking = undefined;
    this._playing = id;
    this._focus = { part: 'player' };
  }
}

/** How the videos play: in place (`inline`), in place after the reader agrees (`consent`), or on their page (`link`). */
export type VideoPlayMode = MagVideoList['playMode'];
