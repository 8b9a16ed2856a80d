import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCorsProxy, type CorsProxy } from '../../scripts/cors-proxy.mjs';

describe('the CORS proxy recipe', () => {
  let target: Server;
  let targetUrl = '';
  let proxy: CorsProxy;
  const seen: { path?: string; auth?: string; body?: string } = {};

  beforeAll(async () => {
    target = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.path = req.url;
        seen.auth = req.headers.authorization;
        seen.body = body;
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ job_id: 'job-1' }));
      });
    });
    await new Promise<void>((done) => target.listen(0, '127.0.0.1', done));
    const address = target.address();
    targetUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    proxy = await startCorsProxy({
      target: targetUrl,
      allowOrigin: 'https://tools.example.com',
      port: 0,
    });
  });

  afterAll(async () => {
    await proxy.close();
    await new Promise((done) => target.close(done));
  });

  it('answers the preflight for the Authorization header', async () => {
    const response = await fetch(`${proxy.url}/pipeline_async`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://tools.example.com',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(
      'https://tools.example.com',
    );
    expect(response.headers.get('access-control-allow-headers')).toMatch(
      /Authorization/,
    );
  });

  it('forwards the request with its key and body to the fixed target only', async () => {
    const response = await fetch(`${proxy.url}/pipeline_async`, {
      method: 'POST',
      headers: {
        Origin: 'https://tools.example.com',
        Authorization: 'Bearer secret',
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ pipeline_id: 'p1' }),
    });
    expect(await response.json()).toEqual({ job_id: 'job-1' });
    expect(response.headers.get('access-control-allow-origin')).toBe(
      'https://tools.example.com',
    );
    expect(seen).toEqual({
      path: '/pipeline_async',
      auth: 'Bearer secret',
      body: '{"pipeline_id":"p1"}',
    });
  });

  it('does not grant other origins', async () => {
    const response = await fetch(`${proxy.url}/version`, {
      headers: { Origin: 'https://evil.example' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('null');
  });
});
