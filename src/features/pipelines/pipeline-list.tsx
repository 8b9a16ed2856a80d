/** Placeholder until the feature lands. */
export function PipelineList() {
  return (
    <section aria-label="Pipelines">
      <h2>Pipelines</h2>
    </section>
  );
}
