import { renderMarkdownSafely } from './markdown';

function rendered(markdown: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = renderMarkdownSafely(markdown);
  return container;
}

describe('renderMarkdownSafely', () => {
  it('renders Markdown tables and keeps HTML tables', () => {
    const md = rendered('| A | B |\n| --- | --- |\n| 1 | 2 |');
    expect(md.querySelectorAll('table th')).toHaveLength(2);
    const html = rendered('<table><tr><td>x</td></tr></table>');
    expect(html.querySelector('td')?.textContent).toBe('x');
  });

  it('drops scripts, event handlers, javascript: links and images', () => {
    const out = renderMarkdownSafely(
      '<img src=x onerror=alert(1)> <script>alert(2)</script> [a](javascript:alert(3)) <b onclick="x()">bold</b>',
    );
    expect(out).not.toMatch(/<script|onerror|onclick|javascript:|<img/);
    expect(out).toContain('<b>bold</b>');
  });

  it('demotes headings below the pane heading', () => {
    const md = rendered('# Title\n\n## Section\n\n###### Deep');
    expect(md.querySelector('h4')?.textContent).toBe('Title');
    expect(md.querySelector('h5')?.textContent).toBe('Section');
    expect(md.querySelector('h6')?.textContent).toBe('Deep');
    expect(md.querySelector('h1, h2, h3')).toBeNull();
  });
});
