/**
 * Resolves in a later task, so that work after it does not lengthen the
 * current one: the browser can paint and handle input in between.
 * `scheduler.yield()` where the browser has it (it keeps the continuation
 * ahead of other queued work), else a zero timeout.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (
    globalThis as { scheduler?: { yield?: () => Promise<void> } }
  ).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
