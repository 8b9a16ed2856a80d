/**
 * Builds the app with `npx vite build` when dist/ is missing or older than
 * anything it is built from, so the bench always measures the current code.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runToEnd } from './processes';

const BUILD_INPUTS = [
  'src',
  'public',
  'index.html',
  'vite.config.ts',
  'scripts/csp-plugin.ts',
  'package-lock.json',
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Why dist/ needs a build, or null when it is up to date. */
export function staleReason(distDir = 'dist'): string | null {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) return `${index} is missing`;
  const built = statSync(index).mtimeMs;
  const newest = Math.max(...BUILD_INPUTS.map(newestMtime));
  return newest > built ? 'the sources are newer than dist/' : null;
}

/** Builds when needed; returns what it did, as a line to print. */
export async function ensureBuild(distDir = 'dist'): Promise<string> {
  const reason = staleReason(distDir);
  if (reason === null) return 'dist/ is up to date: not rebuilt';
  const started = performance.now();
  await runToEnd('vite build', 'npx', ['vite', 'build', '--logLevel', 'warn']);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  return `built dist/ in ${seconds} s (${reason})`;
}
