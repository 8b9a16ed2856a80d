import type { NormalizedResult } from '@/results/model';
import { formatDate } from './format';
import type { PaneInfo } from './pane-model';

/**
 * The result's content as Markdown: its chunks in reading order (already
 * Markdown), one section per document when there are several, and the
 * extracted fields as a table when the result has them.
 */
export function buildResultMarkdown(
  pane: PaneInfo,
  result: NormalizedResult,
): string {
  const parts: string[] = [
    `# ${oneLine(pane.documentName)}: ${oneLine(pane.name)}`,
    `Pipeline \`${oneLine(pane.pipelineId)}\`, run ${formatDate(pane.runDate)}, status ${pane.status}.`,
  ];
  const multiDoc = result.documents.length > 1;
  let currentDoc = -1;
  for (const chunk of result.chunks) {
    if (multiDoc && chunk.docIndex !== currentDoc) {
      currentDoc = chunk.docIndex;
      parts.push(`## Document ${currentDoc + 1}`);
    }
    parts.push(chunk.content.trim());
  }
  if (result.chunks.length === 0) parts.push('_No content in this result._');
  if (result.extract && result.extract.length > 0) {
    parts.push('## Extracted fields');
    parts.push(
      [
        '| Field | Value |',
        '| --- | --- |',
        ...result.extract.map(
          (field) =>
            `| ${cell(field.path)} | ${cell(valueText(field.value))} |`,
        ),
      ].join('\n'),
    );
  }
  return parts.join('\n\n') + '\n';
}

export function valueText(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function cell(text: string): string {
  return oneLine(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}
