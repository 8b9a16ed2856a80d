/**
 * `npm run emulator` over real HTTP: start the server on a free port, send a
 * CORS preflight, upload and run a document, then stop it with SIGTERM.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import type { PipelineResponse } from '@/api/types';
import { makeSamplePdf } from '../fixtures/make-pdf';

let server: ChildProcessWithoutNullStreams;
let origin: string;
let output = '';

beforeAll(async () => {
  server = spawn(
    'node_modules/.bin/tsx',
    ['scripts/emulator-server.ts', '--port', '0', '--job-duration-ms', '50'],
    { cwd: process.cwd() },
  );
  server.stderr.on('data', (data: Buffer) => {
    output += data.toString();
  });
  origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no start line; output: ${output}`)),
      50_000,
    );
    server.stdout.on('data', (data: Buffer) => {
      output += data.toString();
      const match =
        /Reducto emulator listening on (http:\/\/127\.0\.0\.1:\d+) \(key: demo-key\)/.exec(
          output,
        );
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited early (${code}); output: ${output}`));
    });
  });
}, 60_000);

afterAll(() => {
  if (server.exitCode === null) server.kill('SIGKILL');
});

const auth = { Authorization: 'Bearer demo-key' };

describe('npm run emulator', () => {
  it('answers a CORS preflight for Authorization and Content-Type', async () => {
    const response = await fetch(`${origin}/upload`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const allowed = (
      response.headers.get('access-control-allow-headers') ?? ''
    ).toLowerCase();
    expect(allowed).toContain('authorization');
    expect(allowed).toContain('content-type');
    expect(response.headers.get('access-control-allow-methods')).toContain(
      'PUT',
    );
    expect(response.headers.get('access-control-max-age')).toBeTruthy();
  });

  it(
    'uploads and runs a document over HTTP, with URLs on its own origin',
    {
      timeout: 20_000,
    },
    async () => {
      const sample = await makeSamplePdf({ pages: 1 });
      const form = new FormData();
      form.append('file', new Blob([sample.bytes]), 'one.pdf');
      const upload = await fetch(`${origin}/upload`, {
        method: 'POST',
        headers: auth,
        body: form,
      });
      expect(upload.status).toBe(200);
      expect(upload.headers.get('access-control-allow-origin')).toBe('*');
      const { file_id } = (await upload.json()) as { file_id: string };

      const run = await fetch(`${origin}/pipeline`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ input: file_id, pipeline_id: 'demo-layout' }),
      });
      expect(run.status).toBe(200);
      const result = (await run.json()) as PipelineResponse;
      const parse = result.result.parse;
      if (!parse || Array.isArray(parse)) throw new Error('no parse');
      expect(parse.pdf_url?.startsWith(`${origin}/_emulator/files/`)).toBe(
        true,
      );
      expect(parse.usage.num_pages).toBe(1);
    },
  );

  it('sends CORS headers on errors and exposes Retry-After', async () => {
    const none = await fetch(`${origin}/jobs`);
    expect(none.status).toBe(403);
    expect(none.headers.get('access-control-allow-origin')).toBe('*');
    expect(none.headers.get('access-control-expose-headers')).toContain(
      'Retry-After',
    );
  });

  it('takes faults and resets through its admin endpoints', async () => {
    const set = await fetch(`${origin}/_emulator/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ rateLimitBurst: 1 }),
    });
    expect(set.status).toBe(200);
    expect((await fetch(`${origin}/version`)).status).toBe(429);
    expect((await fetch(`${origin}/version`)).status).toBe(200);

    await fetch(`${origin}/_emulator/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ serverErrors: 5 }),
    });
    const reset = await fetch(`${origin}/_emulator/reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
    expect((await fetch(`${origin}/version`)).status).toBe(200);
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = once(server, 'exit');
    server.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
    await expect(fetch(`${origin}/version`)).rejects.toThrow();
  });
});
