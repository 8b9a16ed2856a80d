/**
 * The Document view alone, for scripts/bench-document.ts (not part of the app): two panes
 * (baseline + candidate) over the generated PDF, fed from results.json
 * written next to doc.pdf by the bench. Built with Vite like the app.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { normalizeResponse } from '@/results/normalize';
import { compareResults } from '@/results/compare';
import { DocumentView } from '../document-view';

interface BenchInput {
  baseline: unknown;
  candidate: unknown;
}

async function main() {
  const response = await fetch('./results.json');
  const input = (await response.json()) as BenchInput;
  const baseline = normalizeResponse(input.baseline);
  const candidate = normalizeResponse(input.candidate);
  const comparison = compareResults(baseline, candidate);
  // How the compare view links a selection across its two panes.
  const alignment = {
    baselineRunId: 'baseline',
    comparisons: { candidate: comparison },
  };
  performance.mark('harness:results-ready');
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root');
  createRoot(root).render(
    createElement(
      'div',
      {
        style: {
          display: 'grid',
          gridTemplateColumns: '1fr 1fr',
          gap: '1rem',
        },
      },
      createElement(DocumentView, {
        runId: 'baseline',
        label: 'Baseline',
        result: baseline,
        comparison: null,
        baseline: null,
        isBaseline: true,
        documentKey: null,
        alignment,
        pdfSource: new URL('./doc.pdf', location.href).href,
      }),
      createElement(DocumentView, {
        runId: 'candidate',
        label: 'Candidate',
        result: candidate,
        comparison,
        baseline,
        isBaseline: false,
        documentKey: null,
        alignment,
        pdfSource: new URL('./doc.pdf', location.href).href,
      }),
    ),
  );
}

void main();
