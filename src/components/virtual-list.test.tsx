import { createRef } from 'react';
import { act, render, screen, within } from '@testing-library/react';
import { VirtualList } from './virtual-list';
import type { VirtualListHandle } from './virtual-list';

const items = Array.from({ length: 10_000 }, (_, i) => `row ${i}`);

function mountList(ref = createRef<VirtualListHandle>()) {
  render(
    <VirtualList
      ref={ref}
      label="Rows"
      items={items}
      getKey={(item) => item}
      renderItem={(item) => <span>{item}</span>}
      estimateHeight={20}
      overscan={5}
      fallbackViewportHeight={400}
    />,
  );
  return ref;
}

describe('VirtualList', () => {
  it('renders a first window, not every row, when the viewport has no height', () => {
    mountList();
    const list = screen.getByRole('list', { name: 'Rows' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(rows.length).toBeLessThan(100);
    expect(within(list).getByText('row 0')).toBeInTheDocument();
    expect(within(list).queryByText('row 5000')).not.toBeInTheDocument();
  });

  it('tells assistive technology the full size and position', () => {
    mountList();
    const [firstRow] = screen.getAllByRole('listitem');
    expect(firstRow).toHaveAttribute('aria-setsize', '10000');
    expect(firstRow).toHaveAttribute('aria-posinset', '1');
  });

  it('renders a far row after scrollToIndex', () => {
    const handle = mountList();
    act(() => handle.current?.scrollToIndex(5000));
    expect(screen.getByText('row 5000')).toBeInTheDocument();
    expect(screen.queryByText('row 0')).not.toBeInTheDocument();
  });

  it('renders an empty list without rows', () => {
    render(
      <VirtualList
        label="Nothing"
        items={[]}
        getKey={(item: string) => item}
        renderItem={(item) => item}
      />,
    );
    const list = screen.getByRole('list', { name: 'Nothing' });
    expect(within(list).queryAllByRole('listitem')).toHaveLength(0);
  });
});
