import { useEffect, useRef } from 'react';

/**
 * The visible "current difference" label. Text, not colour alone, so it is
 * announced and seen the same way. Scrolls itself into view when it appears.
 */
export function CurrentMarker({ kind }: { kind: 'current' | 'counterpart' }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    // jsdom has no scrollIntoView.
    ref.current?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, []);
  return (
    <strong ref={ref} className="current-marker">
      {kind === 'current'
        ? '▶ Current difference'
        : '▶ Baseline of the current difference'}
    </strong>
  );
}
