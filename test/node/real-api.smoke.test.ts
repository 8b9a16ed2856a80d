/**
 * Opt-in smoke test against the real Reducto API. Skipped unless
 * REDUCTO_API_KEY is set (never in CI by default); it spends credits.
 *
 *   REDUCTO_API_KEY=… [REDUCTO_PIPELINE_ID=…] [REDUCTO_BASE_URL=…] \
 *     npx vitest run test/node/real-api.smoke.test.ts
 *
 * With REDUCTO_PIPELINE_ID it uploads a one-page PDF made with pdf-lib, runs
 * that pipeline asynchronously, waits for it and resolves URL results.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import {
  REGION_PRESETS,
  createReductoClient,
  type ParseResponse,
  type PipelineResponse,
} from '@/api';

const apiKey = process.env.REDUCTO_API_KEY;
const pipelineId = process.env.REDUCTO_PIPELINE_ID;
const baseUrl = process.env.REDUCTO_BASE_URL ?? REGION_PRESETS.us;

async function smallPdf(): Promise<Uint8Array<ArrayBuffer>> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([612, 792]);
  page.drawText('Reducto smoke test', { x: 72, y: 700, size: 24, font });
  page.drawText('This one-page document checks upload, run and results.', {
    x: 72,
    y: 660,
    size: 12,
    font,
  });
  const bytes = await pdf.save();
  return new Uint8Array(bytes);
}

function parsesOf(response: PipelineResponse): ParseResponse[] {
  const { parse } = response.result;
  if (!parse) return [];
  return Array.isArray(parse) ? parse : [parse];
}

describe.skipIf(!apiKey)('real Reducto API (smoke)', () => {
  const client = createReductoClient({
    baseUrl,
    getApiKey: () => apiKey,
  });

  test('the key is accepted', async () => {
    await expect(client.checkKey()).resolves.toBeUndefined();
  });

  test.skipIf(!pipelineId)(
    'upload → pipeline_async → wait → resolve gives chunks',
    async () => {
      const file = new File([await smallPdf()], 'smoke.pdf', {
        type: 'application/pdf',
      });
      const fileId = await client.upload(file);
      expect(fileId).toMatch(/^reducto:\/\//);

      const jobId = await client.startPipeline({
        input: fileId,
        pipelineId: pipelineId ?? '',
      });
      const progress: (number | null)[] = [];
      const job = await client.waitForJob(jobId, {
        onProgress: (value) => progress.push(value),
      });
      expect(job.status, job.reason ?? '').toBe('Completed');
      expect(progress.length).toBeGreaterThan(0);

      const resolved = await client.resolveResult(
        job.result as PipelineResponse,
      );
      const chunks = parsesOf(resolved).flatMap((parse) =>
        parse.result.type === 'full' ? parse.result.chunks : [],
      );
      expect(chunks.length).toBeGreaterThan(0);
      expect(chunks.map((chunk) => chunk.content).join('\n')).toMatch(
        /smoke test/i,
      );
    },
    600_000,
  );
});
