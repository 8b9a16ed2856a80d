/**
 * Benchmark (not a test): time to normalise and to diff a synthetic result
 * pair of `pages x blocksPerPage` blocks per version. Prints plain lines and
 * asserts nothing.
 *
 *   npx tsx scripts/bench-results.ts [pages] [blocksPerPage] [runs]
 */
import { pathToFileURL } from 'node:url';
import { compareResults } from '../src/results/compare';
import {
  comparisonFromReply,
  handleDiffRequest,
  makeDiffRequest,
} from '../src/results/diff-protocol';
import { normalizeResponse } from '../src/results/normalize';
import { makeSyntheticPipelineResponse } from '../test/fixtures/synthetic-result';

export interface ResultsBenchOptions {
  pages?: number;
  blocksPerPage?: number;
  /** Timed runs per figure (after one warm-up run). */
  runs?: number;
}

export interface ResultsBenchFigure {
  name: string;
  medianMs: number;
  runs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function time(runs: number, work: () => unknown): number {
  work(); // warm-up: JIT and caches, not measured
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/**
 * Measures normalise (one version), diff, the whole worker protocol round
 * trip in one thread (the worker's own start-up is not included), and the
 * part of it that runs on the main thread.
 */
export function measureResults(
  options: ResultsBenchOptions = {},
): ResultsBenchFigure[] {
  const pages = options.pages ?? 500;
  const blocksPerPage = options.blocksPerPage ?? 50;
  const runs = options.runs ?? 5;
  const rawA = makeSyntheticPipelineResponse({
    pages,
    blocksPerPage,
    variant: 'a',
  });
  const rawB = makeSyntheticPipelineResponse({
    pages,
    blocksPerPage,
    variant: 'b',
  });
  const a = normalizeResponse(rawA);
  const b = normalizeResponse(rawB);
  const size = `${pages}p/${a.blocks.length} blocks`;
  const reply = handleDiffRequest(makeDiffRequest(a, b));
  const figures: ResultsBenchFigure[] = [
    {
      name: `normalize ${size}`,
      medianMs: time(runs, () => normalizeResponse(rawB)),
      runs,
    },
    {
      name: `diff ${size}`,
      medianMs: time(runs, () => compareResults(a, b)),
      runs,
    },
    {
      name: `diff via worker protocol ${size} (pack, clone, diff, clone, unpack)`,
      medianMs: time(runs, () => {
        const request = structuredClone(makeDiffRequest(a, b));
        const reply = structuredClone(handleDiffRequest(request));
        if (reply.ok) comparisonFromReply(reply.core);
      }),
      runs,
    },
    {
      name: `main-thread share of a worker diff ${size} (pack + unpack; clones excluded)`,
      medianMs: time(runs, () => {
        makeDiffRequest(a, b);
        if (reply.ok) comparisonFromReply(reply.core);
      }),
      runs,
    },
  ];
  return figures;
}

export function formatFigure(figure: ResultsBenchFigure): string {
  return `${figure.name}: ${figure.medianMs.toFixed(1)} ms (median of ${figure.runs})`;
}

const invokedDirectly =
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const [pages, blocksPerPage, runs] = process.argv.slice(2).map(Number);
  for (const figure of measureResults({
    pages: pages || undefined,
    blocksPerPage: blocksPerPage || undefined,
    runs: runs || undefined,
  })) {
    process.stdout.write(`${formatFigure(figure)}\n`);
  }
}
