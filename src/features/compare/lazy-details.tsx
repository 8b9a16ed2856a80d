import { useState } from 'react';
import type { ReactNode } from 'react';

/** A <details> whose content is only rendered once opened (big diffs stay cheap). */
export function LazyDetails({
  summary,
  children,
}: {
  summary: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && children}
    </details>
  );
}
