// A minimal static server for the built site, for the benchmarks: serves DIST_DIR (default dist/) under
// BASE_PATH on 127.0.0.1 at a free port. Paths outside dist/ are refused.
import http from 'node:http';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.opus': 'audio/ogg',
  '.m4a': 'audio/mp4',
  '.mp3': 'audio/mpeg',
};

export const dist = (process.env.DIST_DIR ?? new URL('../../dist/', import.meta.url).pathname).replace(/\/?$/, '/');
export const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');

/**
 * Exits with a one-line message unless every page exists in the build.
 * @param {string} name @param {string[]} pages site-relative folders, e.g. 'threshold/'
 */
export function requireBuilt(name, pages) {
  const missing = pages.filter((page) => !existsSync(join(dist, page, 'index.html')));
  if (missing.length > 0) {
    console.error(`${name}: ${missing.join(', ')} missing from ${dist}; run \`npm run build\` first.`);
    process.exit(1);
  }
}

/** Starts the server; resolves to its origin with the base path and a close function. */
export async function serveDist() {
  const server = http.createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const inside = path.startsWith(base) ? path.slice(base.length) : null;
    let file = inside === null ? null : normalize(join(dist, inside));
    try {
      if (!file || !file.startsWith(dist)) throw new Error('outside');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[/** @type {keyof TYPES} */ (extname(file))] ?? 'application/octet-stream',
      });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { origin: `http://127.0.0.1:${port}${base}`, close: () => server.close() };
}
