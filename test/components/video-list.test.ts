import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/mag-video-list.js';
import '../../src/define/mag-provider.js';
import type { MagVideoList, VideoPlayMode } from '../../src/components/video-list/video-list.js';
import { MagAdapterError } from '../../src/core/errors.js';
import type { MagLoadErrorEvent } from '../../src/core/events.js';
import type { Video } from '../../src/core/model.js';
import { FakeAdapter } from '../../stories/support/fake-adapter.js';
import { englishVideos, seedVideos } from '../../stories/support/sample-data.js';

const root = (el: HTMLElement) => el.shadowRoot!;
const items = (el: HTMLElement) => [...root(el).querySelectorAll('li')];
const titles = (el: HTMLElement) => items(el).map((li) => li.querySelector('.title')!.textContent.trim());
const loaded = (el: HTMLElement) => waitUntil(() => root(el).querySelector('ul, .empty, .error, .notice'), 'the list did not load');
const playButtons = (el: HTMLElement) => [...root(el).querySelectorAll<HTMLButtonElement>('button[part~="play"]')];
/** A play button's name: its text for assistive technology (the rest of its content is hidden from it). */
const nameOf = (button: HTMLButtonElement) => button.querySelector('.visually-hidden')!.textContent;
const player = (el: HTMLElement) => root(el).querySelector<HTMLIFrameElement | HTMLVideoElement>('[part~="player"]');
/** What has the focus inside the element: its part (and tag), compared as text (a frame in a failure message would be read across origins). */
const focused = (el: HTMLElement) => {
  const active = root(el).activeElement;
  return active ? `${active.localName}[part="${active.getAttribute('part')}"]` : 'nothing';
};

/**
 * A host that stands for a video host: the test server under its other name (`localhost` and
 * `127.0.0.1` are two hosts for the browser), whose /__test/video-host/<key>/ routes count every
 * request they receive (scripts/wtr-test-endpoints.mjs).
 */
const videoHost = `${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;
let keys = 0;
/** A fresh counter on the test video host: its URLs and how many requests they received. */
function hostRoute() {
  const key = `k${Date.now().toString(36)}${++keys}`;
  const base = `http://${videoHost}/__test/video-host/${key}`;
  return {
    player: `${base}/player.html`,
    thumbnail: `${base}/thumbnail.svg`,
    video: `${base}/video.webm`,
    hits: async () => ((await (await fetch(`/__test/hits/video-host/${key}`)).json()) as { hits: number }).hits,
  };
}

/** The hosts of every resource the page loaded since `since` (the browser's network log, PerformanceObserver's entries). */
const requestedHosts = (since: number): string[] =>
  performance
    .getEntriesByType('resource')
    .filter((entry) => entry.startTime >= since)
    .map((entry) => new URL(entry.name).host);

const VIDEO_HOSTS = /youtube|ytimg|youtu\.be|vimeo|dailymotion|dmcdn|dai\.ly/;

async function render(videos: Video[] | undefined, attrs: { limit?: number; playMode?: VideoPlayMode; embedHosts?: string; hostThumbnails?: boolean } = {}, lang = 'fr', fake?: FakeAdapter): Promise<MagVideoList> {
  // The element is the fixture's root (lang on it): a plain wrapper would make fixture() wait for an
  // animation frame, which never comes while the test page is a background tab.
  const el = await fixture<MagVideoList>(html`<mag-video-list
    lang=${lang}
    .adapter=${fake ?? new FakeAdapter({ videos })}
    .limit=${attrs.limit ?? 3}
    play-mode=${attrs.playMode ?? 'inline'}
    embed-hosts=${attrs.embedHosts ?? ''}
    ?host-thumbnails=${attrs.hostThumbnails ?? false}
  ></mag-video-list>`);
  await loaded(el);
  return el;
}

/** Presses the play button of the video at `index`, and waits for the element to update. */
async function press(el: MagVideoList, index = 0): Promise<void> {
  playButtons(el)[index].click();
  await el.updateComplete;
}

