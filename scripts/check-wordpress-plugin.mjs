#!/usr/bin/env node
// `npm test` (after the build): the WordPress plugin as a theme author installs it. The built
// dist/wordpress/mag-elements.zip is installed into the real WordPress of the tests (Debian's 6.1, the
// Twenty Twenty-One theme) by WordPress's own plugin installer, activated, and its pages are loaded as
// top-level pages in Debian's headless Chromium (puppeteer-core):
//   - a page without an element loads no script of the plugin; a post with every block, and one with
//     every shortcode, show each element with that post's data (bundle and WordPress adapter loaded as
//     modules, each element accessible: axe-core), and their content for browsers without scripts;
//   - the settings page: only an administrator, only with its nonce; the takeover of the theme's
//     comments (a classic theme's comments template, and a block theme's comments block), with the
//     theme's comments and WordPress's form kept (and working) without scripts;
//   - a visitor (not logged in) comments through the thread: published, held for moderation (the
//     moderators' e-mail is sent), refused by WordPress's flood check and by a spam filter's hook;
//     with "users must be registered and logged in to comment", the thread has no form and says so,
//     and nothing can be posted; a logged-in reader comments as their account; a closed post shows
//     the closed state; the REST API refuses a visitor's comment without the page's nonce;
//   - the blocks in the editor: a control for every setting, saved with the block.
// Run after `npm run build`.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';
import { startWordPress } from './backends/wordpress.mjs';

const ZIP = 'dist/wordpress/mag-elements.zip';
if (!existsSync(ZIP)) {
  console.error(`${ZIP} is missing: run \`npm run build\` first.`);
  process.exit(1);
}
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PLUGIN_FILES = '/wp-content/plugins/mag-elements/';

const failures = [];
const check = (ok, message) => {
  console.log(`${ok ? '✔' : '✘'} ${message}`);
  if (!ok) failures.push(message);
};
const unique = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

const started = Date.now();
const wp = await startWordPress({ log: () => {}, pluginZip: ZIP }).catch((error) => {
  console.error(`✘ the WordPress of the plugin's checks could not start: ${error.message}`);
  process.exit(1);
});
const { posts: sitePosts, plugin: installedVersion } = wp.seed.site;
const seeded = wp.seed.posts;
const post = (id) => `${wp.url}/?p=${id}`;
const option = (name, value) => wp.php(['option', name, JSON.stringify(value)]);
const commentsOf = (id) => JSON.parse(wp.php(['comments', String(id)]).trim());

