// @web/dev-server plugin for web-test-runner: starts the real backends the adapter tests run against
// (a seeded WordPress and the feed fixture server) when the test server starts, stops them (by PID)
// when it stops, and tells the tests where they are:
//
//   GET /__backends.json -> { "wordpress": "http://127.0.0.1:PORT", "feeds": "http://127.0.0.1:PORT",
//                             "wordpressSeed": { posts, comments, categories, users } }
//   or, when a backend cannot start, its entry is replaced by an error:
//                        -> { "errors": { "wordpress": "why" }, "feeds": "http://…" }
//
// The backends start in the background (in parallel), so test files that do not need them do not wait
// (with `lazy` / MAG_BACKENDS=lazy, only on the first request to /__backends.json);
// the first request to /__backends.json waits until both are ready or have failed. test/helpers/backends.ts
// turns an error into a failing test with the reason: never a silent skip.
import { startWordPress } from './wordpress.mjs';
import { startFeedServer } from './feed-server.mjs';

/**
 * @param {{ wordpress?: boolean, feeds?: boolean, lazy?: boolean }} [options] which backends to start (both by
 *   default); `lazy`: start them on the first request to /__backends.json instead of when the test server starts
 *   (saves the CPU when a run has no backend tests; also set by the environment variable MAG_BACKENDS=lazy).
 */
export function backendsPlugin(options = {}) {
  const wanted = { wordpress: options.wordpress !== false, feeds: options.feeds !== false };
  const lazy = options.lazy ?? process.env.MAG_BACKENDS === 'lazy';
  /** @type {Promise<Record<string, unknown>> | undefined} */
  let ready;
  /** @type {Array<{ stop: () => Promise<void>, killNow?: () => void }>} */
  const running = [];
  let serverStarted = false;

  const start = async (name, fn) => {
    try {
      const started = await fn();
      running.push(started);
      return { name, started };
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      console.error(`\n[backends] ${name} could not start: ${reason}\n`);
      return { name, error: reason };
    }
  };

  return {
    name: 'mag-backends',

    serverStart() {
      serverStarted = true;
      if (!lazy) startAll();
    },

    async serverStop() {
      process.off('exit', killNow);
      if (ready) await ready;
      await Promise.all(running.splice(0).map((b) => b.stop()));
    },

    async serve(context) {
      if (context.path !== '/__backends.json') return undefined;
      if (!ready && serverStarted) startAll();
      const info = ready ? await ready : { errors: { all: 'the backends plugin was not started (serverStart did not run)' } };
      return { body: JSON.stringify(info), type: 'application/json' };
    },
  };

  function startAll() {
    const log = (m) => console.log(`[backends] ${m}`);
    ready = Promise.all([
      wanted.wordpress ? start('wordpress', () => startWordPress({ log })) : undefined,
      wanted.feeds ? start('feeds', () => startFeedServer()) : undefined,
    ]).then((results) => {
      const info = {};
      const errors = {};
      for (const r of results) {
        if (!r) continue;
        if (r.error) errors[r.name] = r.error;
        else {
          info[r.name] = r.started.url;
          if (r.name === 'wordpress') info.wordpressSeed = r.started.seed;
        }
      }
      if (Object.keys(errors).length) info.errors = errors;
      return info;
    });
    process.once('exit', killNow);
  }

  /** Last resort when the process exits without serverStop (a crash): signal the servers synchronously. */
  function killNow() {
    for (const b of running) b.killNow?.();
  }
}
