import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Moves focus with the Tab key alone until `target` has it, as a keyboard
 * user would; fails if it is not reachable within `maxPresses`.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  maxPresses = 120,
): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) {
      // Focus must be visible where it lands.
      const outline = await target.evaluate((el) => {
        const style = getComputedStyle(el);
        return style.outlineStyle !== 'none' || style.boxShadow !== 'none';
      });
      expect(outline, 'focus is visible').toBe(true);
      return;
    }
  }
  throw new Error(`Could not reach ${target.toString()} with the Tab key`);
}
