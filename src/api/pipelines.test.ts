import { PasswordRequiredError, ServerError } from './index';
import { createFakeServer, json, testClient } from './test-support/fake-server';
import type { PipelineResponse } from './types';

const PIPELINE_RESPONSE: PipelineResponse = {
  job_id: 'job-sync',
  usage: { num_pages: 2, credits: 4 },
  result: {
    parse: {
      job_id: 'parse-1',
      duration: 1.5,
      usage: { num_pages: 2 },
      result: { type: 'full', chunks: [] },
    },
    extract: null,
    split: null,
  },
};

describe('startPipeline (POST /pipeline_async)', () => {
  test('sends input and pipeline_id, and returns the job id', async () => {
    const server = createFakeServer();
    server.on('POST', '/pipeline_async', json({ job_id: 'job-42' }));
    const { client } = testClient(server);

    const jobId = await client.startPipeline({
      input: 'reducto://abc.pdf',
      pipelineId: 'k9798h9mwt0wmq5qz5e45qxbfx7yj4bq',
    });

    expect(jobId).toBe('job-42');
    expect(await server.requests[0]!.json()).toEqual({
      input: 'reducto://abc.pdf',
      pipeline_id: 'k9798h9mwt0wmq5qz5e45qxbfx7yj4bq',
    });
  });

  test('a document password goes in settings.document_password', async () => {
    const server = createFakeServer();
    server.on('POST', '/pipeline_async', json({ job_id: 'job-43' }));
    const { client } = testClient(server);

    await client.startPipeline({
      input: ['reducto://a.pdf', 'reducto://b.pdf'],
      pipelineId: 'p',
      documentPassword: 'hunter2',
    });

    expect(await server.requests[0]!.json()).toEqual({
      input: ['reducto://a.pdf', 'reducto://b.pdf'],
      pipeline_id: 'p',
      settings: { document_password: 'hunter2' },
    });
  });

  test('a 442 asks for the password', async () => {
    const server = createFakeServer();
    server.on('POST', '/pipeline_async', json({ detail: 'encrypted' }, 442));
    const { client } = testClient(server, { maxRetries: 2 });

    await expect(
      client.startPipeline({ input: 'reducto://a.pdf', pipelineId: 'p' }),
    ).rejects.toBeInstanceOf(PasswordRequiredError);
    expect(server.requests).toHaveLength(1);
  });

  test('an answer without job_id is an unexpected response', async () => {
    const server = createFakeServer();
    server.on('POST', '/pipeline_async', json({ status: 'ok' }));
    const { client } = testClient(server);

    await expect(
      client.startPipeline({ input: 'x', pipelineId: 'p' }),
    ).rejects.toMatchObject({ kind: 'unexpected-response', status: 200 });
  });
});

describe('runPipeline (POST /pipeline)', () => {
  test('returns the pipeline response', async () => {
    const server = createFakeServer();
    server.on('POST', '/pipeline', json(PIPELINE_RESPONSE));
    const { client } = testClient(server);

    await expect(
      client.runPipeline({ input: 'reducto://abc.pdf', pipelineId: 'p' }),
    ).resolves.toEqual(PIPELINE_RESPONSE);
    expect(await server.requests[0]!.json()).toEqual({
      input: 'reducto://abc.pdf',
      pipeline_id: 'p',
    });
  });

  test('is not retried on 5xx (it may have run)', async () => {
    const server = createFakeServer();
    server.on('POST', '/pipeline', json({}, 504));
    const { client } = testClient(server, { maxRetries: 2 });

    await expect(
      client.runPipeline({ input: 'x', pipelineId: 'p' }),
    ).rejects.toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(1);
  });
});
