/**
 * How `<mag-video-list>` plays a video, decided from its data before anything is loaded: the player
 * to frame (the privacy-enhanced one of a known provider, or the video's own player on a host the
 * integrator allows), the file to give a `<video>`, or nothing (the video opens as a link). Also
 * tells whether a thumbnail is stored on a video host's servers.
 */
import { domWindow } from '../../core/dom.js';
import type { Video } from '../../core/model.js';
import { WEB, isExternal, safeUrl } from '../../core/url.js';

/** How a video plays in place: a framed player, or a file in a `<video>`. */
export interface Player {
  kind: 'frame' | 'file';
  /** The player's or the file's address. */
  src: string;
  /** Who the reader's browser talks to once the video plays: the provider's name, else the host. */
  host: string;
}

/** A provider whose videos are recognized from their addresses. */
interface KnownProvider {
  name: string;
  /** The domains of its pages, players and images (with their subdomains). */
  domains: string[];
  /** The address of its player for a page or player address, or undefined when it is not one of its videos. */
  player(url: URL, path: string[]): string | undefined;
}

const YOUTUBE_ID = /^[\w-]{11}$/;
const DAILYMOTION_ID = /^[\da-z]+$/i;

const KNOWN_PROVIDERS: KnownProvider[] = [
  {
    name: 'YouTube',
    domains: ['youtube.com', 'youtu.be', 'youtube-nocookie.com', 'ytimg.com'],
    // youtube.com/watch?v=ID, youtu.be/ID, youtube.com/embed/ID, /shorts/ID, /live/ID, /v/ID (feeds)
    player(url, [first, second]) {
      const id = url.hostname === 'youtu.be' ? first : first === 'watch' ? url.searchParams.get('v') : ['embed', 'shorts', 'live', 'v'].includes(first) ? second : undefined;
      // The privacy-enhanced host: no cookie until the reader plays the video.
      return id && YOUTUBE_ID.test(id) ? `https://www.youtube-nocookie.com/embed/${id}?autoplay=1` : undefined;
    },
  },
  {
    name: 'Vimeo',
    domains: ['vimeo.com', 'vimeocdn.com'],
    // vimeo.com/ID, vimeo.com/ID/HASH (an unlisted video), vimeo.com/channels/name/ID, player.vimeo.com/video/ID?h=HASH
    player(url) {
      const [, id, hash = url.searchParams.get('h')] = /\/(\d+)(?:\/([\da-f]+))?\/?$/.exec(url.pathname) ?? [];
      // dnt=1: Vimeo's player then sets no cookie and records no viewing statistics.
      return id && `https://player.vimeo.com/video/${id}?autoplay=1&dnt=1${hash ? `&h=${hash}` : ''}`;
    },
  },
  {
    name: 'Dailymotion',
    domains: ['dailymotion.com', 'dai.ly', 'dmcdn.net'],
    // dailymotion.com/video/ID, dailymotion.com/video/ID_title, dai.ly/ID, dailymotion.com/embed/video/ID
    player(url, path) {
      const id = (url.hostname === 'dai.ly' ? path[0] : path[0] === 'video' ? path[1] : path[0] === 'embed' && path[1] === 'video' ? path[2] : undefined)?.split('_')[0];
      return id && DAILYMOTION_ID.test(id) ? `https://www.dailymotion.com/embed/video/${id}?autoplay=1` : undefined;
    },
  },
];

/** The paths of video files the browser plays itself. */
const VIDEO_FILE = /\.(mp4|m4v|webm|ogv|mov)$/i;

/** `value` parsed against the page's address; undefined when it is not a URL. */
function parse(value: string | undefined): URL | undefined {
  if (!value) return undefined;
  try {
    return new URL(value, domWindow().document.baseURI);
  } catch {
    return undefined;
  }
}

/** The known provider whose domains hold `host`. */
const providerOfHost = (host: string): KnownProvider | undefined =>
  KNOWN_PROVIDERS.find((provider) => provider.domains.some((domain) => host === domain || host.endsWith(`.${domain}`)));

/** The path's segments, without the empty ones. */
const segments = (url: URL): string[] => url.pathname.split('/').filter(Boolean);

/**
 * How `video` plays in place, or undefined when it opens as a link. In this order:
 * - a file (`provider: 'file'`, or an address ending in .mp4, .webm…): the browser plays it in a
 *   `<video>`;
 * - a video of a known provider (YouTube, Vimeo, Dailymotion), recognized from the host of `embedUrl`,
 *   then of `url`: that provider's player, made here (privacy-enhanced where the provider has such a
 *   mode), never the address the data gives;
 * - the video's own player (`embedUrl`; for `provider: 'peertube'` without one, the instance's player
 *   of `url`) when its host (with its port, if any) is one of `embedHosts`, the hosts the integrator
 *   allows;
 * - anything else is not framed.
 */
export function playerOf(video: Video, embedHosts: readonly string[]): Player | undefined {
  const { provider, embedUrl, url } = video;
  const address = embedUrl ?? url;
  if (provider === 'file' || (!provider && VIDEO_FILE.test(parse(address)?.pathname ?? ''))) {
    const src = safeUrl(address, WEB);
    return src ? { kind: 'file', src, host: parse(src)!.host } : undefined;
  }
  for (const candidate of [embedUrl, url].map(parse)) {
    const known = candidate && /^https?:$/.test(candidate.protocol) ? providerOfHost(candidate.hostname) : undefined;
    const src = known?.player(candidate!, segments(candidate!));
    if (src) return { kind: 'frame', src, host: known!.name };
  }
  const own = parse(embedUrl) ?? (provider === 'peertube' ? peerTubePlayer(parse(url)) : undefined);
  if (!own || !/^https?:$/.test(own.protocol) || !embedHosts.includes(own.host)) return undefined;
  if (provider === 'peertube') {
    own.searchParams.set('autoplay', '1');
    // Without peer-to-peer: the other viewers would see the reader's address.
    own.searchParams.set('p2p', '0');
  }
  return { kind: 'frame', src: own.href, host: own.host };
}

/** A PeerTube instance's player for a video page (`/w/ID`, `/videos/watch/ID`). */
function peerTubePlayer(page: URL | undefined): URL | undefined {
  const path = page ? segments(page) : [];
  const id = path[0] === 'w' ? path[1] : path[0] === 'videos' && path[1] === 'watch' ? path[2] : undefined;
  return id ? new URL(`/videos/embed/${encodeURIComponent(id)}`, page) : undefined;
}

/**
 * True when `thumbnail` is stored on a video host's servers: a known provider's domains, or the host
 * of the video's page or player, unless that is the page's own site. Showing it before play would
 * tell that host who reads the page.
 */
export function onVideoHost(thumbnail: string, video: Video): boolean {
  const image = parse(thumbnail);
  if (!image || !isExternal(image.href)) return false;
  return !!providerOfHost(image.hostname) || [video.url, video.embedUrl].some((address) => parse(address)?.hostname === image.hostname);
}
