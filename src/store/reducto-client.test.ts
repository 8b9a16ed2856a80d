import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectionActions, resetConnectionStore } from './connection-store';
import {
  DEMO_BASE_URL,
  getKeyCheckClient,
  getReductoClient,
  resetReductoClients,
} from './reducto-client';

beforeEach(() => {
  resetConnectionStore();
  resetReductoClients();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('getReductoClient', () => {
  it('answers from the built-in emulator in demo mode', async () => {
    const client = await getReductoClient();
    expect(client.baseUrl).toBe(DEMO_BASE_URL);
    // The emulator accepts its demo key and knows GET /jobs and /version.
    await expect(client.checkKey()).resolves.toBeUndefined();
    await expect(client.version()).resolves.toEqual(expect.any(String));
  });

  it('keeps one client per base URL and mode', async () => {
    const demo = await getReductoClient();
    expect(await getReductoClient()).toBe(demo);
    connectionActions.keyEntered('sk-test');
    const real = await getReductoClient();
    expect(real).not.toBe(demo);
    expect(real.baseUrl).toBe('https://platform.reducto.ai');
    connectionActions.baseUrlChanged('https://eu.platform.reducto.ai');
    const eu = await getReductoClient();
    expect(eu.baseUrl).toBe('https://eu.platform.reducto.ai');
    expect(await getKeyCheckClient()).not.toBe(eu);
    connectionActions.keyCleared();
    expect(await getReductoClient()).toBe(demo);
  });
});

describe('the key a client sends', () => {
  it('is never sent to a base URL that is no longer the selected one', async () => {
    const seen: { url: string; auth: string | null }[] = [];
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      seen.push({
        url: request.url,
        auth: request.headers.get('authorization'),
      });
      return Promise.resolve(
        new Response(JSON.stringify({ status: 'Pending' }), {
          headers: { 'content-type': 'application/json' },
        }),
      );
    });
    connectionActions.keyEntered('sk-us');
    const us = await getReductoClient();
    await us.getJob('job-1');
    expect(seen.at(-1)?.auth).toBe('Bearer sk-us');

    // The person moves to the EU region and enters the EU key; a cell
    // still polling the US job must not carry the EU key to the US host.
    connectionActions.baseUrlChanged('https://eu.platform.reducto.ai');
    connectionActions.keyEntered('sk-eu');
    await us.getJob('job-1').catch(() => undefined);
    expect(seen.at(-1)?.url).toMatch(/^https:\/\/platform\.reducto\.ai\//);
    expect(seen.at(-1)?.auth).toBeNull();

    const eu = await getReductoClient();
    await eu.getJob('job-2');
    expect(seen.at(-1)).toEqual({
      url: 'https://eu.platform.reducto.ai/job/job-2',
      auth: 'Bearer sk-eu',
    });
  });
});
