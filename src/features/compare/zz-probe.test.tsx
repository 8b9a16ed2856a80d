import { renderMarkdownSafely } from './markdown';
import { render } from '@testing-library/react';
import { JsonView, allExpanded } from 'react-json-view-lite';
test('probe', () => {
  const inputs = [
    '<script>alert(1)</script>hello',
    '<img src=x onerror="window.__pwned=1">',
    '<a href="javascript:window.__pwned=1">x</a>',
    '<a href="JaVaScRiPt&#58;alert(1)">y</a>',
    '[md](javascript:alert(1))',
    '<a href="https://evil.example/" target="_self">ext</a>',
    '<a href="data:text/html,<script>alert(1)</script>">d</a>',
    '<iframe src="https://x"></iframe>',
    '<svg onload="alert(1)"><circle/></svg>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<style>body{display:none}</style>s',
    '<form action="https://evil"><input name=a><button>go</button></form>',
    '<base href="https://evil/">',
    '<table background="https://evil/t.png"><tr><td background="https://e/x.png">c</td></tr></table>',
    '<video poster="https://evil/p.png" src="https://evil/v.mp4"></video><audio src="https://e/a.mp3"></audio>',
    '<object data="x"></object><embed src="y">',
    '<link rel=stylesheet href="https://e/s.css"><meta http-equiv=refresh content="0;url=https://e">',
    '<p id="root" name="x">clobber</p>',
    '<details open ontoggle=alert(1)>t</details>',
    '<input type=image src=https://e/x>',
    '<picture><source srcset="https://e/x.png"></picture>',
    '![img](https://evil/pixel.png)',
    '<a href="mailto:a@b">m</a> <a href="#frag">f</a> <a href="/rel">r</a>',
  ];
  for (const i of inputs)
    console.log(
      JSON.stringify(i),
      '=>',
      JSON.stringify(renderMarkdownSafely(i)),
    );
  let t = performance.now();
  const big = 'word '.repeat(1_000_000);
  const out = renderMarkdownSafely(big);
  console.log('5M md', performance.now() - t, out.length);
  // deep json
  let deep: unknown = 'leaf';
  for (let i = 0; i < 10000; i++) deep = { a: deep };
  t = performance.now();
  const { container } = render(
    <JsonView data={deep as object} shouldExpandNode={(l) => l < 2} />,
  );
  console.log(
    'json deep',
    performance.now() - t,
    container.querySelectorAll('*').length,
  );
});
