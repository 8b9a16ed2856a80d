import { useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { VIEWS, tabIdOf } from './views';
import type { ViewId } from './views';

interface ViewTabsProps {
  view: ViewId;
  onChange: (view: ViewId) => void;
  /** Ids of the panels (one per pane) the tabs control. */
  panelIds: readonly string[];
}

/** One shared view selection for every pane (arrow keys move between tabs). */
export function ViewTabs({ view, onChange, panelIds }: ViewTabsProps) {
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent) => {
    const index = VIEWS.findIndex((v) => v.id === view);
    const step =
      event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const target =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? VIEWS.length - 1
          : step !== 0
            ? (index + step + VIEWS.length) % VIEWS.length
            : null;
    if (target === null) return;
    event.preventDefault();
    const next = VIEWS[target];
    if (!next) return;
    onChange(next.id);
    tabs.current[target]?.focus();
  };
  return (
    <div role="tablist" aria-label="View" onKeyDown={onKeyDown}>
      {VIEWS.map((v, i) => (
        <button
          key={v.id}
          ref={(el) => {
            tabs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={tabIdOf(v.id)}
          aria-selected={v.id === view}
          aria-controls={v.id === view ? panelIds.join(' ') : undefined}
          tabIndex={v.id === view ? 0 : -1}
          onClick={() => onChange(v.id)}
        >
          {v.label}
        </button>
      ))}
    </div>
  );
}
