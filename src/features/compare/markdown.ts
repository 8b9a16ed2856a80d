import DOMPurify from 'dompurify';
import { Marked } from 'marked';

// One private instance: no global marked configuration leaks in or out.
const marked = new Marked({ gfm: true, breaks: false });

// A private DOMPurify too: the link hook below must not change how anything
// else in the page sanitises.
const purifier = DOMPurify();

// A link from a document opens in a new tab, without an opener or a
// referrer: following it must not navigate the app away (losing the files
// picked for this session) nor let the new page script this one.
purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/** Document headings sit under the pane's h3: h1 becomes h4, and so on. */
const HEADING_SHIFT = 3;

/**
 * Document content is untrusted. Markdown (and the HTML tables chunks often
 * carry) is rendered with marked, then sanitised:
 * - no script, frame, form, style or SVG/MathML (DOMPurify's HTML profile
 *   plus FORBID_TAGS);
 * - nothing that loads a remote resource: images, media, `background`,
 *   `poster`, `srcset` (a tracking pixel would tell a third party who reads
 *   the document, and when);
 * - links only to http(s) and mailto: no javascript:, data:, relative or
 *   fragment URLs;
 * - ids and names prefixed (`user-content-`), so a document cannot take an
 *   id the app's own labels and landmarks point at.
 * Headings are demoted so the page outline stays in order.
 */
export function renderMarkdownSafely(markdown: string): string {
  const html = marked.parse(markdown, { async: false });
  const fragment = purifier.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: [
      'img',
      'style',
      'form',
      'input',
      'button',
      'iframe',
      'video',
      'audio',
      'source',
      'track',
      'picture',
    ],
    FORBID_ATTR: ['style', 'background', 'poster', 'srcset'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
    SANITIZE_NAMED_PROPS: true,
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
