/**
 * The real API client (src/api) against the emulator, over every path the
 * app uses: upload (direct and presigned), async run, polling with progress,
 * cancel, URL results, and each fault the emulator can inject.
 */
import {
  AuthenticationError,
  MAX_DIRECT_UPLOAD_BYTES,
  NotFoundError,
  PasswordRequiredError,
  RateLimitError,
  ServerError,
  createReductoClient,
} from '@/api';
import type {
  JobResponse,
  PipelineResponse,
  ReductoClient,
  ReductoClientOptions,
} from '@/api';
import type { Emulator } from '@/emulator';
import { DEMO_API_KEY } from '@/emulator';
import { createNodeEmulator } from '@/emulator/node';
import { makeSamplePdf } from '../fixtures/make-pdf';
import type { SamplePdf } from '../fixtures/make-pdf';

let sample: SamplePdf;
let clock: number;
let slept: number[];
let emulator: Emulator;
/** Every request the client made: URL and whether it carried the key. */
let requests: { url: string; method: string; authorization: string | null }[];
let apiKey: string | null;

beforeAll(async () => {
  sample = await makeSamplePdf({ pages: 2 });
});

beforeEach(() => {
  clock = 0;
  slept = [];
  requests = [];
  apiKey = DEMO_API_KEY;
  emulator = createNodeEmulator({ now: () => clock, jobDurationMs: 3000 });
});

function client(options: Partial<ReductoClientOptions> = {}): ReductoClient {
  return createReductoClient({
    baseUrl: emulator.origin,
    getApiKey: () => apiKey,
    fetch: (input, init) => {
      const request = new Request(input, init);
      requests.push({
        url: request.url,
        method: request.method,
        authorization: request.headers.get('authorization'),
      });
      return emulator.fetch(request);
    },
    maxRetries: 0,
    // Waiting moves the emulator's clock: polling completes jobs instantly.
    sleep: (ms) => {
      slept.push(ms);
      clock += ms;
      return Promise.resolve();
    },
    ...options,
  });
}

function pdfFile(name = 'report.pdf') {
  return new File([sample.bytes], name, { type: 'application/pdf' });
}

function parseOf(job: JobResponse | PipelineResponse) {
  const response = ('status' in job ? job.result : job) as PipelineResponse;
  const parse = response.result.parse;
  if (!parse || Array.isArray(parse)) throw new Error('no parse');
  return parse;
}

describe('upload', () => {
  it('uploads directly and the file_id runs', async () => {
    const api = client();
    const fileId = await api.upload(pdfFile());
    expect(fileId).toBe('reducto://emu-file-0001.pdf');
    const result = await api.runPipeline({
      input: fileId,
      pipelineId: 'demo-lines',
    });
    expect(parseOf(result).usage.num_pages).toBe(2);
  });

  it('uploads a file over 100 MB through the presigned URL, without sending the key there', async () => {
    const api = client();
    const big = new Blob([
      sample.bytes,
      new Uint8Array(MAX_DIRECT_UPLOAD_BYTES + 1 - sample.bytes.length),
    ]);
    const fileId = await api.upload(big, { filename: 'big.pdf' });
    expect(fileId).toBe('reducto://emu-file-0001');

    const put = requests.find((r) => r.method === 'PUT');
    expect(put?.url).toContain('/_emulator/presigned/emu-file-0001');
    expect(put?.authorization).toBeNull();

    const stored = await emulator.fetch('/_emulator/files/emu-file-0001.pdf');
    expect((await stored.arrayBuffer()).byteLength).toBe(big.size);
  });
});

