/**
 * The emulator server (scripts/emulator-server.ts) as a child process on a
 * free port, with its admin endpoints for faults and reset.
 */
import { createInterface } from 'node:readline';
import type { EmulatorFaults } from '../../src/emulator/types';
import { startProcess } from './processes';

export const EMULATOR_KEY = 'demo-key';

export interface EmulatorServer {
  url: string;
  setFaults: (faults: Partial<EmulatorFaults>) => Promise<void>;
  reset: () => Promise<void>;
  stop: () => Promise<void>;
}

const READY = /Reducto emulator listening on (http:\/\/\S+)/;

export async function startEmulator({
  jobDurationMs,
  timeoutMs = 60_000,
}: {
  jobDurationMs: number;
  timeoutMs?: number;
}): Promise<EmulatorServer> {
  const { child, stop } = startProcess(
    'emulator server',
    'npx',
    [
      'tsx',
      'scripts/emulator-server.ts',
      '--port',
      '0',
      '--key',
      EMULATOR_KEY,
      '--job-duration-ms',
      String(jobDurationMs),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const errors: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    errors.push(text);
  });
  let url: string;
  try {
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no ready line after ${timeoutMs} ms`)),
        timeoutMs,
      );
      const lines = createInterface({ input: child.stdout! });
      lines.on('line', (line) => {
        const match = READY.exec(line);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`exited with ${code}: ${errors.join('').trim()}`));
      });
    });
  } catch (error) {
    await stop();
    throw new Error(`The emulator server did not start: ${String(error)}`);
  }
  // Keep draining its output so it never blocks on a full pipe.
  child.stdout?.resume();

  const admin = async (path: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error(`emulator ${path}: HTTP ${response.status}`);
    }
  };
  return {
    url,
    setFaults: (faults) => admin('/_emulator/faults', faults),
    reset: () => admin('/_emulator/reset'),
    stop,
  };
}
