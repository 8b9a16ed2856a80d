import { useMemo } from 'react';
import { renderMarkdownSafely } from './markdown';

/** Untrusted Markdown, rendered and sanitised (see markdown.ts). */
export function MarkdownBlock({ markdown }: { markdown: string }) {
  const html = useMemo(() => renderMarkdownSafely(markdown), [markdown]);
  // Safe: the HTML comes out of DOMPurify.
  return (
    <div className="markdown" dangerouslySetInnerHTML={{ __html: html }} />
  );
}
