import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
} from 'vitest';
import { createEmulator } from '@/emulator';
import {
  API_KEY_SESSION_KEY,
  connectionActions,
  getConnection,
  resetConnectionStore,
} from '@/store/connection-store';
import { resetReductoClients } from '@/store/reducto-client';
import { ConnectionPanel } from './connection-panel';

const GOOD_KEY = 'sk-good-123';
const emulator = createEmulator({ apiKey: GOOD_KEY });

/** Every Reducto host is answered by the emulator (key checked like the API). */
const server = setupServer(
  http.all(/^https:\/\/([a-z]+\.)?platform\.reducto\.ai\/.*/, ({ request }) =>
    emulator.handle(request),
  ),
  http.all(/^http:\/\/127\.0\.0\.1:4010\/.*/, ({ request }) =>
    emulator.handle(request),
  ),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

beforeEach(() => {
  resetConnectionStore();
  resetReductoClients();
});

const keyField = () => screen.getByLabelText('API key');

async function enterKey(key: string) {
  const user = userEvent.setup();
  render(<ConnectionPanel />);
  await user.type(keyField(), `${key}{Enter}`);
  return user;
}

describe('ConnectionPanel: API key', () => {
  it('says plainly that the app is in demo mode when no key is set', () => {
    render(<ConnectionPanel />);
    expect(screen.getByRole('note')).toHaveTextContent(
      /demo mode.*simulated by the built-in emulator/i,
    );
  });

  it('masks the key, shows and hides it on request', async () => {
    const user = userEvent.setup();
    render(<ConnectionPanel />);
    expect(keyField()).toHaveAttribute('type', 'password');
    await user.click(screen.getByRole('button', { name: 'Show key' }));
    expect(keyField()).toHaveAttribute('type', 'text');
    await user.click(screen.getByRole('button', { name: 'Hide key' }));
    expect(keyField()).toHaveAttribute('type', 'password');
  });

  it('marks the key as not a password, so password managers do not offer to save it', () => {
    render(<ConnectionPanel />);
    // Chromium ignores autocomplete="off" on a password field but does not
    // treat a one-time-code field as a password; the data-* hints do the
    // same for the common password manager extensions.
    expect(keyField()).toHaveAttribute('autocomplete', 'one-time-code');
    expect(keyField()).toHaveAttribute('data-1p-ignore');
    expect(keyField()).toHaveAttribute('data-lpignore', 'true');
    expect(keyField()).toHaveAttribute('data-bwignore', 'true');
  });

  it('accepts a good key, stored in sessionStorage only, and leaves demo mode', async () => {
    await enterKey(GOOD_KEY);
    expect(await screen.findByText('Key accepted')).toBeInTheDocument();
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
    expect(sessionStorage.getItem(API_KEY_SESSION_KEY)).toBe(GOOD_KEY);
    const everywhereElse = [
      ...Object.keys(localStorage).map(
        (k) => k + (localStorage.getItem(k) ?? ''),
      ),
      window.location.href,
    ].join(' ');
    expect(everywhereElse).not.toContain(GOOD_KEY);
  });

  it('says when the API rejects the key', async () => {
    await enterKey('sk-wrong');
    expect(await screen.findByText(/^Key rejected: /)).toBeInTheDocument();
    expect(keyField()).toBeInvalid();
  });

  it('explains a network or CORS failure and what to do, and can check again', async () => {
    server.use(http.all(/platform\.reducto\.ai/, () => HttpResponse.error()));
    const user = await enterKey(GOOD_KEY);
    expect(await screen.findByText(/Key not checked: /)).toHaveTextContent(
      /base URL.*CORS/,
    );
    server.resetHandlers();
    await user.click(screen.getByRole('button', { name: 'Check again' }));
    expect(await screen.findByText('Key accepted')).toBeInTheDocument();
  });

  it('clears the key and returns to demo mode', async () => {
    const user = await enterKey(GOOD_KEY);
    await screen.findByText('Key accepted');
    await user.click(screen.getByRole('button', { name: 'Clear key' }));
    expect(keyField()).toHaveValue('');
    expect(sessionStorage.getItem(API_KEY_SESSION_KEY)).toBeNull();
    expect(screen.getByRole('note')).toHaveTextContent(/demo mode/i);
  });

  it('asks for the key again when the runs queue reports a 401', async () => {
    await enterKey(GOOD_KEY);
    await screen.findByText('Key accepted');
    // What the runs queue does on a 401 (outside React, hence act).
    act(() => connectionActions.keyRejected());
    expect(await screen.findByText(/^Key rejected: /)).toBeInTheDocument();
  });

  it('checks a key restored from this tab when the page loads', async () => {
    sessionStorage.setItem(API_KEY_SESSION_KEY, GOOD_KEY);
    resetConnectionStore();
    render(<ConnectionPanel />);
    expect(keyField()).toHaveValue(GOOD_KEY);
    expect(await screen.findByText('Key accepted')).toBeInTheDocument();
  });
});

describe('ConnectionPanel: base URL and region', () => {
  it('switches between the US, EU and AU presets', async () => {
    const user = userEvent.setup();
    render(<ConnectionPanel />);
    const region = screen.getByRole('combobox', { name: 'Region' });
    expect(region).toHaveValue('us');
    await user.selectOptions(region, 'EU');
    expect(screen.getByLabelText('API base URL')).toHaveValue(
      'https://eu.platform.reducto.ai',
    );
    expect(getConnection().baseUrl).toBe('https://eu.platform.reducto.ai');
    await user.selectOptions(region, 'AU');
    expect(getConnection().baseUrl).toBe('https://au.platform.reducto.ai');
  });

  it('takes a valid custom URL and shows Custom as the region', async () => {
    const user = userEvent.setup();
    render(<ConnectionPanel />);
    const url = screen.getByLabelText('API base URL');
    await user.clear(url);
    await user.type(url, 'http://127.0.0.1:4010/{Enter}');
    expect(getConnection().baseUrl).toBe('http://127.0.0.1:4010');
    expect(url).toHaveValue('http://127.0.0.1:4010');
    expect(screen.getByRole('combobox', { name: 'Region' })).toHaveValue(
      'custom',
    );
  });

  it.each([
    ['http://example.com', /use https/i],
    ['not a url', /not a complete url/i],
  ])(
    'refuses %j with a message and keeps the last valid URL',
    async (input, message) => {
      const user = userEvent.setup();
      render(<ConnectionPanel />);
      const url = screen.getByLabelText('API base URL');
      await user.clear(url);
      await user.type(url, `${input}{Enter}`);
      expect(await screen.findByRole('alert')).toHaveTextContent(message);
      expect(screen.getByRole('alert')).toHaveTextContent(
        'Still using https://platform.reducto.ai',
      );
      expect(url).toBeInvalid();
      expect(url).toHaveValue(input);
      expect(getConnection().baseUrl).toBe('https://platform.reducto.ai');
    },
  );

  it('checks the key again against a new base URL', async () => {
    const user = await enterKey(GOOD_KEY);
    await screen.findByText('Key accepted');
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Region' }),
      'EU',
    );
    expect(await screen.findByText('Key accepted')).toBeInTheDocument();
  });
});

