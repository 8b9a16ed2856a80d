import type { BlockStatus, NormalizedBlock } from '@/results/model';

/** Enough text for the first words: a huge block is not scanned whole. */
const HEAD_CHARS = 2_000;

/** The first words of a block, as plain text, for its accessible name. */
export function firstWords(text: string, count = 8): string {
  const words = text
    .slice(0, HEAD_CHARS)
    .replace(/<[^>]*>/g, ' ')
    .replace(/[#*_`|>[\]]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const head = words.slice(0, count).join(' ');
  return words.length > count || text.length > HEAD_CHARS ? `${head}…` : head;
}

/**
 * "Table block on page 2, changed: Total due …": the name of a block's box
 * in the Document view, and (after "Select") of its row in the Blocks view.
 */
export function blockName(
  block: Pick<NormalizedBlock, 'type' | 'page' | 'text'>,
  status: BlockStatus | null,
): string {
  const words = firstWords(block.text);
  const state = status && status !== 'unchanged' ? `, ${status}` : '';
  return `${block.type} block on page ${block.page}${state}${words ? `: ${words}` : ''}`;
}