describe('async run', () => {
  it('starts, reports growing progress while polling, and completes', async () => {
    const api = client({ pollInitialMs: 500, pollMaxMs: 1000 });
    const fileId = await api.upload(pdfFile());
    const jobId = await api.startPipeline({
      input: fileId,
      pipelineId: 'demo-layout',
    });
    const progress: (number | null)[] = [];
    const job = await api.waitForJob(jobId, {
      onProgress: (value) => progress.push(value),
    });
    expect(job.status).toBe('Completed');
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect(progress.some((p) => p !== null && p > 0 && p < 1)).toBe(true);
    expect([...progress].sort()).toEqual(progress);
    const parse = parseOf(job);
    expect(parse.result.type).toBe('full');
    expect((job.result as PipelineResponse).job_id).toBe(jobId);
  });

  it('cancels a running job; waiting then ends Cancelled', async () => {
    const api = client();
    const fileId = await api.upload(pdfFile());
    const jobId = await api.startPipeline({
      input: fileId,
      pipelineId: 'demo-lines',
    });
    await api.cancelJob(jobId);
    const job = await api.waitForJob(jobId);
    expect(job.status).toBe('Cancelled');
  });

  it('resolves a URL result to the full result, fetched without the key', async () => {
    const api = client();
    const fileId = await api.upload(pdfFile());
    const plain = await api.runPipeline({
      input: fileId,
      pipelineId: 'demo-split',
    });

    emulator.setFaults({ urlResults: true });
    const jobId = await api.startPipeline({
      input: fileId,
      pipelineId: 'demo-split',
    });
    const job = await api.waitForJob(jobId);
    const response = job.result as PipelineResponse;
    expect(parseOf(response).result.type).toBe('url');

    const resolved = await api.resolveResult(response);
    expect(parseOf(resolved).result).toEqual(parseOf(plain).result);
    const download = requests.find((r) =>
      r.url.includes('/_emulator/results/'),
    );
    expect(download?.authorization).toBeNull();
  });

  it('reports a failed job with its reason', async () => {
    emulator.setFaults({
      failJobs: [
        { pipelineId: 'demo-extract', reason: 'Extraction timed out' },
      ],
    });
    const api = client();
    const fileId = await api.upload(pdfFile());
    const jobId = await api.startPipeline({
      input: fileId,
      pipelineId: 'demo-extract',
    });
    const job = await api.waitForJob(jobId);
    expect(job.status).toBe('Failed');
    expect(job.reason).toBe('Extraction timed out');
  });

  it('reports a non-PDF document as a failed job with a clear reason', async () => {
    const api = client();
    const fileId = await api.upload(
      new File(['a,b\n1,2\n'], 'table.csv', { type: 'text/csv' }),
    );
    const jobId = await api.startPipeline({
      input: fileId,
      pipelineId: 'demo-lines',
    });
    const job = await api.waitForJob(jobId);
    expect(job.status).toBe('Failed');
    expect(job.reason).toBe(
      'The emulator can only read PDF files; table.csv looks like plain text.',
    );
  });
});

describe('faults through the client', () => {
  it('retries a 429 burst and then succeeds', async () => {
    emulator.setFaults({ rateLimitBurst: 2 });
    const api = client({ maxRetries: 2 });
    await expect(api.upload(pdfFile())).resolves.toMatch(/^reducto:\/\//);
    expect(slept).toHaveLength(2);
  });

  it('gives up on 429 with a RateLimitError when retries run out', async () => {
    emulator.setFaults({ rateLimitBurst: 1 });
    await expect(client().version()).rejects.toBeInstanceOf(RateLimitError);
  });

  it('retries a 503 on polling but not on starting a job', async () => {
    const api = client({ maxRetries: 1 });
    const fileId = await api.upload(pdfFile());
    emulator.setFaults({ serverErrors: 1 });
    await expect(
      api.startPipeline({ input: fileId, pipelineId: 'demo-lines' }),
    ).rejects.toBeInstanceOf(ServerError);

    const jobId = await api.startPipeline({
      input: fileId,
      pipelineId: 'demo-lines',
    });
    emulator.setFaults({ serverErrors: 1 });
    await expect(api.getJob(jobId)).resolves.toMatchObject({
      status: 'Pending',
    });
  });

  it('asks for the password (442) and runs once the right one is given', async () => {
    emulator.setFaults({ passwordProtected: { password: 'open sesame' } });
    const api = client();
    const fileId = await api.upload(pdfFile());
    await expect(
      api.startPipeline({ input: fileId, pipelineId: 'demo-lines' }),
    ).rejects.toBeInstanceOf(PasswordRequiredError);
    await expect(
      api.startPipeline({
        input: fileId,
        pipelineId: 'demo-lines',
        documentPassword: 'wrong',
      }),
    ).rejects.toBeInstanceOf(PasswordRequiredError);
    const jobId = await api.startPipeline({
      input: fileId,
      pipelineId: 'demo-lines',
      documentPassword: 'open sesame',
    });
    expect((await api.waitForJob(jobId)).status).toBe('Completed');
  });

  it('checkKey: accepts the demo key, rejects a wrong or missing one', async () => {
    const api = client();
    await expect(api.checkKey()).resolves.toBeUndefined();
    apiKey = 'sk-wrong';
    await expect(api.checkKey()).rejects.toBeInstanceOf(AuthenticationError);
    apiKey = null;
    await expect(api.checkKey()).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('an unknown pipeline is a NotFoundError naming it', async () => {
    const api = client();
    const fileId = await api.upload(pdfFile());
    const error: unknown = await api
      .startPipeline({ input: fileId, pipelineId: 'no-such-pipeline' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toContain(
      'Pipeline not found: no-such-pipeline',
    );
  });

  it('reads the version without a key', async () => {
    apiKey = null;
    await expect(client().version()).resolves.toMatch(/^v\d/);
  });
});
