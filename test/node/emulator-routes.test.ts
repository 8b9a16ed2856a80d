/**
 * Every emulator route and fault, spoken to in raw HTTP terms (Request in,
 * Response out) with an injected clock, as an API caller would see them.
 */
import type { FullResult, JobResponse, PipelineResponse } from '@/api/types';
import type { Emulator, EmulatorOptions } from '@/emulator';
import { DEMO_API_KEY } from '@/emulator';
import { createNodeEmulator } from '@/emulator/node';
import { PDFDocument } from 'pdf-lib';
import { makeEncryptedPdf, makeSamplePdf } from '../fixtures/make-pdf';
import type { SamplePdf } from '../fixtures/make-pdf';

const auth = { Authorization: `Bearer ${DEMO_API_KEY}` };
const jsonHeaders = { ...auth, 'Content-Type': 'application/json' };

let sample: SamplePdf;
let clock: number;
let emulator: Emulator;

beforeAll(async () => {
  sample = await makeSamplePdf({ pages: 2 });
});

function create(options: EmulatorOptions = {}) {
  clock = 1_000_000;
  emulator = createNodeEmulator({
    now: () => clock,
    jobDurationMs: 1000,
    ...options,
  });
  return emulator;
}

beforeEach(() => {
  create();
});

async function upload(
  bytes: Uint8Array<ArrayBuffer> = sample.bytes,
  name = 'report.pdf',
) {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  const response = await emulator.fetch('/upload', {
    method: 'POST',
    headers: auth,
    body: form,
  });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    file_id: string;
    presigned_url: string | null;
  };
}

