import DOMPurify from 'dompurify';
import { Marked } from 'marked';

// One private instance: no global marked configuration leaks in or out.
const marked = new Marked({ gfm: true, breaks: false });

/**
 * Document content is untrusted. Markdown (and the HTML tables chunks often
 * carry) is rendered with marked, then sanitised. Images and forms are
 * dropped too: a remote <img> from a document would be a tracking pixel.
 */
export function renderMarkdownSafely(markdown: string): string {
  const html = marked.parse(markdown, { async: false });
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['img', 'style', 'form', 'input', 'button', 'iframe'],
    FORBID_ATTR: ['style'],
  });
}
