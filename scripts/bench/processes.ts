/**
 * Child processes the bench starts, each in its own process group (npx and
 * tsx start further processes), so stopping one ends all of its children.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { onCleanup } from './cleanup';

export interface Started {
  child: ChildProcess;
  /** SIGTERM to the group, SIGKILL after 3 s; resolves when it has exited. */
  stop: () => Promise<void>;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null;

export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions = {},
): Started {
  const child = spawn(command, args, { ...options, detached: true });
  const done = new Promise<void>((resolve) => {
    if (exited(child)) resolve();
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  const stop = onCleanup(name, async () => {
    if (exited(child)) return;
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 3_000);
    await done;
    clearTimeout(timer);
    // Grandchildren that outlived the leader.
    killGroup(child, 'SIGKILL');
  });
  return { child, stop };
}

/** Runs to the end with inherited output; rejects on a non-zero exit. */
export async function runToEnd(
  name: string,
  command: string,
  args: string[],
): Promise<void> {
  const { child, stop } = startProcess(name, command, args, {
    stdio: 'inherit',
  });
  try {
    await new Promise<void>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code, signal) =>
        code === 0
          ? resolve()
          : reject(new Error(`${name} exited with ${code ?? signal}`)),
      );
    });
  } finally {
    await stop();
  }
}