describe('<mag-video-list>', () => {
  it('shows a loading placeholder, announced and accessible', async () => {
    const el = await fixture<MagVideoList>(html`<mag-video-list lang="fr" .adapter=${new FakeAdapter({ videos: seedVideos, behaviour: { listVideos: 'never' } })}></mag-video-list>`);
    await el.updateComplete;
    expect(root(el).querySelector('[role="status"]')?.textContent).to.contain('Chargement');
    expect(root(el).querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('lists the videos in a titled box: thumbnail, play button named with the title, linked title, date and spoken length', async () => {
    const el = await render(seedVideos);
    const heading = root(el).querySelector('[role="heading"]')!;
    expect(heading.textContent.trim()).to.equal('Vidéos');
    expect(heading.getAttribute('aria-level')).to.equal('2');
    expect(titles(el)).to.deep.equal(['Ouverture du marché avec Claudy Lebreton']);
    const [item] = items(el);
    // The thumbnail is the site's own image (a local file): shown.
    expect(item.querySelector('img[part="thumbnail"]')!.getAttribute('src')).to.equal(seedVideos[0].thumbnailUrl);
    expect(nameOf(playButtons(el)[0])).to.equal('Lire la vidéo : Ouverture du marché avec Claudy Lebreton');
    expect(item.querySelector('a.title')!.getAttribute('href')).to.equal('https://www.youtube.com/watch?v=Xq3dQm7LpA0');
    const date = item.querySelector('time[part="date"]')!;
    expect(date.getAttribute('datetime')).to.equal('2013-10-12T09:00:00Z');
    expect(date.textContent).to.equal('12 oct. 2013');
    const duration = item.querySelector('time[part="duration"]')!;
    expect(duration.getAttribute('datetime')).to.equal('PT2M34S');
    expect(duration.querySelector('[aria-hidden="true"]')!.textContent).to.equal('2:34');
    expect(duration.querySelector('.visually-hidden')!.textContent).to.equal('2 minutes 34 secondes');
    await expect(el).to.be.accessible();
  });

  it('shows the date or the length alone when the data has only one, and no line when it has neither', async () => {
    const base = seedVideos[0];
    const el = await render([
      { ...base, id: 'date', durationSeconds: undefined },
      { ...base, id: 'length', published: undefined },
      { ...base, id: 'neither', published: undefined, durationSeconds: undefined },
    ]);
    // (the length as shown, then as spoken, for screen readers)
    const meta = items(el).map((li) => li.querySelector('.meta')?.textContent.replace(/\s+/g, ' ').trim());
    expect(meta).to.deep.equal(['12 oct. 2013', '2:342 minutes 34 secondes', undefined]);
    await expect(el).to.be.accessible();
  });

  it('speaks lengths in English, past an hour, and uses the default English title and a slotted one', async () => {
    const el = await render(englishVideos, {}, 'en');
    expect(root(el).querySelector('[role="heading"]')!.textContent.trim()).to.equal('Videos');
    const durations = [...root(el).querySelectorAll('time[part="duration"]')];
    expect(durations.map((d) => d.getAttribute('datetime'))).to.deep.equal(['PT2M34S', 'PT1H2M5S']);
    expect(durations.map((d) => d.querySelector('[aria-hidden="true"]')!.textContent)).to.deep.equal(['2:34', '1:02:05']);
    expect(durations.map((d) => d.querySelector('.visually-hidden')!.textContent)).to.deep.equal(['2 minutes 34 seconds', '1 hour 2 minutes 5 seconds']);
    expect(nameOf(playButtons(el)[0])).to.equal('Play video: Opening the market');
    await expect(el).to.be.accessible();
    const slotted = await fixture<MagVideoList>(html`<mag-video-list lang="en" .adapter=${new FakeAdapter({ videos: englishVideos })}><span slot="heading">Watch</span></mag-video-list>`);
    await loaded(slotted);
    expect(root(slotted).querySelector<HTMLSlotElement>('slot[name="heading"]')!.assignedElements()[0].textContent).to.equal('Watch');
  });

  it('words a video without a title in the page\'s language, everywhere the title is used', async () => {
    const untitled = [{ ...seedVideos[0], title: '' }];
    const fr = await render(untitled);
    expect(titles(fr)).to.deep.equal(['Sans titre']);
    expect(nameOf(playButtons(fr)[0])).to.equal('Lire la vidéo : Sans titre');
    const en = await render(untitled, {}, 'en');
    expect(titles(en)).to.deep.equal(['Untitled']);
  });

  it('asks for `limit` videos and shows no more than that', async () => {
    const fake = new FakeAdapter({ videos: englishVideos });
    // An adapter that ignores the limit is cut down.
    fake.listVideos = () => Promise.resolve(englishVideos);
    const el = await render(undefined, { limit: 2 }, 'en', fake);
    expect(titles(el)).to.have.length(2);
    const counted = new FakeAdapter({ videos: englishVideos });
    await render(undefined, { limit: 1 }, 'en', counted);
    expect(counted.log.at(-1)!.args).to.deep.equal([1]);
  });

  it('reads a `limit` that is not a whole number ≥ 1 as a whole number, or as the default 3', async () => {
    const videos = [...englishVideos, ...englishVideos.map((video) => ({ ...video, id: `${video.id}-again` }))];
    for (const [limit, shown] of [[2.7, 2], [0.5, 3], [0, 3], [-1, 3], [Number.NaN, 3]]) {
      const el = await render(videos, { limit }, 'en');
      expect(titles(el), `limit ${limit}`).to.have.length(shown);
    }
  });

  it('shows an empty message', async () => {
    const el = await render([]);
    expect(root(el).querySelector('[part="empty"]')!.textContent).to.equal("Aucune vidéo pour l'instant.");
    await expect(el).to.be.accessible();
  });

  it('says so when the data source has no videos', async () => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      const el = await render(undefined);
      expect(root(el).querySelector('[part="unsupported"]')!.textContent).to.equal('Ce site ne propose pas cette fonction.');
      expect(root(el).querySelector('[part="retry"]')).to.equal(null);
      await expect(el).to.be.accessible();
    } finally {
      console.warn = warn;
    }
  });

  it('shows an error with a retry button that works, and fires mag-load-error', async () => {
    const fake = new FakeAdapter({ videos: seedVideos, behaviour: { listVideos: new MagAdapterError('network', 'Down') } });
    const warn = console.warn;
    console.warn = () => {};
    try {
      let event: MagLoadErrorEvent | undefined;
      const el = await fixture<MagVideoList>(html`<mag-video-list lang="fr" .adapter=${fake} @mag-load-error=${(e: MagLoadErrorEvent) => (event = e)}></mag-video-list>`);
      await waitUntil(() => event, 'mag-load-error was not fired');
      expect(event!.error.code).to.equal('network');
      await loaded(el);
      expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('Le serveur est injoignable.');
      await expect(el).to.be.accessible();
      delete fake.behaviour.listVideos;
      root(el).querySelector<HTMLButtonElement>('[part="retry"]')!.click();
      await waitUntil(() => titles(el).length === 1, 'retry did not load the list');
      expect(fake.calls.listVideos).to.equal(2);
    } finally {
      console.warn = warn;
    }
  });

  it('keeps the old list visible with aria-busy on refresh(), and reloads when the provider says videos changed', async () => {
    const fake = new FakeAdapter({ videos: englishVideos });
    const provider = await fixture<HTMLElement & { refresh(): void }>(html`<mag-provider .adapter=${fake} lang="en"><mag-video-list></mag-video-list></mag-provider>`);
    const el = provider.querySelector('mag-video-list')!;
    await waitUntil(() => titles(el).length === 3, 'did not load through the provider');
    fake.behaviour.listVideos = 'never';
    el.refresh();
    await waitUntil(() => root(el).querySelector('[part="base"]')!.getAttribute('aria-busy') === 'true', 'not busy');
    expect(titles(el)).to.have.length(3);
    await expect(el).to.be.accessible();
    delete fake.behaviour.listVideos;
    provider.refresh();
    await waitUntil(() => root(el).querySelector('[part="base"]')!.getAttribute('aria-busy') === 'false', 'did not reload');
    await aTimeout(0);
    expect(fake.calls.listVideos).to.equal(3);
  });

  describe('privacy: nothing from a video host before play', () => {
    it('loads no player, script or thumbnail of YouTube, Vimeo or Dailymotion before play, and a placeholder stands for a thumbnail on their servers', async () => {
      const since = performance.now();
      const dailymotion: Video = { id: 'dm', title: 'On Dailymotion', url: 'https://www.dailymotion.com/video/x8abc12', thumbnailUrl: 'https://s1.dmcdn.net/v/x8abc12/x240' };
      const el = await render([...englishVideos.slice(0, 2), dailymotion], {}, 'en');
      await aTimeout(100);
      expect(root(el).querySelectorAll('iframe, video, script')).to.have.length(0);
      const sources = [...root(el).querySelectorAll('[src]')].map((node) => node.getAttribute('src'));
      expect(sources.filter((src) => VIDEO_HOSTS.test(src ?? ''))).to.deep.equal([]);
      expect(requestedHosts(since).filter((host) => VIDEO_HOSTS.test(host))).to.deep.equal([]);
      const placeholders = items(el).map((li) => li.querySelector('[part="thumbnail"]')!);
      expect(placeholders[0].localName).to.equal('span');
      expect(placeholders[0].textContent.trim()).to.equal('YouTube');
      // Vimeo's thumbnail here is the site's own image: shown.
      expect(placeholders[1].localName).to.equal('img');
      expect(placeholders[2].localName).to.equal('span');
      expect(placeholders[2].textContent.trim()).to.equal('Dailymotion');
      await expect(el).to.be.accessible();
    });

    it('on the test video host: no request before play; one for the thumbnail only with host-thumbnails', async () => {
      const route = hostRoute();
      const video: Video = { id: 'own', title: 'Own player', url: `http://${videoHost}/watch/own`, embedUrl: route.player, thumbnailUrl: route.thumbnail };
      const el = await render([video], { embedHosts: videoHost }, 'en');
      await aTimeout(300);
      expect(await route.hits()).to.equal(0);
      expect(root(el).querySelector('img')).to.equal(null);
      const allowed = await render([video], { embedHosts: videoHost, hostThumbnails: true }, 'en');
      await waitUntil(async () => (await route.hits()) === 1, 'the allowed thumbnail was not loaded');
      expect(root(allowed).querySelector('img[part="thumbnail"]')!.getAttribute('src')).to.equal(route.thumbnail);
      await aTimeout(200);
      expect(await route.hits(), 'nothing else before play').to.equal(1);
      expect(player(allowed)).to.equal(null);
    });
  });

  describe('play in place', () => {
    it("plays a YouTube video in YouTube's privacy-enhanced player, sandboxed, named, with the focus in it", async () => {
      const el = await render(englishVideos, {}, 'en');
      await press(el, 0);
      const frame = player(el) as HTMLIFrameElement;
      expect(frame.localName).to.equal('iframe');
      expect(frame.getAttribute('src')).to.equal('https://www.youtube-nocookie.com/embed/Xq3dQm7LpA0?autoplay=1');
      expect(frame.getAttribute('title')).to.equal('Video player: Opening the market');
      expect(frame.getAttribute('sandbox')).to.equal('allow-scripts allow-same-origin allow-presentation allow-popups allow-popups-to-escape-sandbox');
      expect(frame.getAttribute('referrerpolicy')).to.equal('strict-origin-when-cross-origin');
      expect(frame.getAttribute('allow')).to.contain('autoplay');
      expect(focused(el)).to.equal('iframe[part="player"]');
      // The video's page is still reachable.
      expect(items(el)[0].querySelector('a.title')!.getAttribute('href')).to.equal('https://youtu.be/Xq3dQm7LpA0');
      // Only the played video has a player.
      expect(root(el).querySelectorAll('[part~="player"]')).to.have.length(1);
      expect(playButtons(el)).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it("makes the player of each known provider from the video's address, whatever the data's player address", async () => {
      const cases: [Partial<Video>, string][] = [
        [{ url: 'https://www.youtube.com/watch?v=abcdefghijk&t=42' }, 'https://www.youtube-nocookie.com/embed/abcdefghijk?autoplay=1'],
        [{ url: 'https://m.youtube.com/shorts/abcdefghijk' }, 'https://www.youtube-nocookie.com/embed/abcdefghijk?autoplay=1'],
        [{ url: '/page', embedUrl: 'https://www.youtube.com/embed/abcdefghijk?controls=0' }, 'https://www.youtube-nocookie.com/embed/abcdefghijk?autoplay=1'],
        [{ url: 'https://www.youtube.com/v/abcdefghijk?version=3' }, 'https://www.youtube-nocookie.com/embed/abcdefghijk?autoplay=1'],
        [{ url: 'https://vimeo.com/76979871' }, 'https://player.vimeo.com/video/76979871?autoplay=1&dnt=1'],
        [{ url: 'https://vimeo.com/76979871/a1b2c3d4e5' }, 'https://player.vimeo.com/video/76979871?autoplay=1&dnt=1&h=a1b2c3d4e5'],
        [{ url: '/page', embedUrl: 'https://player.vimeo.com/video/76979871?h=ff00' }, 'https://player.vimeo.com/video/76979871?autoplay=1&dnt=1&h=ff00'],
        [{ url: 'https://www.dailymotion.com/video/x8abc12_a-title' }, 'https://www.dailymotion.com/embed/video/x8abc12?autoplay=1'],
        [{ url: 'https://dai.ly/x8abc12' }, 'https://www.dailymotion.com/embed/video/x8abc12?autoplay=1'],
      ];
      const videos = cases.map(([fields], i) => ({ id: `v${i}`, title: `Video ${i}`, url: '/', ...fields }));
      const el = await render(videos, { limit: videos.length }, 'en');
      const frames: string[] = [];
      for (let i = 0; i < videos.length; i++) {
        playButtons(el).find((button) => button.dataset.video === `v${i}`)!.click();
        await el.updateComplete;
        frames.push(player(el)!.getAttribute('src')!);
      }
      expect(frames).to.deep.equal(cases.map(([, src]) => src));
    });

    it('plays a file in a <video controls>, asked of its host only once the reader presses play, with the focus on it', async () => {
      const route = hostRoute();
      const video: Video = { id: 'file', title: 'A file', url: `http://${videoHost}/videos/file`, embedUrl: route.video, provider: 'file', durationSeconds: 2 };
      const el = await render([video], {}, 'en');
      await aTimeout(300);
      expect(await route.hits()).to.equal(0);
      await press(el);
      const media = player(el) as HTMLVideoElement;
      expect(media.localName).to.equal('video');
      expect(media.getAttribute('src')).to.equal(route.video);
      expect(media.controls).to.equal(true);
      expect(media.getAttribute('aria-label')).to.equal('Video player: A file');
      expect(focused(el)).to.equal('video[part="player"]');
      await waitUntil(async () => (await route.hits()) > 0, 'the file was not asked for after play');
      await expect(el).to.be.accessible();
    });

    it("frames a player on a host listed in embed-hosts, once the reader presses play, and the player's host receives the request then", async () => {
      const route = hostRoute();
      const video: Video = { id: 'own', title: 'Own player', url: `http://${videoHost}/watch/own`, embedUrl: route.player };
      const el = await render([video], { embedHosts: `videos.example.org ${videoHost.toUpperCase()}` }, 'en');
      await aTimeout(300);
      expect(await route.hits()).to.equal(0);
      const since = performance.now();
      await press(el);
      expect(player(el)!.getAttribute('src')).to.equal(route.player);
      await waitUntil(async () => (await route.hits()) === 1, 'the player was not loaded');
      // The browser's own log shows the frame's request too.
      await waitUntil(() => requestedHosts(since).includes(videoHost), 'no resource entry for the player');
    });

    it('plays a PeerTube video in its instance\'s player without peer-to-peer, when the instance is listed', async () => {
      const video: Video = { id: 'pt', title: 'On PeerTube', url: 'https://peertube.example/w/9c9de5e8-0a1e-484a-b099-e80766180a6d', provider: 'peertube' };
      const unlisted = await render([video], {}, 'en');
      expect(playButtons(unlisted)).to.have.length(0);
      const el = await render([video], { embedHosts: 'peertube.example' }, 'en');
      await press(el);
      expect(player(el)!.getAttribute('src')).to.equal('https://peertube.example/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d?autoplay=1&p2p=0');
    });

    it('plays with the keyboard alone: Tab reaches the play button, Enter loads the player and focuses it', async () => {
      const el = await render(seedVideos);
      const before = document.createElement('button');
      before.textContent = 'Before';
      el.before(before);
      try {
        before.focus();
        await sendKeys({ press: 'Tab' });
        expect(focused(el)).to.equal('button[part="play"]');
        await sendKeys({ press: 'Enter' });
        await el.updateComplete;
        expect(focused(el)).to.equal('iframe[part="player"]');
        expect(player(el)!.getAttribute('src')).to.equal('https://www.youtube-nocookie.com/embed/Xq3dQm7LpA0?autoplay=1');
      } finally {
        before.remove();
      }
    });

    it('plays one video at a time', async () => {
      const el = await render(englishVideos, {}, 'en');
      await press(el, 0);
      await press(el, 0); // the Vimeo video, now the first button
      expect(root(el).querySelectorAll('[part~="player"]')).to.have.length(1);
      expect(player(el)!.getAttribute('src')).to.contain('player.vimeo.com');
      expect(playButtons(el)).to.have.length(1);
    });
  });

  describe('consent mode', () => {
    it('says which host the video comes from and loads nothing until the reader agrees, once per host', async () => {
      const route = hostRoute();
      const first: Video = { id: 'one', title: 'One', url: `http://${videoHost}/watch/one`, embedUrl: route.player };
      const second: Video = { ...first, id: 'two', title: 'Two' };
      const el = await render([first, second], { playMode: 'consent', embedHosts: videoHost }, 'en');
      await press(el, 0);
      const consent = root(el).querySelector('[part="consent"]')!;
      expect(consent.textContent).to.contain(`This video is hosted by ${videoHost}. Playing it loads content from ${videoHost}`);
      const agree = root(el).querySelector<HTMLButtonElement>('[part="consent-play"]')!;
      expect(focused(el)).to.equal('button[part="consent-play"]');
      expect(agree.getAttribute('aria-describedby')).to.equal('consent-text');
      expect(player(el)).to.equal(null);
      await expect(el).to.be.accessible();
      await aTimeout(200);
      expect(await route.hits()).to.equal(0);
      // Cancel: back to the thumbnail, the focus on its play button.
      root(el).querySelector<HTMLButtonElement>('[part="consent-cancel"]')!.click();
      await el.updateComplete;
      expect(root(el).querySelector('[part="consent"]')).to.equal(null);
      expect(root(el).activeElement === playButtons(el)[0], 'the focus is back on the play button').to.equal(true);
      // Agree: the player loads, with the focus in it.
      await press(el, 0);
      root(el).querySelector<HTMLButtonElement>('[part="consent-play"]')!.click();
      await el.updateComplete;
      expect(player(el)!.getAttribute('src')).to.equal(route.player);
      expect(focused(el)).to.equal('iframe[part="player"]');
      await waitUntil(async () => (await route.hits()) === 1, 'the player was not loaded after consent');
      // The same host again: no second question.
      await press(el, 0);
      expect(root(el).querySelector('[part="consent"]')).to.equal(null);
      expect(items(el)[1].querySelector('[part~="player"]')).to.not.equal(null);
    });

    it("names the known provider in French, and plays a file from the page's own site without asking", async () => {
      const file: Video = { id: 'own-file', title: 'Fichier', url: '/videos/own', embedUrl: '/test/fixtures/media/ouverture-du-marche.webm', provider: 'file' };
      const el = await render([seedVideos[0], file], { playMode: 'consent' });
      await press(el, 0);
      expect(root(el).querySelector('[part="consent"]')!.textContent).to.contain('Cette vidéo est hébergée par YouTube. La lire charge du contenu de YouTube');
      expect(root(el).querySelector('[part="consent-play"]')!.textContent).to.equal('Lire la vidéo');
      await expect(el).to.be.accessible();
      root(el).querySelector<HTMLButtonElement>('[part="consent-cancel"]')!.click();
      await el.updateComplete;
      await press(el, 1);
      expect(root(el).querySelector('[part="consent"]')).to.equal(null);
      expect(player(el)!.localName).to.equal('video');
    });
  });

  describe('link mode and links', () => {
    it('with play-mode="link", every video opens its page: no play button, no player, the thumbnail a link for the pointer only', async () => {
      const el = await render(englishVideos, { playMode: 'link' }, 'en');
      expect(playButtons(el)).to.have.length(0);
      const links = items(el).map((li) => li.querySelector('a[part="play"]'));
      expect(links.map((a) => a?.getAttribute('href'))).to.deep.equal(['https://youtu.be/Xq3dQm7LpA0', 'https://vimeo.com/76979871', '/videos/council-meeting.html']);
      for (const link of links) {
        expect(link!.getAttribute('tabindex')).to.equal('-1');
        expect(link!.getAttribute('aria-hidden')).to.equal('true');
      }
      expect(root(el).querySelectorAll('iframe, video')).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('never frames a player outside the allowlist: it opens as a link', async () => {
      const outside: Video[] = [
        // a player on a host nobody listed
        { id: 'a', title: 'Unlisted host', url: '/a', embedUrl: 'https://videos.example.org/embed/a' },
        // a host that only looks like a listed one
        { id: 'b', title: 'Look-alike', url: '/b', embedUrl: 'https://peertube.example.evil.example/embed/b' },
        // a YouTube path on another host, and a provider name that does not make a host one of its own
        { id: 'c', title: 'Fake YouTube', url: 'https://evil.example/watch?v=abcdefghijk', provider: 'youtube' },
        // schemes that never become a frame or a file
        { id: 'd', title: 'Script', url: '/d', embedUrl: 'javascript:alert(1)' },
        { id: 'e', title: 'Data', url: '/e', embedUrl: 'data:text/html,<script>alert(1)</script>', provider: 'peertube' },
        { id: 'f', title: 'Data file', url: '/f', embedUrl: 'data:video/webm;base64,AAAA', provider: 'file' },
        { id: 'g', title: 'Protocol-relative', url: '/g', embedUrl: '//videos.example.org/embed/g' },
      ];
      const el = await render(outside, { limit: outside.length, embedHosts: 'peertube.example' }, 'en');
      expect(playButtons(el)).to.have.length(0);
      expect(items(el).map((li) => li.querySelector('a[part="play"]')?.getAttribute('href'))).to.deep.equal(['/a', '/b', 'https://evil.example/watch?v=abcdefghijk', '/d', '/e', '/f', '/g']);
      expect(root(el).querySelectorAll('iframe, video')).to.have.length(0);
    });

    it('shows a thumbnail whose address is relative only when the provider allows relative images', async () => {
      const videos: Video[] = [{ id: 'r', title: 'Relative', url: 'https://www.example.org/videos/r', thumbnailUrl: '/demo/img/video-ouverture-du-marche.svg' }];
      const refused = await render(videos, {}, 'en');
      expect(root(refused).querySelector('img'), 'no image from a relative address by default').to.equal(null);
      expect(root(refused).querySelector('[part~="thumbnail"]')).to.not.equal(null);
      const provider = await fixture<HTMLElement>(html`<mag-provider allow-relative-images lang="en" .adapter=${new FakeAdapter({ videos })}
        ><mag-video-list></mag-video-list
      ></mag-provider>`);
      const allowed = provider.querySelector<MagVideoList>('mag-video-list')!;
      await loaded(allowed);
      expect(root(allowed).querySelector('img[part~="thumbnail"]')!.getAttribute('src')).to.equal('/demo/img/video-ouverture-du-marche.svg');
    });

    it('keeps hostile titles and URLs inert', async () => {
      const payload = '<img src=x onerror="window.__videoPwned=1"><script>window.__videoPwned=1</script>';
      const hostile: Video[] = [
        { id: `"><img src=x onerror="window.__videoPwned=1">`, title: payload, url: 'javascript:window.__videoPwned=1', thumbnailUrl: 'javascript:window.__videoPwned=1', thumbnailAlt: payload, embedUrl: 'javascript:window.__videoPwned=1' },
        { id: 'h2', title: payload, url: ' JaVaScRiPt:window.__videoPwned=1', thumbnailUrl: 'data:image/svg+xml,<svg onload="window.__videoPwned=1"/>', provider: 'file', embedUrl: 'vbscript:x' },
      ];
      const el = await render(hostile, {}, 'en');
      expect(titles(el)).to.deep.equal([payload, payload]);
      expect(root(el).querySelectorAll('script, iframe, video, a, img')).to.have.length(0);
      for (const node of root(el).querySelectorAll('*')) {
        for (const { name, value } of node.attributes) {
          expect(name, `<${node.localName} ${name}>`).to.not.match(/^on/i);
          expect(value, `<${node.localName} ${name}>`).to.not.match(/^\s*(javascript|vbscript|data):/i);
        }
      }
      await aTimeout(50);
      expect((window as { __videoPwned?: number }).__videoPwned).to.equal(undefined);
      await expect(el).to.be.accessible();
    });
  });
});
