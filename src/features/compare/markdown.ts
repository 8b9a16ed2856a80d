import DOMPurify from 'dompurify';
import { Marked } from 'marked';

// One private instance: no global marked configuration leaks in or out.
const marked = new Marked({ gfm: true, breaks: false });

/** Document headings sit under the pane's h3: h1 becomes h4, and so on. */
const HEADING_SHIFT = 3;

/**
 * Document content is untrusted. Markdown (and the HTML tables chunks often
 * carry) is rendered with marked, then sanitised. Images and forms are
 * dropped too: a remote <img> from a document would be a tracking pixel.
 * Headings are demoted so the page outline stays in order.
 */
export function renderMarkdownSafely(markdown: string): string {
  const html = marked.parse(markdown, { async: false });
  const fragment = DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['img', 'style', 'form', 'input', 'button', 'iframe'],
    FORBID_ATTR: ['style'],
    RETURN_DOM_FRAGMENT: true,
  });
  for (const heading of fragment.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const level = Math.min(6, Number(heading.tagName.slice(1)) + HEADING_SHIFT);
    const demoted = document.createElement(`h${level}`);
    demoted.append(...heading.childNodes);
    heading.replaceWith(demoted);
  }
  const container = document.createElement('div');
  container.append(fragment);
  return container.innerHTML;
}
