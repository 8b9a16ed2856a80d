/** Placeholder until the feature lands. */
export function RunsWorkspace() {
  return (
    <section aria-label="Runs">
      <h2>Runs</h2>
    </section>
  );
}
