/** Placeholder until the feature lands. */
export function CompareView() {
  return (
    <section aria-label="Compare">
      <h2>Compare</h2>
    </section>
  );
}
