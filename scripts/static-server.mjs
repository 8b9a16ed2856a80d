// A plain static file server with no special routing (no SPA fallback, no
// rewrites): what a user gets from any web host. Used by the end-to-end test
// that serves the built dist/ from a sub-path, and handy for manual checks:
//   node scripts/static-server.mjs --root dist --prefix /tools/compare/ --port 5000
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
};

/** Starts the server; resolves with its URL and a close function. */
export function serveStatic({
  root,
  prefix = '/',
  port = 0,
  host = '127.0.0.1',
}) {
  const base = resolve(root);
  const cleanPrefix = prefix.endsWith('/') ? prefix : `${prefix}/`;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith(cleanPrefix)) {
      res.writeHead(404).end('Not found');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(cleanPrefix.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(base, rel));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end('Forbidden');
      return;
    }
    let stat;
    try {
      stat = statSync(file);
    } catch {
      res.writeHead(404).end('Not found');
      return;
    }
    if (!stat.isFile()) {
      res.writeHead(404).end('Not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Content-Length': stat.size,
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolveStart) => {
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort =
        typeof address === 'object' && address ? address.port : port;
      resolveStart({
        url: `http://${host}:${actualPort}${cleanPrefix}`,
        close: () => new Promise((done) => server.close(() => done(undefined))),
      });
    });
  });
}

const isMain =
  process.argv[1] &&
  resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : fallback;
  };
  const { url, close } = await serveStatic({
    root: arg('root', 'dist'),
    prefix: arg('prefix', '/'),
    port: Number(arg('port', '5000')),
  });
  console.log(`Serving ${arg('root', 'dist')} at ${url}`);
  const stop = () => void close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
