import type { RunRecord } from '@/storage/run-record';

/** The status word a person reads in a cell: "Running 40%", "Failed", … */
export function runStatusText(
  record: Pick<RunRecord, 'status' | 'progress'>,
): string {
  switch (record.status) {
    case 'queued':
      return 'Queued';
    case 'uploading':
      return 'Uploading';
    case 'running': {
      const p = record.progress;
      return typeof p === 'number'
        ? `Running ${Math.round(p * 100)}%`
        : 'Running';
    }
    case 'completed':
      return 'Completed';
    case 'failed':
      return 'Failed';
    case 'cancelled':
      return 'Cancelled';
  }
}

/** Time since the run started, until it finished (or `now`); null before. */
export function runElapsedMs(
  record: Pick<RunRecord, 'startedAt' | 'finishedAt'>,
  now: number,
): number | null {
  if (record.startedAt === undefined) return null;
  return Math.max(0, (record.finishedAt ?? now) - record.startedAt);
}

export function creditsText(credits: number | null | undefined): string | null {
  if (credits === null || credits === undefined) return null;
  const rounded = Math.round(credits * 100) / 100;
  return rounded === 1 ? '1 credit' : `${rounded} credits`;
}

/** "Demo" for emulator runs, else the API's host. */
export function runApiText(
  record: Pick<RunRecord, 'demo' | 'baseUrl'>,
): string {
  if (record.demo) return 'Demo (simulated)';
  try {
    return new URL(record.baseUrl).host;
  } catch {
    return record.baseUrl;
  }
}
