import { createReductoClient, type ReductoClient } from '@/api';
import { DEMO_API_KEY } from '@/emulator/demo-pipelines';
import { apiKeyFor, getConnection } from './connection-store';

/**
 * The one Reducto client of the app, built from the connection settings.
 * With a key: the real API at the configured base URL, the key read from
 * the store (which mirrors sessionStorage) at call time, and only while
 * that base URL is still the selected one. Without a key
 * (demo mode): the same client, but its `fetch` is the built-in emulator,
 * imported lazily here so that neither it nor pdf.js is in the initial
 * bundle. Features never import the emulator; they ask for a client.
 */

/** The origin the demo client pretends to talk to. Never resolved. */
export const DEMO_BASE_URL = 'https://demo.emulator.invalid';

const clients = new Map<string, Promise<ReductoClient>>();

/** One emulator per page, so uploads and jobs survive across clients. */
let demoEmulator: Promise<{ fetch: typeof fetch }> | null = null;

function loadDemoEmulator() {
  demoEmulator ??= import('@/emulator/browser').then(
    ({ createBrowserEmulator }) =>
      createBrowserEmulator({ origin: DEMO_BASE_URL, apiKey: DEMO_API_KEY }),
  );
  // A failed chunk load (offline, new deploy) may succeed next time.
  demoEmulator.catch(() => {
    demoEmulator = null;
  });
  return demoEmulator;
}

interface ClientTuning {
  maxRetries?: number;
  timeoutMs?: number;
}

function memoised(
  purpose: string,
  tuning: ClientTuning,
): Promise<ReductoClient> {
  const { baseUrl, demo } = getConnection();
  const cacheKey = `${purpose}|${demo ? 'demo' : baseUrl}`;
  let client = clients.get(cacheKey);
  if (!client) {
    client = demo
      ? loadDemoEmulator().then((emulator) =>
          createReductoClient({
            baseUrl: DEMO_BASE_URL,
            getApiKey: () => DEMO_API_KEY,
            fetch: emulator.fetch,
            ...tuning,
          }),
        )
      : Promise.resolve(
          createReductoClient({
            baseUrl,
            // Only while this client's base URL is still the selected one.
            getApiKey: () => apiKeyFor(baseUrl),
            ...tuning,
          }),
        );
    clients.set(cacheKey, client);
    client.catch(() => clients.delete(cacheKey));
  }
  return client;
}

/** The client for runs: retries and timeouts as the API module defaults. */
export function getReductoClient(): Promise<ReductoClient> {
  return memoised('runs', {});
}

/**
 * The client for checking a key as it is entered: no retries, a short
 * timeout, so a wrong URL or a CORS block is reported at once.
 */
export function getKeyCheckClient(): Promise<ReductoClient> {
  return memoised('key-check', { maxRetries: 0, timeoutMs: 20_000 });
}

/** Forgets every client (tests; the demo emulator is kept). */
export function resetReductoClients() {
  clients.clear();
}
