/** The system Chromium through Playwright (never a downloaded browser). */
import { chromium } from '@playwright/test';
import type { Browser, BrowserContext } from '@playwright/test';
import { onCleanup } from './cleanup';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  onCleanup('Chromium', () => browser.close());
  return browser;
}

/**
 * A fresh context (empty storage). tsx compiles with esbuild's keepNames,
 * which wraps named functions in `__name(...)`; functions passed to
 * page.evaluate run in the page, where that helper must exist too.
 */
export async function newBenchContext(
  browser: Browser,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  return context;
}
