/** Placeholder until the feature lands. */
export function HistoryPanel() {
  return (
    <section aria-label="History">
      <h2>History</h2>
    </section>
  );
}