describe('ConnectionPanel: concurrency', () => {
  it('accepts 1 to 16 and refuses other values, keeping the last valid one', async () => {
    const user = userEvent.setup();
    render(<ConnectionPanel />);
    const field = screen.getByLabelText('Concurrency');
    expect(field).toHaveValue(4);
    await user.clear(field);
    await user.type(field, '16');
    expect(getConnection().concurrency).toBe(16);
    await user.clear(field);
    await user.type(field, '17');
    // "1" was valid on the way to "17"; 17 itself is refused.
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Enter a whole number from 1 to 16. Still using 1.',
    );
    expect(getConnection().concurrency).toBe(1);
    await user.clear(field);
    await user.type(field, '0');
    expect(field).toBeInvalid();
    await user.clear(field);
    await user.type(field, '2.5');
    expect(field).toBeInvalid();
    await user.clear(field);
    await user.type(field, '3');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(getConnection().concurrency).toBe(3);
  });
});

describe('ConnectionPanel: saved settings', () => {
  it('shows the saved base URL and concurrency after a reload', () => {
    connectionActions.baseUrlChanged('https://au.platform.reducto.ai');
    connectionActions.concurrencyChanged(9);
    resetConnectionStore();
    render(<ConnectionPanel />);
    expect(screen.getByLabelText('API base URL')).toHaveValue(
      'https://au.platform.reducto.ai',
    );
    expect(screen.getByRole('combobox', { name: 'Region' })).toHaveValue('au');
    expect(screen.getByLabelText('Concurrency')).toHaveValue(9);
  });

  it('uses defaults and says so when saved settings are corrupt', async () => {
    const user = userEvent.setup();
    localStorage.setItem('reducto-compare:connection', '{{{');
    resetConnectionStore();
    render(<ConnectionPanel />);
    expect(screen.getByRole('alert')).toHaveTextContent(/unreadable/i);
    expect(screen.getByLabelText('API base URL')).toHaveValue(
      'https://platform.reducto.ai',
    );
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

/** Serious and critical axe-core findings (contrast needs a real browser). */
async function axeProblems(root: Element) {
  const { violations } = await axe.run(root, {
    rules: { 'color-contrast': { enabled: false } },
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => v.id);
}

describe('ConnectionPanel: accessibility', () => {
  it('has no serious axe findings, also while showing errors', async () => {
    const user = await enterKey('sk-wrong');
    await screen.findByText(/^Key rejected: /);
    const url = screen.getByLabelText('API base URL');
    await user.clear(url);
    await user.type(url, 'http://example.com{Enter}');
    expect(
      await axeProblems(screen.getByRole('region', { name: 'Connection' })),
    ).toEqual([]);
  });
});
