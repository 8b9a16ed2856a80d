import { openDB } from 'idb';
import type { RunRecord } from './run-record';
import { openRunDb, RUN_DB_VERSION } from './run-db';
import {
  createRunRepository,
  FILE_ID_TTL_MS,
  QUOTA_WARNING,
  UNAVAILABLE_WARNING,
} from './run-repository';

let n = 0;
const freshName = () => `repo-test-${n++}`;
const reopenRepo = (name: string) =>
  createRunRepository({ open: () => openRunDb(name) });

const record = (id: string, overrides: Partial<RunRecord> = {}): RunRecord => ({
  id,
  documentKey: 'sha-a',
  documentName: 'a.pdf',
  documentSize: 10,
  pipelineId: 'pipe',
  pipelineLabel: 'invoices v3',
  baseUrl: 'https://platform.reducto.ai',
  demo: false,
  status: 'completed',
  createdAt: 1000,
  ...overrides,
});

const response = {
  job_id: 'j',
  usage: { num_pages: 1 },
  result: { parse: null, extract: null, split: null },
};

describe('createRunRepository', () => {
  it('creates the versioned schema with its stores and index', async () => {
    const name = freshName();
    const db = await openRunDb(name);
    expect(db.version).toBe(RUN_DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'files',
      'results',
      'runs',
      'set-aside',
    ]);
    expect([...db.transaction('runs').store.indexNames]).toEqual([
      'documentKey',
    ]);
    db.close();
  });

  it('saves, loads and deletes runs with their results', async () => {
    const name = freshName();
    const repo = createRunRepository({ open: () => openRunDb(name) });
    await repo.saveRun(record('r1'));
    await repo.saveResult({ runId: 'r1', response });

    const reloaded = createRunRepository({ open: () => openRunDb(name) });
    expect(await reloaded.loadAllRuns()).toEqual([record('r1')]);
    expect((await reloaded.loadResult('r1'))?.response).toEqual(response);

    await reloaded.deleteRun('r1');
    const again = createRunRepository({ open: () => openRunDb(name) });
    expect(await again.loadAllRuns()).toEqual([]);
    expect(await again.loadResult('r1')).toBeUndefined();
  });

  it('sets aside records and results that fail validation', async () => {
    const name = freshName();
    const db = await openRunDb(name);
    await db.put('runs', record('good'));
    await db.put('runs', {
      ...record('bad'),
      status: 'exploded',
    } as unknown as RunRecord);
    await db.put('results', { runId: 'good', response: 'garbage' } as never);
    db.close();
    const notices: string[] = [];
    const repo = createRunRepository({
      open: () => openRunDb(name),
      onSetAside: (m) => notices.push(m),
    });
    expect((await repo.loadAllRuns()).map((r) => r.id)).toEqual(['good']);
    expect(await repo.loadResult('good')).toBeUndefined();
    expect(notices).toEqual([
      '1 saved run could not be read and was set aside.',
      'A saved result could not be read and was set aside.',
    ]);
    const raw = await openDB(name);
    expect(
      (await raw.getAll('set-aside')).map((x: { key: string }) => x.key).sort(),
    ).toEqual(['results:good', 'runs:bad']);
    raw.close();
  });

  it('falls back to memory with one warning when IndexedDB cannot open', async () => {
    const warnings: (string | null)[] = [];
    const repo = createRunRepository({
      open: () => Promise.reject(new Error('SecurityError')),
      onWarning: (m) => warnings.push(m),
    });
    await repo.saveRun(record('r1'));
    await repo.saveResult({ runId: 'r1', response });
    expect(await repo.loadAllRuns()).toEqual([record('r1')]);
    expect((await repo.loadResult('r1'))?.response).toEqual(response);
    expect(repo.mode()).toBe('memory');
    expect(warnings).toEqual([UNAVAILABLE_WARNING]);
  });

  it('keeps a result in memory and warns when the quota is exceeded', async () => {
    const name = freshName();
    const real = await openRunDb(name);
    const full = new DOMException(
      'The quota has been exceeded.',
      'QuotaExceededError',
    );
    // A database whose writes of results fail as a full disk does.
    const db = new Proxy(real, {
      get(target, prop, receiver) {
        if (prop === 'put') {
          return (store: string, value: unknown) =>
            store === 'results'
              ? Promise.reject(full)
              : target.put(store as 'runs', value as RunRecord);
        }
        const v: unknown = Reflect.get(target, prop, receiver);
        return typeof v === 'function'
          ? (v as (...a: unknown[]) => unknown).bind(target)
          : v;
      },
    });
    const warnings: (string | null)[] = [];
    const repo = createRunRepository({
      open: () => Promise.resolve(db),
      onWarning: (m) => warnings.push(m),
    });
    await repo.saveRun(record('r1'));
    await repo.saveResult({ runId: 'r1', response });
    expect(warnings).toEqual([QUOTA_WARNING]);
    expect((await repo.loadResult('r1'))?.response).toEqual(response);
    real.close();
  });

  describe('after a full quota', () => {
    /**
     * A database that holds at most `capacity` results, as a full disk
     * does: putting one more result rejects with QuotaExceededError.
     */
    async function fullDatabase(name: string, capacity: number) {
      const real = await openRunDb(name);
      const full = new DOMException(
        'The quota has been exceeded.',
        'QuotaExceededError',
      );
      const db = new Proxy(real, {
        get(target, prop, receiver) {
          if (prop === 'put') {
            return async (store: string, value: unknown) => {
              if (
                store === 'results' &&
                (await target.count('results')) >= capacity
              )
                throw full;
              return target.put(store as 'runs', value as RunRecord);
            };
          }
          const v: unknown = Reflect.get(target, prop, receiver);
          return typeof v === 'function'
            ? (v as (...a: unknown[]) => unknown).bind(target)
            : v;
        },
      });
      return { real, db };
    }

    it('still reads the results stored before the quota ran out', async () => {
      const name = freshName();
      const { real, db } = await fullDatabase(name, 1);
      const repo = createRunRepository({ open: () => Promise.resolve(db) });
      await repo.saveRun(record('old'));
      await repo.saveResult({ runId: 'old', response });
      await repo.saveRun(record('new'));
      await repo.saveResult({ runId: 'new', response });
      expect(repo.mode()).toBe('memory');

      expect((await repo.loadResult('old'))?.response).toEqual(response);
      expect((await repo.loadResult('new'))?.response).toEqual(response);
      expect((await repo.loadAllRuns()).map((r) => r.id).sort()).toEqual([
        'new',
        'old',
      ]);
      real.close();
    });

    it('deletes an old run from IndexedDB, so it stays deleted after a reload', async () => {
      const name = freshName();
      const { real, db } = await fullDatabase(name, 1);
      const repo = createRunRepository({ open: () => Promise.resolve(db) });
      await repo.saveRun(record('old'));
      await repo.saveResult({ runId: 'old', response });
      await repo.saveResult({ runId: 'new', response });
      await repo.deleteRun('old');

      const reloaded = reopenRepo(name);
      expect((await reloaded.loadAllRuns()).map((r) => r.id)).not.toContain(
        'old',
      );
      expect(await reloaded.loadResult('old')).toBeUndefined();
      real.close();
    });

    it('saves the held result and later writes once a delete frees space, and clears the warning', async () => {
      const name = freshName();
      const { real, db } = await fullDatabase(name, 1);
      const warnings: (string | null)[] = [];
      const repo = createRunRepository({
        open: () => Promise.resolve(db),
        onWarning: (m) => warnings.push(m),
      });
      await repo.saveRun(record('old'));
      await repo.saveResult({ runId: 'old', response });
      await repo.saveRun(record('new'));
      await repo.saveResult({ runId: 'new', response });
      expect(warnings).toEqual([QUOTA_WARNING]);

      await repo.deleteRun('old');
      expect(repo.mode()).toBe('indexeddb');
      expect(warnings).toEqual([QUOTA_WARNING, null]);
      await repo.saveRun(record('later'));

      const reloaded = reopenRepo(name);
      expect((await reloaded.loadAllRuns()).map((r) => r.id).sort()).toEqual([
        'later',
        'new',
      ]);
      expect((await reloaded.loadResult('new'))?.response).toEqual(response);
      real.close();
    });

    it('keeps the newer record held in memory over the stale stored one', async () => {
      const name = freshName();
      const { real, db } = await fullDatabase(name, 0);
      const repo = createRunRepository({ open: () => Promise.resolve(db) });
      await repo.saveRun(record('r1', { status: 'running' }));
      await repo.saveResult({ runId: 'r1', response });
      // Writes are held now; the stored record still says 'running'.
      await repo.saveRun(record('r1'));
      expect((await repo.loadAllRuns()).map((r) => r.status)).toEqual([
        'completed',
      ]);
      real.close();
    });
  });

  it(
    'steps aside when another tab upgrades the schema',
    { timeout: 2000 },
    async () => {
      const name = freshName();
      const repo = reopenRepo(name);
      await repo.saveRun(record('r1'));
      // Before the fix the upgrade stayed blocked by this tab forever.
      const upgraded = await openDB(name, RUN_DB_VERSION + 1);
      expect(upgraded.version).toBe(RUN_DB_VERSION + 1);
      upgraded.close();
      // This tab's code is now older than the schema: it says so, in memory.
      await repo.saveRun(record('r2'));
      expect(repo.mode()).toBe('memory');
      expect((await repo.loadAllRuns()).map((r) => r.id)).toEqual(['r1', 'r2']);
    },
  );

  it('reopens the database when its connection was closed', async () => {
    const name = freshName();
    const connections: { close(): void }[] = [];
    const repo = createRunRepository({
      open: async () => {
        const db = await openRunDb(name);
        connections.push(db);
        return db;
      },
    });
    await repo.saveRun(record('r1'));
    connections[0]?.close();
    await repo.saveRun(record('r2'));
    expect(repo.mode()).toBe('indexeddb');
    expect((await reopenRepo(name).loadAllRuns()).map((r) => r.id)).toEqual([
      'r1',
      'r2',
    ]);
    for (const c of connections) c.close();
  });

  it('remembers a file_id per content and base URL for 24 hours', async () => {
    const name = freshName();
    const repo = createRunRepository({ open: () => openRunDb(name) });
    await repo.cacheFileId(
      'sha-a',
      'https://platform.reducto.ai',
      'reducto://1',
      0,
    );
    expect(
      await repo.getCachedFileId(
        'sha-a',
        'https://platform.reducto.ai',
        FILE_ID_TTL_MS - 1,
      ),
    ).toBe('reducto://1');
    expect(
      await repo.getCachedFileId('sha-a', 'https://eu.platform.reducto.ai', 1),
    ).toBeUndefined();
    expect(
      await repo.getCachedFileId(
        'sha-a',
        'https://platform.reducto.ai',
        FILE_ID_TTL_MS,
      ),
    ).toBeUndefined();
    await repo.forgetFileId('sha-a', 'https://platform.reducto.ai');
    expect(
      await repo.getCachedFileId('sha-a', 'https://platform.reducto.ai', 1),
    ).toBeUndefined();
  });
});
