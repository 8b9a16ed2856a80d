import type { APIRequestContext } from '@playwright/test';

/** The emulator server started by playwright.config.ts. */
export const EMULATOR_URL = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 8787}`;
export const EMULATOR_KEY = 'demo-key';

/** Switches emulator faults on for the next requests (admin endpoint). */
export async function setEmulatorFaults(
  request: APIRequestContext,
  faults: Record<string, unknown>,
): Promise<void> {
  const response = await request.post(`${EMULATOR_URL}/_emulator/faults`, {
    data: faults,
  });
  if (!response.ok()) {
    throw new Error(`Setting emulator faults failed: ${response.status()}`);
  }
}

/** Clears faults, jobs and uploads so each test starts from scratch. */
export async function resetEmulator(request: APIRequestContext): Promise<void> {
  const response = await request.post(`${EMULATOR_URL}/_emulator/reset`);
  if (!response.ok()) {
    throw new Error(`Resetting the emulator failed: ${response.status()}`);
  }
}
