/**
 * `npm run emulator`: the Reducto emulator as a real HTTP server on
 * 127.0.0.1, with CORS, for browser end-to-end tests and for pointing any
 * client at it.
 *
 *   tsx scripts/emulator-server.ts [--port 8787] [--key demo-key]
 *                                  [--job-duration-ms 1200]
 *
 * --port 0 picks a free port. The one line printed on start names the URL:
 *   Reducto emulator listening on http://127.0.0.1:<port> (key: <key>)
 *
 * Admin endpoints (no auth) for e2e tests:
 *   POST /_emulator/faults  JSON body: partial faults → the faults now in force
 *   GET  /_emulator/faults  the faults now in force
 *   POST /_emulator/reset   forget uploads, jobs and results; clear faults
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { DEMO_API_KEY } from '../src/emulator/demo-pipelines';
import { createNodeEmulator, loadNodePdfjs } from '../src/emulator/node';
import type { Emulator } from '../src/emulator/types';

const HOST = '127.0.0.1';
const MAX_BODY_BYTES = 200 * 1024 * 1024;

const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
  'Access-Control-Expose-Headers': 'Retry-After',
  'Access-Control-Max-Age': '600',
};

class BodyTooLargeError extends Error {}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    request.on('data', (part: Buffer) => {
      size += part.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLargeError());
        request.resume();
        return;
      }
      parts.push(part);
    });
    request.on('end', () => resolve(Buffer.concat(parts)));
    request.on('error', reject);
  });
}

function toRequest(
  incoming: IncomingMessage,
  origin: string,
  body: Buffer,
): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      headers.append(name, item);
    }
  }
  const method = incoming.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(incoming.url ?? '/', origin), {
    method,
    headers,
    ...(hasBody ? { body: new Uint8Array(body) } : {}),
  });
}

async function send(outgoing: ServerResponse, response: Response) {
  const headers: Record<string, string> = { ...CORS_HEADERS };
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = Buffer.from(await response.arrayBuffer());
  headers['content-length'] = String(body.length);
  outgoing.writeHead(response.status, headers);
  outgoing.end(body);
}

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

async function admin(
  request: Request,
  emulator: Emulator,
): Promise<Response | null> {
  const path = new URL(request.url).pathname;
  if (path === '/_emulator/faults' && request.method === 'GET') {
    return json(emulator.getFaults());
  }
  if (path === '/_emulator/faults' && request.method === 'POST') {
    let faults: unknown;
    try {
      faults = await request.json();
    } catch {
      return json({ detail: 'Send the faults as a JSON object' }, 400);
    }
    if (typeof faults !== 'object' || faults === null) {
      return json({ detail: 'Send the faults as a JSON object' }, 400);
    }
    emulator.setFaults(faults);
    return json(emulator.getFaults());
  }
  if (path === '/_emulator/reset' && request.method === 'POST') {
    emulator.reset();
    return json({ reset: true });
  }
  return null;
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      key: { type: 'string', default: DEMO_API_KEY },
      'job-duration-ms': { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Invalid --port: ${values.port}`);
    process.exit(2);
  }
  const jobDurationMs =
    values['job-duration-ms'] === undefined
      ? undefined
      : Number(values['job-duration-ms']);

  let emulator: Emulator | null = null;
  let origin = '';

  const server = createServer((incoming, outgoing) => {
    void (async () => {
      try {
        if (incoming.method === 'OPTIONS') {
          incoming.resume();
          outgoing.writeHead(204, CORS_HEADERS);
          outgoing.end();
          return;
        }
        const body = await readBody(incoming);
        if (!emulator) throw new Error('The emulator is not ready yet');
        const request = toRequest(incoming, origin, body);
        const response =
          (await admin(request, emulator)) ?? (await emulator.handle(request));
        await send(outgoing, response);
      } catch (error) {
        if (error instanceof BodyTooLargeError) {
          await send(
            outgoing,
            json(
              {
                error: {
                  code: 413,
                  name: 'PAYLOAD_TOO_LARGE',
                  message: 'The emulator accepts request bodies up to 200 MB',
                },
              },
              413,
            ),
          );
          return;
        }
        const message = error instanceof Error ? error.message : String(error);
        console.error(`emulator: ${message}`);
        if (!outgoing.headersSent) {
          await send(
            outgoing,
            json(
              { error: { code: 500, name: 'INTERNAL_ERROR', message } },
              500,
            ),
          );
        } else {
          outgoing.destroy();
        }
      }
    })();
  });

  // Load pdf.js before saying we are ready, so the first run is not slow
  // (under tsx the import alone can take seconds).
  await loadNodePdfjs();

  server.listen(port, HOST, () => {
    const address = server.address() as AddressInfo;
    origin = `http://${HOST}:${address.port}`;
    emulator = createNodeEmulator({
      origin,
      apiKey: values.key,
      ...(jobDurationMs !== undefined && Number.isFinite(jobDurationMs)
        ? { jobDurationMs }
        : {}),
    });
    console.log(`Reducto emulator listening on ${origin} (key: ${values.key})`);
  });

  server.on('error', (error) => {
    console.error(`emulator: ${error.message}`);
    process.exit(1);
  });

  const stop = () => {
    server.close(() => process.exit(0));
    // Keep-alive connections would hold close() open.
    server.closeAllConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(
    `emulator: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
