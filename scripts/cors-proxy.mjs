// A minimal CORS proxy for a server YOU run, for when the browser reports a
// CORS failure talking to the Reducto API directly. It forwards every
// request to one fixed target (never an arbitrary URL: that would be an open
// proxy) and adds CORS headers for one allowed origin.
//
//   node scripts/cors-proxy.mjs --target https://platform.reducto.ai \
//     --allow-origin https://tools.example.com --port 8080
//
// Then set the app's "API base URL" to http://localhost:8080 (or wherever
// this runs behind https). The Authorization header is passed through to the
// target and never logged.
import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import { resolve } from 'node:path';

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  'content-encoding',
]);

function corsHeaders(allowOrigin, requestOrigin) {
  const origin =
    allowOrigin === '*' || allowOrigin === requestOrigin ? allowOrigin : 'null';
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type',
    'Access-Control-Expose-Headers': 'Retry-After',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  };
}

/** Starts the proxy; resolves with its URL and a close function. */
export function startCorsProxy({
  target,
  allowOrigin = '*',
  port = 8080,
  host = '127.0.0.1',
}) {
  const targetUrl = new URL(target);
  const server = createServer(async (req, res) => {
    const cors = corsHeaders(allowOrigin, req.headers.origin);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    const upstream = new URL(req.url ?? '/', targetUrl);
    const headers = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (
        !HOP_BY_HOP.has(name) &&
        name !== 'origin' &&
        typeof value === 'string'
      ) {
        headers[name] = value;
      }
    }
    try {
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      const response = await fetch(upstream, {
        method: req.method,
        headers,
        body: hasBody ? Readable.toWeb(req) : undefined,
        duplex: hasBody ? 'half' : undefined,
        redirect: 'manual',
      });
      const out = { ...cors };
      response.headers.forEach((value, name) => {
        if (!HOP_BY_HOP.has(name) && !name.startsWith('access-control-')) {
          out[name] = value;
        }
      });
      res.writeHead(response.status, out);
      if (response.body) Readable.fromWeb(response.body).pipe(res);
      else res.end();
    } catch {
      res.writeHead(502, { ...cors, 'Content-Type': 'application/json' }).end(
        JSON.stringify({
          message: `Proxy could not reach ${targetUrl.origin}`,
        }),
      );
    }
  });
  return new Promise((done) => {
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort =
        typeof address === 'object' && address ? address.port : port;
      done({
        url: `http://${host}:${actualPort}`,
        close: () =>
          new Promise((closed) => server.close(() => closed(undefined))),
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
  const { url, close } = await startCorsProxy({
    target: arg('target', 'https://platform.reducto.ai'),
    allowOrigin: arg('allow-origin', '*'),
    port: Number(arg('port', '8080')),
    host: arg('host', '127.0.0.1'),
  });
  console.log(
    `CORS proxy on ${url} -> ${arg('target', 'https://platform.reducto.ai')}`,
  );
  const stop = () => void close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
