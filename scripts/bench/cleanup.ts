/**
 * Everything the bench starts (servers, child processes, the browser)
 * registers its stop function here, so one `stopAll()` ends it all: in the
 * normal `finally`, on an uncaught error, and on Ctrl-C / SIGTERM.
 */
type Stop = () => unknown;

const stops: { name: string; stop: Stop }[] = [];

/** Registers `stop`; returns a function that runs it once and unregisters it. */
export function onCleanup(name: string, stop: Stop): () => Promise<void> {
  const entry = { name, stop };
  stops.push(entry);
  return async () => {
    const index = stops.indexOf(entry);
    if (index < 0) return;
    stops.splice(index, 1);
    await entry.stop();
  };
}

/** Stops everything still registered, newest first; never throws. */
export async function stopAll(): Promise<void> {
  while (stops.length > 0) {
    const entry = stops.pop();
    if (!entry) break;
    try {
      await withTimeout(Promise.resolve(entry.stop()), 10_000);
    } catch (error) {
      console.error(`bench: stopping ${entry.name} failed: ${String(error)}`);
    }
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`timed out after ${ms} ms`)),
        ms,
      );
    }),
  ]).finally(() => clearTimeout(timer));
}

let installed = false;

/** On Ctrl-C or SIGTERM: stop everything, then exit. */
export function installSignalCleanup(): void {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`bench: ${signal}, stopping what it started…`);
      void stopAll().finally(() => process.exit(130));
    });
  }
}