let browser;
try {
  console.log(`WordPress with the plugin ${installedVersion} installed from ${ZIP}, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  check(installedVersion === JSON.parse((await import('node:fs')).readFileSync('package.json', 'utf8')).version, 'the installed plugin has the version of package.json');
  browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });

  /** A fresh browser context (its own cookies): a visitor, or a user once logged in. */
  async function visitor() {
    const context = await browser.createBrowserContext();
    return {
      context,
      /** Opens `url`; returns the page, the plugin's files requested, the console problems and page errors. */
      async open(url, { scripts = true } = {}) {
        const page = await context.newPage();
        await page.setJavaScriptEnabled(scripts);
        const fetched = [];
        const problems = [];
        page.on('request', (request) => {
          const { pathname } = new URL(request.url());
          if (pathname.startsWith(PLUGIN_FILES)) fetched.push(pathname.slice(PLUGIN_FILES.length).replace(/^cdn\/[^/]+\//, 'cdn/'));
        });
        page.on('console', (message) => {
          if (['warn', 'warning', 'error'].includes(message.type())) problems.push(message.text());
        });
        page.on('pageerror', (error) => problems.push(String(error)));
        await page.goto(url, { waitUntil: 'load' });
        return { page, fetched, problems };
      },
      async login(user, password) {
        const page = await context.newPage();
        await page.goto(`${wp.url}/wp-login.php`, { waitUntil: 'load' });
        // wp-login.php focuses and selects #user_login 200 ms after load: typed keys could land in
        // the wrong field on a busy machine, so the fields are filled directly.
        await page.evaluate((u, p) => {
          document.querySelector('#user_login').value = u;
          document.querySelector('#user_pass').value = p;
        }, user, password);
        await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#wp-submit')]);
        const ok = !(await page.$('#login_error'));
        await page.close();
        return ok;
      },
    };
  }

  /** `fn(element's shadow root)` once it returns something truthy (polling), else undefined. */
  const inShadow = (page, selector, fn, timeout = 20_000) =>
    page
      .waitForFunction(
        (s, source) => {
          const root = document.querySelector(s)?.shadowRoot;
          return root ? new Function('root', `return (${source})(root)`)(root) : false;
        },
        { timeout, polling: 100 },
        selector,
        fn.toString(),
      )
      .then((handle) => handle.jsonValue())
      .catch(() => undefined);
  const shadowText = (page, selector, inner, timeout) =>
    inShadow(page, selector, new Function('root', `const el = root.querySelector(${JSON.stringify(inner)}); return el ? el.textContent.replace(/\\s+/g, ' ').trim() : false;`), timeout);
  /** axe-core's violations inside `selector` (shadow roots included); [] when there are none. */
  async function violations(page, selector) {
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
    return page.evaluate(async (s) => {
      const results = await window.axe.run(document.querySelector(s));
      return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }, selector);
  }
  const accessible = async (page, selector, what) => {
    const found = await violations(page, selector);
    check(found.length === 0, `${what}: accessible (axe-core)${found.length ? ` ${found.join('; ')}` : ''}`);
  };
  /** Whether the text is rendered (in the layout) in the light DOM of the page. */
  const shown = (page, text) => page.evaluate((t) => document.body.innerText.includes(t), text);
  /** Fills the thread's form and submits it; resolves to the text of its message once there is one. */
  async function postThrough(page, values) {
    await inShadow(page, 'mag-comment-thread', (root) => !!root.querySelector('form'));
    await page.evaluate((v) => {
      const root = document.querySelector('mag-comment-thread').shadowRoot;
      for (const [id, value] of Object.entries(v)) {
        const field = root.querySelector(`#${id}`);
        field.value = value;
        field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      }
      root.querySelector('form').requestSubmit();
    }, values);
    return shadowText(page, 'mag-comment-thread', '[part="form-message"]');
  }
  /** A REST comment post from the page, with the page's nonce or `nonce`. */
  const restPost = (page, postId, { nonce } = {}) =>
    page.evaluate(
      async (id, explicit) => {
        const pageNonce = document.querySelector('mag-provider[nonce]')?.getAttribute('nonce');
        const headers = { 'Content-Type': 'application/json' };
        const value = explicit === undefined ? pageNonce : explicit;
        if (value) headers['X-WP-Nonce'] = value;
        const res = await fetch('/wp-json/wp/v2/comments', {
          method: 'POST',
          headers,
          body: JSON.stringify({ post: id, author_name: 'Script', author_email: 'script@example.test', content: `From a script ${Math.random()}` }),
        });
        return { status: res.status, code: (await res.json()).code };
      },
      postId,
      nonce,
    );

  // 1. A page without an element.
  {
    const v = await visitor();
    const { page, fetched } = await v.open(post(seeded.hello));
    check((await page.$$('mag-provider')).length === 0 && fetched.length === 0, `a post without an element loads nothing of the plugin (${fetched.join(', ') || 'nothing'})`);
    await v.context.close();
  }

  // 2. Every block, with the post's data.
  {
    const v = await visitor();
    const { page, fetched, problems } = await v.open(post(sitePosts.blocks));
    const title = await shadowText(page, 'mag-article', '[part="title"]');
    check(title === 'Every block', `block article: the post's own title (${title})`);
    const heading = await inShadow(page, 'mag-article', (root) => root.querySelector('h2[part="title"]') !== null);
    check(heading === true, 'block article: its heading level setting (h2)');
    const comment = await shadowText(page, 'mag-comment-thread', '[part="body"]');
    check(comment === 'A comment on the post with every block.', `block comment thread: the post's comment (${comment})`);
    check((await inShadow(page, 'mag-comment-thread', (root) => !!root.querySelector('form'))) === true, 'block comment thread: the comment form');
    const feed = await inShadow(page, 'mag-comment-feed-link', (root) => root.querySelector('a[part="link"]')?.href);
    check(!!feed && new URL(feed).pathname === '/2024/05/01/every-blocks/feed/', `block comment-feed link: the post's comment feed (${feed})`);
    check(await page.evaluate(() => !!document.head.querySelector('link[rel="alternate"][href$="/every-blocks/feed/"]')), 'block comment-feed link: its "discover" setting adds the feed to the head');
    const recent = await inShadow(page, 'mag-recent-contributions', (root) =>
      root.querySelectorAll('li').length ? [...root.querySelectorAll('li')].map((li) => (li.querySelector('[aria-current="page"]') ? '*' : '') + li.querySelector('[part="link"]').textContent.trim()).join(' | ') : false,
    );
    check(recent === 'Every shortcode | *Every block | Letters to the editor', `block recent contributions: 3 newest, this post marked current (${recent})`);
    check((await shadowText(page, 'mag-recent-contributions', '[part="heading"]')) === 'Latest from the Mag', 'block recent contributions: its title setting');
    const subscribe = await inShadow(page, 'mag-subscribe-form', (root) => !!root.querySelector('form input[type="email"]'));
    check(subscribe === true && !(await shown(page, 'Email address Subscribe')), 'block subscribe form: the element\'s form, its child form (the no-script one) hidden');
    const about = await shadowText(page, 'mag-about-box', '[part="name"]');
    check(about === 'Ada Lovelace', `block about box "author": the post's author (${about})`);
    const videos = await inShadow(page, 'mag-video-list', (root) => (root.querySelectorAll('li').length ? [...root.querySelectorAll('li [part="link"]')].map((a) => a.textContent.trim()).join(' | ') : false));
    check(videos === 'Opening the market & the “fair” | An older clip', `block video list: the site's video attachments (${videos})`);
    check((await shadowText(page, 'mag-video-list', '[part="heading"]')) === 'On video', 'block video list: its title setting');
    check(await page.evaluate(() => document.querySelector('mag-video-list').getAttribute('play-mode') === 'consent'), 'block video list: its play mode setting (consent)');
    // The site's own file: played without a consent step (no other host is asked).
    await page.evaluate(() => document.querySelector('mag-video-list').shadowRoot.querySelector('button[part~="play"]').click());
    const played = await inShadow(page, 'mag-video-list', (root) => root.querySelector('video[part~="player"]')?.getAttribute('src') ?? false);
    check(/^http:\/\/127\.0\.0\.1:\d+\/wp-content\/uploads\/opening-the-market\.webm$/.test(played ?? ''), `block video list: play loads the site's own file in a <video>, without a consent step (${played})`);
    check(fetched.filter((f) => f === 'cdn/mag-elements.js').length === 1 && fetched.includes('cdn/adapters/wordpress.js') && !fetched.includes('cdn/adapters/feed.js'), `the bundle once, the WordPress adapter, no other adapter (${fetched.join(', ')})`);
    check(await page.evaluate(() => document.querySelector('script[src*="/mag-elements.js"]')?.type === 'module'), 'the bundle is a module script (WordPress 6.1: no script modules API)');
    check(problems.length === 0, `no console error or warning ${problems.join('; ')}`);
    for (const name of ['article', 'comment-thread', 'comment-feed-link', 'recent-contributions', 'subscribe-form', 'about-box', 'video-list']) {
      await accessible(page, `.wp-block-mag-elements-${name}`, `block ${name}`);
    }
    await v.context.close();
  }

  // 3. Every shortcode.
  {
    const v = await visitor();
    const { page, problems } = await v.open(post(sitePosts.shortcodes));
    check((await shadowText(page, 'mag-article', 'h2[part="title"]')) === 'Every shortcode', '[mag_article heading-level="2"]: the post\'s title, as h2');
    check((await shadowText(page, 'mag-comment-thread', 'h3')) === 'Comments', '[mag_comment_thread heading_level="3"]: the post\'s thread (no comments yet), heading h3');
    check(!!(await inShadow(page, 'mag-comment-thread', (root) => root.textContent.includes('No comments yet.'))), '[mag_comment_thread]: "No comments yet."');
    const feed = await inShadow(page, 'mag-comment-feed-link', (root) => root.querySelector('a[part="link"]')?.href);
    check(!!feed && new URL(feed).pathname === '/2024/05/02/every-shortcodes/feed/', `[mag_comment_feed_link]: the post's feed (${feed})`);
    const recent = await inShadow(page, 'mag-recent-contributions', (root) => (root.querySelectorAll('li').length ? [...root.querySelectorAll('li [part="link"]')].map((a) => a.textContent.trim()).join(' | ') : false));
    check(recent === 'A quiet week in culture | Tips & Tricks: “Smart” quotes aren’t dumb', `[mag_recent_contributions limit="2" section="culture"] (${recent})`);
    check((await inShadow(page, 'mag-subscribe-form', (root) => !!root.querySelector('form'))) === true, '[mag_subscribe_form]');
    check((await shadowText(page, 'mag-about-box', '[part="name"]')) === 'Grace Hopper', '[mag_about_box key="author:grace"]');
    const video = await inShadow(page, 'mag-video-list', (root) => (root.querySelector('li') ? [...root.querySelectorAll('li')].map((li) => `${li.querySelector('[part="link"]').textContent.trim()} ${li.querySelector('a[part="play"]')?.getAttribute('href') ?? 'no link'}`).join(' | ') : false));
    check(/^Opening the market & the “fair” http:\/\/127\.0\.0\.1:\d+\/opening-the-market-the-fair\/$/.test(video ?? ''), `[mag_video_list limit="1" play-mode="link"]: the newest video, its thumbnail a link to its page (${video})`);
    check(problems.length === 0, `shortcodes: no console error or warning ${problems.join('; ')}`);
    for (const name of ['article', 'comment-thread', 'recent-contributions', 'about-box', 'video-list']) await accessible(page, `.mag-elements-${name}`, `[mag_${name.replace(/-/g, '_')}]`);
    await v.context.close();
  }

  // 4. Without scripts: what the theme shows, and each element's content for such browsers.
  {
    const v = await visitor();
    const { page } = await v.open(post(sitePosts.blocks), { scripts: false });
    const texts = ['Every block', 'A comment on the post with every block.', 'Comment feed', 'Every shortcode', 'Letters to the editor', 'Ada writes about engines', 'Opening the market & the “fair”'];
    const missing = [];
    for (const t of texts) if (!(await shown(page, t))) missing.push(t);
    check(missing.length === 0, `without scripts, the blocks show their content (${missing.length ? `missing: ${missing.join(', ')}` : texts.length + ' texts'})`);
    check(await page.evaluate(() => !!document.querySelector('mag-subscribe-form form[action="https://newsletter.example.test/subscribe"] input[name="EMAIL"]')?.checkVisibility()), 'without scripts, the subscribe block shows its plain form to the newsletter service');
    check(await page.evaluate(() => !!document.querySelector('#commentform')?.checkVisibility()), "without scripts, the theme's comment form is there");
    await v.context.close();
  }

  // 5. The settings page: an administrator, with the nonce.
  {
    const author = await visitor();
    check(await author.login('ada', 'ada-test-password'), 'ada (an author) logs in');
    const { page: denied } = await author.open(`${wp.url}/wp-admin/options-general.php?page=mag-elements`);
    check(/not allowed/i.test(await denied.evaluate(() => document.body.innerText)), 'the settings page refuses an author');
    await author.context.close();

    const admin = await visitor();
    check(await admin.login('admin', 'admin-test-password'), 'the administrator logs in');
    const { page } = await admin.open(`${wp.url}/wp-admin/options-general.php?page=mag-elements`);
    const forged = await page.evaluate(async () => {
      const body = new URLSearchParams({ option_page: 'mag_elements', action: 'update', _wpnonce: 'not-a-nonce', mag_elements_takeover_comments: '1' });
      const res = await fetch('/wp-admin/options.php', { method: 'POST', body });
      return { status: res.status, text: await res.text() };
    });
    check(forged.status === 403 && /link you followed has expired/i.test(forged.text), `the settings form refuses a post without its nonce (HTTP ${forged.status})`);
    await page.click('#mag_elements_takeover_comments');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#submit')]);
    check(/Settings saved/.test(await page.evaluate(() => document.body.innerText)), 'the administrator turns the takeover on (Settings saved)');
    check(await page.evaluate(() => document.querySelector('#mag_elements_takeover_comments').checked), 'the setting is kept');
    await accessible(page, '.wrap', 'the settings page');
    await admin.context.close();
  }

  // 6. The takeover, with scripts and without.
  {
    const v = await visitor();
    const { page, problems } = await v.open(post(seeded.tips));
    const heading = await shadowText(page, 'mag-comment-thread', '[part="heading"]');
    check(heading === '6 comments', `takeover: the thread in place of the theme's comments (${heading})`);
    check(await page.evaluate(() => !!document.querySelector('mag-comment-thread #commentform') && !document.querySelector('#commentform').checkVisibility()), "takeover: the theme's comments and form are inside the thread, not shown");
    const feed = await inShadow(page, 'mag-comment-feed-link', (root) => root.querySelector('a[part="link"]')?.href);
    check(!!feed && feed.endsWith('/2024/02/14/tips-and-tricks/feed/'), `takeover: the comment-feed link (${feed})`);
    check(problems.length === 0, `takeover: no console error or warning ${problems.join('; ')}`);
    await accessible(page, '.mag-elements-comments', 'takeover');
    const { page: plain } = await v.open(post(seeded.letters), { scripts: false });
    check(await plain.evaluate(() => !!document.querySelector('#commentform')?.checkVisibility()), "takeover without scripts: the theme's comment form is shown");
    const body = `Posted with the form of WordPress ${unique()}`;
    await plain.type('#author', 'No Script');
    await plain.type('#email', 'noscript@example.test');
    await plain.type('#comment', body);
    await Promise.all([plain.waitForNavigation({ waitUntil: 'load' }), plain.click('#submit')]);
    const stored = commentsOf(seeded.letters).find((c) => c.content === body);
    check(stored?.approved === '1', `takeover without scripts: WordPress's form publishes a comment (${JSON.stringify(stored)})`);
    check(await shown(plain, body), 'takeover without scripts: …and shows it');
    await v.context.close();
  }

  // 7. A visitor's comments through the thread.
  {
    const v = await visitor();
    const { page } = await v.open(post(seeded.letters));
    const published = `Published through the thread ${unique()}`;
    const message = await postThrough(page, { name: 'Visiting Vera', email: 'vera@example.test', comment: published });
    check(message === 'Your comment was posted.', `a visitor's comment: published (${message})`);
    check(!!(await inShadow(page, 'mag-comment-thread', new Function('root', `return root.textContent.includes(${JSON.stringify(published)})`))), 'the published comment is shown in place');
    const stored = commentsOf(seeded.letters).find((c) => c.content === published);
    check(stored?.approved === '1' && stored.author === 'Visiting Vera', `WordPress has it, approved (${JSON.stringify(stored)})`);
    await accessible(page, '.mag-elements-comments', 'the thread after a post');

    option('comment_moderation', 1);
    option('mag_test_mail', []);
    const { page: held } = await v.open(post(seeded.letters));
    const heldText = `Held for moderation ${unique()}`;
    const heldMessage = await postThrough(held, { name: 'Visiting Vera', email: 'vera@example.test', comment: heldText });
    check(heldMessage === 'Your comment was received and is awaiting moderation.', `with moderation on: held (${heldMessage})`);
    check((await shadowText(held, 'mag-comment-thread', '[part="pending-badge"]')) === 'Awaiting moderation', 'the held comment is shown to its author, "Awaiting moderation"');
    check(commentsOf(seeded.letters).find((c) => c.content === heldText)?.approved === '0', 'WordPress holds it (comment_approved 0)');
    const mails = JSON.parse(wp.php(['get', 'mag_test_mail']).trim()) ?? [];
    check(mails.some((subject) => subject.includes('Please moderate')), `WordPress's e-mail to the moderators is sent, as for its own form (${mails.join(' | ')})`);
    const other = await visitor();
    const { page: anon } = await other.open(`${wp.url}/wp-json/wp/v2/comments?post=${seeded.letters}&search=${encodeURIComponent(heldText)}`);
    check((await anon.evaluate(() => document.body.innerText.trim())) === '[]', 'the held comment is not public');
    await other.context.close();
    option('comment_moderation', 0);

    option('mag_test_flood', 1);
    const { page: flood } = await v.open(post(seeded.letters));
    await postThrough(flood, { name: 'Speedy', email: 'speedy@example.test', comment: `First ${unique()}` });
    const second = `Second ${unique()}`;
    const floodMessage = await postThrough(flood, { name: 'Speedy', email: 'speedy@example.test', comment: second });
    check(floodMessage === 'You are posting comments too quickly. Wait a moment, then try again.', `WordPress's flood check applies: too fast (${floodMessage})`);
    check(!commentsOf(seeded.letters).some((c) => c.content === second), 'the refused comment is not saved');
    option('mag_test_flood', 0);

    option('mag_test_refuse', 1);
    const { page: spam } = await v.open(post(seeded.letters));
    const refusedText = `Refused by a spam filter ${unique()}`;
    const refusedMessage = await postThrough(spam, { name: 'Robot', email: 'robot@example.test', comment: refusedText });
    check(refusedMessage === 'The comment was refused. Comments from robots are not welcome here.', `a spam filter's wp_die() on pre_comment_on_post refuses it, and the thread gives its reason (${refusedMessage})`);
    const refusal = await restPost(spam, seeded.letters);
    check(refusal.status === 403 && refusal.code === 'mag_elements_comment_refused', `…answered as a refusal, not a server error (HTTP ${refusal.status} ${refusal.code})`);
    check(!commentsOf(seeded.letters).some((c) => c.content === refusedText), 'the refused comment is not saved');
    option('mag_test_refuse', 0);

    const withoutNonce = await restPost(page, seeded.letters, { nonce: '' });
    check(withoutNonce.status === 401 && withoutNonce.code === 'rest_comment_login_required', `the REST API refuses a visitor's comment without the page's nonce (HTTP ${withoutNonce.status} ${withoutNonce.code})`);
    const badNonce = await restPost(page, seeded.letters, { nonce: 'not-a-nonce' });
    check(badNonce.status === 403 && badNonce.code === 'rest_cookie_invalid_nonce', `…and with a nonce the site did not issue (HTTP ${badNonce.status} ${badNonce.code})`);
    await v.context.close();
  }

  // 8. "Users must be registered and logged in to comment".
  {
    option('comment_registration', 1);
    const v = await visitor();
    const before = commentsOf(seeded.letters).length;
    const { page } = await v.open(post(seeded.letters));
    await inShadow(page, 'mag-comment-thread', (root) => root.querySelectorAll('[part="comment"]').length > 0 || !!root.querySelector('[part="closed-notice"]'));
    check((await inShadow(page, 'mag-comment-thread', (root) => !root.querySelector('form') && !root.querySelector('[part="reply-button"]'), 2000)) === true, 'registration required: no comment form, no Reply, for a visitor');
    const notice = await inShadow(page, 'mag-comment-thread', (root) => {
      const p = root.querySelector('[part="login-notice"]');
      return p ? { text: p.textContent.replace(/\s+/g, ' ').trim(), href: p.querySelector('a')?.href } : undefined;
    });
    check(notice?.text === 'You must be logged in to post a comment. Log in' && /\/wp-login\.php\?redirect_to=/.test(notice.href ?? ''), `registration required: the thread asks to log in, with the login page's link (${JSON.stringify(notice)})`);
    check(await page.evaluate(() => !document.querySelector('mag-comment-thread').shadowRoot.querySelector('[part="closed-notice"]')), 'registration required: the thread does not say comments are closed');
    await accessible(page, '.mag-elements-comments', 'registration required');
    const refused = await restPost(page, seeded.letters);
    check(refused.status === 401 && refused.code === 'rest_comment_login_required', `registration required: a post with the page's nonce is refused (HTTP ${refused.status} ${refused.code})`);
    check(commentsOf(seeded.letters).length === before, 'registration required: nothing was posted');
    await v.context.close();

    const reader = await visitor();
    check(await reader.login('ada', 'ada-test-password'), 'ada logs in');
    const { page: own } = await reader.open(post(seeded.letters));
    const text = `A logged-in reader's comment ${unique()}`;
    const message = await postThrough(own, { name: 'Someone Else', email: 'else@example.test', comment: text });
    check(message === 'Your comment was posted.', `registration required, logged in: posted (${message})`);
    const stored = commentsOf(seeded.letters).find((c) => c.content === text);
    check(stored?.author === 'Ada Lovelace' && stored.user === wp.seed.users.ada && stored.email === 'ada@example.test', `…as her account, as WordPress's own form does (${JSON.stringify(stored)})`);
    await reader.context.close();
    option('comment_registration', 0);
  }

  // 9. A closed post.
  {
    const v = await visitor();
    const { page } = await v.open(post(seeded.roundup));
    const closed = await shadowText(page, 'mag-comment-thread', '[part="closed-notice"]');
    check(closed === 'Comments are closed for this post.', `a closed post: the closed state (${closed})`);
    check(!!(await inShadow(page, 'mag-comment-thread', (root) => root.textContent.includes('Moths!') && !root.querySelector('form'))), 'a closed post: its comments, no form');
    await accessible(page, '.mag-elements-comments', 'a closed post');
    await v.context.close();
  }

  // 10. The takeover in a block theme (Twenty Twenty-Three): its comments block.
  {
    wp.php(['theme', 'twentytwentythree']);
    const v = await visitor();
    const { page, problems } = await v.open(post(seeded.tips));
    const heading = await shadowText(page, 'mag-comment-thread', '[part="heading"]');
    check(heading === '6 comments', `block theme takeover: the thread in place of the comments block (${heading})`);
    check(await page.evaluate(() => !!document.querySelector('mag-comment-thread .wp-block-comments') && !document.querySelector('.wp-block-comments').checkVisibility()), "block theme takeover: the theme's comments block is inside the thread, not shown");
    check(problems.length === 0, `block theme takeover: no console error or warning ${problems.join('; ')}`);
    await accessible(page, '.mag-elements-comments', 'block theme takeover');
    const { page: plain } = await v.open(post(seeded.tips), { scripts: false });
    check(await plain.evaluate(() => !!document.querySelector('.wp-block-comments')?.checkVisibility() && document.body.innerText.includes('Last word.')), "block theme takeover without scripts: the theme's comments block is shown");
    await v.context.close();
    wp.php(['theme', 'twentytwentyone']);
  }

  // 11. The blocks in the editor: one control per attribute, saved into the post.
  {
    const admin = await visitor();
    check(await admin.login('admin', 'admin-test-password'), 'the administrator logs in to the editor');
    const page = await admin.context.newPage();
    await page.setViewport({ width: 1400, height: 1000 });
    const problems = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    await page.goto(`${wp.url}/wp-admin/post-new.php`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.wp?.blocks?.getBlockType('mag-elements/about-box') && window.wp.data.select('core/block-editor'), { timeout: 60_000 });
    // The editor's welcome guide (a modal, on a user's first visit) would cover the sidebar.
    await page.evaluate(() => {
      if (window.wp.data.select('core/edit-post').isFeatureActive('welcomeGuide')) window.wp.data.dispatch('core/edit-post').toggleFeature('welcomeGuide');
    });
    const expected = {
      article: ['Post (ID or slug)', 'Heading level', 'Video hosts', 'Print the comments with the article'],
      'comment-thread': ['Post (ID or slug)', 'Heading level', 'Order', 'Deepest level of replies', 'Close comments here', 'Show nothing when comments are closed and there are none'],
      'comment-feed-link': ['Post (ID or slug)', 'Announce the feed to feed readers'],
      'recent-contributions': ['Number of articles', 'Category', 'Title', 'Heading level', 'Leave out the post the page shows'],
      'subscribe-form': ['Newsletter service URL', 'Method', 'Open the answer in', 'Name of the email field', 'Title', 'Heading level'],
      'about-box': ['About', 'Title', 'Heading level'],
      'video-list': ['Number of videos', 'Title', 'Heading level', 'Play', 'Other video hosts', "Show thumbnails stored on the video hosts' servers"],
    };
    for (const [name, labels] of Object.entries(expected)) {
      const inspector = await page.evaluate(async (blockName) => {
        const block = window.wp.blocks.createBlock(blockName);
        window.wp.data.dispatch('core/block-editor').insertBlocks(block);
        window.wp.data.dispatch('core/block-editor').selectBlock(block.clientId);
        for (let i = 0; i < 50 && !document.querySelector('.block-editor-block-inspector .components-panel__body'); i++) await new Promise((r) => setTimeout(r, 100));
        const labelsShown = [...document.querySelectorAll('.block-editor-block-inspector .components-panel__body label')].map((l) => l.textContent.trim());
        return { labels: labelsShown, placeholder: document.querySelector(`[data-type="${blockName}"] .components-placeholder__label`)?.textContent.trim() };
      }, `mag-elements/${name}`);
      const missing = labels.filter((l) => !inspector.labels.includes(l));
      check(missing.length === 0 && !!inspector.placeholder, `editor, ${name}: its placeholder (${inspector.placeholder}) and a control for every setting${missing.length ? `; missing: ${missing.join(', ')} (shown: ${inspector.labels.join(', ')})` : ''}`);
    }
    // A setting changed through its control is saved with the block, and the page renders it.
    await page.evaluate(() => {
      const article = window.wp.data.select('core/block-editor').getBlocks().find((b) => b.name === 'mag-elements/article');
      window.wp.data.dispatch('core/block-editor').selectBlock(article.clientId);
    });
    const field = await page.waitForSelector('.block-editor-block-inspector input[type="number"]');
    await field.click({ clickCount: 3 });
    await field.type('4');
    await page.evaluate(() => {
      window.wp.data.dispatch('core/editor').editPost({ title: 'Written in the editor', status: 'publish' });
      return window.wp.data.dispatch('core/editor').savePost();
    });
    const id = await page.evaluate(() => window.wp.data.select('core/editor').getCurrentPostId());
    const content = await page.evaluate(() => window.wp.data.select('core/editor').getEditedPostContent());
    check(/<!-- wp:mag-elements\/article \{"headingLevel":4\} \/-->/.test(content), `editor: the heading level typed in its control is saved with the block (${content.split('\n')[0]})`);
    check(problems.length === 0, `editor: no page error ${problems.join('; ')}`);
    const reader = await visitor();
    const { page: front } = await reader.open(post(id));
    check((await shadowText(front, 'mag-article', 'h4[part="title"]')) === 'Written in the editor', 'editor: the saved post shows the article with that setting');
    await reader.context.close();
    await admin.context.close();
  }
} catch (error) {
  failures.push(String(error?.stack ?? error));
  console.error(error);
} finally {
  await browser?.close();
  await wp.stop();
}

console.log(`WordPress plugin: ${failures.length ? `${failures.length} problem(s)` : 'installed from its zip, every check passed'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
process.exit(failures.length ? 1 : 0);
