// Small helpers shared by the backend scripts.
import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1 (asks the kernel for one, then releases it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Polls `check` (which may throw to give up early) every 100 ms until it returns true.
 * @param {() => Promise<boolean>} check
 * @param {{ timeout: number, what: () => string }} options
 */
export async function waitFor(check, { timeout, what }) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout / 1000} s waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function describeExit(code, signal) {
  return signal ? `was killed by ${signal}` : `exited with code ${code}`;
}
