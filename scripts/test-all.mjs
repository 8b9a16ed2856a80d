// Runs every test: the Vitest suites (unit and component), then a production
// build, then the Playwright end-to-end suite in Chromium against that build
// and the emulator server. Ends with one plain line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const outDir = 'test-results';
const vitestJson = join(outDir, 'vitest.json');
const playwrightJson = join(outDir, 'playwright.json');
const skipE2e = process.argv.includes('--unit-only');

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

function run(command, args, env = {}) {
  console.log(`\n> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return result.status ?? 1;
}

function readJson(path) {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;
let broken = false;

// 1. Vitest
const vitestStatus = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
const vitest = readJson(vitestJson);
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  // A suite that fails to load reports no failed test: count it.
  if (vitestStatus !== 0 && (vitest.numFailedTests ?? 0) === 0) failed += 1;
} else if (vitestStatus !== 0) {
  broken = true;
}

// 2. Build + 3. Playwright
if (!skipE2e) {
  const buildStatus = run('npm', ['run', 'build']);
  if (buildStatus !== 0) {
    console.error('The production build failed: end-to-end tests not run.');
    broken = true;
  } else {
    const pwStatus = run('npx', ['playwright', 'test'], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
    });
    const pw = readJson(playwrightJson);
    if (pw?.stats) {
      passed += pw.stats.expected ?? 0;
      failed += (pw.stats.unexpected ?? 0) + (pw.stats.flaky ?? 0) * 0;
      skipped += pw.stats.skipped ?? 0;
      if (pwStatus !== 0 && (pw.stats.unexpected ?? 0) === 0) failed += 1;
    } else if (pwStatus !== 0) {
      broken = true;
    }
  }
}

if (broken) failed += 1;
console.log('');
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
