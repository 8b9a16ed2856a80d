import { useMemo } from 'react';
import { JsonView, defaultStyles } from 'react-json-view-lite';
import { withLongStringsCut } from '@/lib/truncate';
import 'react-json-view-lite/dist/index.css';

interface JsonPaneViewProps {
  paneName: string;
  raw: unknown;
  scrollerRef: (element: HTMLElement | null) => void;
  onScroll: () => void;
}

// The library's grey for null fails WCAG contrast: our own class instead.
const jsonStyles = {
  ...defaultStyles,
  nullValue: 'json-null',
  undefinedValue: 'json-null',
};

/** Expanded to depth 2; deeper nodes start collapsed (big results stay light). */
const expandToDepthTwo = (level: number) => level < 2;

/** The response as received, in react-json-view-lite. */
export function JsonPaneView({
  paneName,
  raw,
  scrollerRef,
  onScroll,
}: JsonPaneViewProps) {
  // The viewer wants an object or array; wrap anything else. Strings of
  // millions of characters are cut for display (the export has them whole).
  const data: object = useMemo(
    () =>
      withLongStringsCut(
        typeof raw === 'object' && raw !== null ? raw : { value: raw ?? null },
        ': export the JSON to see them',
      ),
    [raw],
  );
  return (
    <div
      className="pane-scroller json-view"
      ref={scrollerRef}
      onScroll={onScroll}
      role="region"
      aria-label={`JSON view of ${paneName}`}
      tabIndex={0}
    >
      <JsonView
        data={data}
        style={jsonStyles}
        shouldExpandNode={expandToDepthTwo}
        aria-label={`JSON of ${paneName}`}
      />
    </div>
  );
}
