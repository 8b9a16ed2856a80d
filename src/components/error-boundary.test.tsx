import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { ErrorBoundary } from './error-boundary';

let shouldThrow = true;
function Fragile() {
  if (shouldThrow) throw new Error('result shape not understood');
  return <p>Result shown</p>;
}

function Counter() {
  const [count, setCount] = useState(0);
  return (
    <button type="button" onClick={() => setCount(count + 1)}>
      Clicked {count}
    </button>
  );
}

describe('ErrorBoundary', () => {
  beforeEach(() => {
    shouldThrow = true;
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  it('contains a failure to its area and keeps the rest working', async () => {
    const user = userEvent.setup();
    render(
      <>
        <ErrorBoundary area="Compare">
          <Fragile />
        </ErrorBoundary>
        <Counter />
      </>,
    );
    const alert = screen.getByRole('alert', { name: 'Compare error' });
    expect(alert).toHaveTextContent('Compare could not be shown');
    expect(alert).toHaveTextContent('result shape not understood');

    await user.click(screen.getByRole('button', { name: 'Clicked 0' }));
    expect(screen.getByRole('button', { name: 'Clicked 1' })).toBeVisible();
  });

  it('shows the area again after "Try again" once the cause is gone', async () => {
    const user = userEvent.setup();
    render(
      <ErrorBoundary area="Compare">
        <Fragile />
      </ErrorBoundary>,
    );
    shouldThrow = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('Result shown')).toBeVisible();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