function post(path: string, body: unknown, headers: HeadersInit = jsonHeaders) {
  return emulator.fetch(path, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
}

async function startJob(
  fileId: string,
  pipelineId = 'demo-layout',
  extra = {},
) {
  const response = await post('/pipeline_async', {
    input: fileId,
    pipeline_id: pipelineId,
    ...extra,
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { job_id: string }).job_id;
}

async function getJob(jobId: string) {
  const response = await emulator.fetch(`/job/${jobId}`, { headers: auth });
  expect(response.status).toBe(200);
  return (await response.json()) as JobResponse;
}

function parseOf(job: JobResponse | PipelineResponse) {
  const response = ('status' in job ? job.result : job) as PipelineResponse;
  const parse = response.result.parse;
  if (!parse || Array.isArray(parse)) throw new Error('no parse');
  return parse;
}

describe('upload', () => {
  it('stores a multipart file and serves it back at its pdf_url', async () => {
    const { file_id, presigned_url } = await upload();
    expect(file_id).toBe('reducto://emu-file-0001.pdf');
    expect(presigned_url).toBeNull();

    const result = (await (
      await post('/pipeline', { input: file_id, pipeline_id: 'demo-lines' })
    ).json()) as PipelineResponse;
    const pdfUrl = parseOf(result).pdf_url ?? '';
    const file = await emulator.fetch(pdfUrl); // no Authorization
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(sample.bytes);
  });

  it('runs the presigned flow: slot, PUT without auth, then the file_id works', async () => {
    const slot = (await (await post('/upload', {})).json()) as {
      file_id: string;
      presigned_url: string;
    };
    expect(slot.file_id).toBe('reducto://emu-file-0001');
    expect(slot.presigned_url).toMatch(
      /^http:\/\/emulator\.local\/_emulator\/presigned\/emu-file-0001\?X-Amz-Signature=/,
    );

    const early = await post('/pipeline', {
      input: slot.file_id,
      pipeline_id: 'demo-lines',
    });
    expect(early.status).toBe(404);

    const put = await emulator.fetch(slot.presigned_url, {
      method: 'PUT',
      body: sample.bytes,
    });
    expect(put.status).toBe(200);

    const run = await post('/pipeline', {
      input: slot.file_id,
      pipeline_id: 'demo-lines',
    });
    expect(run.status).toBe(200);
    const parse = parseOf((await run.json()) as PipelineResponse);
    expect(parse.usage.num_pages).toBe(2);
  });

  it('answers 404 for a file id it never issued', async () => {
    const response = await post('/pipeline', {
      input: 'reducto://nope.pdf',
      pipeline_id: 'demo-lines',
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: {
        code: 404,
        name: 'FILE_NOT_FOUND',
        message: 'File not found: reducto://nope.pdf',
      },
    });
  });
});

describe('async run', () => {
  it('is Pending with growing progress, then Completed with the PipelineResponse', async () => {
    const { file_id } = await upload();
    const jobId = await startJob(file_id);

    const first = await getJob(jobId);
    expect(first.status).toBe('Pending');
    expect(first.progress).toBe(0);
    expect(first.result).toBeNull();

    clock += 500;
    const middle = await getJob(jobId);
    expect(middle.status).toBe('Pending');
    expect(middle.progress).toBe(0.5);

    clock += 500;
    const done = await getJob(jobId);
    expect(done.status).toBe('Completed');
    expect(done.progress).toBe(1);
    expect(done.num_pages).toBe(2);
    expect(done.created_at).toBe(new Date(1_000_000).toISOString());
    const result = done.result as PipelineResponse;
    expect(result.job_id).toBe(jobId);
    expect(parseOf(done).result.type).toBe('full');
    expect(JSON.parse(done.raw_config ?? '{}')).toMatchObject({
      pipeline_id: 'demo-layout',
    });
  });

  it('accepts the UploadResponse object and jobid:// as input', async () => {
    const uploaded = await upload();
    const first = await startJob(uploaded as unknown as string);
    const second = await startJob(`jobid://${first}`, 'demo-lines');
    clock += 1000;
    expect((await getJob(first)).status).toBe('Completed');
    const reused = await getJob(second);
    expect(reused.status).toBe('Completed');
    expect(parseOf(reused).usage.num_pages).toBe(2);
  });

  it('cancels a pending job, which then stays Cancelled', async () => {
    const { file_id } = await upload();
    const jobId = await startJob(file_id);
    clock += 200;
    const cancel = await emulator.fetch(`/cancel/${jobId}`, {
      method: 'POST',
      headers: auth,
    });
    expect(cancel.status).toBe(200);
    clock += 5000;
    const job = await getJob(jobId);
    expect(job.status).toBe('Cancelled');
    expect(job.result).toBeNull();
  });

  it('answers 404 for an unknown job, on GET and on cancel', async () => {
    const get = await emulator.fetch('/job/missing', { headers: auth });
    expect(get.status).toBe(404);
    const cancel = await emulator.fetch('/cancel/missing', {
      method: 'POST',
      headers: auth,
    });
    expect(cancel.status).toBe(404);
  });

  it('lists jobs newest first with a limit', async () => {
    const { file_id } = await upload();
    const a = await startJob(file_id, 'demo-lines');
    const b = await startJob(file_id, 'demo-split');
    const response = await emulator.fetch('/jobs?limit=1', { headers: auth });
    const body = (await response.json()) as {
      jobs: { job_id: string; status: string; type: string }[];
      next_cursor: string | null;
    };
    expect(body.jobs.map((j) => j.job_id)).toEqual([b]);
    expect(body.jobs[0]?.type).toBe('Pipeline');
    expect(body.next_cursor).not.toBeNull();
    const rest = (await (
      await emulator.fetch(`/jobs?limit=5&cursor=${body.next_cursor}`, {
        headers: auth,
      })
    ).json()) as { jobs: { job_id: string }[] };
    expect(rest.jobs.map((j) => j.job_id)).toEqual([a]);
    const bad = await emulator.fetch('/jobs?limit=0', { headers: auth });
    expect(bad.status).toBe(422);
  });
});

describe('errors the real API gives', () => {
  it('unknown pipeline: 404 PIPELINE_NOT_FOUND', async () => {
    const { file_id } = await upload();
    const response = await post('/pipeline_async', {
      input: file_id,
      pipeline_id: 'k9798h9mwt0wmq5qz5e45qxbfx7yj4bq',
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: {
        code: 404,
        name: 'PIPELINE_NOT_FOUND',
        message: 'Pipeline not found: k9798h9mwt0wmq5qz5e45qxbfx7yj4bq',
      },
    });
  });

  it('422 FastAPI detail for missing fields, unknown settings and bad JSON', async () => {
    const missing = await post('/pipeline', { settings: {} });
    expect(missing.status).toBe(422);
    const { detail } = (await missing.json()) as {
      detail: { loc: string[]; type: string }[];
    };
    expect(detail.map((d) => [d.loc.join('.'), d.type])).toEqual([
      ['body.input', 'missing'],
      ['body.pipeline_id', 'missing'],
    ]);

    const { file_id } = await upload();
    const extra = await post('/pipeline_async', {
      input: file_id,
      pipeline_id: 'demo-lines',
      settings: { document_password: 'x', force_url_result: true },
    });
    expect(extra.status).toBe(422);
    expect(await extra.json()).toEqual({
      detail: [
        {
          type: 'extra_forbidden',
          loc: ['body', 'settings', 'force_url_result'],
          msg: 'Extra inputs are not permitted',
          input: true,
        },
      ],
    });

    const broken = await emulator.fetch('/pipeline', {
      method: 'POST',
      headers: jsonHeaders,
      body: '{"input":',
    });
    expect(broken.status).toBe(422);
    expect(
      ((await broken.json()) as { detail: { type: string }[] }).detail[0]?.type,
    ).toBe('json_invalid');
  });

  it('403 nginx HTML without Authorization, 401 AUTH_ERROR for a wrong key', async () => {
    const none = await emulator.fetch('/jobs?limit=1');
    expect(none.status).toBe(403);
    expect(none.headers.get('content-type')).toContain('text/html');
    expect(await none.text()).toContain('403 Forbidden');

    const wrong = await emulator.fetch('/jobs?limit=1', {
      headers: { Authorization: 'Bearer not-the-key' },
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({
      error: { code: 401, name: 'AUTH_ERROR', message: 'Invalid access token' },
    });
  });

  it('accepts a configured key instead of the demo key', async () => {
    create({ apiKey: 'sk-custom' });
    const demo = await emulator.fetch('/jobs', { headers: auth });
    expect(demo.status).toBe(401);
    const custom = await emulator.fetch('/jobs', {
      headers: { Authorization: 'Bearer sk-custom' },
    });
    expect(custom.status).toBe(200);
  });

  it('GET /version answers a build string without auth', async () => {
    const response = await emulator.fetch('/version');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatch(/^v\d+\.\d+\.\d+/);
  });
});

describe('documents the emulator cannot read', () => {
  it('a non-PDF upload ends in a Failed job with a clear reason', async () => {
    const text = new TextEncoder().encode('just some notes\n');
    const { file_id } = await upload(text, 'notes.txt');
    const jobId = await startJob(file_id);
    clock += 1000;
    const job = await getJob(jobId);
    expect(job.status).toBe('Failed');
    expect(job.reason).toBe(
      'The emulator can only read PDF files; notes.txt looks like plain text.',
    );
  });

  it('names images and Office files by their bytes; sync runs answer 415', async () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ]);
    const { file_id } = await upload(png, 'scan.pdf');
    const response = await post('/pipeline', {
      input: file_id,
      pipeline_id: 'demo-lines',
    });
    expect(response.status).toBe(415);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toBe(
      'The emulator can only read PDF files; scan.pdf looks like a PNG image.',
    );
  });

  it('a PDF without a text layer (e.g. a scan) fails with an explanation', async () => {
    const blank = await PDFDocument.create();
    blank.addPage();
    const { file_id } = await upload(
      new Uint8Array(await blank.save()),
      'scan.pdf',
    );
    const jobId = await startJob(file_id);
    clock += 1000;
    const job = await getJob(jobId);
    expect(job.status).toBe('Failed');
    expect(job.reason).toMatch(/^The emulator found no text in scan\.pdf/);
  });

  it('a broken PDF fails its job with the reader error, never a crash', async () => {
    const broken = new TextEncoder().encode('%PDF-1.7\nthis is not a pdf');
    const { file_id } = await upload(broken, 'broken.pdf');
    const jobId = await startJob(file_id);
    clock += 1000;
    const job = await getJob(jobId);
    expect(job.status).toBe('Failed');
    expect(job.reason).toMatch(
      /^The emulator could not read broken\.pdf as a PDF/,
    );
  });
});

describe('faults', () => {
  it('latency: every API answer waits first', async () => {
    const slept: number[] = [];
    create({
      faults: { latencyMs: 250 },
      sleep: (ms) => {
        slept.push(ms);
        return Promise.resolve();
      },
    });
    await emulator.fetch('/version');
    await emulator.fetch('/jobs', { headers: auth });
    expect(slept).toEqual([250, 250]);
  });

  it('rateLimitBurst: the next n requests get 429 [CODE 1000], then it passes', async () => {
    emulator.setFaults({ rateLimitBurst: 2 });
    for (let i = 0; i < 2; i++) {
      const refused = await emulator.fetch('/jobs', { headers: auth });
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBeNull();
      expect(await refused.json()).toEqual({
        message:
          '[CODE 1000] rate limit exceeded, retry with exponential backoff',
      });
    }
    expect((await emulator.fetch('/jobs', { headers: auth })).status).toBe(200);
    expect(emulator.getFaults().rateLimitBurst).toBe(0);
  });

  it('serverErrors: the next n requests get 503, optionally with Retry-After', async () => {
    emulator.setFaults({ serverErrors: 1, retryAfterSeconds: 3 });
    const failed = await emulator.fetch('/version');
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('3');
    expect((await emulator.fetch('/version')).status).toBe(200);
  });

  it('failJobs: matching jobs fail with the reason, as often as counted', async () => {
    const { file_id } = await upload();
    emulator.setFaults({
      failJobs: [
        {
          pipelineId: 'demo-split',
          reason: 'Split model overloaded',
          count: 1,
        },
        { documentName: 'other.pdf', reason: 'never used' },
      ],
    });
    const failing = await startJob(file_id, 'demo-split');
    const passing = await startJob(file_id, 'demo-split');
    const other = await startJob(file_id, 'demo-lines');
    clock += 1000;
    const failed = await getJob(failing);
    expect(failed.status).toBe('Failed');
    expect(failed.reason).toBe('Split model overloaded');
    expect((await getJob(passing)).status).toBe('Completed');
    expect((await getJob(other)).status).toBe('Completed');

    const named = await upload(sample.bytes, 'other.pdf');
    const byName = await startJob(named.file_id, 'demo-lines');
    clock += 1000;
    expect((await getJob(byName)).reason).toBe('never used');
  });

  it('urlResults: the parse result is a URL whose body is the full result, fetched without auth', async () => {
    const { file_id } = await upload();
    const plain = (await (
      await post('/pipeline', { input: file_id, pipeline_id: 'demo-layout' })
    ).json()) as PipelineResponse;

    emulator.setFaults({ urlResults: true });
    const jobId = await startJob(file_id);
    clock += 1000;
    const result = parseOf(await getJob(jobId)).result;
    expect(result.type).toBe('url');
    if (result.type !== 'url') return;
    expect(result.url).toBe(
      `http://emulator.local/_emulator/results/${result.result_id}`,
    );
    const download = await emulator.fetch(result.url);
    expect(download.status).toBe(200);
    const full = (await download.json()) as FullResult;
    expect(full).toEqual(parseOf(plain).result);
  });

  it('urlResults with minBytes: only results at least that large become URLs', async () => {
    const { file_id } = await upload();
    emulator.setFaults({ urlResults: { minBytes: 10_000_000 } });
    const small = (await (
      await post('/pipeline', { input: file_id, pipeline_id: 'demo-lines' })
    ).json()) as PipelineResponse;
    expect(parseOf(small).result.type).toBe('full');
    emulator.setFaults({ urlResults: { minBytes: 100 } });
    const large = (await (
      await post('/pipeline', { input: file_id, pipeline_id: 'demo-lines' })
    ).json()) as PipelineResponse;
    expect(parseOf(large).result.type).toBe('url');
  });

  it('passwordProtected: 442 until the right document_password is sent', async () => {
    const { file_id } = await upload();
    emulator.setFaults({ passwordProtected: { password: 's3cret' } });
    const none = await post('/pipeline_async', {
      input: file_id,
      pipeline_id: 'demo-lines',
    });
    expect(none.status).toBe(442);
    expect(await none.json()).toEqual({
      detail:
        'Document is password protected; supply settings.document_password',
    });
    const wrong = await post('/pipeline', {
      input: file_id,
      pipeline_id: 'demo-lines',
      settings: { document_password: 'guess' },
    });
    expect(wrong.status).toBe(442);

    const jobId = await startJob(file_id, 'demo-lines', {
      settings: { document_password: 's3cret' },
    });
    clock += 1000;
    const job = await getJob(jobId);
    expect(job.status).toBe('Completed');
    expect(job.raw_config).not.toContain('s3cret');
  });

  it('a really encrypted PDF: 442 without or with a wrong password, read with the right one', async () => {
    const bytes = makeEncryptedPdf({
      userPassword: 'open sesame',
      lines: ['Sealed Title', 'The hidden paragraph text.'],
    });
    const { file_id } = await upload(bytes, 'sealed.pdf');
    const none = await post('/pipeline_async', {
      input: file_id,
      pipeline_id: 'demo-lines',
    });
    expect(none.status).toBe(442);
    expect(await none.json()).toEqual({
      detail:
        'Document is password protected; supply settings.document_password',
    });
    const wrong = await post('/pipeline', {
      input: file_id,
      pipeline_id: 'demo-lines',
      settings: { document_password: 'guess' },
    });
    expect(wrong.status).toBe(442);
    expect(await wrong.json()).toEqual({
      detail: 'The supplied document_password is incorrect',
    });
    const right = await post('/pipeline', {
      input: file_id,
      pipeline_id: 'demo-lines',
      settings: { document_password: 'open sesame' },
    });
    expect(right.status).toBe(200);
    const parse = parseOf((await right.json()) as PipelineResponse);
    if (parse.result.type !== 'full') throw new Error('expected full');
    expect(
      parse.result.chunks.flatMap((c) => c.blocks.map((b) => b.content)),
    ).toEqual(['Sealed Title', 'The hidden paragraph text.']);
  });

  it('setFaults merges; getFaults returns a copy; reset restores and forgets', async () => {
    emulator.setFaults({ serverErrors: 2 });
    emulator.setFaults({ latencyMs: 0 });
    const faults = emulator.getFaults();
    expect(faults.serverErrors).toBe(2);
    faults.serverErrors = 0;
    expect(emulator.getFaults().serverErrors).toBe(2);

    emulator.reset();
    expect(emulator.getFaults().serverErrors).toBe(0);
    await upload();
    const { file_id } = await upload();
    expect(file_id).toBe('reducto://emu-file-0002.pdf');
    emulator.reset();
    const gone = await post('/pipeline', {
      input: file_id,
      pipeline_id: 'demo-lines',
    });
    expect(gone.status).toBe(404);
  });
});

describe('fetch', () => {
  it('rejects with an AbortError when the signal aborts during latency', async () => {
    create({
      faults: { latencyMs: 60_000 },
      sleep: () => new Promise(() => {}),
    });
    const controller = new AbortController();
    const pending = emulator.fetch('/version', { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('answers unknown paths with 404 and wrong methods with 405', async () => {
    expect((await emulator.fetch('/nothing', { headers: auth })).status).toBe(
      404,
    );
    expect((await emulator.fetch('/pipeline', { headers: auth })).status).toBe(
      405,
    );
  });
});
