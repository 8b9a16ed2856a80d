/**
 * Main-thread long tasks (PerformanceObserver 'longtask', buffered) seen by
 * the page, read back for a time window.
 */
import type { Page } from '@playwright/test';

export interface LongTask {
  startTime: number;
  duration: number;
}

export interface LongTaskFigures {
  count: number;
  over50: number;
  over200: number;
  longestMs: number;
  /** Sum over tasks of (duration - 50 ms): Total Blocking Time. */
  blockingMs: number;
}

type LongTaskWindow = Window & { __benchLongTasks?: LongTask[] };

/** Starts collecting (idempotent); buffered entries from before count too. */
export async function installLongTaskObserver(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as LongTaskWindow;
    if (w.__benchLongTasks) return;
    const tasks: LongTask[] = [];
    w.__benchLongTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        tasks.push({ startTime: entry.startTime, duration: entry.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** Long tasks that started in [from, to] (page clock, ms). */
export async function longTasksBetween(
  page: Page,
  from: number,
  to: number,
): Promise<LongTask[]> {
  return page.evaluate(
    ([from, to]) =>
      ((window as LongTaskWindow).__benchLongTasks ?? []).filter(
        (t) => t.startTime >= from && t.startTime <= to,
      ),
    [from, to] as const,
  );
}

export function summariseLongTasks(tasks: LongTask[]): LongTaskFigures {
  return {
    count: tasks.length,
    over50: tasks.filter((t) => t.duration > 50).length,
    over200: tasks.filter((t) => t.duration > 200).length,
    longestMs: Math.max(0, ...tasks.map((t) => t.duration)),
    blockingMs: tasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
  };
}

export function formatLongTasks(figures: LongTaskFigures): string {
  return `${figures.over50} task(s) > 50 ms, ${figures.over200} > 200 ms, longest ${figures.longestMs.toFixed(0)} ms, total blocking ${figures.blockingMs.toFixed(0)} ms`;
}

/** "+120 ms: 340 ms, +900 ms: 80 ms" (starts relative to a chosen instant). */
export function formatTaskList(tasks: LongTask[]): string {
  return tasks
    .map((t) => `+${t.startTime.toFixed(0)} ms: ${t.duration.toFixed(0)} ms`)
    .join(', ');
}
