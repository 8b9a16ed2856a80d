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
    `# ${plainText(pane.documentName)}: ${plainText(pane.name)}`,
    `Pipeline ${plainText(pane.pipelineId)}, run ${formatDate(pane.runDate)}, status ${pane.status}.`,
  ];
  const multiDoc = result.documents.length > 1;
  let currentDoc = -1;
  for (const chunk of result.chunks) {
    if (multiDoc && chunk.docIndex !== currentDoc) {
      currentDoc = chunk.docIndex;
      parts.push(`## Document ${currentDoc + 1}`);
    }
    parts.push(inertMarkdown(chunk.content.trim()));
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
  return plainText(text).replace(/\|/g, '\\|');
}

/**
 * A name or value as literal text in Markdown: one line, with backslashes,
 * Markdown punctuation and `<` escaped, so `<img onerror>` or `[x](javascript:…)`
 * in a document name is shown, not rendered.
 */
function plainText(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_[\]<>#!]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;');
}

/** Table and text markup that chunks carry (Reducto writes tables as HTML). */
const SAFE_TAG =
  /^<\/?(?:table|thead|tbody|tfoot|tr|td|th|caption|colgroup|col|br|p|b|i|u|em|strong|sub|sup|ul|ol|li|span|div|h[1-6]|hr|blockquote|pre|code)(?:\s+(?:colspan|rowspan|align)=(?:"[^"<>]*"|'[^'<>]*'|[\w-]+))*\s*\/?>$/i;

/**
 * The start of a link target (inline `](…` or a `[ref]: …` definition) that
 * has a scheme, or an entity that could spell one, and is not http(s) or
 * mailto: `javascript:`, `jav&#x61;script:`, `data:`…
 */
const UNSAFE_LINK_TARGET =
  /(\]\(\s*|^\s*\[[^\]]*\]:\s*)(?!https?:\/\/|mailto:)(?=[^\s)]*?[:&])/gim;

/**
 * A chunk's Markdown, with everything a Markdown viewer could run or load
 * made literal: any tag but plain table/text markup (no attributes beyond
 * colspan, rowspan, align) has its `<` escaped, and links to anything but
 * http(s) and mailto lose their target. Whoever opens the export with
 * a renderer that does not sanitise sees the markup as text.
 */
export function inertMarkdown(markdown: string): string {
  return markdown
    .replace(/<[^<>]*>?/g, (tag) =>
      SAFE_TAG.test(tag) ? tag : `&lt;${tag.slice(1)}`,
    )
    .replace(UNSAFE_LINK_TARGET, '$1#blocked-');
}
