import type { NormalizedChunk, NormalizedResult } from './model';

/**
 * A readable label for a block type. Known API types are already words
 * ('Section Header'); unknown ones may arrive as 'key_value' or empty.
 */
export function blockLabel(type: string): string {
  const words = type.replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (words === '') return 'Unknown';
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The Markdown of a chunk as sent (tables may be HTML). Untrusted: render it
 * only through the sanitising Markdown renderer.
 */
export function chunkMarkdown(chunk: Pick<NormalizedChunk, 'content'>): string {
  return chunk.content;
}

/** The whole result as one Markdown document, chunks separated by blank lines. */
export function resultMarkdown(
  result: Pick<NormalizedResult, 'chunks'>,
): string {
  return result.chunks
    .map((chunk) => chunk.content.trim())
    .filter((content) => content !== '')
    .join('\n\n');
}
