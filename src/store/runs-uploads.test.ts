import type { ReductoClient } from '@/api';
import type { RunRepository } from '@/storage/run-repository';
import { createUploadCache, type UploadRequest } from './runs-uploads';

/** A client whose uploads hang until aborted, or finish when told to. */
function hangingClient() {
  let uploads = 0;
  const finishers: ((fileId: string) => void)[] = [];
  const client = {
    baseUrl: 'https://api.reducto.test',
    upload: (_file: Blob, options?: { signal?: AbortSignal }) => {
      uploads += 1;
      return new Promise<string>((resolve, reject) => {
        finishers.push(resolve);
        // Like fetch, an aborted upload settles a little later.
        options?.signal?.addEventListener('abort', () =>
          setTimeout(() =>
            reject(Object.assign(new Error('aborted'), { kind: 'aborted' })),
          ),
        );
      });
    },
  } as unknown as ReductoClient;
  return {
    client,
    uploads: () => uploads,
    finishLast: (fileId: string) => finishers.at(-1)?.(fileId),
  };
}

const repository = (() => ({
  getCachedFileId: () => Promise.resolve(undefined),
  cacheFileId: () => Promise.resolve(),
  forgetFileId: () => Promise.resolve(),
})) as unknown as () => RunRepository;

const request = (
  client: ReductoClient,
  runId: string,
  signal: AbortSignal,
): UploadRequest => ({
  client,
  contentHash: 'sha-a',
  filename: 'a.pdf',
  file: new Blob(['%PDF-1.4']),
  demo: false,
  runId,
  signal,
  onUploading: () => undefined,
});

describe('the shared upload of a document', () => {
  it('is not joined by a new run once every earlier run cancelled it', async () => {
    const api = hangingClient();
    const cache = createUploadCache(repository);
    const first = new AbortController();
    const firstUpload = cache.fileIdFor(
      request(api.client, 'run-1', first.signal),
    );
    // Let the upload start, then cancel its only run: the upload aborts.
    await vi.waitFor(() => expect(api.uploads()).toBe(1));
    first.abort();
    // At once, before the aborted upload has settled, a new run.
    const second = cache.fileIdFor(
      request(api.client, 'run-2', new AbortController().signal),
    );
    await expect(firstUpload).rejects.toMatchObject({ kind: 'aborted' });
    await vi.waitFor(() => expect(api.uploads()).toBe(2));
    api.finishLast('reducto://file-2.pdf');
    await expect(second).resolves.toEqual({
      fileId: 'reducto://file-2.pdf',
      reused: false,
    });
  });
});
