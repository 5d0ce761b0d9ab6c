import { expect, fixture, waitUntil } from '@open-wc/testing';
import { composeStories } from './helpers/portable-stories.js';
import * as article from '../stories/article.stories.js';
import * as commentThread from '../stories/comment-thread.stories.js';
import * as commentFeedLink from '../stories/comment-feed-link.stories.js';
import * as recent from '../stories/recent-contributions.stories.js';
import * as subscribe from '../stories/subscribe-form.stories.js';
import * as about from '../stories/about-box.stories.js';
import * as provider from '../stories/provider.stories.js';
import * as videos from '../stories/video-list.stories.js';

/**
 * Every story is a fixture: it renders, settles, and passes the accessibility check in both languages.
 * (The whole-page story, stories/demo-page.stories.ts, loads the demo page through Storybook's static
 * files: scripts/check-storybook.mjs renders it and checks it, in both languages and both themes.)
 */
const modules = { article, commentThread, commentFeedLink, recent, subscribe, about, provider, videos };

function magElements(root: Element): Element[] {
  return [...root.querySelectorAll('*')].filter((el) => el.localName.startsWith('mag-') && el.localName !== 'mag-provider');
}

for (const [name, module] of Object.entries(modules)) {
  describe(`stories: ${name}`, () => {
    for (const [storyName, Story] of Object.entries(composeStories(module))) {
      for (const lang of ['fr', 'en']) {
        it(`${storyName} (${lang}) renders and is accessible`, async () => {
          const el = await fixture<HTMLElement>(Story({ ...Story.args }));
          const host = el.closest('[lang]') ?? el;
          host.setAttribute('lang', lang);
          const elements = magElements(el.parentElement ?? el);
          if (el.localName.startsWith('mag-') && el.localName !== 'mag-provider') elements.unshift(el);
          expect(elements.length, 'the story renders a mag-* element').to.be.greaterThan(0);
          for (const element of elements) {
            await (element as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
            await waitUntil(() => (element.shadowRoot?.childElementCount ?? 0) > 0, `<${element.localName}> rendered nothing`);
          }
          // Let pending data settle (stories answer from memory; loading stories never answer).
          await new Promise((resolve) => setTimeout(resolve, 50));
          await expect(el).to.be.accessible();
        });
      }
    }
  });
}
