import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Notice } from './notice';

describe('Notice', () => {
  it('announces errors as alerts and can be dismissed', async () => {
    const user = userEvent.setup();
    const onDismiss = vi.fn();
    render(
      <Notice tone="error" title="Storage" onDismiss={onDismiss}>
        Saved settings were unreadable.
      </Notice>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Storage: Saved settings were unreadable.',
    );
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('is plain text for information, with no dismiss button unless asked', () => {
    render(<Notice tone="info">Demo mode.</Notice>);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByText('Demo mode.')).toBeVisible();
  });
});
