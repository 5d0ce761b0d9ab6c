import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/mag-video-list.js';
import { MagAdapterError } from '../src/core/errors.js';
import type { Video } from '../src/core/model.js';
import { FakeAdapter } from './support/fake-adapter.js';
import type { FakeBehaviour } from './support/fake-adapter.js';
import { englishVideos, seedVideos } from './support/sample-data.js';

interface Args {
  heading?: string;
  headingLevel: number;
  limit: number;
  playMode: 'inline' | 'consent' | 'link';
  embedHosts: string;
  hostThumbnails: boolean;
  /** Story-only: the videos the fake adapter knows. */
  videos: Video[];
  /** Story-only: an adapter without videos (no `listVideos`). */
  unsupported?: boolean;
  /** Story-only: what the fake adapter's listVideos does instead of answering. */
  behaviour?: FakeBehaviour;
}

/** The tests' video file, served by Storybook at /media (.storybook/main.ts). */
const localFile: Video = {
  id: 'local-file',
  title: 'Ouverture du marché (fichier vidéo du site)',
  url: '/media/ouverture-du-marche.webm',
  embedUrl: '/media/ouverture-du-marche.webm',
  provider: 'file',
  published: '2013-10-12T09:00:00Z',
  durationSeconds: 2,
  thumbnailUrl: seedVideos[0].thumbnailUrl,
};

/** Presses the play button of the first video, once the list has loaded. */
async function pressPlay({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const list = canvasElement.querySelector('mag-video-list')!;
  for (let i = 0; i < 100 && !list.shadowRoot?.querySelector('button[part~="play"]'); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  list.shadowRoot!.querySelector<HTMLButtonElement>('button[part~="play"]')!.click();
  await list.updateComplete;
}

const meta = {
  title: 'Elements/mag-video-list',
  component: 'mag-video-list',
  args: { headingLevel: 2, limit: 3, playMode: 'inline', embedHosts: '', hostThumbnails: false, videos: seedVideos },
  argTypes: { videos: { table: { disable: true } }, unsupported: { table: { disable: true } }, behaviour: { table: { disable: true } } },
  render: (args) => html`<mag-video-list
    heading=${args.heading ?? ''}
    heading-level=${args.headingLevel}
    limit=${args.limit}
    play-mode=${args.playMode}
    embed-hosts=${args.embedHosts}
    ?host-thumbnails=${args.hostThumbnails}
    .adapter=${new FakeAdapter({ videos: args.unsupported ? undefined : args.videos, behaviour: args.behaviour ? { listVideos: args.behaviour } : {} })}
  ></mag-video-list>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/**
 * The seed page's "Vidéos" box: "Ouverture du marché avec Claudy Lebreton" (its YouTube address,
 * date, length and thumbnail invented). Nothing is asked of YouTube until play.
 */
export const Seed: Story = {};

/**
 * Videos of each kind, in English whatever the toolbar language: on YouTube (its thumbnail is on
 * YouTube's servers: a placeholder shows instead), on Vimeo, and a player on a host nobody listed in
 * `embed-hosts` (it links to its page).
 */
export const English: Story = {
  args: { videos: englishVideos },
  render: (args) => html`<div lang="en">${meta.render(args)}</div>`,
};

/** `play-mode="consent"`, after play: which host the video comes from, and nothing loaded until "Lire la vidéo". */
export const ConsentStep: Story = { args: { playMode: 'consent' }, play: pressPlay };

/** A video file of the site, playing in a `<video controls>` after play (the focus on it). */
export const PlayingAFile: Story = { args: { videos: [localFile] }, play: pressPlay };

/** `play-mode="link"`: every video opens its page; no player in the page. */
export const LinkMode: Story = { args: { playMode: 'link', videos: englishVideos } };

/** No video yet. */
export const Empty: Story = { args: { videos: [] } };

/** An adapter without videos (no `listVideos`). */
export const Unsupported: Story = { args: { unsupported: true } };

/** Loading (the adapter never answers). */
export const Loading: Story = { args: { behaviour: 'never' } };

/** The list could not be loaded: message and retry. */
export const LoadError: Story = { args: { behaviour: new MagAdapterError('network', 'The server could not be reached.') } };
