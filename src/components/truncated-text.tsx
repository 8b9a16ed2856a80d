import { useState } from 'react';
import type { ReactNode } from 'react';
import { DISPLAY_LIMIT, truncateForDisplay } from '@/lib/truncate';

const numberFormat = new Intl.NumberFormat('en');

/** "… 1,980,000 more characters [Show full text]" after cut text. */
export function ShowFullText({
  hidden,
  onShow,
}: {
  hidden: number;
  onShow: () => void;
}) {
  return (
    <span className="truncation-note">
      {' '}
      … {numberFormat.format(hidden)} more characters{' '}
      <button type="button" onClick={onShow}>
        Show full text
      </button>
    </span>
  );
}

/**
 * Text that may be huge: its first `limit` characters (through `render`,
 * e.g. a Markdown renderer or an <ins>), then how much was left out and a
 * button that shows it all. Short text renders as it is.
 */
export function TruncatedText({
  text,
  limit = DISPLAY_LIMIT,
  render = (shown) => shown,
}: {
  text: string;
  limit?: number;
  render?: (shown: string) => ReactNode;
}) {
  const [full, setFull] = useState(false);
  const { shown, hidden } = full
    ? { shown: text, hidden: 0 }
    : truncateForDisplay(text, limit);
  return (
    <>
      {render(shown)}
      {hidden > 0 && (
        <ShowFullText hidden={hidden} onShow={() => setFull(true)} />
      )}
    </>
  );
}
