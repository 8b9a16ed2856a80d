/** Placeholder until the feature lands. */
export function ConnectionPanel() {
  return (
    <section aria-label="Connection">
      <h2>Connection</h2>
    </section>
  );
}
