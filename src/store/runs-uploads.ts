import { raceAbort, type ReductoClient } from '@/api';
import type { RunRepository } from '@/storage/run-repository';
import { FILE_ID_TTL_MS } from '@/storage/run-repository';

export interface UploadRequest {
  client: ReductoClient;
  contentHash: string;
  filename: string;
  /** The document's bytes, if still at hand (File objects live in memory). */
  file: Blob | undefined;
  /** Demo uploads live in the in-page emulator: never persisted. */
  demo: boolean;
  /** The run waiting for this upload. */
  runId: string;
  signal: AbortSignal;
  /** Called when a real upload (not a cache hit) starts for this run. */
  onUploading: () => void;
}

export interface UploadOutcome {
  fileId: string;
  /** True when the id came from an earlier upload (it may have expired). */
  reused: boolean;
}

/** The document's bytes are gone (reload) and no file_id is remembered. */
export class DocumentFileMissingError extends Error {
  override name = 'DocumentFileMissingError';
  readonly kind = 'file-missing';
  constructor() {
    super('The document is no longer loaded. Add the file again to run it.');
  }
}

interface InFlight {
  promise: Promise<string>;
  controller: AbortController;
  waiters: Set<string>;
}

const abortError = () =>
  Object.assign(new Error('The request was cancelled.'), {
    name: 'AbortError',
    kind: 'aborted',
  });

/**
 * Uploads each document once per base URL. Concurrent runs of the same
 * document share one in-flight upload; later runs reuse the remembered
 * file_id for 24 h. The shared upload is aborted only when every run
 * waiting for it has been cancelled.
 */
export function createUploadCache(repository: () => RunRepository) {
  const inFlight = new Map<string, InFlight>();
  // Demo file ids die with the page (the emulator is in memory).
  const demoIds = new Map<string, { fileId: string; at: number }>();

  const keyOf = (baseUrl: string, hash: string) => `${baseUrl}|${hash}`;

  async function remembered(req: UploadRequest): Promise<string | undefined> {
    const { baseUrl } = req.client;
    if (req.demo) {
      const hit = demoIds.get(keyOf(baseUrl, req.contentHash));
      return hit && Date.now() - hit.at < FILE_ID_TTL_MS
        ? hit.fileId
        : undefined;
    }
    return repository().getCachedFileId(req.contentHash, baseUrl);
  }

  async function remember(req: UploadRequest, fileId: string) {
    const { baseUrl } = req.client;
    if (req.demo) {
      demoIds.set(keyOf(baseUrl, req.contentHash), { fileId, at: Date.now() });
      return;
    }
    await repository().cacheFileId(req.contentHash, baseUrl, fileId);
  }

  return {
    async fileIdFor(req: UploadRequest): Promise<UploadOutcome> {
      const cached = await remembered(req);
      if (cached) return { fileId: cached, reused: true };
      // Cancelled during the lookup: start nothing nobody waits for.
      if (req.signal.aborted) throw abortError();
      const key = keyOf(req.client.baseUrl, req.contentHash);
      let entry = inFlight.get(key);
      // An aborted upload (every run waiting for it cancelled) is only
      // waiting to settle: never join it, start a fresh one.
      if (!entry || entry.controller.signal.aborted) {
        if (!req.file) throw new DocumentFileMissingError();
        const controller = new AbortController();
        const promise = req.client
          .upload(req.file, {
            filename: req.filename,
            signal: controller.signal,
          })
          .then(async (fileId) => {
            await remember(req, fileId);
            return fileId;
          })
          .finally(() => {
            // Only this upload's entry: a newer one may have replaced it.
            if (inFlight.get(key) === created) inFlight.delete(key);
          });
        // Waiters handle the rejection; this keeps an unobserved one quiet.
        promise.catch(() => undefined);
        const created: InFlight = { promise, controller, waiters: new Set() };
        entry = created;
        inFlight.set(key, entry);
      }
      entry.waiters.add(req.runId);
      req.onUploading();
      const shared = entry;
      const stopWaiting = () => {
        shared.waiters.delete(req.runId);
        if (shared.waiters.size > 0) return;
        shared.controller.abort();
        if (inFlight.get(key) === shared) inFlight.delete(key);
      };
      req.signal.addEventListener('abort', stopWaiting, { once: true });
      try {
        return {
          fileId: await raceAbort(shared.promise, req.signal, abortError),
          reused: false,
        };
      } finally {
        req.signal.removeEventListener('abort', stopWaiting);
        shared.waiters.delete(req.runId);
      }
    },

    /** A remembered id was refused by the API (expired): upload again. */
    async forget(client: ReductoClient, contentHash: string, demo: boolean) {
      if (demo) demoIds.delete(keyOf(client.baseUrl, contentHash));
      else await repository().forgetFileId(contentHash, client.baseUrl);
    },

    /** Drops everything (a simulated reload in tests, or cancel all). */
    abortAll() {
      for (const entry of inFlight.values()) entry.controller.abort();
      inFlight.clear();
    },

    clearDemo() {
      demoIds.clear();
    },
  };
}

export type UploadCache = ReturnType<typeof createUploadCache>;
