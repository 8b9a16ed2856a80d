import { createScrollSync } from './scroll-sync';

function scroller(scrollHeight: number, clientHeight: number): HTMLElement {
  const element = document.createElement('div');
  Object.defineProperty(element, 'scrollHeight', { value: scrollHeight });
  Object.defineProperty(element, 'clientHeight', { value: clientHeight });
  return element;
}

describe('createScrollSync', () => {
  it('scrolls the other panes to the same proportion', () => {
    const sync = createScrollSync(true, () => 0);
    const a = scroller(1100, 100); // range 1000
    const b = scroller(2100, 100); // range 2000
    sync.register('a', a);
    sync.register('b', b);
    a.scrollTop = 250;
    sync.scrolled('a');
    expect(b.scrollTop).toBe(500);
    // The echo of that programmatic scroll does not bounce back.
    a.scrollTop = 300;
    sync.scrolled('b');
    expect(a.scrollTop).toBe(300);
  });

  it('does nothing when turned off, or while suspended', () => {
    let time = 0;
    const sync = createScrollSync(false, () => time);
    const a = scroller(1100, 100);
    const b = scroller(1100, 100);
    sync.register('a', a);
    sync.register('b', b);
    a.scrollTop = 100;
    sync.scrolled('a');
    expect(b.scrollTop).toBe(0);

    sync.setEnabled(true);
    sync.suspend(400);
    time = 399;
    sync.scrolled('a');
    expect(b.scrollTop).toBe(0);
    time = 401;
    sync.scrolled('a');
    expect(b.scrollTop).toBe(100);
  });

  it('forgets a pane whose scroller goes away', () => {
    const sync = createScrollSync(true, () => 0);
    const a = scroller(1100, 100);
    const b = scroller(1100, 100);
    sync.register('a', a);
    sync.register('b', b);
    sync.register('b', null);
    a.scrollTop = 100;
    sync.scrolled('a');
    expect(b.scrollTop).toBe(0);
  });
});
