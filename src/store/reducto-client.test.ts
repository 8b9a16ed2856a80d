import { beforeEach, describe, expect, it } from 'vitest';
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
